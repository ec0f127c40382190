import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { readDocument } from "./index.js";
import { fixture, fixtureText } from "./test-helpers.js";
import { detectEncoding } from "./text.js";

const SAMPLE = "1.严格依法执法。(责任单位:区司法局、各镇(街道))\n完成时限:2024年6月15日前";

describe("text reader", () => {
  it.each([
    ["UTF-8", new TextEncoder().encode(SAMPLE), "utf-8"],
    ["UTF-8 with BOM", new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(SAMPLE)]), "utf-8"],
    ["GBK", new Uint8Array(iconv.encode(SAMPLE, "gbk")), "gb18030"],
    ["GB18030", new Uint8Array(iconv.encode(SAMPLE, "gb18030")), "gb18030"],
    ["UTF-16LE with BOM", new Uint8Array(iconv.encode(SAMPLE, "utf-16le", { addBOM: true })), "utf-16le"],
    ["UTF-16BE with BOM", new Uint8Array(iconv.encode(SAMPLE, "utf-16be", { addBOM: true })), "utf-16be"],
    ["UTF-16LE without BOM", new Uint8Array(iconv.encode(SAMPLE, "utf-16le")), "utf-16le"],
    ["UTF-16BE without BOM", new Uint8Array(iconv.encode(SAMPLE, "utf-16be")), "utf-16be"],
  ])("decodes %s", async (_, bytes, encoding) => {
    expect(detectEncoding(bytes)).toBe(encoding);
    const read = await readDocument(bytes, "plan.txt");
    expect(read.text).toBe(SAMPLE);
  });

  it("reads the GBK fixture of seed 004 as the seed", async () => {
    const read = await readDocument(fixture("seed004-gbk.txt"), "seed004-gbk.txt");
    const seedLines = fixtureText("seed004.txt")
      .split("\n")
      .map((line) => line.replace(/[\s\u00a0]+$/, "").replace(/\u00a0/g, " "))
      .filter(Boolean);
    expect(read.text.split("\n").filter(Boolean)).toEqual(seedLines);
  });

  it("turns Windows line ends into \\n and keeps one blank line at most", async () => {
    const read = await readDocument(new TextEncoder().encode("一、总体要求\r\n\r\n\r\n\r\n1.任务\r\n"), "a.txt");
    expect(read.text).toBe("一、总体要求\n\n1.任务");
  });

  it("maps Kangxi radicals in text files too", async () => {
    const read = await readDocument(new TextEncoder().encode("项⽬⻚⺠"), "a.txt");
    expect(read.text).toBe("项目页民");
  });
});
