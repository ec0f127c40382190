import { Col, Form, InputNumber, Row, Select, Switch, Typography } from "antd";
import type { PlanDetail, SupervisionRulesSchema } from "../../../../shared/api";

export type RulesFormValues = { customRules: boolean; supervisionRules: SupervisionRulesSchema };

export const rulesFormValues = (plan: PlanDetail): RulesFormValues => ({
  customRules: plan.supervisionRulesCustom,
  supervisionRules: plan.supervisionRules,
});

/** The rules as the API takes them: the plan's own, or null to follow the defaults again. */
export const rulesOfForm = (values: RulesFormValues) => (values.customRules ? values.supervisionRules : null);

const hour = (h: number) => `${String(h).padStart(2, "0")}:00`;
const HOURS = Array.from({ length: 24 }, (_, h) => ({ value: h, label: hour(h) }));
const REMINDER_DAYS = [1, 2, 3, 5, 7, 10, 14, 30].map((d) => ({ value: d, label: `${d} 天前` }));

/** 提醒 7、1 天前；逾期 3 天黄牌、10 天红牌督办；22:00–07:00 免打扰 */
export function rulesText(rules: SupervisionRulesSchema): string {
  const reminders = rules.reminderDays.length
    ? `提醒 ${[...rules.reminderDays].sort((a, b) => b - a).join("、")} 天前`
    : "不提醒";
  return `${reminders}；逾期 ${rules.yellowOrderDays} 天黄牌、${rules.redOrderDays} 天红牌督办；${hour(rules.quietHours.from)}–${hour(rules.quietHours.to)} 免打扰`;
}

/** 督办规则: the plan follows the defaults until the coordinator gives it its own. */
export function SupervisionRulesFields() {
  const custom = Form.useWatch("customRules");
  return (
    <>
      <Typography.Title level={5}>督办规则</Typography.Title>
      <Form.Item name="customRules" label="本方案单独设置督办规则" valuePropName="checked">
        <Switch checkedChildren="单独设置" unCheckedChildren="默认规则" />
      </Form.Item>
      <Form.Item
        name={["supervisionRules", "reminderDays"]}
        label="到期提醒"
        extra="在每个完成时限前的这些天，向尚未报送的单位发送提醒"
      >
        <Select mode="multiple" options={REMINDER_DAYS} disabled={!custom} placeholder="不提醒" />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name={["supervisionRules", "yellowOrderDays"]}
            label="逾期几天生成黄牌督办单"
            rules={[{ required: true, message: "请填写天数" }]}
          >
            <InputNumber min={1} max={365} addonAfter="天" disabled={!custom} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name={["supervisionRules", "redOrderDays"]}
            label="逾期几天生成红牌督办单"
            dependencies={[["supervisionRules", "yellowOrderDays"]]}
            rules={[
              { required: true, message: "请填写天数" },
              ({ getFieldValue }) => ({
                validator: async (_, value: number) => {
                  if (value <= getFieldValue(["supervisionRules", "yellowOrderDays"])) {
                    throw new Error("须大于黄牌督办的天数");
                  }
                },
              }),
            ]}
          >
            <InputNumber min={2} max={366} addonAfter="天" disabled={!custom} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name={["supervisionRules", "quietHours", "from"]} label="免打扰开始">
            <Select options={HOURS} disabled={!custom} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={["supervisionRules", "quietHours", "to"]} label="免打扰结束">
            <Select options={HOURS} disabled={!custom} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
