/** Short hands for writing specs: a task from its text, unit lists written with 、, and its deadline. */
import type { TaskSpec } from "../spec.js";
import { units } from "../spec.js";

export const ISSUER = "云溪区人民政府";
export const OFFICE = "云溪区人民政府办公室";

/** A task: text (inline deadlines in braces), lead units, other units (both 、-separated), the 完成时限 value. */
export function task(
  text: string,
  lead: string,
  others: string,
  deadline?: string,
  more: Partial<TaskSpec> = {},
): TaskSpec {
  return {
    text,
    lead: lead ? units(lead) : [],
    others: others ? units(others) : [],
    ...(deadline ? { deadline } : {}),
    ...more,
  };
}

/** The 通知 paragraphs most documents open with. */
export function notice(recipients: string, what: string): string[] {
  return [`${recipients}：`, `经区政府同意，现将《${what}》印发给你们，请结合实际认真抓好落实。`];
}

export const SIGNATURE = [OFFICE, "2026年3月10日"];
