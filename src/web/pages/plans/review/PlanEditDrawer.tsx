import { Alert, Form } from "antd";
import { useState } from "react";
import type { PlanDetail } from "../../../../shared/api";
import { api } from "../../../api/client";
import { FormDrawer } from "../../../components/FormDrawer";
import { SaveErrorAlert } from "../../../components/SaveErrorAlert";
import { useFormSave } from "../../../components/useFormSave";
import { PLAN_FIELDS, PlanFields, type PlanFormValues, planFieldsOf, planFormValues } from "../PlanFields";
import { type RulesFormValues, rulesFormValues, rulesOfForm, SupervisionRulesFields } from "./SupervisionRulesFields";

type Values = PlanFormValues & RulesFormValues;
const formValues = (plan: PlanDetail): Values => ({ ...planFormValues(plan), ...rulesFormValues(plan) });

type Props = {
  plan: PlanDetail;
  onClose: () => void;
  onSaved: (plan: PlanDetail) => void;
  /** After a 409: reads the plan again and returns it. */
  onStale: () => Promise<PlanDetail | null>;
};

/**
 * 编辑方案信息: title, number, issuer, date, period, reporting cadence and supervision rules, saved with the plan's
 * version.
 */
export function PlanEditDrawer({ plan, onClose, onSaved, onStale }: Props) {
  const [form] = Form.useForm<Values>();
  const [current, setCurrent] = useState(plan);
  const { saving, error, save, conflictOffer } = useFormSave<PlanDetail>(form, PLAN_FIELDS);
  const year = Form.useWatch("year", form);
  const endYear = Form.useWatch("endYear", form);
  const cadence = Form.useWatch("cadence", form);
  // on a published plan the period and cadence decide every open assignment's due dates
  const periodChanged =
    current.status === "published" &&
    year !== undefined &&
    (year !== current.year || (endYear ?? year) !== current.endYear || cadence !== current.cadence);

  const onFinish = async (values: Values) => {
    const patch = { ...planFieldsOf(values), supervisionRules: rulesOfForm(values), version: current.version };
    await save(async () => onSaved(await api.plans.update(current.id, patch)), { onConflict: onStale });
  };

  return (
    <FormDrawer title="编辑方案信息" width={640} saving={saving} onSave={() => form.submit()} onClose={onClose}>
      <SaveErrorAlert
        error={error}
        conflict={conflictOffer((record) => {
          setCurrent(record);
          form.setFieldsValue(formValues(record));
        })}
      />
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={saving}
        initialValues={formValues(plan)}
        onFinish={onFinish}
      >
        {periodChanged && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title="方案已交办：修改实施年度或报送周期后，所有未取消交办的截止日期将按新的设置重新生成"
          />
        )}
        <PlanFields />
        <SupervisionRulesFields />
      </Form>
    </FormDrawer>
  );
}
