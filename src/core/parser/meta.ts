import { parseChineseNumber } from "../numerals.js";
import type { Line } from "./lines.js";
import type { ParseResult } from "./types.js";

export interface PlanMeta extends Pick<ParseResult, "title" | "docNumber" | "issuer" | "date"> {
  /** the year that deadlines written without one ("5月底前") belong to */
  planYear: number | null;
}

const DOC_NUMBER = /^[\u4e00-\u9fa5]{1,16}\s*[〔[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d{1,4}\s*号$/;
const DATE_LINE =
  /^(\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十廿卅]{1,3})\s*日(印发)?$/;
const ISSUER = /(人民政府|政府|办公室|办公厅|委员会|委|局|厅|部|中心|小组|司法所)$/;
const TITLE_END =
  /(方案|要点|计划|规划|意见|办法|清单|通知|细则|措施|安排|任务分工|任务|实施方案|表|台账)([(（][^()（）]{1,20}[)）])*$/;
const SENTENCE = /[，。；：:;,]/;

function isoDate(m: RegExpExecArray): string | null {
  const y = parseChineseNumber(m[1]);
  const mo = parseChineseNumber(m[2]);
  const d = parseChineseNumber(m[3]);
  if (y === null || mo === null || d === null || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function findTitle(head: Line[]): string | null {
  const candidates: string[] = [];
  for (let i = 0; i < head.length; i++) {
    const text = head[i].text;
    if (text.length > 60 || SENTENCE.test(text) || !TITLE_END.test(text)) continue;
    const prev = i > 0 ? head[i - 1].text : "";
    // titles are often broken over two lines ("…“四大行动(2025年)”" + "任务分工方案"): a short tail joins the line above
    const joinable =
      text.length <= 12 &&
      prev !== "" &&
      prev.length <= 40 &&
      !SENTENCE.test(prev) &&
      !TITLE_END.test(prev) &&
      !DATE_LINE.test(prev) &&
      !DOC_NUMBER.test(prev) &&
      !ISSUER.test(prev) &&
      !/(文件|[)）])$/.test(prev);
    const joined = joinable ? `${prev}${text}` : text;
    // a label such as 附表 or 附表1 above a table is no title
    if (joined.length >= 6) candidates.push(joined);
  }
  const plans = candidates.filter((c) => !/通知$/.test(c));
  const notice = candidates.at(-1);
  // only the covering notice: its 《…》 names the plan ("关于印发《…实施方案》的通知")
  const named = notice ? /《([^《》]{4,60})》/.exec(notice)?.[1] : undefined;
  return plans.at(-1) ?? named ?? notice ?? null;
}

/** Reads title, document number, issuer and date from the lines around the plan's text. */
export function readMeta(lines: Line[], firstBodyLine: number): PlanMeta {
  const head = lines.slice(0, firstBodyLine < 0 ? Math.min(lines.length, 40) : firstBodyLine);
  const title = findTitle(head);
  const docNumber = head.slice(0, 30).find((l) => DOC_NUMBER.test(l.text))?.text ?? null;
  let issuer: string | null = null;
  let date: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const m = DATE_LINE.exec(lines[i].text);
    if (!m) continue;
    date = isoDate(m);
    const prev = i > 0 ? lines[i - 1].text : "";
    if (prev.length <= 30 && ISSUER.test(prev) && !SENTENCE.test(prev)) issuer = prev;
    if (date) break;
  }
  const titleYear = title ? /(\d{4})\s*[年—\-–－]/.exec(title)?.[1] : undefined;
  const planYear = titleYear ? Number(titleYear) : date ? Number(date.slice(0, 4)) : null;
  return { title, docNumber, issuer, date, planYear };
}
