import { describe, expect, it } from "vitest";
import { readDocument } from "./index.js";
import type { PdfLine, PdfPage, PdfPiece } from "./pdf-layout.js";
import { locateTables, rebuildTables } from "./pdf-table.js";
import { fixture } from "./test-helpers.js";

/** Column left edges of a synthetic table: 序号 | 工作任务 | 牵头单位 | 完成时限. */
const COLUMNS = [80, 150, 330, 430];
const SIZE = 10;

function piece(text: string, column: number, top: number, size = SIZE): PdfPiece {
  const x = COLUMNS[column];
  return { text, x, right: x + text.length * size, top, size };
}

function line(...pieces: PdfPiece[]): PdfLine {
  const sorted = [...pieces].sort((a, b) => a.x - b.x);
  return {
    text: sorted.map((p) => p.text).join(" "),
    x: sorted[0].x,
    right: Math.max(...sorted.map((p) => p.right)),
    top: sorted[0].top,
    size: SIZE,
    pieces: sorted,
  };
}

const header = (top: number) =>
  line(piece("序号", 0, top), piece("工作任务", 1, top), piece("牵头单位", 2, top), piece("完成时限", 3, top));

function rebuild(pages: PdfPage[], rules = new Map<number, number[]>()): string[][] {
  return rebuildTables(pages, locateTables(pages), rules).map((lines) => lines.map((l) => l.text));
}

describe("pdf task tables", () => {
  it("splits rows above each row number when the table has no rules (cells aligned to the top)", () => {
    const page: PdfPage = [
      line({ text: "一、加强党的领导，完善法治政府建设推进机制", x: 72, right: 520, top: 80, size: SIZE }),
      header(100),
      line(piece("1", 0, 118), piece("健全法治", 1, 115), piece("区司法局", 2, 115), piece("长期坚持", 3, 115)),
      line(piece("督察机制", 1, 130), piece("区政府办", 2, 130)),
      line(piece("2", 0, 148), piece("落实述法", 1, 145), piece("2025年底前", 3, 145)),
      line({ text: "二、坚持依法行政，提高政府治理效能与水平", x: 72, right: 520, top: 200, size: SIZE }),
      line({ text: "以高水平法治政府建设保障经济社会高质量发展", x: 72, right: 520, top: 215, size: SIZE }),
    ];
    expect(rebuild([page])).toEqual([
      [
        "一、加强党的领导，完善法治政府建设推进机制",
        "序号 | 工作任务 | 牵头单位 | 完成时限",
        "1 | 健全法治督察机制 | 区司法局 区政府办 | 长期坚持",
        "2 | 落实述法 |  | 2025年底前",
        "二、坚持依法行政，提高政府治理效能与水平",
        "以高水平法治政府建设保障经济社会高质量发展",
      ],
    ]);
  });

  it("splits rows at the drawn rules, keeps heading rows, and joins a row broken by a page break", () => {
    const first: PdfPage = [
      header(100),
      line({ text: "（一）依法履职", x: 80, right: 300, top: 120, size: SIZE }),
      // Row numbers centred in their cells: only the rules tell the rows apart.
      line(piece("健全法治", 1, 135), piece("区司法局", 2, 135)),
      line(piece("1", 0, 142)),
      line(piece("督察机制", 1, 150)),
      line(piece("落实述法", 1, 170)),
      line(piece("2", 0, 172)),
    ];
    const second: PdfPage = [
      header(40),
      line(piece("制度", 1, 60), piece("年底前", 3, 60)),
      line(piece("3", 0, 80), piece("开展评估", 1, 80)),
    ];
    const rules = new Map([
      [0, [105, 125, 158, 200]],
      [1, [45, 70, 90]],
    ]);
    expect(rebuild([first, second], rules)).toEqual([
      [
        "序号 | 工作任务 | 牵头单位 | 完成时限",
        "（一）依法履职",
        "1 | 健全法治督察机制 | 区司法局 | ",
        "2 | 落实述法制度 |  | 年底前",
      ],
      ["3 | 开展评估 |  | "],
    ]);
  });

  it("finds a header written on two lines in narrow columns", () => {
    const page: PdfPage = [
      line(piece("序", 0, 100), piece("工作任务", 1, 105), piece("牵头", 2, 100), piece("完成", 3, 100)),
      line(piece("号", 0, 112), piece("单位", 2, 112), piece("时限", 3, 112)),
      line(piece("1", 0, 130), piece("健全法治督察机制", 1, 130), piece("区司法局", 2, 130), piece("长期坚持", 3, 130)),
    ];
    expect(rebuild([page])).toEqual([
      ["序号 | 工作任务 | 牵头单位 | 完成时限", "1 | 健全法治督察机制 | 区司法局 | 长期坚持"],
    ]);
  });

  it("reads a ruled task table printed to PDF by LibreOffice row by row", async () => {
    const read = await readDocument(fixture("seed002-table-libreoffice.pdf"), "seed002-table-libreoffice.pdf");
    const lines = read.text.split("\n");
    expect(lines).toContain("序号 | 工作任务 | 牵头单位 | 责任单位 | 配合单位 | 完成时限");
    const rows = lines.filter((l) => /^\d+ \| /.test(l));
    expect(rows.map((row) => Number(row.split(" | ")[0]))).toEqual(Array.from({ length: 43 }, (_, i) => i + 1));
    expect(rows[5].split(" | ")).toEqual([
      "6",
      "严格落实行政执法人员资格管理和持证上岗制度,未取得行政执法证件的人员不得独立从事行政执法工作。严格落实行政执法人员退出制度,对不符合执法要求的行政执法人员要依法暂扣、收回或者注销其行政执法证件。",
      "司法局",
      "",
      "各行政执法部门〔单位〕、各乡镇〔街道〕",
      "长期坚持",
    ]);
  });
});
