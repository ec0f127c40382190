import { parseChineseNumber } from "../numerals.js";
import { simplifyForDetection } from "./normalise.js";
import type { Deadline } from "./types.js";

const S = "\\s{0,3}";
const YEAR = "(\\d{4}|[〇零○一二三四五六七八九]{4})";
const MONTH = "(\\d{1,2}|[一二三四五六七八九十]{1,3})";
const DAY = "(\\d{1,2}|[一二三四五六七八九十廿卅]{1,3})";
const COUNT = "(\\d{1,4}|[一二三四五六七八九十百两]{1,4})";
const QUARTER = "第?([一二三四1-4])季度";
const BEFORE = "(?:前|之前|以前)";

type Builder = (m: RegExpExecArray, planYear: number | null) => Omit<Deadline, "text">;

interface Rule {
  re: RegExp;
  build: Builder;
}

function num(text: string | undefined): number | null {
  return text === undefined ? null : parseChineseNumber(text);
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function monthEnd(year: number, month: number): string {
  return iso(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate());
}

function dateOrNothing(year: number | null, month: number | null, day: number | "end"): Omit<Deadline, "text"> {
  if (year === null || month === null || month < 1 || month > 12) return { kind: "date" };
  if (day === "end") return { kind: "date", due: monthEnd(year, month) };
  return { kind: "date", due: iso(year, month, Math.min(day, 31)) };
}

const RULES: Rule[] = [
  // 每年2月底前, 每年 1 月底前, 每年第四季度, 每年6月30日前
  {
    re: new RegExp(
      `每年${S}(?:${QUARTER}(?:末|结束前)?|${MONTH}${S}月${S}(?:(底|末)${BEFORE}?|${DAY}${S}日${S}${BEFORE}|${BEFORE})|(上半年|下半年|年底前|年初))`,
      "g",
    ),
    build: (m) => {
      if (m[1]) return { kind: "recurring", rule: { every: "year", quarter: num(m[1]) } };
      if (m[2]) {
        const month = num(m[2]);
        const day = m[3] ? "end" : m[4] ? num(m[4]) : "before";
        return { kind: "recurring", rule: { every: "year", month, day } };
      }
      return { kind: "recurring", rule: { every: "year", part: m[5] } };
    },
  },
  // 每季度末, 每月底前, 每月5日前
  {
    re: new RegExp(`每(季度|月)${S}(?:(末|底)${BEFORE}?|${DAY}${S}日${S}${BEFORE})`, "g"),
    build: (m) => ({
      kind: "recurring",
      rule: { every: m[1] === "月" ? "month" : "quarter", day: m[2] ? "end" : num(m[3]) },
    }),
  },
  // 2024年6月15日前
  {
    re: new RegExp(`${YEAR}${S}年${S}${MONTH}${S}月${S}${DAY}${S}日${S}${BEFORE}`, "g"),
    build: (m) => dateOrNothing(num(m[1]), num(m[2]), num(m[3]) ?? 1),
  },
  // 2016年12月底前, 2024年3月前, 2016年12月底
  {
    re: new RegExp(`${YEAR}${S}年${S}${MONTH}${S}月${S}(?:(底|末)${BEFORE}?|${BEFORE})`, "g"),
    build: (m) => {
      const year = num(m[1]);
      const month = num(m[2]);
      if (m[3] || year === null || month === null) return dateOrNothing(year, month, "end");
      // "3月前" means before March starts
      return month === 1 ? { kind: "date", due: iso(year - 1, 12, 31) } : dateOrNothing(year, month - 1, "end");
    },
  },
  // 2017年底前, 2024 年底前, 2024年上半年, 2024年第三季度末
  {
    re: new RegExp(
      `${YEAR}${S}年${S}(?:(年?底|年?末)${BEFORE}?|(上半年|下半年)|${QUARTER}(?:末|结束)?${BEFORE}?)`,
      "g",
    ),
    build: (m) => {
      const year = num(m[1]);
      if (year === null) return { kind: "date" };
      if (m[3] === "上半年") return { kind: "date", due: iso(year, 6, 30) };
      const quarter = num(m[4]);
      if (quarter !== null) return { kind: "date", due: monthEnd(year, quarter * 3) };
      return { kind: "date", due: iso(year, 12, 31) };
    },
  },
  // 年底前, 今年上半年: the plan's year
  {
    re: new RegExp(
      `(?<![\\d〇零一二三四五六七八九十年])(?:今年|本年度?|当年)?${S}(?:(年底|年末)${BEFORE}|(上半年|下半年)(?:${S}前|${S}内|(?=${S}完成)))`,
      "g",
    ),
    build: (m, planYear) => {
      if (planYear === null) return { kind: "date" };
      return { kind: "date", due: m[2] === "上半年" ? iso(planYear, 6, 30) : iso(planYear, 12, 31) };
    },
  },
  // 2026年秋季学期开学前, 2027年汛期前: a year and an event of that year
  {
    re: new RegExp(`${YEAR}${S}年${S}([\\u4e00-\\u9fff]{2,10}?)${BEFORE}(?![期提景沿端列置])`, "g"),
    build: (m) => {
      // an event, not a verb of the task (2026年完成前期工作, 全面完成…前)
      if (/[起每至到内年月日]|^(完成|实现|做好|推进|全面|基本|力争|确保)/.test(m[2])) {
        return { kind: "date", rule: { skip: true } };
      }
      return { kind: "date", rule: { before: m[2], year: num(m[1]) } };
    },
  },
  // 到2025年, 到 2025 年底, 截至2025年
  {
    re: new RegExp(`(?:到|截至|截止到?)${S}${YEAR}${S}年(?:${S}(?:底|末))?`, "g"),
    build: (m) => {
      const year = num(m[1]);
      return year === null ? { kind: "until" } : { kind: "until", due: iso(year, 12, 31) };
    },
  },
  // 5月底前, 6月30日前 — without a year: the plan's year
  {
    re: new RegExp(
      `(?<![年\\d〇零一二三四五六七八九十])${MONTH}${S}月${S}(?:(底|末)${BEFORE}|${DAY}${S}日${S}${BEFORE})`,
      "g",
    ),
    build: (m, planYear) => {
      const month = num(m[1]);
      if (m[2]) return dateOrNothing(planYear, month, "end");
      return dateOrNothing(planYear, month, num(m[3]) ?? 1);
    },
  },
  // 自作出行为之日起15日内, 收到通知后10个工作日内
  {
    re: new RegExp(
      `(?:自|从|在)[^，。,;；：:\\n]{1,20}?(?:之日起|之日|后|起)${S}${COUNT}${S}(个)?${S}(工作日|日|天|月)${S}(?:内|以内)`,
      "g",
    ),
    build: (m) => relative(m[1], m[2], m[3], m[0]),
  },
  // 14个工作日内, 15日内
  {
    re: new RegExp(`(?<![\\d年月])${COUNT}${S}(个)?${S}(工作日|日|天|月)${S}(?:内|以内)`, "g"),
    build: (m) => relative(m[1], m[2], m[3], null),
  },
];

function relative(count: string, ge: string | undefined, unit: string, phrase: string | null): Omit<Deadline, "text"> {
  const amount = num(count);
  const event = phrase ? /(?:自|从|在)(.+?)(?:之日起|之日|后|起)/.exec(phrase)?.[1] : undefined;
  const unitName = unit === "工作日" ? "workday" : unit === "月" ? "month" : "day";
  if (unit === "月" && !ge && !phrase) return { kind: "relative", rule: { amount, unit: "month" } };
  return { kind: "relative", rule: { amount, unit: unitName, ...(event ? { after: event } : {}) } };
}

/** Finds the deadline phrases in a text, in order, each phrase once; overlapping matches keep the first and longest. */
export function findDeadlines(text: string, planYear: number | null): Deadline[] {
  const hits: Array<{ start: number; end: number; deadline: Deadline }> = [];
  for (const { re, build } of RULES) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      hits.push({ start: m.index, end: m.index + m[0].length, deadline: { text: m[0], ...build(m, planYear) } });
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Deadline[] = [];
  const seen = new Set<string>();
  let reached = -1;
  for (const hit of hits) {
    if (hit.deadline.rule?.skip === true || hit.start < reached) continue;
    reached = hit.end;
    if (seen.has(hit.deadline.text)) continue;
    seen.add(hit.deadline.text);
    out.push(hit.deadline);
  }
  return out;
}

const ONGOING = /长期坚持|持续推进|长期|持续|常态化|经常性|每年持续|不定期/;

/** A bare date, month or year written as a whole field value: "2024年12月", "2024年", "2024.6.30". */
const BARE_VALUE = new RegExp(`^${YEAR}${S}(?:年|[.．/-])${S}(?:${MONTH}${S}(?:月|[.．/-])?${S}(?:${DAY}${S}日?)?)?$`);
const EVERY = /^每(年|半年|季度|月|周)/;

function bareValue(value: string): Omit<Deadline, "text"> | null {
  const m = BARE_VALUE.exec(value.replace(/(完成|前|以前|之前)$/, "").trim());
  if (m) {
    const year = num(m[1]);
    if (year === null) return null;
    if (!m[2]) return { kind: "date", due: iso(year, 12, 31) };
    return dateOrNothing(year, num(m[2]), m[3] ? (num(m[3]) ?? 1) : "end");
  }
  const every = EVERY.exec(value);
  if (every) {
    const unit: Record<string, string> = { 年: "year", 半年: "half-year", 季度: "quarter", 月: "month", 周: "week" };
    return { kind: "recurring", rule: { every: unit[every[1]] } };
  }
  return null;
}

/** Normalises the whole value of a 完成时限 field: "2024 年 6 月 15 日前并长期坚持" is a date, then ongoing. */
export function deadlineFromField(value: string, planYear: number | null): Deadline {
  const found = findDeadlines(value, planYear);
  const ongoing = ONGOING.test(simplifyForDetection(value));
  if (found.length === 0) {
    const bare = bareValue(value);
    if (bare) return { text: value, ...bare };
    return { text: value, kind: "ongoing", ...(ongoing ? {} : { rule: { unparsed: true } }) };
  }
  const first = found[0];
  const rule = { ...(first.rule ?? {}), ...(ongoing ? { thenOngoing: true } : {}) };
  return {
    text: value,
    kind: first.kind,
    ...(first.due ? { due: first.due } : {}),
    ...(Object.keys(rule).length > 0 ? { rule } : {}),
  };
}
