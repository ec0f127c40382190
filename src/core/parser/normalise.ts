import { mapCjkRadicals } from "../text/cjk-radicals.js";

/**
 * Character-level normalisation: radical and compatibility forms back to ordinary ideographs, full-width
 * letters and digits to ASCII, odd spaces to plain spaces, invisible characters removed, line ends unified.
 * Punctuation is kept as written (，vs , and （ vs ( both occur in real plans and in the reference annotations).
 */
export function normaliseChars(raw: string): string {
  return mapCjkRadicals(raw)
    .replace(/\r\n?/g, "\n")
    .replace(/\f/g, "\n\n")
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, "")
    .replace(/[\u00a0\u2002-\u200a\u202f\u205f\u3000]/g, " ")
    .replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/**
 * A copy of the text in which the few traditional characters of role labels are simplified (牽頭 → 牵头,
 * 責任單位 → 责任单位), one character for one, so offsets stay valid. Used only to detect labels; names
 * are always taken from the text as written.
 */
const TRADITIONAL: Record<string, string> = {
  牽: "牵",
  頭: "头",
  責: "责",
  單: "单",
  門: "门",
  協: "协",
  辦: "办",
  參: "参",
  與: "与",
  負: "负",
  時: "时",
  間: "间",
  務: "务",
  內: "内",
  導: "导",
  節: "节",
  點: "点",
  體: "体",
  標: "标",
  顏: "颜",
  類: "类",
  備: "备",
  註: "注",
  號: "号",
  項: "项",
  長: "长",
  續: "续",
  進: "进",
  堅: "坚",
  東: "东",
  實: "实",
  現: "现",
  達: "达",
  數: "数",
  於: "于",
  過: "过",
  個: "个",
  歲: "岁",
  週: "周",
  將: "将",
  應: "应",
  當: "当",
  學: "学",
  級: "级",
  線: "线",
  蓋: "盖",
  滿: "满",
  開: "开",
  會: "会",
};

export function simplifyForDetection(text: string): string {
  return text.replace(
    /[牽頭責單門協辦參與負時間務內導節點體標顏類備註號項長續進堅東實現達數於過個歲週將應當學級線蓋滿開會]/g,
    (ch) => TRADITIONAL[ch] ?? ch,
  );
}
