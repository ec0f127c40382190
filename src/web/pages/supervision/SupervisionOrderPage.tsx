import { DownloadOutlined, SendOutlined, StopOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useCallback, useState } from "react";
import { Link, useParams } from "react-router-dom";
import type { SupervisionOrder, SupervisionOrderItem } from "../../../shared/api";
import { OCCURRENCE_STATE_LABELS, type SupervisionOrderLevel } from "../../../shared/domain";
import { orderLink, periodLink } from "../../../shared/links";
import { api, errorMessage } from "../../api/client";
import { useAuth } from "../../auth/AuthContext";
import { FormModal } from "../../components/FormModal";
import { keyed } from "../../components/keyed";
import { PageLoading } from "../../components/PageLoading";
import { NotFound } from "../../components/ResultPages";
import { SaveErrorAlert } from "../../components/SaveErrorAlert";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useFormSave } from "../../components/useFormSave";
import { useRemote } from "../../components/useRemote";
import { timeText } from "../reports/labels";
import { LEVEL_OPTIONS, LevelTag, OrderStatusTag } from "./labels";

type DraftValues = { level: SupervisionOrderLevel; title: string; body: string; replyBy: Dayjs };
const DRAFT_FIELDS = ["level", "title", "body", "replyBy"] as const;

const draftValues = (order: SupervisionOrder): DraftValues => ({
  level: order.level,
  title: order.title,
  body: order.body,
  replyBy: dayjs(order.replyBy),
});

/** The order as it will be printed: number, title, addressee, body. */
function OrderText({ order }: { order: SupervisionOrder }) {
  return (
    <div data-testid="order-text" style={{ maxWidth: 760 }}>
      <Typography.Paragraph style={{ textAlign: "center", marginBottom: 4 }}>
        {order.docNumber ?? "（签发后编号）"}
      </Typography.Paragraph>
      <Typography.Title level={4} style={{ textAlign: "center" }}>
        {order.title}
      </Typography.Title>
      <Typography.Paragraph>{order.unit.name}：</Typography.Paragraph>
      {keyed(order.body.split("\n"), (line) => line).map(([key, line]) => (
        <Typography.Paragraph key={key} style={{ textIndent: "2em" }}>
          {line}
        </Typography.Paragraph>
      ))}
    </div>
  );
}

function OrderFacts({ order }: { order: SupervisionOrder }) {
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      items={[
        { key: "plan", label: "所属方案", children: order.plan.title, span: 2 },
        { key: "unit", label: "被督办单位", children: order.unit.name },
        { key: "count", label: "督办事项", children: `${order.itemCount} 项，最长逾期 ${order.daysOverdue} 天` },
        { key: "reply", label: "整改时限", children: order.replyBy },
        { key: "source", label: "生成方式", children: order.automatic ? "系统按督办规则生成" : "手工起草" },
        ...(order.issuedAt
          ? [{ key: "issued", label: "签发", children: `${order.issuedBy ?? ""} ${timeText(order.issuedAt)}` }]
          : []),
        ...(order.cancelledReason ? [{ key: "cancelled", label: "撤销原因", children: order.cancelledReason }] : []),
      ]}
    />
  );
}

/**
 * The order's items: for the office, links to each period and (on a draft) a way to take one out; for the unit, where
 * to report each. Items taken out are listed after, greyed, with why.
 */
