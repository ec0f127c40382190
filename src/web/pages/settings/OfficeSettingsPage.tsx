import { Alert, App, Button, Card, Flex, Form, Input, Tag, Typography } from "antd";
import { useCallback } from "react";
import {
  DEFAULT_TEMPLATES,
  fillTemplate,
  TEMPLATE_FIELDS,
  type Templates,
  templateProblem,
} from "../../../core/documents/templates";
import type { OfficeSettings } from "../../../shared/api";
import { TEMPLATE_KEYS, TEMPLATE_LABELS, TEMPLATE_MAX_LENGTH, type TemplateKey } from "../../../shared/domain";
import { api } from "../../api/client";
import { PageLoading } from "../../components/PageLoading";
import { SaveErrorAlert } from "../../components/SaveErrorAlert";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useFormSave } from "../../components/useFormSave";
import { useRemote } from "../../components/useRemote";
import { timeText } from "../reports/labels";

type Values = { officeName: string; contactName: string; contactPhone: string; templates: Templates };
// a template's issue is shown above the form: its field sits one level down (templates.orderTitle)
const FIELDS = ["officeName", "contactName", "contactPhone"] as const;

const valuesOf = (settings: OfficeSettings): Values => ({
  officeName: settings.officeName,
  contactName: settings.contactName ?? "",
  contactPhone: settings.contactPhone ?? "",
  templates: settings.templates,
});

/** One template: its words, the facts it may name, the platform's words back, and how it reads filled in. */
function TemplateField({ name, customized }: { name: TemplateKey; customized: boolean }) {
  const form = Form.useFormInstance<Values>();
  const text: string | undefined = Form.useWatch(["templates", name], form);
  const officeName: string | undefined = Form.useWatch("officeName", form);
  const fields = Object.keys(TEMPLATE_FIELDS[name]);
  // the example reads as this office's paper will: its name as typed above
  const example = { ...TEMPLATE_FIELDS[name], ...(officeName?.trim() ? { 办公室: officeName.trim() } : {}) };
  return (
    <Card size="small" title={TEMPLATE_LABELS[name]} extra={customized && <Tag color="blue">已修改</Tag>}>
      <Form.Item
        name={["templates", name]}
        rules={[
          {
            validator: async (_, value: string) => {
              const problem = templateProblem(name, value ?? "");
              if (problem) throw new Error(problem);
            },
          },
        ]}
        style={{ marginBottom: 8 }}
      >
        <Input.TextArea
          aria-label={TEMPLATE_LABELS[name]}
          autoSize={{ minRows: 2, maxRows: 10 }}
          maxLength={TEMPLATE_MAX_LENGTH}
        />
      </Form.Item>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">可用字段：</Typography.Text>
        {fields.length === 0 && <Typography.Text type="secondary">无</Typography.Text>}
        {fields.map((field) => (
          <Tag key={field}>{`{${field}}`}</Tag>
        ))}
        <Button
          size="small"
          type="link"
          disabled={text === DEFAULT_TEMPLATES[name]}
          onClick={() => form.setFieldValue(["templates", name], DEFAULT_TEMPLATES[name])}
        >
          恢复默认文字
        </Button>
      </Flex>
      <Typography.Paragraph
        type="secondary"
        style={{ whiteSpace: "pre-wrap", marginBottom: 0, fontSize: 13 }}
        data-testid={`preview-${name}`}
      >
        示例：{fillTemplate(text ?? "", example)}
      </Typography.Paragraph>
    </Card>
  );
}

function OfficeForm({ settings, onSaved }: { settings: OfficeSettings; onSaved: (s: OfficeSettings) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { saving, error, save, conflictOffer } = useFormSave<OfficeSettings>(form, FIELDS);
  const show = (next: OfficeSettings) => {
    onSaved(next);
    form.setFieldsValue(valuesOf(next));
  };
  const submit = async () => {
    const values = await form.validateFields();
    const saved = await save(
      async () =>
        api.office.update({
          version: settings.version,
          officeName: values.officeName,
          contactName: values.contactName.trim() || null,
          contactPhone: values.contactPhone.trim() || null,
          // the platform's words are stored as none: a later change of the platform's wording then reaches them
          templates: Object.fromEntries(
            TEMPLATE_KEYS.map((key) => [
              key,
              values.templates[key] === DEFAULT_TEMPLATES[key] ? null : values.templates[key],
            ]),
          ),
        }),
      { onConflict: () => api.office.get() },
    );
    if (saved) {
      show(saved.value);
      message.success("已保存，之后起草的督办单和通报将使用新的设置");
    }
  };
  return (
    <Form form={form} layout="vertical" initialValues={valuesOf(settings)} style={{ maxWidth: 860 }}>
      <SaveErrorAlert error={error} conflict={conflictOffer(show)} />
      <Card size="small" title="办公室信息" style={{ marginBottom: 16 }}>
        <Form.Item
          name="officeName"
          label="办公室名称（文书的发文机关和落款）"
          rules={[{ required: true, whitespace: true, message: "请填写办公室名称" }]}
        >
          <Input maxLength={60} placeholder="例如：银川市西夏区全面依法治区委员会办公室" />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="contactName" label="联系人" style={{ width: 240 }}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item
            name="contactPhone"
            label="联系电话"
            style={{ width: 240 }}
            rules={[{ pattern: /^[0-9+()（）\- ]*$/, message: "请填写数字电话号码，如 0951-1234567" }]}
          >
            <Input maxLength={30} />
          </Form.Item>
        </Flex>
        <Typography.Text type="secondary">联系人和联系电话印在督办单、通报正文之后；不填则不印。</Typography.Text>
      </Card>
      <Typography.Title level={5}>文书模板</Typography.Title>
      <Typography.Paragraph type="secondary">
        系统起草督办单和通报时使用以下文字，花括号中的字段会换成实际内容；已起草的文书不受影响，仍可逐份修改。
      </Typography.Paragraph>
      <Flex vertical gap={12} style={{ marginBottom: 16 }}>
        {TEMPLATE_KEYS.map((key) => (
          <TemplateField key={key} name={key} customized={settings.customized.includes(key)} />
        ))}
      </Flex>
      <Button type="primary" onClick={submit} loading={saving}>
        保存
      </Button>
    </Form>
  );
}

/** 办公室与文书: the name the office's papers bear, their contact line, and the words they are drafted in. */
export default function OfficeSettingsPage() {
  useDocumentTitle("办公室与文书");
  const fetch = useCallback(() => api.office.get(), []);
  const { data, loading, error, setData } = useRemote<OfficeSettings | null>(fetch, null);
  return (
    <Card
      title="办公室与文书"
      extra={
        data?.updatedAt && (
          <Typography.Text type="secondary">
            {data.updatedBy} 于 {timeText(data.updatedAt)} 修改
          </Typography.Text>
        )
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {data ? <OfficeForm settings={data} onSaved={setData} /> : loading && <PageLoading />}
    </Card>
  );
}
