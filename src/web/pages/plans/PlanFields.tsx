import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import type { Plan } from "../../../shared/api";
import type { ReportingCadence } from "../../../shared/domain";
import { CADENCE_OPTIONS } from "./labels";

export type PlanFormValues = {
  title: string;
  docNumber?: string;
  issuer?: string;
  date?: Dayjs | null;
  year: number;
  endYear?: number | null;
  cadence: ReportingCadence;
};

/** The form fields a server validation issue may name. */
export const PLAN_FIELDS = ["title", "docNumber", "issuer", "date", "year", "endYear", "cadence"] as const;

export function planFormValues(plan: Plan): PlanFormValues {
  return {
    title: plan.title,
    docNumber: plan.docNumber ?? undefined,
    issuer: plan.issuer ?? undefined,
    date: plan.date ? dayjs(plan.date) : null,
    year: plan.year,
    endYear: plan.endYear,
    cadence: plan.cadence,
  };
}

/** The form's values as the API takes them: trimmed, blanks as null, a one-year plan ending in its own year. */
export function planFieldsOf(values: PlanFormValues) {
  return {
    title: values.title.trim(),
    docNumber: values.docNumber?.trim() || null,
    issuer: values.issuer?.trim() || null,
    date: values.date ? values.date.format("YYYY-MM-DD") : null,
    year: values.year,
    endYear: values.endYear ?? values.year,
    cadence: values.cadence,
  };
}

const YEAR_RULES = [{ type: "integer" as const, min: 1990, max: 2100, message: "请输入 1990 到 2100 之间的年份" }];

/** 标题, 文号, 发文机关, 印发日期, 实施年度 and 报送周期: the plan's header, as created by hand and as edited. */
export function PlanFields() {
  return (
    <>
      <Form.Item
        label="方案标题"
        name="title"
        rules={[
          { required: true, whitespace: true, message: "请输入方案标题" },
          { max: 300, message: "标题不能超过 300 个字" },
        ]}
      >
        <Input placeholder="如“示例区2025年法治政府建设工作要点”" />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label="文号" name="docNumber" rules={[{ max: 100, message: "文号不能超过 100 个字" }]}>
            <Input placeholder="如“示政办发〔2025〕21号”" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="发文机关" name="issuer" rules={[{ max: 100, message: "发文机关不能超过 100 个字" }]}>
            <Input placeholder="如“示例区人民政府办公室”" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item label="印发日期" name="date">
            <DatePicker style={{ width: "100%" }} placeholder="选择日期" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            label="起始年度"
            name="year"
            rules={[{ required: true, message: "请输入起始年度" }, ...YEAR_RULES]}
          >
            <InputNumber precision={0} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            label="截止年度"
            name="endYear"
            dependencies={["year"]}
            extra="一年内的方案可不填。"
            rules={[
              ...YEAR_RULES,
              ({ getFieldValue }) => ({
                validator: async (_, value: number | null | undefined) => {
                  const year = getFieldValue("year") as number | undefined;
                  if (value != null && year != null && value < year) throw new Error("截止年度不能早于起始年度");
                },
              }),
            ]}
          >
            <InputNumber precision={0} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        label="报送周期"
        name="cadence"
        extra="“长期坚持”类任务按此周期报送工作进展。"
        rules={[{ required: true, message: "请选择报送周期" }]}
      >
        <Select options={CADENCE_OPTIONS} />
      </Form.Item>
    </>
  );
}
