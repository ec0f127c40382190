import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Col, Form, Input, InputNumber, Row, Select } from "antd";
import { OP_OPTIONS, type Target } from "./targets";

export type TargetFormValue = Partial<Target>;

/** The form's target as the API takes it; without words of its own it is written out from its parts. */
export function targetOf(value: TargetFormValue): Target {
  const metric = (value.metric ?? "").trim();
  const op = value.op ?? ">=";
  const unit = (value.unit ?? "").trim();
  const amount = value.value ?? 0;
  const symbol = OP_OPTIONS.find((o) => o.value === op)?.label ?? op;
  const period = value.period?.trim();
  return {
    text: value.text?.trim() || `${metric}${symbol}${amount}${unit}`,
    metric,
    op,
    value: amount,
    unit,
    ...(period ? { period } : {}),
  };
}

/** A task's 指标: a measured quantity, a comparison and a value, as the plan states them. */
export function TargetsField() {
  return (
    <Form.List name="targets">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              style={{ marginBottom: 12 }}
              title={`指标 ${index + 1}`}
              extra={
                <Button
                  type="text"
                  danger
                  size="small"
                  icon={<DeleteOutlined />}
                  aria-label={`删除指标 ${index + 1}`}
                  onClick={() => remove(field.name)}
                />
              }
            >
              <Row gutter={8}>
                <Col span={10}>
                  <Form.Item
                    name={[field.name, "metric"]}
                    label="指标名称"
                    rules={[
                      { required: true, whitespace: true, message: "请输入指标名称" },
                      { max: 200, message: "不能超过 200 个字" },
                    ]}
                  >
                    <Input placeholder="如“行政复议纠错率”" />
                  </Form.Item>
                </Col>
                <Col span={4}>
                  <Form.Item name={[field.name, "op"]} label="比较">
                    <Select options={OP_OPTIONS} />
                  </Form.Item>
                </Col>
                <Col span={5}>
                  <Form.Item
                    name={[field.name, "value"]}
                    label="数值"
                    rules={[{ required: true, message: "请输入数值" }]}
                  >
                    <InputNumber style={{ width: "100%" }} />
                  </Form.Item>
                </Col>
                <Col span={5}>
                  <Form.Item
                    name={[field.name, "unit"]}
                    label="单位"
                    rules={[{ max: 20, message: "不能超过 20 个字" }]}
                  >
                    <Input placeholder="如 %、件" />
                  </Form.Item>
                </Col>
              </Row>
              <Row gutter={8}>
                <Col span={16}>
                  <Form.Item
                    name={[field.name, "text"]}
                    label="原文表述"
                    rules={[{ max: 500, message: "不能超过 500 个字" }]}
                  >
                    <Input placeholder="不填时自动生成" />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item
                    name={[field.name, "period"]}
                    label="统计周期"
                    rules={[{ max: 20, message: "不能超过 20 个字" }]}
                  >
                    <Input placeholder="如“年度”，可不填" />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          ))}
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            onClick={() => add({ op: ">=", unit: "%", text: "" } satisfies TargetFormValue)}
          >
            添加指标
          </Button>
        </>
      )}
    </Form.List>
  );
}
