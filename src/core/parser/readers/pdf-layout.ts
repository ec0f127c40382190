/** Turns the positioned lines of PDF pages back into paragraphs, one per line of text. */

/** One text run of a line, where pdf.js placed it. */
export interface PdfPiece {
  text: string;
  /** left edge, PDF units */
  x: number;
  /** right edge, PDF units */
  right: number;
  /** baseline distance from the page top, PDF units */
  top: number;
  /** font size */
  size: number;
}

/** A line of a page: its runs joined, placed like a run. */
export interface PdfLine extends PdfPiece {
  /** the runs the line was built from, left to right */
  pieces?: PdfPiece[];
  /** a rebuilt table row: a paragraph of its own, never joined with its neighbours */
  whole?: boolean;
}

export type PdfPage = PdfLine[];

const PAGE_NUMBER = [
  /^[-—–−~～\s]*\d{1,4}[-—–−~～\s]*$/,
  /^第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?$/,
  /^\d{1,4}\s*[/／]\s*\d{1,4}$/,
  /^(?:page|p\.)\s*\d{1,4}(?:\s*of\s*\d{1,4})?$/i,
];

const NUMBERED_START =
  /^\s*(?:[一二三四五六七八九十百零〇]+[、．.]|[（(][一二三四五六七八九十百零〇]+[）)]|\d{1,3}(?:[.．、](?![\d.．])|[)）])|[（(]\d{1,3}[）)]|[\u2460-\u2473\u2474-\u2487\u2488-\u249b]|第[一二三四五六七八九十百零〇\d]+[条章节部分])/;

const LABEL_START =
  /^\s*(?:牵头单位|牵头部门|责任单位|责任部门|配合单位|配合部门|协办单位|参与单位|完成时限|完成时间|时间节点|效果指标|牽頭單位|牽頭部門|責任單位|責任部門|配合單位|完成時限)\s*[:：]/;

/** How many lines at each end of a page may be running headers, footers or page numbers. */
const FURNITURE_LINES = 2;

function furnitureKey(text: string): string {
  return text.replace(/\s+/g, "").replace(/\d+/g, "#");
}

function isPageNumber(text: string): boolean {
  const trimmed = text.trim();
  return PAGE_NUMBER.some((pattern) => pattern.test(trimmed));
}

/** The typical distance between consecutive lines; a page of few lines says little, so it is capped by font size. */
function linePitch(pages: PdfPage[]): number {
  const sizeBound = 2.5 * (median(pages.flat().map((line) => line.size)) || 12);
  const steps: number[] = [];
  for (const page of pages) {
    for (let i = 1; i < page.length; i++) {
      const step = page[i].top - page[i - 1].top;
      if (step > 0) steps.push(step);
    }
  }
  return Math.min(median(steps) || sizeBound, sizeBound);
}

/**
 * Drops page numbers and the running headers/footers that repeat at the top or bottom of most pages (digits
 * ignored, so "第 3 页" and "第 4 页" count as the same footer). Lines are taken from the page's edge inwards and
 * only while they are furniture, and must stand apart from the body by more than the line pitch, so that a body
 * line that happens to end many pages ("责任单位:各乡镇") or a table's row number is kept.
 */
