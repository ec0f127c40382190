/**
 * Writes OFD documents (GB/T 33190) of a seed the way a Word-to-OFD converter sets them: A4 pages with the
 * margins of GB/T 9704, a centred title, paragraphs wrapped line by line with a two-character first-line indent,
 * a ruled task table whose header repeats on every page it runs over, and "- N -" page numbers. Every line is a
 * TextObject placed in millimetres, its characters spaced by DeltaX; the table's borders are PathObjects. The
 * package holds OFD.xml (DocBody → DocRoot), Doc_0/Document.xml (CommonData, Pages), Doc_0/PublicRes.xml (fonts)
 * and one Doc_0/Pages/Page_N/Content.xml per page.
 */
import JSZip from "jszip";
import { getDocumentProxy } from "unpdf";
import { ReadClock } from "../../src/core/parser/readers/limits.js";
import { drawnRules } from "../../src/core/parser/readers/pdf-rules.js";
import type { SeedLine, TaskTableSeed } from "./seed-structure.js";

const PAGE = { width: 210, height: 297, left: 28, right: 26, top: 37, bottom: 35 };
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
const BODY = { size: 5.6, pitch: 9.8 };
const TITLE = { size: 7.8, pitch: 13 };
const CELL = { size: 3.7, pitch: 5.4, padding: 1.6 };
const FONT = { song: 2, fangsong: 3 };

/** Column widths as a typist sets them: a narrow 序号, a wide task column, unit and deadline columns between. */
const COLUMNS = [
  { name: "序号", width: 12, field: null },
  { name: "工作任务", width: 62, field: null },
  { name: "牵头单位", width: 22, field: "牵头单位" },
  { name: "责任单位", width: 24, field: "责任单位" },
  { name: "配合单位", width: 20, field: "配合单位" },
  { name: "完成时限", width: 16, field: "完成时限" },
] as const;

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Full width for CJK characters and full-width punctuation, half for Latin letters, digits and ASCII marks. */
function charWidth(char: string, size: number): number {
  return /[\x20-\x7e]/.test(char) ? size / 2 : size;
}

const mm = (value: number) => String(Math.round(value * 1000) / 1000);

/** DeltaX as GB/T 33190 allows it: runs of one step written "g count step". */
function deltaX(steps: number[]): string {
  const out: string[] = [];
  let index = 0;
  while (index < steps.length) {
    let end = index;
    while (end + 1 < steps.length && steps[end + 1] === steps[index]) end++;
    const count = end - index + 1;
    out.push(count >= 3 ? `g ${count} ${mm(steps[index])}` : Array(count).fill(mm(steps[index])).join(" "));
    index = end + 1;
  }
  return out.join(" ");
}

/** Breaks text into lines no wider than `width`; the first line may be indented. */
function wrap(text: string, width: number, size: number, firstIndent = 0): string[] {
  const lines: string[] = [];
  let line = "";
  let used = firstIndent;
  for (const char of Array.from(text)) {
    const step = charWidth(char, size);
    if (line !== "" && used + step > width + 0.01) {
      // A Latin word or number moves to the next line whole, as layout engines break them.
      const word =
        /[A-Za-z0-9]$/.test(line) && /[A-Za-z0-9]/.test(char) ? (line.match(/[A-Za-z0-9.%]+$/)?.[0] ?? "") : "";
      const carried = word.length < line.length ? word : "";
      lines.push(line.slice(0, line.length - carried.length));
      line = carried;
      used = lineWidth(carried, size);
    }
    line += char;
    used += step;
  }
  if (line !== "" || lines.length === 0) lines.push(line);
  return lines;
}

function lineWidth(text: string, size: number): number {
  return Array.from(text).reduce((sum, char) => sum + charWidth(char, size), 0);
}

class OfdPages {
  readonly pages: string[][] = [];
  private id = 10;
  y = 0;

  constructor() {
    this.newPage();
  }

  newPage(): void {
    this.pages.push([]);
    this.y = PAGE.top;
  }

