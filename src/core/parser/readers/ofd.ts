/**
 * Reads OFD documents (GB/T 33190, the fixed-layout format of many official documents) like PDFs: OFD.xml names
 * the document (DocBody → DocRoot), its Document.xml lists the pages, and each page's Content.xml places text
 * objects (TextObject with TextCode runs, positioned by X/Y and DeltaX) and paths. The runs become the positioned
 * lines the PDF reader builds, and the same step (positioned.ts) removes page furniture, rebuilds task tables with
 * the help of the borders the paths draw (rows by the horizontal ones, columns by the vertical ones), and joins
 * paragraphs. Templates (page backgrounds),
 * annotations and signatures are not read.
 */
import type { ReadResult } from "../types.js";
import { DocumentReadError, readErrors } from "./errors.js";
import type { ReadClock } from "./limits.js";
import type { PdfPage } from "./pdf-layout.js";
import { isHorizontal, isVertical, type Rule } from "./pdf-rules.js";
import { type PositionedText, pageLines, textFromPages } from "./positioned.js";
import { childElements, firstChild, parseXml, type XmlElement } from "./xml.js";
import type { SafeZip } from "./zip.js";

/** OFD measures in millimetres; the layout code thinks in PDF points, so positions are converted. */
const POINTS_PER_MM = 72 / 25.4;

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function numbers(text: string | undefined): number[] {
  if (!text) return [];
  return text
    .trim()
    .split(/[\s,]+/)
    .map(Number)
    .filter((value) => Number.isFinite(value));
}

function matrixOf(text: string | undefined): Matrix {
  const values = numbers(text);
  return values.length === 6 ? (values as Matrix) : IDENTITY;
}

function apply(matrix: Matrix, x: number, y: number): [number, number] {
  return [matrix[0] * x + matrix[2] * y + matrix[4], matrix[1] * x + matrix[3] * y + matrix[5]];
}

/**
 * DeltaX/DeltaY: numbers, with "g N d" standing for N copies of d. Only the first `limit` are wanted (one per
 * character after the first), so a crafted "g 1000000000 1" costs no more than the text it spaces.
 */
export function deltas(text: string | undefined, limit = Number.POSITIVE_INFINITY): number[] {
  const tokens = (text ?? "").trim().split(/\s+/).filter(Boolean);
  const values: number[] = [];
  for (let index = 0; index < tokens.length && values.length < limit; index++) {
    if (tokens[index] === "g") {
      const count = Math.min(limit - values.length, Number(tokens[index + 1]));
      const value = Number(tokens[index + 2]);
      if (Number.isFinite(count) && Number.isFinite(value)) for (let n = 0; n < count; n++) values.push(value);
      index += 2;
    } else if (Number.isFinite(Number(tokens[index]))) {
      values.push(Number(tokens[index]));
    }
  }
  return values;
}

/** The advance a character takes when DeltaX does not say: full width for CJK and full-width forms, else half. */
function advance(char: string, size: number): number {
  return /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(char) ? size : size / 2;
}

/** Characters further apart than this share of the font size were not set as one run (table cells, tab stops). */
const RUN_GAP = 0.8;

function textCodeText(code: XmlElement): string {
  return code.children.filter((node) => typeof node === "string").join("");
}

/**
 * The pieces of one TextObject, in page points. A TextCode whose DeltaX opens a wide gap is split there, as a
 * PDF's text items are split at its jumps.
 */
