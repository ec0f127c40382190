import { splitTopLevel } from "./brackets.js";
import { isLeadNote, withoutLeadNote } from "./lead-notes.js";
import { simplifyForDetection } from "./normalise.js";

/** Tails that say "each does its part" rather than naming a unit: 各有关部门按职责分工负责 → 各有关部门. */
export const BOILERPLATE_TAIL =
  /(按照?|根据|依据?)(各自)?(职责|职能|属地|属地管理)(分工|要求|原则)?(分别|共同|各自)?(负责|落实|配合|抓好落实|推进|实施|做好)?$|(协助|配合|参与)(落实|做好|推进|实施)$|^(分别|共同)?负责$/;

/** People are never units: 牵头领导, 分管副区长, 责任人. */
const PERSON = /(领导|同志|负责人|责任人|联系人|区长|县长|市长|主任|局长|书记|镇长)$/;

/** Splits a written list of units: on 、 ， , ; ； but never inside brackets; drops empties and boilerplate. */
export function splitUnits(list: string): string[] {
  const units: string[] = [];
  const head = cutAtFullStop(list);
  for (const part of splitTopLevel(head, "、，,;；")) {
    const name = cleanUnit(part);
    if (name) units.push(name);
  }
  return units;
}

/** A list ends at its first full stop outside brackets ("A、B。排序第一的单位为牵头单位"). */
function cutAtFullStop(text: string): string {
  const parts = splitTopLevel(text, "。");
  return parts[0];
}

function cleanUnit(raw: string): string | null {
  // a lead note is no unit, nor part of one: "排序第一的为牵头单位", "市税务局(列第一位者为牵头单位)"
  if (isLeadNote(simplifyForDetection(raw.replace(/[(（〔【][^)）〕】]*[)）〕】]/g, "")))) return null;
  let name = withoutLeadNote(raw).replace(/^[\s、,，;；:：.。]+|[\s、,，;；:：.。]+$/g, "");
  name = name.replace(BOILERPLATE_TAIL, "").trim();
  // 无, /, — in a 配合单位 cell mean "none"
  if (/^(等|等单位|等部门|无|暂无|下同|同上|\/|—+|-+|－)$/.test(name) || name === "") return null;
  if (PERSON.test(name)) return null;
  return name;
}