  /** "- N -" centred at the foot of every page. */
  pageNumbers(): void {
    this.pages.forEach((_, index) => {
      const footer = `- ${index + 1} -`;
      this.textOn(index, footer, (PAGE.width - lineWidth(footer, 4.9)) / 2, 276.9, 4.9, FONT.song);
    });
  }

  fits(height: number): boolean {
    return this.y + height <= PAGE.height - PAGE.bottom;
  }

  nextId(): number {
    return this.id++;
  }

  get maxId(): number {
    return this.id;
  }

  /** One line of text whose baseline is `baseline` mm from the page top, on the current page. */
  text(text: string, x: number, baseline: number, size: number, font: number): void {
    this.textOn(this.pages.length - 1, text, x, baseline, size, font);
  }

  /**
   * One run of text on a page; its characters are spaced by `steps` (DeltaX) when given, else by their width at
   * this size.
   */
  textOn(page: number, text: string, x: number, baseline: number, size: number, font: number, steps?: number[]): void {
    if (text === "") return;
    const chars = Array.from(text);
    const advances = steps ?? chars.slice(0, -1).map((char) => charWidth(char, size));
    const width = steps
      ? steps.reduce((sum, step) => sum + step, 0) + charWidth(chars[chars.length - 1], size)
      : lineWidth(text, size);
    const top = baseline - size;
    this.pages[page].push(
      `<ofd:TextObject ID="${this.nextId()}" Boundary="${mm(x)} ${mm(top)} ${mm(width)} ${mm(size * 1.25)}" Font="${font}" Size="${mm(size)}">` +
        `<ofd:FillColor Value="0 0 0"/>` +
        `<ofd:TextCode X="0" Y="${mm(size)}"${advances.length > 0 ? ` DeltaX="${deltaX(advances)}"` : ""}>${escapeXml(text)}</ofd:TextCode>` +
        "</ofd:TextObject>",
    );
  }

  /** A straight border line from (x0, y0) to (x1, y1), in page millimetres, on the current page. */
  line(x0: number, y0: number, x1: number, y1: number): void {
    this.lineOn(this.pages.length - 1, x0, y0, x1, y1);
  }

  lineOn(page: number, x0: number, y0: number, x1: number, y1: number): void {
    const left = Math.min(x0, x1);
    const top = Math.min(y0, y1);
    this.pages[page].push(
      `<ofd:PathObject ID="${this.nextId()}" Boundary="${mm(left)} ${mm(top)} ${mm(Math.abs(x1 - x0))} ${mm(Math.abs(y1 - y0))}" LineWidth="0.25">` +
        `<ofd:StrokeColor Value="0 0 0"/>` +
        `<ofd:AbbreviatedData>M ${mm(x0 - left)} ${mm(y0 - top)} L ${mm(x1 - left)} ${mm(y1 - top)}</ofd:AbbreviatedData>` +
        "</ofd:PathObject>",
    );
  }
}

function paragraph(pages: OfdPages, text: string): void {
  wrap(text, TEXT_WIDTH, BODY.size, 2 * BODY.size).forEach((line, index) => {
    if (!pages.fits(BODY.pitch)) pages.newPage();
    pages.y += BODY.pitch;
    pages.text(line, PAGE.left + (index === 0 ? 2 * BODY.size : 0), pages.y - 2, BODY.size, FONT.fangsong);
  });
}

function title(pages: OfdPages, text: string): void {
  for (const line of wrap(text, TEXT_WIDTH, TITLE.size)) {
    pages.y += TITLE.pitch;
    pages.text(line, PAGE.left + (TEXT_WIDTH - lineWidth(line, TITLE.size)) / 2, pages.y - 2, TITLE.size, FONT.song);
  }
  pages.y += BODY.pitch / 2;
}

interface TableRow {
  /** one cell spanning the table (a group heading), or a cell per column */
  cells: string[];
  /** the header's names are centred in their columns, the cells below left-aligned */
  centred?: boolean;
}

const TABLE_LEFT = PAGE.left;
/** The column borders, left to right. */
const edges = [TABLE_LEFT];
for (const column of COLUMNS) edges.push(edges[edges.length - 1] + column.width);

