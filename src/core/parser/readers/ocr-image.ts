/**
 * The drawn lines of a scanned page, found in its grey image: long runs of dark pixels across a row (horizontal
 * rules) or down a column (vertical rules). They are a ruled table's borders, as a text PDF draws them, and they are
 * wiped from the image before OCR, where they would otherwise be read as characters (一, 丨) or hide the text next
 * to them.
 */
import type { Rule } from "./pdf-rules.js";

/** An 8-bit grey image, one byte a pixel, row by row (a binary PGM, as `pdftoppm -gray` writes it). */
export interface GreyImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Darker than this is ink. */
const INK = 160;
/** A gap of this many light pixels inside a run still continues it (scanner noise, a broken stroke). */
const RUN_GAP = 2;
/** The shortest rule, in inches: longer than any stroke of a character, shorter than the narrowest table column. */
const MIN_RULE_INCHES = 0.3;
/** The thickest rule, in inches (about 2.5 pt): anything thicker is a filled box or a character. */
const MAX_RULE_INCHES = 0.035;

function readToken(bytes: Uint8Array, at: number): { token: string; next: number } {
  let index = at;
  for (;;) {
    while (index < bytes.length && /\s/.test(String.fromCharCode(bytes[index]))) index++;
    if (bytes[index] !== 0x23) break; // a # comment runs to the end of the line
    while (index < bytes.length && bytes[index] !== 0x0a) index++;
  }
  let token = "";
  while (index < bytes.length && !/\s/.test(String.fromCharCode(bytes[index])))
    token += String.fromCharCode(bytes[index++]);
  return { token, next: index };
}

/** Reads a binary 8-bit PGM (P5); null for anything else. */
export function parsePgm(bytes: Uint8Array): GreyImage | null {
  const magic = readToken(bytes, 0);
  if (magic.token !== "P5") return null;
  const width = readToken(bytes, magic.next);
  const height = readToken(bytes, width.next);
  const maxval = readToken(bytes, height.next);
  const w = Number(width.token);
  const h = Number(height.token);
  if (!Number.isInteger(w) || !Number.isInteger(h) || w <= 0 || h <= 0 || maxval.token !== "255") return null;
  const start = maxval.next + 1;
  if (bytes.length < start + w * h) return null;
  return { width: w, height: h, pixels: bytes.subarray(start, start + w * h) };
}

export function writePgm(image: GreyImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
  const out = new Uint8Array(header.length + image.pixels.length);
  out.set(header);
  out.set(image.pixels, header.length);
  return out;
}

/** A run of ink along one row (horizontal) or one column (vertical), in pixels. */
interface Run {
  /** the row (horizontal) or column (vertical) */
  at: number;
  from: number;
  to: number;
}

/** Runs of ink at least `min` long along each line of pixels; `pixel(line, k)` reads the k-th pixel of a line. */
function runsOf(lines: number, length: number, min: number, pixel: (line: number, k: number) => number): Run[] {
  const runs: Run[] = [];
  for (let line = 0; line < lines; line++) {
    let from = -1;
    let lastInk = -1;
    for (let k = 0; k <= length; k++) {
      const ink = k < length && pixel(line, k) < INK;
      if (ink) {
        if (from < 0) from = k;
        lastInk = k;
      } else if (from >= 0 && (k === length || k - lastInk > RUN_GAP)) {
        if (lastInk - from + 1 >= min) runs.push({ at: line, from, to: lastInk });
        from = -1;
      }
    }
  }
  return runs;
}

/** Runs on neighbouring lines that overlap are one rule, a few pixels thick. */
function mergeRuns(
  runs: Run[],
  maxThickness: number,
): Array<{ first: number; last: number; from: number; to: number }> {
  const open: Array<{ first: number; last: number; from: number; to: number }> = [];
  const done: typeof open = [];
  for (const run of runs) {
    const match = open.find((rule) => rule.last >= run.at - 1 && run.from <= rule.to && rule.from <= run.to);
    if (match) {
      match.last = run.at;
      match.from = Math.min(match.from, run.from);
      match.to = Math.max(match.to, run.to);
    } else {
      open.push({ first: run.at, last: run.at, from: run.from, to: run.to });
    }
    for (let i = open.length - 1; i >= 0; i--) {
      if (open[i].last < run.at - 1) done.push(...open.splice(i, 1));
    }
  }
  return [...done, ...open].filter((rule) => rule.last - rule.first + 1 <= maxThickness);
}

