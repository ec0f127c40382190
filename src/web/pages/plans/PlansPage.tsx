import { UploadOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Typography,
} from "antd";
import dayjs from "dayjs";
import { useCallback, useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import type { Plan, PlanDetail } from "../../../shared/api";
import type { PlanStatus } from "../../../shared/domain";
import { api, errorMessage } from "../../api/client";
import { useAuth } from "../../auth/AuthContext";
import { RefreshButton } from "../../components/ToolbarButtons";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useRemote } from "../../components/useRemote";
import { PLAN_STATUS_OPTIONS, PlanStatusTag, periodText } from "./labels";
import { PlanCreateModal } from "./PlanCreateModal";
import { PlanImportModal } from "./PlanImportModal";

type Filters = { q: string; status: PlanStatus | undefined };

/** 方案管理: the plans imported or written here, with import, create by hand and the way into each plan's review. */
export default function PlansPage() {
  useDocumentTitle("方案管理");
  const { can } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const manage = can("plans.manage");
  const followsProgress = can("assignments.read_all");
  const [filters, setFilters] = useState<Filters>({ q: "", status: undefined });
  const [searchText, setSearchText] = useState("");
  const [dialog, setDialog] = useState<"import" | "create" | null>(null);

  const listPlans = useCallback(
    async () => (await api.plans.list({ q: filters.q.trim() || undefined, status: filters.status })).items,
    [filters],
  );
  const { data: plans, loading, error: loadError, reload } = useRemote<Plan[]>(listPlans, []);

  const remove = async (plan: Plan) => {
    try {
      await api.plans.remove(plan.id, plan.version);
      message.success(`已删除方案草稿「${plan.title}」`);
    } catch (failure) {
      message.error(errorMessage(failure));
    }
    reload();
  };

  const open = (plan: PlanDetail, how: string) => {
    setDialog(null);
    message.success(`${how}「${plan.title}」`);
    navigate(`/plans/${plan.id}`);
  };

  const columns: TableColumnsType<Plan> = [
    {
      title: "标题",
      dataIndex: "title",
      key: "title",
      render: (title: string, plan) => <Link to={`/plans/${plan.id}`}>{title}</Link>,
    },
    {
      title: "文号",
      dataIndex: "docNumber",
      key: "docNumber",
      width: 150,
      render: (value: string | null) => value ?? "—",
    },
    {
      title: "年度",
      key: "period",
      width: 90,
      render: (_, plan) => periodText(plan.year, plan.endYear),
    },
    {
      title: "状态",
      dataIndex: "status",
      key: "status",
      width: 80,
      render: (status: PlanStatus) => <PlanStatusTag status={status} />,
    },
    { title: "任务数", dataIndex: "taskCount", key: "taskCount", width: 70, align: "right" },
    {
      title: "待处理表述",
      dataIndex: "unresolvedCount",
      key: "unresolvedCount",
      width: 96,
      align: "right",
      render: (count: number) =>
        count > 0 ? <Typography.Text type="danger">{count}</Typography.Text> : <Typography.Text>0</Typography.Text>,
    },
    { title: "交办数", dataIndex: "assignmentCount", key: "assignmentCount", width: 80, align: "right" },
    {
      title: "更新时间",
      dataIndex: "updatedAt",
      key: "updatedAt",
      width: 150,
      // beside the fixed 操作 column where the screen has room (1366 px shows the counts)
      responsive: ["xxl"],
      render: (at: string) => dayjs(at).format("YYYY-MM-DD HH:mm"),
    },
    {
      title: "操作",
      key: "actions",
      width: followsProgress || manage ? 140 : 70,
      fixed: "end",
      render: (_, plan) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => navigate(`/plans/${plan.id}`)}>
            {manage && plan.status === "draft" ? "审核" : "查看"}
          </Button>
          {followsProgress && plan.status !== "draft" && (
            <Button type="link" size="small" onClick={() => navigate(`/plans/${plan.id}/progress`)}>
              进展情况
            </Button>
          )}
          {manage && plan.status === "draft" && (
            <Popconfirm
              title={`删除方案草稿「${plan.title}」？`}
              description="删除后不再出现在列表中，原文件和删除记录保留在审计日志中。"
              okText="删除"
              okButtonProps={{ danger: true }}
              onConfirm={() => remove(plan)}
            >
              <Button type="link" size="small" danger>
                删除
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  const filtered = Boolean(filters.q || filters.status);

  return (
    <Card title="方案管理">
      <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
        <Flex wrap gap={12} justify="space-between">
          <Flex wrap gap={12}>
            <Input.Search
              aria-label="搜索方案"
              allowClear
              placeholder="搜索标题、文号或发文机关"
              value={searchText}
              onChange={(event) => setSearchText(event.target.value)}
              onSearch={(value) => setFilters((f) => ({ ...f, q: value }))}
              style={{ width: 280 }}
            />
            <Select
              aria-label="方案状态"
              placeholder="全部状态"
              allowClear
              options={PLAN_STATUS_OPTIONS}
              value={filters.status}
              onChange={(status: PlanStatus | undefined) => setFilters((f) => ({ ...f, status }))}
              style={{ width: 140 }}
            />
            <RefreshButton onClick={() => void reload()} />
          </Flex>
          {manage && (
            <Flex gap={12}>
              <Button onClick={() => setDialog("create")}>手工新建</Button>
              <Button type="primary" icon={<UploadOutlined />} onClick={() => setDialog("import")}>
                导入方案
              </Button>
            </Flex>
          )}
        </Flex>
        {loadError && <Alert type="error" showIcon title={loadError} />}
        <Table<Plan>
          rowKey="id"
          size="middle"
          loading={loading}
          columns={columns}
          dataSource={plans}
          scroll={{ x: 900 }}
          pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => `共 ${total} 个方案` }}
          locale={{
            emptyText: filtered ? "没有符合条件的方案" : manage ? "暂无方案，可点击“导入方案”上传文件" : "暂无方案",
          }}
        />
      </Space>
      {dialog === "import" && (
        <PlanImportModal
          onClose={() => {
            setDialog(null);
            // an import stopped as its upload finished may still have become a draft
            void reload();
          }}
          onImported={(plan) => open(plan, "已导入")}
        />
      )}
      {dialog === "create" && (
        <PlanCreateModal onClose={() => setDialog(null)} onCreated={(plan) => open(plan, "已新建方案")} />
      )}
    </Card>
  );
}
