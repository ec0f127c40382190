import { describe, expect, it } from "vitest";
import { Bytes, readFib, sprms } from "./doc-binary.js";
import { DocumentReadError, readDocument } from "./index.js";
import { fixture, fixtureText, oleFile, oleStreams } from "./test-helpers.js";

async function lines(file: string, name = file): Promise<string[]> {
  return (await readDocument(fixture(file), name)).text.split("\n");
}

const SPRM_LIST_INSTANCE = 0x460b;
const SPRM_LIST_LEVEL = 0x260a;

/**
 * The .doc with the list reference taken off its paragraphs (turned into indent and alignment sprms of the same
 * sizes), so that only their styles number them, as Word writes a heading style linked to a list. Returns the
 * bytes and how many sprms were changed.
 */
function withoutParagraphLists(bytes: Uint8Array): { bytes: Uint8Array; changed: number } {
  const streams = oleStreams(bytes);
  const word = new Uint8Array(streams.WordDocument);
  const fib = readFib(new Bytes(word));
  const table = new Bytes(streams[fib.tableStream]);
  const pages = (fib.papx.lcb - 4) / 8;
  let changed = 0;
  for (let index = 0; index < pages; index++) {
    const page = (table.u32(fib.papx.fc + 4 * (pages + 1) + 4 * index) & 0x3fffff) * 512;
    const runs = word[page + 511];
    for (let run = 0; run < runs; run++) {
      const offset = word[page + 4 * (runs + 1) + 13 * run] * 2;
      if (offset === 0) continue;
      const cb = word[page + offset];
      const [from, size] =
        cb === 0 ? [page + offset + 2, word[page + offset + 1] * 2] : [page + offset + 1, cb * 2 - 1];
      for (const sprm of sprms(word.subarray(from + 2, from + size))) {
        const at = sprm.operand.byteOffset - 2;
        if (sprm.code === SPRM_LIST_INSTANCE) word.set([0x0f, 0x84], at);
        else if (sprm.code === SPRM_LIST_LEVEL) word.set([0x03, 0x24], at);
        else continue;
        changed++;
      }
    }
  }
  return { bytes: oleFile({ ...streams, WordDocument: word }), changed };
}

