import { Form } from "antd";
import type { PlanDetail } from "../../../shared/api";
import { api } from "../../api/client";
import { FormModal } from "../../components/FormModal";
import { SaveErrorAlert } from "../../components/SaveErrorAlert";
import { useFormSave } from "../../components/useFormSave";
import { PLAN_FIELDS, PlanFields, type PlanFormValues, planFieldsOf } from "./PlanFields";

type Props = { onClose: () => void; onCreated: (plan: PlanDetail) => void };

/** 手工新建: a plan without a document, whose tasks the coordinator then adds one by one. */
export function PlanCreateModal({ onClose, onCreated }: Props) {
  const [form] = Form.useForm<PlanFormValues>();
  const { saving, error, save } = useFormSave(form, PLAN_FIELDS);

  const onFinish = async (values: PlanFormValues) => {
    await save(async () => onCreated(await api.plans.create(planFieldsOf(values))));
  };

  return (
    <FormModal
      title="手工新建方案"
      okText="创建"
      width={640}
      saving={saving}
      onOk={() => form.submit()}
      onClose={onClose}
    >
      <SaveErrorAlert error={error} />
      <Form<PlanFormValues>
        form={form}
        layout="vertical"
        disabled={saving}
        initialValues={{ year: new Date().getFullYear(), cadence: "quarterly" }}
        onFinish={onFinish}
      >
        <PlanFields />
      </Form>
    </FormModal>
  );
}