export function removePageFurniture(pages: PdfPage[]): PdfPage[] {
  const pitch = linePitch(pages);
  const pagesWithKey = new Map<string, number>();
  for (const page of pages) {
    const edges = [...page.slice(0, FURNITURE_LINES), ...page.slice(-FURNITURE_LINES)];
    for (const key of new Set(edges.map((line) => furnitureKey(line.text)))) {
      pagesWithKey.set(key, (pagesWithKey.get(key) ?? 0) + 1);
    }
  }
  const repeated = (key: string) => {
    const count = pagesWithKey.get(key) ?? 0;
    return key !== "" && count >= 2 && count >= pages.length / 2;
  };
  const isFurniture = (line: PdfLine, neighbour: PdfLine | undefined) => {
    // Headers and footers sit in the margin, apart from the body: a row number at the foot of a table is not one.
    const apart = neighbour === undefined || Math.abs(neighbour.top - line.top) > pitch * 1.3;
    return apart && (isPageNumber(line.text) || repeated(furnitureKey(line.text)));
  };
  return pages.map((page) => {
    let start = 0;
    while (start < Math.min(FURNITURE_LINES, page.length) && isFurniture(page[start], page[start + 1])) start++;
    let end = page.length;
    while (end > start && page.length - end < FURNITURE_LINES && isFurniture(page[end - 1], page[end - 2])) end--;
    return page.slice(start, end);
  });
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function percentile(values: number[], share: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))];
}

/** The most frequent left edge: where body lines that are not indented start. */
function bodyLeftEdge(lines: PdfLine[], size: number): number {
  const counts = new Map<number, number>();
  for (const line of lines) {
    const bucket = Math.round(line.x / Math.max(1, size / 2));
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = -1;
  for (const [bucket, count] of counts) {
    if (count > bestCount || (count === bestCount && bucket < best)) {
      best = bucket;
      bestCount = count;
    }
  }
  return best * Math.max(1, size / 2);
}

interface Layout {
  left: number;
  right: number;
  size: number;
  pitch: number;
}

function measure(pages: PdfPage[]): Layout {
  const lines = pages.flat().filter((line) => !line.whole);
  const size = median(lines.map((line) => line.size)) || 12;
  const pitches: number[] = [];
  for (const page of pages) {
    for (let i = 1; i < page.length; i++) {
      const step = page[i].top - page[i - 1].top;
      if (step > 0 && !page[i].whole && !page[i - 1].whole) pitches.push(step);
    }
  }
  return {
    left: bodyLeftEdge(lines, size),
    right: percentile(
      lines.map((line) => line.right),
      0.9,
    ),
    size,
    pitch: median(pitches) || size * 1.5,
  };
}

function startsParagraph(line: PdfLine, previous: PdfLine, samePage: boolean, layout: Layout): boolean {
  if (line.whole || previous.whole) return true;
  if (NUMBERED_START.test(line.text) || LABEL_START.test(line.text)) return true;
  // The previous line stopped well before the right margin: its paragraph ended there.
  if (previous.right < layout.right - 1.5 * layout.size) return true;
  // First-line indent (Chinese documents indent two characters).
  if (line.x > layout.left + 1.2 * layout.size) return true;
  if (samePage && line.top - previous.top > layout.pitch * 1.6) return true;
  // After a sentence's end, a short line without punctuation is a title of its own (a task's name above its labels),
  // never the last line of that sentence's paragraph.
  const short = line.right < layout.right - 1.5 * layout.size;
  if (/[。！？；]$/.test(previous.text.trim()) && short && !/[，。；、：,;:]/.test(line.text)) return true;
  return false;
}

function joinLines(head: string, tail: string): string {
  // Latin words broken across lines need their space back; Chinese text has none.
  return /[A-Za-z0-9,.;:]$/.test(head) && /^[A-Za-z0-9]/.test(tail) ? `${head} ${tail}` : head + tail;
}

/** Rejoins lines broken by the page layout into paragraphs, across page breaks too (furniture already removed). */
export function paragraphsFromPages(kept: PdfPage[]): string[] {
  const layout = measure(kept);
  const paragraphs: string[] = [];
  let previous: PdfLine | null = null;
  for (const page of kept) {
    page.forEach((line, index) => {
      const text = line.text.trim();
      if (text === "") return;
      if (previous === null || startsParagraph(line, previous, index > 0, layout)) paragraphs.push(text);
      else paragraphs[paragraphs.length - 1] = joinLines(paragraphs[paragraphs.length - 1], text);
      previous = line;
    });
  }
  return paragraphs;
}
