/**
 * Notes that make the first unit of each list the lead: 排序第一的单位为牵头单位, 列第一位者为工作牵头单位或汇总单位,
 * 第一个单位为牵头单位, 排在首位的为牵头部门, with (下同) carrying them to later tasks. Matched on the simplified text.
 */
const NOTE =
  "(?:排序|排名|排列|列|排在|名列|位列)?(?:第一|首)(?:位|个|家|名)?(?:的|者)?(?:单位|部门|责任单位)?(?:者)?为(?:工作|主要)?牵头(?:单位|部门)?(?:或汇总单位|和汇总单位|或总负责单位)?";

/** A lead note with an optional 下同 after it (group 1); global, for scanning a document. */
export const FIRST_IS_LEAD = new RegExp(`${NOTE}(?:[^。\\n]{0,6}?(下同))?`, "g");

const NOTE_ANYWHERE = new RegExp(NOTE);

/** True when a written piece (a unit list item, a bracketed qualifier) is a lead note rather than a name. */
export function isLeadNote(text: string): boolean {
  return NOTE_ANYWHERE.test(text);
}

/** A unit name without a lead note glued to it: 市税务局(列第一位者为牵头单位) → 市税务局. */
export function withoutLeadNote(name: string): string {
  return name.replace(/[(（〔【][^(（〔【)）〕】]*[)）〕】]/g, (group) => (isLeadNote(group) ? "" : group));
}
