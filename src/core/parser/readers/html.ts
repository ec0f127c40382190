import { type HTMLElement, type Node, NodeType, parse } from "node-html-parser";
import { CELL_LINE_BREAK } from "../tables.js";
import type { ReadResult } from "../types.js";
import type { ReadClock } from "./limits.js";

/** Elements that never hold the document: page chrome and machinery. */
const DROPPED_TAGS = new Set([
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "TEMPLATE",
  "NAV",
  "HEADER",
  "FOOTER",
  "ASIDE",
  "FORM",
  "IFRAME",
  "SELECT",
  "BUTTON",
  "SVG",
  "HEAD",
  "OBJECT",
]);

/** id/class words of navigation chrome on government sites (menus, breadcrumbs, share bars, footers). */
const CHROME_NAME =
  /(?:^|[-_\s])(?:nav|navbar|menu|header|head|top|topbar|footer|foot|bottom|breadcrumb|crumb|location|position|sidebar|side|share|bdshare|print|search|banner|toolbar|copyright|friendlink|links|related|pager|prev|next)(?:$|[-_\s\d])/i;

const BLOCK_TAGS = new Set([
  "P",
  "DIV",
  "SECTION",
  "ARTICLE",
  "MAIN",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "LI",
  "UL",
  "OL",
  "DL",
  "DT",
  "DD",
  "BLOCKQUOTE",
  "PRE",
  "CENTER",
  "ADDRESS",
  "FIGURE",
  "FIGCAPTION",
  "HR",
  "CAPTION",
]);

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/g;

function cjkCount(text: string): number {
  return text.match(CJK)?.length ?? 0;
}

function isElement(node: Node): node is HTMLElement {
  return node.nodeType === NodeType.ELEMENT_NODE;
}

/** Text of an element that is not link text: navigation is mostly links, an article mostly is not. */
function ownText(element: HTMLElement, linkText = { value: 0 }): { text: number; links: number } {
  let text = 0;
  for (const child of element.childNodes) {
    if (isElement(child)) {
      if (child.tagName === "A") linkText.value += cjkCount(child.text);
      else text += ownText(child, linkText).text;
    } else if (child.nodeType === NodeType.TEXT_NODE) {
      text += cjkCount(child.text);
    }
  }
  return { text, links: linkText.value };
}

function isChrome(element: HTMLElement): boolean {
  if (DROPPED_TAGS.has(element.tagName)) return true;
  if (/display\s*:\s*none/i.test(element.getAttribute("style") ?? "")) return true;
  const names = `${element.id ?? ""} ${element.getAttribute("class") ?? ""}`;
  if (!CHROME_NAME.test(names)) return false;
  // A container named like chrome is dropped only when it reads like chrome: short, or mostly links.
  const { text, links } = ownText(element);
  return text < 200 || links > text;
}

function isLinkList(element: HTMLElement): boolean {
  if (!["UL", "OL", "DIV", "TABLE", "P", "TD", "DL"].includes(element.tagName)) return false;
  const links = element.querySelectorAll("a").length;
  if (links < 3) return false;
  const { text, links: linkText } = ownText(element);
  return linkText > 2 * text;
}

function prune(element: HTMLElement, clock: ReadClock): void {
  clock.check();
  for (const child of [...element.childNodes]) {
    if (!isElement(child)) continue;
    if (isChrome(child) || isLinkList(child)) child.remove();
    else prune(child, clock);
  }
}

/**
 * The cell of a layout table that holds the page's text, or null for a data table (a task table), whose text is
 * spread over its cells and must be kept as rows.
 */
function layoutCell(table: HTMLElement): HTMLElement | null {
  const total = ownText(table).text;
  for (const cell of table.querySelectorAll("td")) {
    if (total > 0 && ownText(cell).text >= total * 0.6 && cell.closest("table") === table) return cell;
  }
  return null;
}

/**
 * Descends from <body> into the child that holds most of the page's (non-link) Chinese text, through the layout
 * tables old government sites are built with, and stops above a data table.
 */
function mainContent(body: HTMLElement): HTMLElement {
  let current = body;
  for (;;) {
    const total = ownText(current).text;
    const child = current.childNodes
      .filter(isElement)
      .find((candidate) => total > 0 && ownText(candidate).text >= total * 0.6);
    if (!child || child.tagName === "P") return current;
    if (child.tagName === "TABLE") {
      const cell = layoutCell(child);
      if (!cell) return current;
      current = cell;
    } else {
      current = child;
    }
  }
}

function isInside(node: HTMLElement, ancestor: HTMLElement): boolean {
  for (let current: HTMLElement | null = node; current; current = current.parentNode) {
    if (current === ancestor) return true;
  }
  return false;
}

/**
 * The article's title when the page shows it above the content element (an <h1> or a "title" block, as most
 * government sites do): the parser takes the plan's title from the first lines.
 */
