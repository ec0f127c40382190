import { readFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../index.js";
import { DocumentReadError, readDocument } from "./index.js";
import { fixture, oleFile } from "./test-helpers.js";

/** Every bad input must be answered within this time. */
const ANSWER_WITHIN_MS = 5_000;

interface RawEntry {
  name: string;
  data: Uint8Array;
  method: 0 | 8;
  /** what the central directory claims the entry inflates to */
  declaredSize: number;
}

/** A zip written byte by byte, so that its headers can lie the way a crafted bomb's do. */
function rawZip(entries: RawEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(entry.data));
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const CONTENT_TYPES = {
  name: "[Content_Types].xml",
  data: Buffer.from("<Types/>"),
  method: 0,
  declaredSize: 8,
} as const;

async function failure(bytes: Uint8Array, filename: string): Promise<{ error: DocumentReadError; ms: number }> {
  const started = performance.now();
  try {
    await readDocument(bytes, filename);
  } catch (error) {
    if (error instanceof DocumentReadError) return { error, ms: performance.now() - started };
    throw error;
  }
  throw new Error(`${filename} was read without an error`);
}

describe("bad input", () => {
  it("refuses an empty file", async () => {
    const { error } = await failure(new Uint8Array(0), "plan.docx");
    expect(error.code).toBe("empty");
    expect(error.message).toContain("空");
  });

  it("refuses binary junk", async () => {
    // A fixed pseudo-random sequence, so the test is the same every run.
    let state = 42;
    const junk = new Uint8Array(200_000).map(() => {
      state = (state * 1103515245 + 12345) & 0x7fffffff;
      return state >> 16;
    });
    junk[0] = 0;
    const { error, ms } = await failure(junk, "plan.txt");
    expect(error.code).toBe("unsupported");
    expect(ms).toBeLessThan(ANSWER_WITHIN_MS);
  });

  it("refuses a file over 50 MB at once", async () => {
    const { error, ms } = await failure(new Uint8Array(50 * 1024 * 1024 + 1), "plan.pdf");
    expect(error.code).toBe("too_large");
    expect(error.message).toContain("50 MB");
    expect(ms).toBeLessThan(100);
  });

  it("takes the size limit as an argument", async () => {
    await expect(readDocument(fixture("seed000.txt"), "a.txt", { maxBytes: 1024 })).rejects.toMatchObject({
      code: "too_large",
    });
  });

  it("refuses a .docx whose central directory declares a gigabyte", async () => {
    const bomb = rawZip([
      CONTENT_TYPES,
      { name: "word/document.xml", data: deflateRawSync(Buffer.alloc(1000)), method: 8, declaredSize: 1 << 30 },
    ]);
    const { error, ms } = await failure(bomb, "bomb.docx");
    expect(error.code).toBe("zip_bomb");
    expect(ms).toBeLessThan(ANSWER_WITHIN_MS);
  });

  it("stops inflating a .docx entry that lies about its size", async () => {
    const inflatesTo64Mb = deflateRawSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
    const bomb = rawZip([
      CONTENT_TYPES,
      { name: "word/document.xml", data: inflatesTo64Mb, method: 8, declaredSize: 900 },
    ]);
    const { error, ms } = await failure(bomb, "bomb.docx");
    expect(error.code).toBe("zip_bomb");
    expect(ms).toBeLessThan(ANSWER_WITHIN_MS);
  });

  it("refuses a .xlsx whose entries would inflate past the total cap, before exceljs sees it", async () => {
    const chunk = deflateRawSync(Buffer.alloc(900 * 1024, 0x20));
    const entries: RawEntry[] = Array.from({ length: 300 }, (_, i) => ({
      name: `xl/worksheets/sheet${i}.xml`,
      data: chunk,
      method: 8,
      declaredSize: 900 * 1024,
    }));
    const { error } = await failure(rawZip([CONTENT_TYPES, ...entries]), "bomb.xlsx");
    expect(error.code).toBe("zip_bomb");
  });

  it("refuses an encrypted PDF", async () => {
    expect((await failure(fixture("encrypted.pdf"), "plan.pdf")).error.code).toBe("encrypted");
  });

  it("refuses a password-protected Word file (an OLE container with an EncryptedPackage stream)", async () => {
    const ole = oleFile({ EncryptionInfo: new Uint8Array(256), EncryptedPackage: new Uint8Array(4096) });
    expect((await failure(ole, "plan.docx")).error.code).toBe("encrypted");
  });

  it("refuses OLE files that are no Word document, and damaged ones, within the time", async () => {
    const header = new Uint8Array(4096);
    header.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const broken = await failure(header, "plan.doc");
    expect(broken.error.code).toBe("corrupt");
    expect(broken.ms).toBeLessThan(ANSWER_WITHIN_MS);
    const slides = await failure(oleFile({ "PowerPoint Document": new Uint8Array(512) }), "plan.ppt");
    expect(slides.error.code).toBe("unsupported");
    expect(slides.error.message).toContain("PowerPoint");
  });

  it("refuses truncated .doc and .ofd files as corrupt", async () => {
    expect((await failure(fixture("seed002-table.doc").slice(0, 30_000), "plan.doc")).error.code).toBe("corrupt");
    expect((await failure(fixture("seed002-table.ofd").slice(0, 5000), "plan.ofd")).error.code).toBe("corrupt");
  });

  it("refuses an .exe renamed .pdf", async () => {
    const exe = new Uint8Array(readFileSync(process.execPath).subarray(0, 64 * 1024));
    const windowsExe = new Uint8Array(4096);
    windowsExe.set([0x4d, 0x5a, 0x90, 0x00]);
    for (const bytes of [exe, windowsExe]) {
      const { error } = await failure(bytes, "plan.pdf");
      expect(error.code).toBe("unsupported");
      expect(error.message).toContain("可执行程序");
    }
  });

  it("refuses truncated Word files and zips that are no office document", async () => {
    expect((await failure(fixture("seed000-numbered.docx").slice(0, 5000), "plan.docx")).error.code).toBe("corrupt");
    const odt = rawZip([{ name: "content.xml", data: Buffer.from("<x/>"), method: 0, declaredSize: 4 }]);
    expect((await failure(odt, "plan.odt")).error.code).toBe("unsupported");
  });

  it("gives up on a document that takes longer than the time limit", async () => {
    const pdf = new Uint8Array(
      readFileSync(new URL("../../../../bench/fixtures/parser-100-pages.pdf", import.meta.url)),
    );
    await expect(readDocument(pdf, "big.pdf", { timeLimitMs: 30 })).rejects.toMatchObject({ code: "timeout" });
  });

  it("reads a Word file named .pdf by its content, with a warning", async () => {
    const read = await readDocument(fixture("seed000-numbered.docx"), "plan.pdf");
    expect(read.text).toContain("一、全力推进公正文明执法水平提升行动");
    expect(read.warnings.map((warning) => warning.code)).toContain("format_mismatch");
  });

  it("answers a document without numbered tasks with no tasks and a warning", async () => {
    const notice = "关于开展法治宣传的通知\n各单位：\n请认真做好法治宣传工作。\n区司法局\n2025年3月1日";
    const result = await parseDocument(new TextEncoder().encode(notice), "notice.txt");
    expect(result.tasks).toEqual([]);
    expect(result.warnings.length).toBeGreaterThan(0);
  });

  it("answers whitespace-only text with empty text and a warning", async () => {
    const read = await readDocument(new TextEncoder().encode(" \n\r\n\t "), "blank.txt");
    expect(read.text).toBe("");
    expect(read.warnings.map((warning) => warning.code)).toEqual(["no_text"]);
  });
});
