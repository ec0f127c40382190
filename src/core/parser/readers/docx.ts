import { CELL_LINE_BREAK } from "../tables.js";
import type { ReadResult } from "../types.js";
import { ListNumbering } from "./docx-numbering.js";
import { type NumberingRef, styleNumbering } from "./docx-styles.js";
import { readErrors } from "./errors.js";
import type { ReadClock } from "./limits.js";
import { childElements, childVal, firstChild, parseXml, type XmlElement } from "./xml.js";
import type { SafeZip } from "./zip.js";

interface DocxContext {
  numbering: ListNumbering;
  styles: Map<string, NumberingRef>;
  clock: ReadClock;
}

/** Runs wrapped in these elements are shown by Word as ordinary text. */
const INLINE_CONTAINERS = new Set([
  "w:hyperlink",
  "w:ins",
  "w:smartTag",
  "w:fldSimple",
  "w:customXml",
  "w:moveTo",
  "w:dir",
  "w:bdo",
]);

function isOn(element: XmlElement | undefined): boolean {
  if (!element) return false;
  const value = element.attrs["w:val"];
  return value !== "0" && value !== "false" && value !== "off";
}

function runText(run: XmlElement): string {
  if (isOn(firstChild(firstChild(run, "w:rPr") ?? run, "w:vanish"))) return "";
  let text = "";
  for (const child of childElements(run)) {
    if (child.name === "w:t") text += child.children.filter((node) => typeof node === "string").join("");
    else if (child.name === "w:tab" || child.name === "w:ptab") text += " ";
    else if (child.name === "w:br")
      text += child.attrs["w:type"] === "page" || child.attrs["w:type"] === "column" ? "" : "\n";
    else if (child.name === "w:cr") text += "\n";
    else if (child.name === "w:noBreakHyphen") text += "-";
  }
  return text;
}

function inlineText(container: XmlElement): string {
  let text = "";
  for (const child of childElements(container)) {
    if (child.name === "w:r") text += runText(child);
    else if (INLINE_CONTAINERS.has(child.name)) text += inlineText(child);
    else if (child.name === "w:sdt") text += inlineText(firstChild(child, "w:sdtContent") ?? child);
  }
  return text;
}

function paragraphNumber(paragraph: XmlElement, context: DocxContext): string {
  const properties = firstChild(paragraph, "w:pPr");
  const numPr = properties ? firstChild(properties, "w:numPr") : undefined;
  const fromStyle = context.styles.get(childVal(properties, "w:pStyle") ?? "");
  const numId = childVal(numPr, "w:numId") ?? fromStyle?.numId;
  if (numId === undefined) return "";
  const ilvl = childVal(numPr, "w:ilvl");
  return context.numbering.next(numId, ilvl === undefined ? (fromStyle?.ilvl ?? 0) : Number(ilvl));
}

function paragraphText(paragraph: XmlElement, context: DocxContext): string {
  return paragraphNumber(paragraph, context) + inlineText(paragraph);
}

/** Text of one table cell on one line: its paragraphs (and line breaks) joined by CELL_LINE_BREAK. */
function cellText(cell: XmlElement, context: DocxContext): string {
  const lines: string[] = [];
  blockLines(cell, context, lines);
  return lines
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .join(CELL_LINE_BREAK);
}

function tableLines(table: XmlElement, context: DocxContext, out: string[]): void {
  // A vertically merged cell repeats the value of the cell that starts the merge in the same grid column.
  const mergedAbove = new Map<number, string>();
  for (const row of childElements(table, "w:tr")) {
    context.clock.check();
    const cells: string[] = [];
    let column = 0;
    for (const cell of childElements(row, "w:tc")) {
      const properties = firstChild(cell, "w:tcPr");
      const span = Number(childVal(properties, "w:gridSpan") ?? 1);
      const vMerge = properties ? firstChild(properties, "w:vMerge") : undefined;
      let text = cellText(cell, context);
      if (vMerge && vMerge.attrs["w:val"] !== "restart") text = mergedAbove.get(column) ?? text;
      else mergedAbove.set(column, text);
      cells.push(text);
      // a cell spanning grid columns is followed by empty cells, so header and body cells stay in their columns
      for (let k = 1; k < span; k++) cells.push("");
      column += Math.max(1, span);
    }
    // a row of one cell merged across the table is a heading line, not a row of cells
    const single = childElements(row, "w:tc").length === 1;
    if (cells.some((text) => text !== "")) out.push(single ? cells[0] : cells.join(" | "));
  }
}

/**
 * Text boxes anchored in a paragraph (the red-header issuer block of an official document often is one). Word
 * stores each box twice, as DrawingML and as a VML fallback: the fallback is skipped.
 */
function textBoxes(element: XmlElement, found: XmlElement[] = []): XmlElement[] {
  for (const child of childElements(element)) {
    if (child.name === "mc:Fallback") continue;
    if (child.name === "w:txbxContent") found.push(child);
    else textBoxes(child, found);
  }
  return found;
}

function blockLines(container: XmlElement, context: DocxContext, out: string[]): void {
  for (const child of childElements(container)) {
    if (child.name === "w:p") {
      context.clock.check();
      for (const box of textBoxes(child)) blockLines(box, context, out);
      out.push(...paragraphText(child, context).split("\n"));
    } else if (child.name === "w:tbl") {
      tableLines(child, context, out);
    } else if (child.name === "w:sdt") {
      blockLines(firstChild(child, "w:sdtContent") ?? child, context, out);
    } else if (child.name === "w:customXml" || child.name === "w:ins" || child.name === "w:moveTo") {
      blockLines(child, context, out);
    }
  }
}

/** The main part's path, from the package relationships; generators other than Word may not call it document.xml. */
function mainPartPath(zip: SafeZip): string {
  const rels = zip.readText("_rels/.rels");
  const target = rels?.match(
    /Target="\/?([^"]+)"[^>]*Type="[^"]*\/officeDocument"|Type="[^"]*\/officeDocument"[^>]*Target="\/?([^"]+)"/,
  );
  return target?.[1] ?? target?.[2] ?? "word/document.xml";
}

function optionalXml(zip: SafeZip, path: string): XmlElement | null {
  const text = zip.readText(path);
  return text === null ? null : parseXml(text);
}

/** Reads a .docx: paragraphs with their Word list numbers restored, and tables as " | "-joined rows. */
export function readDocx(zip: SafeZip, clock: ReadClock): ReadResult {
  const documentXml = zip.readText(mainPartPath(zip)) ?? zip.readText("word/document.xml");
  if (documentXml === null) throw readErrors.corrupt("Word", "no main document part");
  const body = firstChild(
    firstChild(
      parseXml(documentXml, () => clock.check()),
      "w:document",
    ) ?? { name: "", attrs: {}, children: [] },
    "w:body",
  );
  if (!body) throw readErrors.corrupt("Word", "no w:body");
  const context: DocxContext = {
    numbering: new ListNumbering(optionalXml(zip, "word/numbering.xml")),
    styles: styleNumbering(optionalXml(zip, "word/styles.xml")),
    clock,
  };
  const lines: string[] = [];
  blockLines(body, context, lines);
  return { text: lines.join("\n"), warnings: [] };
}
