import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Typography,
} from "antd";
import { DEADLINE_KIND_LABELS, type DeadlineKind } from "../../../components/deadlines";
import {
  type DayValue,
  type DeadlineFormValue,
  deadlineOf,
  type Every,
  KIND_FIELDS,
  PERIOD_FIELDS,
  type RelativeUnit,
  ruleChanged,
  type YearAt,
} from "./deadlineForm";

const KIND_OPTIONS = (Object.entries(DEADLINE_KIND_LABELS) as [DeadlineKind, string][]).map(([value, label]) => ({
  value,
  label,
}));

const EVERY_OPTIONS: { value: Every; label: string }[] = [
  { value: "year", label: "每年" },
  { value: "half-year", label: "每半年" },
  { value: "quarter", label: "每季度" },
  { value: "month", label: "每月" },
  { value: "week", label: "每周（按月报送）" },
];

const YEAR_AT_OPTIONS: { value: YearAt; label: string }[] = [
  { value: "month", label: "指定月份" },
  { value: "quarter", label: "指定季度末" },
  { value: "上半年", label: "上半年" },
  { value: "下半年", label: "下半年" },
  { value: "年底前", label: "年底前" },
  { value: "年初", label: "年初（一季度内）" },
];

const MONTH_OPTIONS = Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1}月` }));
const QUARTER_OPTIONS = [1, 2, 3, 4].map((q) => ({ value: q, label: `第${"一二三四"[q - 1]}季度末` }));
const DAYS = Array.from({ length: 31 }, (_, i) => ({ value: (i + 1) as DayValue, label: `${i + 1}日前` }));
const MONTH_DAY_OPTIONS: { value: DayValue; label: string }[] = [
  { value: "end", label: "月底前" },
  { value: "before", label: "当月开始前" },
  ...DAYS,
];
const PERIOD_DAY_OPTIONS: { value: DayValue; label: string }[] = [{ value: "end", label: "期末" }, ...DAYS];

const RELATIVE_UNIT_OPTIONS: { value: RelativeUnit; label: string }[] = [
  { value: "workday", label: "个工作日" },
  { value: "day", label: "日" },
  { value: "month", label: "个月" },
];

/** Clears the fields of one deadline that no longer apply: a hidden value must not ride along into the rule. */
function useClear(name: number) {
  const form = Form.useFormInstance();
  return (fields: readonly string[]) => {
    for (const field of fields) form.setFieldValue(["deadlines", name, field], undefined);
  };
}

/** The fields that give the rule of one deadline, by its kind. */
function RuleFields({ name }: { name: number }) {
  const form = Form.useFormInstance();
  const value = Form.useWatch(["deadlines", name], form) as DeadlineFormValue | undefined;
  const clear = useClear(name);
  const kind = value?.kind;

  if (kind === "date" || kind === "until") {
    return (
      <Row gutter={8}>
        <Col span={12}>
          <Form.Item
            name={[name, "due"]}
            label={kind === "date" ? "截止日期" : "截至日期"}
            rules={[{ required: true, warningOnly: true, message: "未填日期时不会生成截止日期" }]}
          >
            <DatePicker style={{ width: "100%" }} placeholder="选择日期" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={[name, "thenOngoing"]} valuePropName="checked" label=" ">
            <Checkbox>到期后长期坚持</Checkbox>
          </Form.Item>
        </Col>
      </Row>
    );
  }
  if (kind === "recurring") {
    const every = value?.every;
    const yearAt = value?.yearAt;
    return (
      <Row gutter={8}>
        <Col span={8}>
          <Form.Item name={[name, "every"]} label="周期" rules={[{ required: true, message: "请选择周期" }]}>
            <Select options={EVERY_OPTIONS} placeholder="请选择" onChange={() => clear(PERIOD_FIELDS)} />
          </Form.Item>
        </Col>
        {every === "year" && (
          <Col span={8}>
            <Form.Item name={[name, "yearAt"]} label="每年的时间">
              <Select
                options={YEAR_AT_OPTIONS}
                placeholder="年底前"
                allowClear
                onChange={() => clear(["month", "day", "quarter"])}
              />
            </Form.Item>
          </Col>
        )}
        {every === "year" && yearAt === "month" && (
          <>
            <Col span={4}>
              <Form.Item name={[name, "month"]} label="月份" rules={[{ required: true, message: "请选择月份" }]}>
                <Select options={MONTH_OPTIONS} />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name={[name, "day"]} label="日期">
                <Select options={MONTH_DAY_OPTIONS} placeholder="月底前" allowClear />
              </Form.Item>
            </Col>
          </>
        )}
        {every === "year" && yearAt === "quarter" && (
          <Col span={8}>
            <Form.Item name={[name, "quarter"]} label="季度" rules={[{ required: true, message: "请选择季度" }]}>
              <Select options={QUARTER_OPTIONS} />
            </Form.Item>
          </Col>
        )}
        {(every === "quarter" || every === "month") && (
          <Col span={8}>
            <Form.Item
              name={[name, "day"]}
              label={every === "quarter" ? "报送时间" : "每月的日期"}
              extra={every === "quarter" ? "选日期时指季度结束后次月的该日。" : undefined}
            >
              <Select
                options={
                  every === "quarter" ? PERIOD_DAY_OPTIONS : MONTH_DAY_OPTIONS.filter((o) => o.value !== "before")
                }
                placeholder="期末"
                allowClear
              />
            </Form.Item>
          </Col>
        )}
      </Row>
    );
  }
  if (kind === "relative") {
    return (
      <Row gutter={8}>
        <Col span={12}>
          <Form.Item name={[name, "after"]} label="自何时起算" rules={[{ max: 60, message: "不能超过 60 个字" }]}>
            <Input placeholder="如“作出决定之日”" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name={[name, "amount"]} label="期限" rules={[{ required: true, message: "请输入期限" }]}>
            <InputNumber min={1} max={3650} precision={0} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name={[name, "unit"]} label="单位" rules={[{ required: true, message: "请选择单位" }]}>
            <Select options={RELATIVE_UNIT_OPTIONS} placeholder="请选择" />
          </Form.Item>
        </Col>
      </Row>
    );
  }
  if (kind === "ongoing") {
    return (
      <Typography.Text type="secondary">
        长期坚持的任务没有截止日期，各单位按方案的报送周期报送工作进展。
      </Typography.Text>
    );
  }
  return null;
}

/** The kind and the words of one deadline, and what the reviewer must still look at. */
function DeadlineHead({ name }: { name: number }) {
  const form = Form.useFormInstance();
  const value = Form.useWatch(["deadlines", name], form) as DeadlineFormValue | undefined;
  const clear = useClear(name);
  // the document's words no longer say what the edited rule says, and units read the words
  const stale = Boolean(value?.original && value.text?.trim() === value.original.text.trim() && ruleChanged(value));
  return (
    <>
      {value?.unparsed && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="系统未能识别这条时限，请核对原文后选择类型并补充。"
          action={
            value.kind === "ongoing" ? (
              <Button size="small" onClick={() => form.setFieldValue(["deadlines", name, "unparsed"], false)}>
                已核对，按长期坚持处理
              </Button>
            ) : undefined
          }
        />
      )}
      <Row gutter={8}>
        <Col span={8}>
          <Form.Item name={[name, "kind"]} label="类型" rules={[{ required: true, message: "请选择类型" }]}>
            <Select options={KIND_OPTIONS} onChange={() => clear(KIND_FIELDS)} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item
            name={[name, "text"]}
            label="原文表述"
            extra={
              stale ? (
                <Typography.Text type="warning">
                  时限已修改，但原文表述仍是修改前的文字（各单位看到的是原文表述）。请一并修改，或清空后按新规则自动生成。
                </Typography.Text>
              ) : (
                "不填时按所选规则自动生成。"
              )
            }
            rules={[{ max: 200, message: "不能超过 200 个字" }]}
          >
            <Input placeholder={value?.kind ? deadlineOf({ ...value, text: "" }).text : "如“每年2月底前”"} allowClear />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

/** A task's 完成时限: any number of deadlines, each a kind with its rule and the words of the document. */
export function DeadlinesField() {
  return (
    <Form.List name="deadlines">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              style={{ marginBottom: 12 }}
              title={`完成时限 ${index + 1}`}
              extra={
                <Button
                  type="text"
                  danger
                  size="small"
                  icon={<DeleteOutlined />}
                  aria-label={`删除完成时限 ${index + 1}`}
                  onClick={() => remove(field.name)}
                />
              }
            >
              <DeadlineHead name={field.name} />
              <RuleFields name={field.name} />
            </Card>
          ))}
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            onClick={() => add({ kind: "date", text: "", due: null } satisfies DeadlineFormValue)}
          >
            添加完成时限
          </Button>
        </>
      )}
    </Form.List>
  );
}
