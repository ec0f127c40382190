import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { evidenceType, sanitiseFilename } from "./file-type.js";

async function buildZip(entries: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(entries)) zip.file(name, content);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

const bytes = (...values: number[]) => new Uint8Array([...values, ...new Array(32).fill(0)]);
const ole = (stream: string) =>
  new Uint8Array([
    0xd0,
    0xcf,
    0x11,
    0xe0,
    0xa1,
    0xb1,
    0x1a,
    0xe1,
    ...new Array(500).fill(0),
    ...Array.from(stream).flatMap((c) => [c.charCodeAt(0), 0]),
  ]);

describe("evidenceType", () => {
  it("tells the allowed types by their content", () => {
    expect(evidenceType(new TextEncoder().encode("%PDF-1.7\n..."))?.extension).toBe("pdf");
    expect(evidenceType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))?.extension).toBe("png");
    expect(evidenceType(bytes(0xff, 0xd8, 0xff, 0xe0))?.extension).toBe("jpg");
    expect(evidenceType(ole("WordDocument"))?.extension).toBe("doc");
    expect(evidenceType(ole("Workbook"))?.extension).toBe("xls");
  });

  it("looks inside zip packages: Word, Excel and OFD are allowed, other archives are not", async () => {
    const docx = await buildZip({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" });
    const xlsx = await buildZip({ "[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>" });
    const ofd = await buildZip({ "OFD.xml": "<ofd:OFD/>", "Doc_0/Document.xml": "<ofd:Document/>" });
    const plain = await buildZip({ "readme.txt": "hello" });
    expect(evidenceType(docx)?.extension).toBe("docx");
    expect(evidenceType(xlsx)?.extension).toBe("xlsx");
    expect(evidenceType(ofd)?.extension).toBe("ofd");
    expect(evidenceType(plain)).toBeNull();
  });

  it("refuses programs, scripts, text and damaged files whatever they are called", () => {
    expect(evidenceType(bytes(0x4d, 0x5a, 0x90, 0x00))).toBeNull();
    expect(evidenceType(bytes(0x7f, 0x45, 0x4c, 0x46))).toBeNull();
    expect(evidenceType(new TextEncoder().encode("#!/bin/sh\nrm -rf /"))).toBeNull();
    expect(evidenceType(bytes(0x50, 0x4b, 0x03, 0x04))).toBeNull();
    expect(evidenceType(ole("PowerPoint Document"))).toBeNull();
    expect(evidenceType(new Uint8Array())).toBeNull();
  });
});

describe("sanitiseFilename", () => {
  const pdf = { extension: "pdf", mediaType: "application/pdf", previewable: true } as const;
  it("keeps a Chinese name and gives it the extension of its real type", () => {
    expect(sanitiseFilename("2025年第一季度台账.pdf", pdf)).toBe("2025年第一季度台账.pdf");
    expect(sanitiseFilename("照片.PNG", pdf)).toBe("照片.pdf");
  });
  it("drops folders, control and reserved characters, and leading dots", () => {
    expect(sanitiseFilename("../../etc/passwd", pdf)).toBe("passwd.pdf");
    expect(sanitiseFilename("C:\\Users\\张三\\报告<1>?.pdf", pdf)).toBe("报告1.pdf");
    expect(sanitiseFilename("..\u0000.pdf", pdf)).toBe("材料.pdf");
    expect(sanitiseFilename("a".repeat(300), pdf)).toHaveLength(124);
  });
  it("drops zero-width and bidi-override characters, so a name reads as it shows", () => {
    // shown as 报告fdp.jpg, it is a PDF
    expect(sanitiseFilename("报告\u202Egpj.pdf", pdf)).toBe("报告gpj.pdf");
    expect(sanitiseFilename("台\u200B账\u2066\uFEFF.pdf", pdf)).toBe("台账.pdf");
    expect(sanitiseFilename("第一\t季度\u0085.pdf", pdf)).toBe("第一 季度.pdf");
  });
});
