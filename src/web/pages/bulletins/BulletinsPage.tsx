import { Alert, Card, Flex, Input, Segmented, Select, Space, Table, type TableColumnsType, Typography } from "antd";
import { useCallback, useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import type { BulletinList, BulletinSummary } from "../../../shared/api";
import type { BulletinStatus } from "../../../shared/domain";
import { bulletinLink } from "../../../shared/links";
import { api } from "../../api/client";
import { useAuth } from "../../auth/AuthContext";
import { CreateButton, ExportButton, RefreshButton } from "../../components/ToolbarButtons";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useRemote } from "../../components/useRemote";
import { useSearchBox } from "../../components/useSearchBox";
import { useSeenPlans } from "../../components/useSeenPlans";
import { timeText } from "../reports/labels";
import { GenerateBulletinModal } from "./GenerateBulletinModal";
import { BULLETIN_STATUS_OPTIONS, BulletinStatusTag } from "./labels";

const EMPTY: BulletinList = { items: [], total: 0 };

const columns: TableColumnsType<BulletinSummary> = [
  {
    title: "文号",
    key: "docNumber",
    width: 170,
    render: (_, b) => <Link to={bulletinLink(b.id)}>{b.docNumber ?? "（未发布）"}</Link>,
  },
  {
    title: "标题",
    key: "title",
    render: (_, b) => (
      <Link to={bulletinLink(b.id)}>
        <Typography.Text ellipsis={{ tooltip: b.title }} style={{ maxWidth: 420 }}>
          {b.title}
        </Typography.Text>
      </Link>
    ),
  },
  { title: "期间", dataIndex: "periodName", width: 180 },
  { title: "被点名单位", dataIndex: "namedUnits", width: 100, align: "right" },
  { title: "状态", key: "status", width: 90, render: (_, b) => <BulletinStatusTag status={b.status} /> },
  {
    title: "发布时间",
    key: "publishedAt",
    width: 150,
    render: (_, b) => (b.publishedAt ? timeText(b.publishedAt) : "—"),
  },
];

/**
 * 通报: the office generates a bulletin for a plan and a period, edits and publishes it; the leaders read them all;
 * a unit reads the published ones, which go to every unit.
 */
export default function BulletinsPage() {
  useDocumentTitle("通报");
  const { can } = useAuth();
  const manages = can("supervision.manage");
  const navigate = useNavigate();
  const [planId, setPlanId] = useState<number>();
  const [status, setStatus] = useState<BulletinStatus>();
  const [generating, setGenerating] = useState(false);

  const [q, setQ] = useState<string>();
  const search = useSearchBox(setQ);
  const fetch = useCallback(() => api.bulletins.list({ planId, status, q }), [planId, status, q]);
  const { data, loading, error, reload } = useRemote(fetch, EMPTY);
  const plans = useSeenPlans(data.items, (b) => b.plan);

  return (
    <Card
      title="通报"
      extra={
        <Space>
          <RefreshButton onClick={reload} />
          {/* what the search box says, even while the list is a moment behind the typing */}
          <ExportButton onExport={() => api.bulletins.exportList({ planId, status, q: search.typed })} />
          {manages && <CreateButton onClick={() => setGenerating(true)}>生成通报</CreateButton>}
        </Space>
      }
      styles={{ body: { display: "flex", flexDirection: "column", gap: 16 } }}
    >
      {error && <Alert type="error" showIcon title={error} />}
      <Flex gap={12} wrap align="center">
        {(manages || can("assignments.read_all")) && (
          <Segmented
            value={status ?? "all"}
            onChange={(value) => setStatus(value === "all" ? undefined : (value as BulletinStatus))}
            options={[{ value: "all", label: "全部" }, ...BULLETIN_STATUS_OPTIONS]}
          />
        )}
        <Select
          allowClear
          placeholder="按方案筛选"
          style={{ minWidth: 280 }}
          value={planId}
          onChange={setPlanId}
          options={plans}
        />
        <Input.Search aria-label="搜索通报" placeholder="搜索通报标题或方案" {...search.input} style={{ width: 240 }} />
      </Flex>
      <Table
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data.items}
        locale={{ emptyText: manages ? "暂无通报，可点击“生成通报”" : "暂无已发布的通报" }}
        pagination={{ pageSize: 20, showTotal: (total) => `共 ${total} 份`, showSizeChanger: false }}
      />
      {generating && (
        <GenerateBulletinModal
          planId={planId}
          onClose={() => setGenerating(false)}
          onDone={(bulletin) => {
            setGenerating(false);
            navigate(bulletinLink(bulletin.id));
          }}
        />
      )}
    </Card>
  );
}