function cellLines(row: TableRow): string[][] {
  if (row.cells.length === 1) return [wrap(row.cells[0], TEXT_WIDTH - 2 * CELL.padding, CELL.size)];
  return row.cells.map((text, index) => wrap(text, COLUMNS[index].width - 2 * CELL.padding, CELL.size));
}

function rowHeight(row: TableRow): number {
  return Math.max(...cellLines(row).map((lines) => lines.length)) * CELL.pitch + 2 * CELL.padding;
}

/** Draws one row at the cursor: its cells' lines top-aligned (the header's centred), its borders around it. */
function drawRow(pages: OfdPages, row: TableRow): void {
  const top = pages.y;
  const height = rowHeight(row);
  const spans =
    row.cells.length === 1 ? [[edges[0], edges[edges.length - 1]]] : COLUMNS.map((_, i) => [edges[i], edges[i + 1]]);
  cellLines(row).forEach((lines, index) => {
    const [left, right] = spans[index];
    lines.forEach((line, lineIndex) => {
      pages.text(
        line,
        row.centred ? left + (right - left - lineWidth(line, CELL.size)) / 2 : left + CELL.padding,
        top + CELL.padding + (lineIndex + 1) * CELL.pitch - 1.2,
        CELL.size,
        FONT.song,
      );
    });
  });
  pages.line(edges[0], top, edges[edges.length - 1], top);
  pages.line(edges[0], top + height, edges[edges.length - 1], top + height);
  const verticals = row.cells.length === 1 ? [edges[0], edges[edges.length - 1]] : edges;
  for (const x of verticals) pages.line(x, top, x, top + height);
  pages.y = top + height;
}

function table(pages: OfdPages, rows: TableRow[]): void {
  const header: TableRow = { cells: COLUMNS.map((column) => column.name), centred: true };
  pages.y += BODY.pitch / 2;
  if (!pages.fits(rowHeight(header) + rowHeight(rows[0]))) pages.newPage();
  drawRow(pages, header);
  for (const row of rows) {
    if (!pages.fits(rowHeight(row))) {
      pages.newPage();
      drawRow(pages, header);
    }
    drawRow(pages, row);
  }
  pages.y += BODY.pitch / 2;
}

function taskRows(seed: TaskTableSeed): TableRow[] {
  const rows: TableRow[] = [];
  let group = "";
  for (const task of seed.tasks) {
    if (task.group !== group) {
      rows.push({ cells: [task.group] });
      group = task.group;
    }
    rows.push({
      cells: COLUMNS.map((column) =>
        column.field === null
          ? column.name === "序号"
            ? String(task.number)
            : task.text
          : (task.fields[column.field] ?? ""),
      ),
    });
  }
  return rows;
}

function pageXml(objects: string[], layer: number, size: { width: number; height: number }): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016">` +
    `<ofd:Area><ofd:PhysicalBox>0 0 ${mm(size.width)} ${mm(size.height)}</ofd:PhysicalBox></ofd:Area>` +
    `<ofd:Content><ofd:Layer ID="${layer}" Type="Body">${objects.join("")}</ofd:Layer></ofd:Content></ofd:Page>\n`
  );
}

