import type { FormRule } from "antd";
import { PASSWORD_MIN_LENGTH, passwordProblem } from "../../shared/domain";

/** The shared password rule (src/shared/domain.ts) as form rules, so the form says what the server would. */
export const NEW_PASSWORD_RULES: FormRule[] = [
  { required: true, message: "请输入新密码" },
  {
    validator: async (_, value: string | undefined) => {
      if (!value) return;
      const problem = passwordProblem(value);
      if (problem) throw new Error(problem);
    },
  },
];

export const PASSWORD_HINT = `至少 ${PASSWORD_MIN_LENGTH} 位，须同时包含字母和数字。`;

/** "确认密码" must repeat the field `field`. */
export function confirmRules(field: string): FormRule[] {
  return [
    { required: true, message: "请再次输入新密码" },
    ({ getFieldValue }) => ({
      validator: async (_, value: string | undefined) => {
        if (value && value !== getFieldValue(field)) throw new Error("两次输入的密码不一致");
      },
    }),
  ];
}
