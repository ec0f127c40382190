import dayjs, { type Dayjs } from "dayjs";
import type { DeadlineInput } from "../../../../shared/api";
import { type DeadlineKind, deadlineRuleText } from "../../../components/deadlines";

export type Every = "year" | "half-year" | "quarter" | "month" | "week";
/** Where in each year a yearly deadline falls. */
export type YearAt = "month" | "quarter" | "上半年" | "下半年" | "年底前" | "年初";
/** A day of the month, its end, or (每年3月前) the month's start. */
export type DayValue = number | "end" | "before";
export type RelativeUnit = "workday" | "day" | "month";

/** One 完成时限 as the form edits it: the rule spread into fields, dates as dayjs values. */
export type DeadlineFormValue = {
  /** the words of the document; blank when they were only the rule written out, so a new rule writes new words */
  text?: string;
  kind: DeadlineKind;
  due?: Dayjs | null;
  thenOngoing?: boolean;
  every?: Every;
  yearAt?: YearAt;
  month?: number;
  day?: DayValue;
  quarter?: number;
  amount?: number;
  unit?: RelativeUnit;
  after?: string;
  /** the parser could not read the phrase: shown until the reviewer confirms or changes it */
  unparsed?: boolean;
  /** rule fields this form does not edit, kept as they were */
  extra?: Record<string, unknown>;
  /** the deadline as loaded: saved as it was unless one of its fields changed */
  original?: DeadlineInput;
};

/** The form fields that make up the rule: a change to any of them rebuilds the rule. */
const RULE_FIELDS = [
  "kind",
  "due",
  "thenOngoing",
  "every",
  "yearAt",
  "month",
  "day",
  "quarter",
  "amount",
  "unit",
  "after",
  "unparsed",
] as const;

/** The fields that depend on the period, cleared when the period (or the kind) changes. */
export const PERIOD_FIELDS = ["yearAt", "month", "day", "quarter"] as const;
/** The fields that depend on the kind. */
export const KIND_FIELDS = ["every", ...PERIOD_FIELDS, "amount", "unit", "after", "unparsed"] as const;

const YEAR_PARTS: YearAt[] = ["上半年", "下半年", "年底前", "年初"];
const EVERY_VALUES: Every[] = ["year", "half-year", "quarter", "month", "week"];
const RELATIVE_UNITS: RelativeUnit[] = ["workday", "day", "month"];

function yearAtOf(rule: Record<string, unknown>): YearAt | undefined {
  if (typeof rule.quarter === "number") return "quarter";
  if (typeof rule.month === "number") return "month";
  return YEAR_PARTS.find((p) => p === rule.part);
}

function dayOf(day: unknown): DayValue | undefined {
  if (typeof day === "number" || day === "end" || day === "before") return day;
  return undefined;
}

export function deadlineFormValue(deadline: DeadlineInput): DeadlineFormValue {
  const {
    every,
    month,
    day,
    quarter,
    part: _part,
    amount,
    unit,
    after,
    thenOngoing,
    unparsed,
    ...extra
  } = deadline.rule ?? {};
  const rule = deadline.rule ?? {};
  const period = EVERY_VALUES.find((e) => e === every);
  return {
    // words that only restate the rule are not the document's: left blank, a changed rule writes its own
    text: deadline.text === deadlineRuleText(deadline) ? "" : deadline.text,
    kind: deadline.kind,
    due: deadline.due ? dayjs(deadline.due) : null,
    thenOngoing: thenOngoing === true,
    every: period,
    yearAt: period === "year" ? yearAtOf(rule) : undefined,
    month: typeof month === "number" ? month : undefined,
    day: dayOf(day),
    quarter: typeof quarter === "number" ? quarter : undefined,
    amount: typeof amount === "number" ? amount : undefined,
    unit: RELATIVE_UNITS.find((u) => u === unit),
    after: typeof after === "string" ? after : undefined,
    unparsed: unparsed === true,
    extra,
    original: deadline,
  };
}

/** A field's value as compared: dates as yyyy-mm-dd, and blank, false and missing alike. */
function comparable(value: unknown): unknown {
  if (dayjs.isDayjs(value)) return value.format("YYYY-MM-DD");
  if (typeof value === "string") return value.trim() || undefined;
  if (value === null || value === false) return undefined;
  return value;
}

/** Whether the form changed the rule of the deadline it was loaded from. */
export function ruleChanged(value: DeadlineFormValue): boolean {
  if (!value.original) return true;
  const before = deadlineFormValue(value.original);
  return RULE_FIELDS.some((field) => comparable(value[field]) !== comparable(before[field]));
}

/** Only the fields the reviewer filled in: a blank select means what the server does without it, never a guess. */
function recurringRule(value: DeadlineFormValue): Record<string, unknown> {
  const every = value.every;
  if (!every) return {};
  const day = value.day !== undefined ? { day: value.day } : {};
  if (every === "year") {
    if (value.yearAt === "month") return { every, month: value.month, ...day };
    if (value.yearAt === "quarter") return { every, quarter: value.quarter };
    return value.yearAt ? { every, part: value.yearAt } : { every };
  }
  if (every === "quarter" || every === "month") return { every, ...day };
  return { every };
}

function ruleOf(value: DeadlineFormValue): Record<string, unknown> | undefined {
  const base = { ...(value.extra ?? {}) };
  switch (value.kind) {
    case "recurring":
      Object.assign(base, recurringRule(value));
      break;
    case "relative":
      Object.assign(base, {
        amount: value.amount,
        ...(value.unit ? { unit: value.unit } : {}),
        ...(value.after?.trim() ? { after: value.after.trim() } : {}),
      });
      break;
    default:
      break;
  }
  if (value.thenOngoing) base.thenOngoing = true;
  return Object.keys(base).length ? base : undefined;
}

/**
 * The form's deadline as the API takes it: the loaded one as it was unless its rule was edited, then rebuilt from the
 * fields. Without words of its own it is written out from the rule.
 */
export function deadlineOf(value: DeadlineFormValue): DeadlineInput {
  let deadline: DeadlineInput;
  if (value.original && !ruleChanged(value)) {
    deadline = { ...value.original };
  } else {
    const dated = value.kind === "date" || value.kind === "until";
    const rule = ruleOf(value);
    deadline = {
      text: "",
      kind: value.kind,
      ...(dated && value.due ? { due: value.due.format("YYYY-MM-DD") } : {}),
      ...(rule ? { rule } : {}),
    };
  }
  return { ...deadline, text: value.text?.trim() || deadlineRuleText({ ...deadline, text: "" }) };
}
