/**
 * Word 97 automatic numbering: the list definitions (PlfLst: LSTF and their LVLs) and the list instances that
 * paragraphs point to (PlfLfo), read into the shape of a .docx's numbering part, so that one ListNumbering counts
 * both formats' lists the same way.
 */
import type { Bytes, FcLcb } from "./doc-binary.js";
import { ListNumbering } from "./docx-numbering.js";
import { DocumentReadError } from "./errors.js";
import type { XmlElement } from "./xml.js";

/** The MSONFC number formats by their code; the order is that of OOXML's ST_NumberFormat. */
const NUMBER_FORMATS = [
  "decimal",
  "upperRoman",
  "lowerRoman",
  "upperLetter",
  "lowerLetter",
  "ordinal",
  "cardinalText",
  "ordinalText",
  "hex",
  "chicago",
  "ideographDigital",
  "japaneseCounting",
  "aiueo",
  "iroha",
  "decimalFullWidth",
  "decimalHalfWidth",
  "japaneseLegal",
  "japaneseDigitalTenThousand",
  "decimalEnclosedCircle",
  "decimalFullWidth2",
  "aiueoFullWidth",
  "irohaFullWidth",
  "decimalZero",
  "bullet",
  "ganada",
  "chosung",
  "decimalEnclosedFullstop",
  "decimalEnclosedParen",
  "decimalEnclosedCircleChinese",
  "ideographEnclosedCircle",
  "ideographTraditional",
  "ideographZodiac",
  "ideographZodiacTraditional",
  "taiwaneseCounting",
  "ideographLegalTraditional",
  "taiwaneseCountingThousand",
  "taiwaneseDigital",
  "chineseCounting",
  "chineseLegalSimplified",
  "chineseCountingThousand",
];
const NFC_NONE = 0xff;

function element(name: string, attrs: Record<string, string> = {}, children: XmlElement[] = []): XmlElement {
  return { name, attrs, children };
}

const valued = (name: string, value: string) => element(name, { "w:val": value });

const LVLF_SIZE = 28;

/** Reads one LVL at `at` as a <w:lvl>; returns it with the offset just after it. */
function readLevel(table: Bytes, at: number, ilvl: number): { lvl: XmlElement; next: number } {
  const nfc = table.u8(at + 4);
  const flags = table.u8(at + 5);
  const follow = table.u8(at + 15);
  const chpxSize = table.u8(at + 24);
  const papxSize = table.u8(at + 25);
  const textAt = at + LVLF_SIZE + papxSize + chpxSize;
  const length = table.u16(textAt);
  let lvlText = "";
  for (let index = 0; index < length; index++) {
    const code = table.u16(textAt + 2 + 2 * index);
    // Code points 0–8 stand for the counters of levels 1–9.
    lvlText += code <= 8 ? `%${code + 1}` : String.fromCharCode(code);
  }
  const numFmt = nfc === NFC_NONE ? "none" : (NUMBER_FORMATS[nfc] ?? "decimal");
  const children = [
    valued("w:start", String(table.i32(at))),
    valued("w:numFmt", numFmt),
    valued("w:lvlText", lvlText),
    valued("w:suff", follow === 1 ? "space" : follow === 2 ? "nothing" : "tab"),
  ];
  if ((flags & 0x04) !== 0) children.push(element("w:isLgl"));
  if ((flags & 0x08) !== 0) children.push(valued("w:lvlRestart", "0"));
  return { lvl: element("w:lvl", { "w:ilvl": String(ilvl) }, children), next: textAt + 2 + 2 * length };
}

const LSTF_SIZE = 28;
const LFO_SIZE = 16;

/**
 * The list numbering of a Word 97 document. Paragraphs name a list instance by its 1-based index (ilfo), which
 * is used as the numId. Null when the list tables are damaged: the text is still readable, without its numbers.
 */
export function docListNumbering(table: Bytes, lists: FcLcb, overrides: FcLcb): ListNumbering | null {
  if (lists.lcb === 0 || overrides.lcb === 0) return new ListNumbering(null);
  try {
    const definitions: XmlElement[] = [];
    const count = table.i16(lists.fc);
    let at = lists.fc + lists.lcb;
    for (let index = 0; index < count; index++) {
      const lstf = lists.fc + 2 + index * LSTF_SIZE;
      const simple = (table.u8(lstf + 26) & 0x01) !== 0;
      const levels: XmlElement[] = [];
      for (let ilvl = 0; ilvl < (simple ? 1 : 9); ilvl++) {
        const { lvl, next } = readLevel(table, at, ilvl);
        levels.push(lvl);
        at = next;
      }
      definitions.push(element("w:abstractNum", { "w:abstractNumId": String(table.i32(lstf)) }, levels));
    }
    const instances: XmlElement[] = [];
    const instanceCount = table.i32(overrides.fc);
    let dataAt = overrides.fc + 4 + instanceCount * LFO_SIZE;
    for (let index = 0; index < instanceCount; index++) {
      const lfo = overrides.fc + 4 + index * LFO_SIZE;
      const children = [valued("w:abstractNumId", String(table.i32(lfo)))];
      const levelOverrides = table.u8(lfo + 12);
      dataAt += 4;
      for (let override = 0; override < levelOverrides; override++) {
        const startAt = table.i32(dataAt);
        const flags = table.u32(dataAt + 4);
        const ilvl = flags & 0x0f;
        dataAt += 8;
        const overrideChildren: XmlElement[] = [];
        if ((flags & 0x10) !== 0) overrideChildren.push(valued("w:startOverride", String(startAt)));
        if ((flags & 0x20) !== 0) {
          const { lvl, next } = readLevel(table, dataAt, ilvl);
          overrideChildren.push(lvl);
          dataAt = next;
        }
        children.push(element("w:lvlOverride", { "w:ilvl": String(ilvl) }, overrideChildren));
      }
      instances.push(element("w:num", { "w:numId": String(index + 1) }, children));
    }
    return new ListNumbering(element("#root", {}, [element("w:numbering", {}, [...definitions, ...instances])]));
  } catch (error) {
    if (error instanceof DocumentReadError) return null;
    throw error;
  }
}