/** The OFD package of laid-out pages: OFD.xml, the document, its fonts and one Content.xml per page. */
async function ofdPackage(
  pages: OfdPages,
  docTitle: string,
  sizes: Array<{ width: number; height: number }>,
): Promise<Buffer> {
  const zip = new JSZip();
  const pageEntries = pages.pages.map((objects, index) => {
    zip.file(`Doc_0/Pages/Page_${index}/Content.xml`, pageXml(objects, pages.nextId(), sizes[index] ?? sizes[0]));
    return `<ofd:Page ID="${pages.nextId()}" BaseLoc="Pages/Page_${index}/Content.xml"/>`;
  });
  zip.file(
    "OFD.xml",
    `<?xml version="1.0" encoding="UTF-8"?>\n<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD">` +
      `<ofd:DocBody><ofd:DocInfo><ofd:DocID>6f2b1c0e8d5a4e7f9a3b2c1d0e9f8a7b</ofd:DocID><ofd:Title>${escapeXml(docTitle)}</ofd:Title>` +
      `<ofd:CreationDate>2025-01-01</ofd:CreationDate><ofd:Creator>fazhi fixture builder</ofd:Creator></ofd:DocInfo>` +
      "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>\n",
  );
  const [first] = sizes;
  zip.file(
    "Doc_0/Document.xml",
    `<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Document xmlns:ofd="http://www.ofdspec.org/2016">` +
      `<ofd:CommonData><ofd:MaxUnitID>${pages.maxId}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 ${mm(first.width)} ${mm(first.height)}</ofd:PhysicalBox></ofd:PageArea>` +
      "<ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>" +
      `<ofd:Pages>${pageEntries.join("")}</ofd:Pages></ofd:Document>\n`,
  );
  zip.file(
    "Doc_0/PublicRes.xml",
    `<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Res xmlns:ofd="http://www.ofdspec.org/2016" BaseLoc="Res">` +
      `<ofd:Fonts><ofd:Font ID="${FONT.song}" FontName="宋体" FamilyName="宋体"/><ofd:Font ID="${FONT.fangsong}" FontName="仿宋" FamilyName="仿宋"/></ofd:Fonts></ofd:Res>\n`,
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

function lineText(line: SeedLine): string {
  return line.raw.trim();
}

/**
 * An OFD of a task-table seed: the lines before the table (the first as the title), the table of tasks under
 * their group rows, the lines after it.
 */
export async function taskTableOfd(seed: TaskTableSeed, docTitle: string): Promise<Buffer> {
  const pages = new OfdPages();
  const [first, ...rest] = seed.before.filter((line) => lineText(line) !== "");
  title(pages, lineText(first));
  for (const line of rest) paragraph(pages, lineText(line));
  table(pages, taskRows(seed));
  for (const line of seed.after.filter((entry) => lineText(entry) !== "")) paragraph(pages, lineText(line));

  pages.pageNumbers();
  return ofdPackage(pages, docTitle, [PAGE]);
}

const MM_PER_POINT = 25.4 / 72;

/**
 * An OFD with the layout of a PDF, as a converter "printing" to OFD writes it: every text item of the PDF's text
 * layer becomes a TextObject at its place (its characters spaced evenly over the item's width), every table border
 * the PDF draws a PathObject. Lets every PDF fixture of the corpus be read as OFD too.
 */
export async function ofdFromPdf(pdf: Buffer, docTitle: string): Promise<Buffer> {
  const document = await getDocumentProxy(new Uint8Array(pdf), { verbosity: 0 });
  const pages = new OfdPages();
  const sizes: Array<{ width: number; height: number }> = [];
  try {
    for (let number = 1; number <= document.numPages; number++) {
      if (number > 1) pages.newPage();
      const page = await document.getPage(number);
      const [, , width, height] = page.view;
      sizes.push({ width: width * MM_PER_POINT, height: height * MM_PER_POINT });
      const content = await page.getTextContent();
      for (const item of content.items) {
        if (!("str" in item) || item.str.trim() === "") continue;
        const [, , c, d, x, y] = item.transform;
        const size = (Math.hypot(c, d) || item.height) * MM_PER_POINT;
        const chars = Array.from(item.str);
        const step = (item.width * MM_PER_POINT) / chars.length;
        const steps = chars.slice(0, -1).map(() => step);
        pages.textOn(number - 1, item.str, x * MM_PER_POINT, (height - y) * MM_PER_POINT, size, FONT.song, steps);
      }
      for (const rule of await drawnRules(document, number, new ReadClock(60_000))) {
        const [x0, y0, x1, y1] =
          rule.bottom - rule.top < rule.right - rule.left
            ? [rule.left, (rule.top + rule.bottom) / 2, rule.right, (rule.top + rule.bottom) / 2]
            : [(rule.left + rule.right) / 2, rule.top, (rule.left + rule.right) / 2, rule.bottom];
        pages.lineOn(number - 1, x0 * MM_PER_POINT, y0 * MM_PER_POINT, x1 * MM_PER_POINT, y1 * MM_PER_POINT);
      }
      page.cleanup();
    }
  } finally {
    await document.destroy();
  }
  return ofdPackage(pages, docTitle, sizes);
}
