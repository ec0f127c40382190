import { ApartmentOutlined, AuditOutlined, KeyOutlined, TeamOutlined } from "@ant-design/icons";
import { Card, Col, Descriptions, Row, Space, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { useNavigate } from "react-router-dom";
import { type Ability, ROLE_LABELS, UNIT_TYPE_LABELS } from "../../../shared/domain";
import { useAuth } from "../../auth/AuthContext";
import { useDocumentTitle } from "../../components/useDocumentTitle";

type Shortcut = { path: string; title: string; description: string; icon: ReactNode; ability?: Ability };

const SHORTCUTS: Shortcut[] = [
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

  const shortcuts = SHORTCUTS.filter((s) => !s.ability || can(s.ability));
  const manageUnits = can("units.manage");

  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {me.user.displayName}，您好
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          欢迎使用法治政府建设督导平台。
          {manageUnits
            ? "您可以维护全区单位名录和单位分组，供方案任务交办时准确识别责任单位。"
            : "您可以查阅全区单位名录。"}
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
      <Row gutter={[16, 16]}>
        {shortcuts.map((s) => (
          <Col key={s.path} xs={24} md={12} xl={6}>
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
