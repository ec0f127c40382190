import { Form, type FormRule, Input } from "antd";
import { PASSWORD_MIN_LENGTH, passwordProblem } from "../../shared/domain";

/** The shared password rule (src/shared/domain.ts) as form rules, so the form says what the server would. */
const NEW_PASSWORD_RULES: FormRule[] = [
  { required: true, message: "请输入新密码" },
  {
    validator: async (_, value: string | undefined) => {
      if (!value) return;
      const problem = passwordProblem(value);
      if (problem) throw new Error(problem);
    },
  },
];

const PASSWORD_HINT = `至少 ${PASSWORD_MIN_LENGTH} 位，须同时包含字母和数字。`;

/** "确认密码" must repeat the field `field`. */
function confirmRules(field: string): FormRule[] {
  return [
    { required: true, message: "请再次输入新密码" },
    ({ getFieldValue }) => ({
      validator: async (_, value: string | undefined) => {
        if (value && value !== getFieldValue(field)) throw new Error("两次输入的密码不一致");
      },
    }),
  ];
}

type Props = {
  /** The new password's field; its repetition is the field "confirm". */
  name: string;
  label: string;
  confirmLabel: string;
  /** Rules beyond the shared password rule, with the fields they read. */
  extraRules?: FormRule[];
  dependencies?: string[];
};

/** A new password under the shared rule, and the same password typed again. */
export function NewPasswordFields({ name, label, confirmLabel, extraRules = [], dependencies }: Props) {
  return (
    <>
      <Form.Item
        label={label}
        name={name}
        extra={PASSWORD_HINT}
        dependencies={dependencies}
        rules={[...NEW_PASSWORD_RULES, ...extraRules]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item label={confirmLabel} name="confirm" dependencies={[name]} rules={confirmRules(name)}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
