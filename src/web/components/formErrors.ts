import type { FormInstance } from "antd";
import { ApiError } from "../api/client";

type FieldIssue = { path: string; message: string };

function isFieldIssue(value: unknown): value is FieldIssue {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { path?: unknown }).path === "string" &&
    typeof (value as { message?: unknown }).message === "string"
  );
}

/** Where a request part, not a field, starts the path ("body.name"). */
const REQUEST_PARTS = new Set(["body", "querystring", "params", "headers"]);

/** "body.aliases.0", "/aliases/0" or "aliases" → "aliases": the form field a server validation issue belongs to. */
function fieldOf(path: string): string {
  const segments = path.split(/[/.[\]]/).filter(Boolean);
  if (segments.length > 1 && REQUEST_PARTS.has(segments[0] ?? "")) segments.shift();
  return segments[0] ?? "";
}

/**
 * Schema validators word their issues in English ("must NOT have fewer than 1 characters"); a Chinese form shows a
 * Chinese hint under the field instead, and the server's own Chinese messages as they are.
 */
function fieldMessage(message: string): string {
  return /[\u4e00-\u9fff]/.test(message) ? message : "此项填写不符合要求";
}

/**
 * Puts a 400 validation_failed answer's `details` under the matching form fields.
 * Returns true when at least one issue landed on a field of the form, so the caller need not show a toast as well.
 */
export function showFieldErrors(form: FormInstance, error: unknown, fields: readonly string[]): boolean {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return false;
  const byField = new Map<string, string[]>();
  for (const issue of error.details) {
    if (!isFieldIssue(issue)) continue;
    const field = fieldOf(issue.path);
    if (!fields.includes(field)) continue;
    byField.set(field, [...(byField.get(field) ?? []), fieldMessage(issue.message)]);
  }
  if (byField.size === 0) return false;
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return true;
}