describe("Word 97–2003 reader", () => {
  it("reads a task table as the .docx reader does: rows of cells, row numbers from the list, merged cells repeated", async () => {
    const read = await readDocument(fixture("seed002-table.doc"), "seed002-table.doc");
    expect(read.format).toBe("doc");
    expect(read.warnings).toEqual([]);
    expect(read.text.split("\n")).toEqual(await lines("seed002-table.docx"));
    expect(read.text).toContain("序号 | 工作任务 | 牵头单位 | 责任单位 | 配合单位 | 完成时限");
  });

  it("restores Word's automatic numbering (一、 1. across sections) as the .docx reader does", async () => {
    const doc = await lines("seed000-numbered.doc");
    expect(doc).toEqual(await lines("seed000-numbered.docx"));
    expect(doc).toContain("一、全力推进公正文明执法水平提升行动");
    expect(doc.some((line) => /^2\. 规范执法程序/.test(line))).toBe(true);
  });

  it("numbers paragraphs whose list is set by their style (a heading style linked to a list)", async () => {
    const expected = [
      "区法治政府建设工作要点",
      "一、总体要求",
      "1.加强组织领导。(责任单位:区司法局)",
      "2.压实工作责任。(责任单位:各镇街)",
      "二、主要任务",
      "1.规范行政执法。(责任单位:各行政执法部门)",
      "以上任务年底前完成。",
    ];
    expect(await lines("heading-styles.doc")).toEqual(expected);
    const styleOnly = withoutParagraphLists(fixture("heading-styles.doc"));
    // The paragraphs of one level share their properties: two list references and two levels are taken off.
    expect(styleOnly.changed).toBeGreaterThanOrEqual(4);
    expect((await readDocument(styleOnly.bytes, "heading-styles.doc")).text.split("\n")).toEqual(expected);
  });

  it("leaves the running header out of the body text: its words occur only where the plan itself has them", async () => {
    const header = "中卫市沙坡头区人民政府办公室";
    const count = (text: string) => text.split(header).length - 1;
    const read = await readDocument(fixture("seed000-numbered.doc"), "seed000-numbered.doc");
    expect(count(read.text)).toBe(count(fixtureText("seed000.txt")));
  });

  it("keeps field results and drops field codes, footnotes, hidden text, deletions, text boxes and headers; spans and merges keep their grid columns", async () => {
    const read = await readDocument(fixture("word-features.doc"), "word-features.doc");
    expect(read.text.split("\n")).toEqual([
      "关于做好合法性审查工作的通知",
      "详见司法局网站公布的清单。",
      "各单位按期报送材料。",
      "公开的内容继续写。",
      "保留的文字新加的文字",
      "第一栏 第二栏",
      "换行之前",
      "换行之后",
      "",
      "序号 | 工作任务 | 责任单位",
      "1 | 开展规范性文件清理 审查要点 | 备案要点 | 区司法局",
      "以上任务按期完成。",
      "序号 | 工作任务 | 责任单位 |  | 完成时限",
      "序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限",
      "1 | 开展执法检查 | 区司法局 | 各镇街 | 2026年6月底前",
    ]);
  });

  it("reads a .wps (Kingsoft WPS writes the Word 97 format) by its WordDocument stream, in a container of another writer", async () => {
    const { WordDocument, "1Table": table } = oleStreams(fixture("seed002-table.doc"));
    const wps = oleFile({ WordDocument, "1Table": table });
    const read = await readDocument(wps, "任务分工.wps");
    expect(read.format).toBe("doc");
    expect(read.warnings).toEqual([]);
    expect(read.text.split("\n")).toEqual(await lines("seed002-table.docx"));
  });

  it("refuses a password-protected .doc (encrypted by LibreOffice as Word does) with the message to remove the password", async () => {
    await expect(readDocument(fixture("encrypted.doc"), "plan.doc")).rejects.toMatchObject({
      code: "encrypted",
      message: expect.stringContaining("解除密码"),
    });
  });

  it("refuses a Word 6/95 document, whose FIB is older than Word 97's, and says to save it as .docx", async () => {
    const streams = oleStreams(fixture("seed002-table.doc"));
    const word = new Uint8Array(streams.WordDocument);
    word[2] = 0x65;
    word[3] = 0x00;
    await expect(readDocument(oleFile({ ...streams, WordDocument: word }), "old.doc")).rejects.toMatchObject({
      code: "unsupported",
      message: expect.stringContaining(".docx"),
    });
  });

  it("refuses a cut-off .doc and one whose WordDocument stream is junk as corrupt", async () => {
    await expect(readDocument(fixture("seed002-table.doc").slice(0, 20_000), "cut.doc")).rejects.toMatchObject({
      code: "corrupt",
    });
    const junk = new Uint8Array(4096).map((_, index) => (index * 7919) & 0xff);
    // A Word 97 signature and FIB version, no flags (so not encrypted, table stream 0Table), junk offsets after.
    junk.set([0xec, 0xa5, 0xc1, 0x00]);
    junk.set([0x00, 0x00], 0x0a);
    await expect(readDocument(oleFile({ WordDocument: junk, "0Table": junk }), "junk.doc")).rejects.toMatchObject({
      code: "corrupt",
      message: expect.stringContaining("损坏"),
    });
  });

  it("tells a Microsoft Works .wps (a CONTENTS stream, no WordDocument) from a Kingsoft one, and says to save it as .docx", async () => {
    const works = oleFile({ CONTENTS: new Uint8Array(1024) });
    await expect(readDocument(works, "旧文档.wps")).rejects.toMatchObject({
      code: "unsupported",
      message: expect.stringMatching(/Microsoft Works.*\.docx/),
    });
  });

  it("refuses an .xls (an OLE file with a Workbook stream) with the advice to save it as .xlsx", async () => {
    const error = await readDocument(oleFile({ Workbook: new Uint8Array(2048) }), "tasks.xls").catch(
      (caught) => caught,
    );
    expect(error).toMatchObject({ name: "DocumentReadError", code: "unsupported" });
    expect(error.message).toContain(".xls");
    expect(error.message).toContain("另存为");
  });

  it("answers .doc files with damaged bytes with their text or a read error, never a crash", async () => {
    // A fixed pseudo-random sequence, so the test is the same every run.
    let state = 7;
    const random = (below: number) => {
      state = (state * 1103515245 + 12345) & 0x7fffffff;
      return state % below;
    };
    const original = oleStreams(fixture("seed002-table.doc"));
    const started = performance.now();
    const outcomes = { read: 0, refused: 0 };
    for (let round = 0; round < 60; round++) {
      const streams = { ...original };
      const name = round % 2 === 0 ? "WordDocument" : "1Table";
      const damaged = new Uint8Array(streams[name]);
      for (let hit = 0; hit < 8; hit++) damaged[random(damaged.length)] = random(256);
      streams[name] = damaged;
      try {
        await readDocument(oleFile(streams), "damaged.doc");
        outcomes.read++;
      } catch (error) {
        expect(error).toBeInstanceOf(DocumentReadError);
        outcomes.refused++;
      }
    }
    expect(outcomes.read + outcomes.refused).toBe(60);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it("stops at the time limit", async () => {
    await expect(readDocument(fixture("seed002-table.doc"), "plan.doc", { timeLimitMs: -1 })).rejects.toMatchObject({
      code: "timeout",
    });
  });
});