function OrderItems({
  order,
  unitView,
  onDrop,
}: {
  order: SupervisionOrder;
  unitView: boolean;
  onDrop?: (item: SupervisionOrderItem) => void;
}) {
  const columns: TableColumnsType<SupervisionOrderItem> = [
    { title: "序号", key: "n", width: 60, render: (_, __, n) => n + 1 },
    {
      title: "任务",
      key: "task",
      render: (_, item) => (
        <Link to={periodLink(item.assignmentId, item.period)}>
          <Typography.Text
            ellipsis={{ tooltip: item.task.text }}
            style={{ maxWidth: 380 }}
            delete={!!item.droppedReason}
          >
            {item.taskReference}
          </Typography.Text>
        </Link>
      ),
    },
    { title: "报送期次", dataIndex: "period", width: 150 },
    { title: "完成时限", dataIndex: "dueOn", width: 110 },
    { title: "逾期天数", dataIndex: "daysOverdue", width: 90, align: "right" },
    {
      title: "现状",
      key: "state",
      width: 150,
      render: (_, item) =>
        item.droppedReason ? (
          <Typography.Text type="secondary">已移出：{item.droppedReason}</Typography.Text>
        ) : item.periodState ? (
          OCCURRENCE_STATE_LABELS[item.periodState]
        ) : (
          "—"
        ),
    },
    ...(onDrop || unitView
      ? [
          {
            title: "操作",
            key: "actions",
            width: 130,
            render: (_: unknown, item: SupervisionOrderItem) =>
              item.droppedReason ? null : unitView ? (
                <Link to={periodLink(item.assignmentId, item.period)}>报送整改进展</Link>
              ) : (
                <Popconfirm
                  title="移出督办事项"
                  description="移出后本单不再督办该期次。"
                  okText="移出"
                  disabled={order.itemCount <= 1}
                  onConfirm={() => onDrop?.(item)}
                >
                  <Button size="small" type="link" danger disabled={order.itemCount <= 1}>
                    移出
                  </Button>
                </Popconfirm>
              ),
          },
        ]
      : []),
  ];
  return (
    <Table
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={order.items}
      pagination={false}
      scroll={{ x: 760 }}
      data-testid="order-items"
      rowClassName={(item) => (item.droppedReason ? "order-item-dropped" : "")}
    />
  );
}

