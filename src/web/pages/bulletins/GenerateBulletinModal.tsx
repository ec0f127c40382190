import { Alert, DatePicker, Form, Segmented, Select, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useCallback, useMemo } from "react";
import { lastEndedQuarter, periodName, periodPresets } from "../../../core/bulletins/text";
import { chinaDay } from "../../../core/calendar";
import type { Bulletin, Plan } from "../../../shared/api";
import { api } from "../../api/client";
import { FormModal } from "../../components/FormModal";
import { SaveErrorAlert } from "../../components/SaveErrorAlert";
import { useFormSave } from "../../components/useFormSave";
import { useRemote } from "../../components/useRemote";

type Values = { planId: number; year: number; preset: string; range?: [Dayjs, Dayjs] };
const CUSTOM = "custom";

/** The range chosen: a preset of the year, or the dates picked. */
function rangeOf(values: Partial<Values>): { start: string; end: string } | null {
  if (values.preset === CUSTOM) {
    const [from, to] = values.range ?? [];
    return from && to ? { start: from.format("YYYY-MM-DD"), end: to.format("YYYY-MM-DD") } : null;
  }
  const preset = values.year ? periodPresets(values.year).find((p) => p.key === values.preset) : undefined;
  return preset ? { start: preset.start, end: preset.end } : null;
}

/** 生成通报: pick a published plan and a period (a quarter by default: the last one ended). */
export function GenerateBulletinModal({
  planId,
  onDone,
  onClose,
}: {
  planId?: number;
  onDone: (bulletin: Bulletin) => void;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { saving, error, save } = useFormSave(form, ["planId", "periodStart", "periodEnd"]);
  const fetchPlans = useCallback(async () => (await api.plans.list({ status: "published" })).items, []);
  const { data: plans, loading } = useRemote<Plan[]>(fetchPlans, []);
  const preset = Form.useWatch("preset", form);
  const values = Form.useWatch([], form) as Partial<Values> | undefined;
  const chosen = values ? rangeOf(values) : null;
  const initial = useMemo(() => {
    const last = lastEndedQuarter(chinaDay(new Date()));
    return { planId, year: last.year, preset: last.key };
  }, [planId]);
  const thisYear = Number(chinaDay(new Date()).slice(0, 4));
  const years = Array.from({ length: 6 }, (_, i) => thisYear - 4 + i);

  const submit = async () => {
    const fields = await form.validateFields();
    const range = rangeOf(fields);
    if (!range) return;
    await save(async () =>
      onDone(await api.bulletins.create({ planId: fields.planId, periodStart: range.start, periodEnd: range.end })),
    );
  };

  return (
    <FormModal title="生成通报" okText="生成草稿" width={680} saving={saving} onOk={submit} onClose={onClose}>
      <SaveErrorAlert error={error} />
      <Form form={form} layout="vertical" initialValues={initial}>
        <Form.Item name="planId" label="方案" rules={[{ required: true, message: "请选择方案" }]}>
          <Select
            showSearch={{ optionFilterProp: "label" }}
            loading={loading}
            placeholder="选择已交办的方案"
            options={plans.map((p) => ({ value: p.id, label: p.title }))}
          />
        </Form.Item>
        <Form.Item name="preset" label="通报期间">
          <Segmented
            options={[
              ...periodPresets(thisYear).map((p) => ({ value: p.key, label: p.label })),
              { value: CUSTOM, label: "自定义" },
            ]}
          />
        </Form.Item>
        {preset === CUSTOM ? (
          <Form.Item name="range" label="起止日期" rules={[{ required: true, message: "请选择起止日期" }]}>
            <DatePicker.RangePicker />
          </Form.Item>
        ) : (
          <Form.Item name="year" label="年度">
            <Select style={{ width: 140 }} options={years.map((y) => ({ value: y, label: `${y}年` }))} />
          </Form.Item>
        )}
        {chosen && (
          <Alert
            type="info"
            showIcon
            title={
              <Typography.Text>
                将按今天的数据统计 {periodName(chosen.start, chosen.end)}（{chosen.start} 至 {chosen.end}）内到期的任务
              </Typography.Text>
            }
          />
        )}
      </Form>
    </FormModal>
  );
}