/**
 * The page's drawn lines, in points from the top left (72 per inch), like the rules of a text PDF. A vertical line
 * shorter than a rule still is one where it runs from one horizontal rule to the next: the border between two
 * cells of a one-line header row.
 */
export function findRules(image: GreyImage, dpi: number): Rule[] {
  const { width, height, pixels } = image;
  const min = Math.round(MIN_RULE_INCHES * dpi);
  const thick = Math.max(2, Math.round(MAX_RULE_INCHES * dpi));
  const scale = 72 / dpi;
  const rows = mergeRuns(
    runsOf(height, width, min, (row, k) => pixels[row * width + k]),
    thick,
  );
  const horizontal = rows.map((rule) => ({
    top: rule.first * scale,
    bottom: (rule.last + 1) * scale,
    left: rule.from * scale,
    right: (rule.to + 1) * scale,
  }));
  const touches = (y: number, x: number) =>
    rows.some((rule) => y >= rule.first - thick && y <= rule.last + thick && x >= rule.from - 2 && x <= rule.to + 2);
  const vertical = mergeRuns(
    runsOf(width, height, Math.round(min / 4), (column, k) => pixels[k * width + column]),
    thick,
  )
    .filter((rule) => {
      if (rule.to - rule.from + 1 >= min) return true;
      const x = (rule.first + rule.last) / 2;
      return touches(rule.from, x) && touches(rule.to, x);
    })
    .map((rule) => ({
      top: rule.from * scale,
      bottom: (rule.to + 1) * scale,
      left: rule.first * scale,
      right: (rule.last + 1) * scale,
    }));
  return [...horizontal, ...vertical].sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Pixels wiped on each side of a rule: its grey edges, and a scanner's blur. */
const MARGIN = 2;

/** A copy of the image with the rules painted white (a little wider on each side, for their grey edges). */
export function eraseRules(image: GreyImage, rules: Rule[], dpi: number): GreyImage {
  const pixels = new Uint8Array(image.pixels);
  const toPixels = dpi / 72;
  for (const rule of rules) {
    const top = Math.max(0, Math.floor(rule.top * toPixels) - MARGIN);
    const bottom = Math.min(image.height, Math.ceil(rule.bottom * toPixels) + MARGIN);
    const left = Math.max(0, Math.floor(rule.left * toPixels) - MARGIN);
    const right = Math.min(image.width, Math.ceil(rule.right * toPixels) + MARGIN);
    for (let row = top; row < bottom; row++) pixels.fill(255, row * image.width + left, row * image.width + right);
  }
  return { ...image, pixels };
}

/**
 * The image seen a little out of focus (a 3×3 box blur): tesseract's models learnt from grey, anti-aliased text, and
 * read the hard stair-stepped edges of a black-and-white scan less well (on the fixtures' 200-dpi scans, about a
 * third fewer wrong characters).
 */
export function soften(image: GreyImage): GreyImage {
  const { width, height, pixels } = image;
  const across = new Uint16Array(pixels.length);
  for (let row = 0; row < height; row++) {
    const start = row * width;
    for (let x = 0; x < width; x++) {
      const left = x > 0 ? pixels[start + x - 1] : pixels[start + x];
      const right = x + 1 < width ? pixels[start + x + 1] : pixels[start + x];
      across[start + x] = left + pixels[start + x] + right;
    }
  }
  const out = new Uint8Array(pixels.length);
  for (let row = 0; row < height; row++) {
    const up = row > 0 ? row - 1 : row;
    const down = row + 1 < height ? row + 1 : row;
    for (let x = 0; x < width; x++) {
      out[row * width + x] = Math.round(
        (across[up * width + x] + across[row * width + x] + across[down * width + x]) / 9,
      );
    }
  }
  return { width, height, pixels: out };
}