function textPieces(object: XmlElement, outer: Matrix): PositionedText[] {
  const [left, top] = numbers(object.attrs.Boundary);
  const matrix = matrixOf(object.attrs.CTM);
  const sizeMm = Number(object.attrs.Size) || 3.5;
  // Scale of the object's matrices on the vertical axis, as pdf.js measures a text item's size.
  const [, , c, d] = matrix;
  const scale = Math.hypot(c, d) * Math.hypot(outer[2], outer[3]) || 1;
  const size = sizeMm * scale * POINTS_PER_MM;
  const pieces: PositionedText[] = [];
  let x = 0;
  let y = 0;
  for (const code of childElements(object, "TextCode")) {
    const text = textCodeText(code);
    if (code.attrs.X !== undefined) x = Number(code.attrs.X) || 0;
    if (code.attrs.Y !== undefined) y = Number(code.attrs.Y) || 0;
    const chars = Array.from(text);
    const steps = deltas(code.attrs.DeltaX, chars.length);
    let run: { str: string; x: number; y: number; width: number } | null = null;
    chars.forEach((char, index) => {
      const own = advance(char, sizeMm);
      if (run !== null && run.x + run.width + RUN_GAP * sizeMm < x) {
        pieces.push(place(run, left, top, matrix, outer, size));
        run = null;
      }
      if (run === null) run = { str: "", x, y, width: 0 };
      run.str += char;
      run.width = x + own - run.x;
      x += steps[index] ?? own;
    });
    if (run !== null) pieces.push(place(run, left, top, matrix, outer, size));
  }
  return pieces.filter((piece) => piece.str.trim() !== "");
}

function place(
  run: { str: string; x: number; y: number; width: number },
  left: number,
  top: number,
  matrix: Matrix,
  outer: Matrix,
  size: number,
): PositionedText {
  const [startX, baseline] = apply(outer, ...translate(apply(matrix, run.x, run.y), left, top));
  const [endX] = apply(outer, ...translate(apply(matrix, run.x + run.width, run.y), left, top));
  return {
    str: run.str,
    x: startX * POINTS_PER_MM,
    top: baseline * POINTS_PER_MM,
    width: Math.max(0, endX - startX) * POINTS_PER_MM,
    size,
  };
}

function translate([x, y]: [number, number], left: number, top: number): [number, number] {
  return [x + (left || 0), y + (top || 0)];
}

/** The straight segments of a path (lines, and the closing of rectangles) that are table borders, in points. */
function pathRules(object: XmlElement, outer: Matrix, rules: Rule[]): void {
  const [left, top] = numbers(object.attrs.Boundary);
  const matrix = matrixOf(object.attrs.CTM);
  const data = firstChild(object, "AbbreviatedData");
  if (!data) return;
  const tokens = textCodeText(data).trim().split(/\s+/);
  const toPage = (x: number, y: number) => apply(outer, ...translate(apply(matrix, x, y), left, top));
  let start: [number, number] | null = null;
  let current: [number, number] | null = null;
  const segment = (to: [number, number]) => {
    if (!current) return;
    const [x0, y0] = toPage(...current);
    const [x1, y1] = toPage(...to);
    const rule: Rule = {
      top: Math.min(y0, y1) * POINTS_PER_MM,
      bottom: Math.max(y0, y1) * POINTS_PER_MM,
      left: Math.min(x0, x1) * POINTS_PER_MM,
      right: Math.max(x0, x1) * POINTS_PER_MM,
    };
    if (isHorizontal(rule) || isVertical(rule)) rules.push(rule);
  };
  for (let index = 0; index < tokens.length; index++) {
    const command = tokens[index];
    const point = (): [number, number] => [Number(tokens[index + 1]), Number(tokens[index + 2])];
    if (command === "S" || command === "M") {
      current = point();
      start = current;
      index += 2;
    } else if (command === "L") {
      const to = point();
      segment(to);
      current = to;
      index += 2;
    } else if (command === "C") {
      if (start) segment(start);
      current = start;
    } else if (command === "Q") {
      current = [Number(tokens[index + 3]), Number(tokens[index + 4])];
      index += 4;
    } else if (command === "B") {
      current = [Number(tokens[index + 5]), Number(tokens[index + 6])];
      index += 6;
    } else if (command === "A") {
      current = [Number(tokens[index + 6]), Number(tokens[index + 7])];
      index += 7;
    }
  }
}

interface PageContent {
  pieces: PositionedText[];
  rules: Rule[];
}