function CancelModal({
  order,
  onDone,
  onClose,
}: {
  order: SupervisionOrder;
  onDone: (o: SupervisionOrder) => void;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const { saving, error, save } = useFormSave(form, ["reason"]);
  const submit = async () => {
    const { reason } = await form.validateFields();
    await save(async () => onDone(await api.supervisionOrders.cancel(order.id, { version: order.version, reason })));
  };
  return (
    <FormModal
      title={order.status === "issued" ? "撤销已签发的督办单" : "撤销督办单草稿"}
      okText="撤销"
      saving={saving}
      onOk={submit}
      onClose={onClose}
    >
      <SaveErrorAlert error={error} />
      {order.status === "issued" && (
        <Alert type="warning" showIcon title="撤销后将通知被督办单位，文号不再使用。" style={{ marginBottom: 16 }} />
      )}
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label="撤销原因"
          rules={[{ required: true, whitespace: true, message: "请填写撤销原因" }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function OrderDetail({ id }: { id: number }) {
  const { can } = useAuth();
  const { message } = App.useApp();
  const manages = can("supervision.manage");
  const fetch = useCallback(() => api.supervisionOrders.get(id), [id]);
  const { data: order, loading, error, setData } = useRemote<SupervisionOrder | null>(fetch, null);
  const [form] = Form.useForm<DraftValues>();
  const { saving, error: saveError, save, conflictOffer } = useFormSave<SupervisionOrder>(form, DRAFT_FIELDS);
  const [cancelling, setCancelling] = useState(false);
  const [issuing, setIssuing] = useState(false);
  useDocumentTitle(order ? (order.docNumber ?? "督办单草稿") : "督办单");

  if (!order) return loading ? <PageLoading /> : <NotFound />;
  const editable = manages && order.status === "draft";

  const show = (next: SupervisionOrder) => {
    setData(next);
    form.setFieldsValue(draftValues(next));
  };
  /** Saves the draft; answers the order as saved, or null when it was not. */
  const saveDraft = async () => {
    const values = await form.validateFields();
    const saved = await save(
      async () => {
        const next = await api.supervisionOrders.update(order.id, {
          version: order.version,
          level: values.level,
          title: values.title,
          body: values.body,
          replyBy: values.replyBy.format("YYYY-MM-DD"),
        });
        show(next);
        return next;
      },
      { onConflict: async () => api.supervisionOrders.get(order.id) },
    );
    return saved?.value ?? null;
  };
  const dropItem = async (item: SupervisionOrderItem) => {
    try {
      show(await api.supervisionOrders.update(order.id, { version: order.version, dropItems: [item.id] }));
      message.success(`已移出${item.taskReference}`);
    } catch (failure) {
      message.error(errorMessage(failure));
    }
  };
  const issue = async () => {
    setIssuing(true);
    try {
      // what is in the form is what gets issued
      const current = form.isFieldsTouched() ? await saveDraft() : order;
      if (!current) return;
      const issued = await api.supervisionOrders.issue(order.id, current.version);
      show(issued);
      message.success(`已签发 ${issued.docNumber}，已通知${issued.unit.name}`);
    } catch (failure) {
      message.error(errorMessage(failure));
    } finally {
      setIssuing(false);
    }
  };

  return (
    <Flex vertical gap={16}>
      <Breadcrumb items={[{ title: <Link to={orderLink()}>督办单</Link> }, { title: order.docNumber ?? "草稿" }]} />
      {error && <Alert type="error" showIcon title={error} />}
      <Card
        title={
          <Space>
            <LevelTag level={order.level} />
            <span>{order.docNumber ?? "督办单草稿"}</span>
            <OrderStatusTag status={order.status} />
          </Space>
        }
        extra={
          <Space wrap>
            <Button
              icon={<DownloadOutlined />}
              onClick={() =>
                api.supervisionOrders
                  .downloadDocx(order.id, `${order.docNumber ?? "督办单草稿"}-${order.unit.name}`)
                  .catch((failure) => message.error(errorMessage(failure)))
              }
            >
              下载Word
            </Button>
            {editable && (
              <Popconfirm
                title="签发督办单"
                description={`签发后编号并通知${order.unit.name}，不能再修改。`}
                okText="签发"
                onConfirm={issue}
              >
                <Button type="primary" icon={<SendOutlined />} loading={issuing}>
                  签发
                </Button>
              </Popconfirm>
            )}
            {manages && order.status !== "cancelled" && (
              <Button danger icon={<StopOutlined />} onClick={() => setCancelling(true)}>
                撤销
              </Button>
            )}
          </Space>
        }
      >
        <Flex vertical gap={16}>
          <OrderFacts order={order} />
          <OrderItems order={order} unitView={!manages} onDrop={editable ? dropItem : undefined} />
          {editable ? (
            <Form form={form} layout="vertical" initialValues={draftValues(order)} style={{ maxWidth: 760 }}>
              <SaveErrorAlert error={saveError} conflict={conflictOffer(show)} />
              <Flex gap={16} wrap>
                <Form.Item name="level" label="督办等级" style={{ width: 180 }}>
                  <Select options={LEVEL_OPTIONS} />
                </Form.Item>
                <Form.Item name="replyBy" label="整改时限" rules={[{ required: true, message: "请选择整改时限" }]}>
                  <DatePicker disabledDate={(day) => day.isBefore(dayjs(), "day")} />
                </Form.Item>
              </Flex>
              <Form.Item
                name="title"
                label="标题"
                rules={[{ required: true, whitespace: true, message: "请填写标题" }]}
              >
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="body" label="正文" rules={[{ required: true, whitespace: true, message: "请填写正文" }]}>
                <Input.TextArea autoSize={{ minRows: 5, maxRows: 14 }} maxLength={5000} />
              </Form.Item>
              <Button onClick={saveDraft} loading={saving}>
                保存草稿
              </Button>
            </Form>
          ) : (
            <OrderText order={order} />
          )}
        </Flex>
      </Card>
      {cancelling && (
        <CancelModal
          order={order}
          onClose={() => setCancelling(false)}
          onDone={(next) => {
            setCancelling(false);
            show(next);
            message.success("督办单已撤销");
          }}
        />
      )}
    </Flex>
  );
}

/** One supervision order: the coordinator edits a draft and issues it; the unit reads what it was sent. */
export default function SupervisionOrderPage() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id < 1) return <NotFound />;
  return <OrderDetail key={id} id={id} />;
}
