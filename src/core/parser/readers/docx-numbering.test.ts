import { describe, expect, it } from "vitest";
import { ListNumbering } from "./docx-numbering.js";
import { formatListNumber } from "./list-number-format.js";
import { parseXml } from "./xml.js";

function lvl(ilvl: number, numFmt: string, lvlText: string, extra = ""): string {
  return `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${numFmt}"/><w:lvlText w:val="${lvlText}"/>${extra}</w:lvl>`;
}

/** Abstract list 0 is a Chinese outline 一、 / （一） / 1. / 1); num 1 and 2 use it, num 2 restarts level 2 at 1. */
const NUMBERING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:abstractNum w:abstractNumId="0">
    ${lvl(0, "chineseCounting", "%1、", '<w:suff w:val="nothing"/>')}
    ${lvl(1, "chineseCounting", "（%2）", '<w:suff w:val="nothing"/>')}
    ${lvl(2, "decimal", "%3.")}
    ${lvl(3, "decimal", "%4)", '<w:suff w:val="nothing"/>')}
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="1">
    ${lvl(0, "decimalEnclosedCircle", "%1", '<w:suff w:val="nothing"/>')}
    ${lvl(1, "decimal", "%1.%2", '<w:suff w:val="space"/>')}
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="2">
    ${lvl(0, "chineseCounting", "第%1条", '<w:suff w:val="space"/>')}
    ${lvl(1, "ideographDigital", "%2", '<w:isLgl/><w:suff w:val="nothing"/><w:lvlRestart w:val="0"/>')}
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="2"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>
  <w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>
  <w:num w:numId="5"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
</w:numbering>`;

function numbering(): ListNumbering {
  return new ListNumbering(parseXml(NUMBERING));
}

describe("Word list numbering", () => {
  it("numbers a Chinese outline as Word shows it, restarting lower levels under a new heading", () => {
    const list = numbering();
    const shown = [
      list.next("1", 0),
      list.next("1", 1),
      list.next("1", 2),
      list.next("1", 2),
      list.next("1", 3),
      list.next("1", 3),
      list.next("1", 2),
      list.next("1", 3),
      list.next("1", 1),
      list.next("1", 2),
      list.next("1", 0),
      list.next("1", 1),
    ];
    expect(shown).toEqual(["一、", "（一）", "1. ", "2. ", "1)", "2)", "3. ", "1)", "（二）", "1. ", "二、", "（一）"]);
  });

  it("continues an abstract list across w:num instances unless a level's start is overridden", () => {
    const list = numbering();
    list.next("1", 2);
    list.next("1", 2);
    expect(list.next("1", 2)).toBe("3. ");
    expect(list.next("2", 2)).toBe("1. ");
    expect(list.next("2", 2)).toBe("2. ");
    expect(list.next("5", 0)).toBe("五、");
  });

  it("renders circled numbers, placeholders in each level's own format, legal numbering and lvlRestart 0", () => {
    const list = numbering();
    expect([list.next("3", 0), list.next("3", 0), list.next("3", 1)]).toEqual(["①", "②", "②.1 "]);
    expect([list.next("4", 0), list.next("4", 1), list.next("4", 0), list.next("4", 1)]).toEqual([
      "第一条 ",
      "1",
      "第二条 ",
      "2",
    ]);
  });

  it("gives no number for numId 0 (numbering switched off) or an unknown list", () => {
    const list = numbering();
    expect(list.next("0", 0)).toBe("");
    expect(list.next("99", 0)).toBe("");
  });
});

describe("list number formats", () => {
  it.each([
    [1, "chineseCounting", "一"],
    [10, "chineseCounting", "十"],
    [15, "chineseCounting", "十五"],
    [20, "chineseCounting", "二十"],
    [21, "chineseCounting", "二十一"],
    [105, "chineseCounting", "一百零五"],
    [110, "chineseCounting", "一百一十"],
    [12, "chineseLegalSimplified", "壹拾贰"],
    [10, "ideographDigital", "一〇"],
    [3, "ideographTraditional", "丙"],
    [1, "decimalEnclosedCircle", "①"],
    [20, "decimalEnclosedCircle", "⑳"],
    [21, "decimalEnclosedCircle", "㉑"],
    [3, "decimalEnclosedParen", "⑶"],
    [3, "decimalEnclosedFullstop", "⒊"],
    [12, "decimalFullWidth", "１２"],
    [7, "decimalZero", "07"],
    [28, "upperLetter", "BB"],
    [4, "lowerRoman", "iv"],
    [1994, "upperRoman", "MCMXCIV"],
    [3, "none", ""],
    [3, "somethingNew", "3"],
  ])("%i as %s is %s", (value, format, text) => {
    expect(formatListNumber(value, format)).toBe(text);
  });
});