/** Walks layers and page blocks (which may nest and carry their own matrix) for text and paths. */
function collect(container: XmlElement, outer: Matrix, content: PageContent, clock: ReadClock): void {
  for (const child of childElements(container)) {
    if (child.name === "TextObject") {
      if (child.attrs.Visible !== "false") content.pieces.push(...textPieces(child, outer));
    } else if (child.name === "PathObject") {
      if (child.attrs.Visible !== "false") pathRules(child, outer, content.rules);
    } else if (child.name === "Layer" || child.name === "PageBlock" || child.name === "Content") {
      clock.check();
      collect(child, outer, content, clock);
    }
  }
}

/** A path inside the package: absolute from its root ("/Doc_0/…"), else relative to the referring part's folder. */
function resolvePath(from: string, target: string): string {
  const parts = target.startsWith("/") ? [] : from.split("/").slice(0, -1);
  for (const part of target.replace(/^\/+/, "").split("/")) {
    if (part === "..") parts.pop();
    else if (part !== "." && part !== "") parts.push(part);
  }
  return parts.join("/");
}

/** OFD writers use the "ofd:" prefix or a default namespace: elements are matched by their local names. */
function withLocalNames(element: XmlElement): XmlElement {
  return {
    name: element.name.slice(element.name.indexOf(":") + 1),
    attrs: element.attrs,
    children: element.children.map((child) => (typeof child === "string" ? child : withLocalNames(child))),
  };
}

function readPart(zip: SafeZip, path: string, clock: ReadClock): XmlElement | null {
  const text = zip.readText(path);
  return text === null ? null : withLocalNames(parseXml(text, () => clock.check()));
}

function elementText(element: XmlElement | undefined): string {
  return element ? textCodeText(element).trim() : "";
}

/** The Content.xml paths of the document's pages, in order. */
function pagePaths(zip: SafeZip, clock: ReadClock): string[] {
  const ofd = firstChild(readPart(zip, "OFD.xml", clock) ?? { name: "", attrs: {}, children: [] }, "OFD");
  const body = ofd ? firstChild(ofd, "DocBody") : undefined;
  const root = elementText(body ? firstChild(body, "DocRoot") : undefined);
  if (root === "") throw readErrors.corrupt("OFD", "no DocBody/DocRoot in OFD.xml");
  const documentPath = resolvePath("OFD.xml", root);
  const document = readPart(zip, documentPath, clock);
  const pages = document ? firstChild(firstChild(document, "Document") ?? document, "Pages") : undefined;
  if (!pages) throw readErrors.corrupt("OFD", `no Pages in ${documentPath}`);
  return childElements(pages, "Page").map((page) => {
    const location = page.attrs.BaseLoc ?? elementText(firstChild(page, "BaseLoc"));
    return resolvePath(documentPath, location);
  });
}

/** Reads an OFD document's text layer into paragraphs, its task tables into " | "-joined rows. */
export async function readOfd(zip: SafeZip, clock: ReadClock): Promise<ReadResult> {
  try {
    return await readPages(zip, clock);
  } catch (error) {
    // A crafted package (parts nested past the stack's depth) fails as damaged, not as a server error.
    if (error instanceof DocumentReadError) throw error;
    throw readErrors.corrupt("OFD", error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  }
}

async function readPages(zip: SafeZip, clock: ReadClock): Promise<ReadResult> {
  const pages: PdfPage[] = [];
  const rulesOfPage: Rule[][] = [];
  for (const path of pagePaths(zip, clock)) {
    clock.check();
    const page = readPart(zip, path, clock);
    if (!page) throw readErrors.corrupt("OFD", `page ${path} is missing`);
    const content: PageContent = { pieces: [], rules: [] };
    const body = firstChild(firstChild(page, "Page") ?? page, "Content");
    if (body) collect(body, IDENTITY, content, clock);
    pages.push(pageLines(content.pieces));
    rulesOfPage.push(content.rules.sort((a, b) => a.top - b.top));
  }
  // A document without a text layer (scanned pages) gives "" and the reader's no-text warning.
  return { text: await textFromPages(pages, (page) => rulesOfPage[page] ?? []), warnings: [] };
}
