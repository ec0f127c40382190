import {
  ApartmentOutlined,
  AuditOutlined,
  FileTextOutlined,
  KeyOutlined,
  ScheduleOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import { Card, Col, Descriptions, Row, Space, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { useNavigate } from "react-router-dom";
import { type Ability, ROLE_LABELS, UNIT_TYPE_LABELS } from "../../../shared/domain";
import { useAuth } from "../../auth/AuthContext";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { InboxTrays } from "./InboxTrays";

type Shortcut = {
  path: string;
  title: string;
  description: string;
  icon: ReactNode;
  ability?: Ability;
  /** shown only to users without this ability (they have another shortcut for the same page) */
  unless?: Ability;
};

const SHORTCUTS: Shortcut[] = [
  {
    path: "/assignments",
    title: "我的任务",
    description: "查看本单位承担的任务和完成时限，签收新交办的任务，按期报送工作进展和佐证材料。",
    icon: <ScheduleOutlined />,
    ability: "assignments.read",
    unless: "assignments.read_all",
  },
  {
    path: "/plans",
    title: "方案管理",
    description: "导入实施方案和工作要点，核对识别出的任务和责任单位，确认后交办。",
    icon: <FileTextOutlined />,
    ability: "plans.read",
  },
  {
    path: "/assignments",
    title: "交办情况",
    description: "按单位、方案和完成时限查看各单位的任务签收、报送和红黄绿灯情况。",
    icon: <ScheduleOutlined />,
    ability: "assignments.read_all",
  },
  {
    path: "/units",
    title: "单位管理",
    description: "查看全区单位名录、别名和单位分组，核对文件中的单位名称。",
    icon: <ApartmentOutlined />,
    ability: "units.read",
  },
  {
    path: "/users",
    title: "用户管理",
    description: "新建账号、分配角色和所属单位，停用、解锁账号或重置密码。",
    icon: <TeamOutlined />,
    ability: "users.manage",
  },
  {
    path: "/audit",
    title: "审计日志",
    description: "查询登录和每一次数据变更的记录：谁、何时、改了什么。",
    icon: <AuditOutlined />,
    ability: "audit.read",
  },
  {
    path: "/account/password",
    title: "修改密码",
    description: "定期修改登录密码，保护账号安全。",
    icon: <KeyOutlined />,
  },
];

export default function HomePage() {
  useDocumentTitle("工作台");
  const { me, can } = useAuth();
  const navigate = useNavigate();
  if (!me) return null;

  const shortcuts = SHORTCUTS.filter((s) => (!s.ability || can(s.ability)) && !(s.unless && can(s.unless)));
  const welcome = can("plans.manage")
    ? "您可以导入方案、核对识别出的任务和责任单位后交办，审核各单位报送的进展，跟踪红黄绿灯，并维护全区单位名录。"
    : can("plans.read")
      ? "您可以查阅各方案及其任务分工，在“交办情况”和各方案的“进展情况”中了解各单位的进展。"
      : "您可以在“我的任务”中查看本单位承担的任务和完成时限，签收新交办的任务，并按期报送工作进展。";

  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {me.user.displayName}，您好
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          欢迎使用法治政府建设督导平台。
          {welcome}
        </Typography.Paragraph>
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label="用户名">{me.user.username}</Descriptions.Item>
          <Descriptions.Item label="所属单位">
            {me.unit ? `${me.unit.name}（${UNIT_TYPE_LABELS[me.unit.type]}）` : "未分配单位"}
          </Descriptions.Item>
          <Descriptions.Item label="角色">
            {me.roles.map((role) => (
              <Tag key={role} color="blue">
                {ROLE_LABELS[role]}
              </Tag>
            ))}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <InboxTrays />
      <Row gutter={[16, 16]}>
        {shortcuts.map((s) => (
          <Col key={s.title} xs={24} md={12} xl={6}>
            <Card hoverable onClick={() => navigate(s.path)} style={{ height: "100%" }}>
              <Card.Meta
                avatar={<span style={{ fontSize: 24, color: "#1677ff" }}>{s.icon}</span>}
                title={s.title}
                description={s.description}
              />
            </Card>
          </Col>
        ))}
      </Row>
    </Space>
  );
}