function titleAbove(body: HTMLElement, content: HTMLElement): string | null {
  const candidates = [...body.querySelectorAll("h1, h2"), ...body.querySelectorAll('[class*="title"], [id*="title"]')];
  for (const candidate of candidates) {
    if (isInside(candidate, content) || isInside(content, candidate)) continue;
    const text = cleanLine(inlineText(candidate).split(HARD_BREAK).join(""));
    if (cjkCount(text) >= 4 && text.length <= 80) return text;
  }
  return null;
}

/** A <br>: a line break the author made, unlike the line breaks of the HTML source. */
const HARD_BREAK = "\u0000";

function inlineText(node: Node): string {
  if (node.nodeType === NodeType.TEXT_NODE) {
    return node.text.replace(/[ \t\r\n\f]+/g, (space) => (space.includes("\n") ? "\n" : " "));
  }
  if (!isElement(node)) return "";
  if (node.tagName === "BR") return HARD_BREAK;
  return node.childNodes.map(inlineText).join("");
}

/** Collapses whitespace inside one line; a source line break between Chinese characters is only formatting. */
function cleanLine(text: string): string {
  return text
    .replace(/([\u3000-\u9fff\uff00-\uffef])\n(?=[\u3000-\u9fff\uff00-\uffef])/g, "$1")
    .replace(/[\n\u00a0]/g, " ")
    .replace(/ {2,}/g, " ")
    .trim();
}

/** Text of one table cell on one line: its paragraphs and <br> lines joined by CELL_LINE_BREAK. */
function cellText(cell: HTMLElement): string {
  const lines: string[] = [];
  renderBlocks(cell, lines);
  return lines.join(CELL_LINE_BREAK);
}

/** A span attribute (rowspan, colspan) as a count: at least 1, and at most what a real table has. */
function spanOf(cell: HTMLElement, name: string): number {
  const value = Number.parseInt(cell.getAttribute(name) ?? "1", 10);
  return Number.isFinite(value) && value > 1 ? Math.min(value, 200) : 1;
}

/**
 * One line per table row, the cells on the table's grid: a cell spanning rows (rowspan) is repeated in each row it
 * spans, as the Word reader repeats a merged cell, and one spanning columns (colspan) is followed by empty cells;
 * a row of one cell across the table is a heading line.
 */
function renderTable(table: HTMLElement, out: string[]): void {
  const carried = new Map<number, { text: string; rows: number }>();
  for (const row of table.querySelectorAll("tr")) {
    // Rows of a table nested in a cell are rendered inside that cell.
    if (row.closest("table") !== table) continue;
    const cells = row.childNodes.filter(isElement).filter((cell) => cell.tagName === "TD" || cell.tagName === "TH");
    const texts: string[] = [];
    let column = 0;
    let fromAbove = 0;
    const takeCarried = () => {
      for (let held = carried.get(column); held; held = carried.get(column)) {
        texts.push(held.text);
        fromAbove++;
        if (--held.rows === 0) carried.delete(column);
        column++;
      }
    };
    for (const cell of cells) {
      takeCarried();
      const text = cellText(cell);
      const across = spanOf(cell, "colspan");
      const down = spanOf(cell, "rowspan");
      for (let k = 0; k < across; k++) {
        texts.push(k === 0 ? text : "");
        if (down > 1) carried.set(column, { text: k === 0 ? text : "", rows: down - 1 });
        column++;
      }
    }
    takeCarried();
    if (!texts.some((text) => text !== "")) continue;
    // a row of one cell and nothing carried down into it is a heading line across the table
    out.push(cells.length === 1 && fromAbove === 0 ? texts.join("").trim() : texts.join(" | "));
  }
}

function renderBlocks(element: HTMLElement, out: string[]): void {
  let pending = "";
  const flush = () => {
    for (const line of pending.split(HARD_BREAK)) {
      const cleaned = cleanLine(line);
      if (cleaned !== "") out.push(cleaned);
    }
    pending = "";
  };
  for (const child of element.childNodes) {
    if (isElement(child) && child.tagName === "TABLE") {
      flush();
      renderTable(child, out);
    } else if (isElement(child) && BLOCK_TAGS.has(child.tagName)) {
      flush();
      renderBlocks(child, out);
    } else {
      pending += inlineText(child);
    }
  }
  flush();
}

/** Reads a web page saved from a government site: the article's paragraphs and tables, without the site chrome. */
export function readHtml(html: string, clock: ReadClock): ReadResult {
  const root = parse(html, {
    comment: false,
    blockTextElements: { script: false, style: false, noscript: false, pre: true },
  });
  const body = root.querySelector("body") ?? root;
  prune(body, clock);
  const content = mainContent(body);
  const lines: string[] = [];
  renderBlocks(content, lines);
  const title = titleAbove(body, content);
  if (title !== null && !lines.slice(0, 10).some((line) => line.includes(title))) lines.unshift(title);
  return { text: lines.join("\n"), warnings: [] };
}
