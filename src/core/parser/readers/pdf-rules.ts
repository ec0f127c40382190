import { getResolvedPDFJS } from "unpdf";
import type { PDFDocumentProxy } from "unpdf/pdfjs";
import type { ReadClock } from "./limits.js";

/**
 * pdf.js 5 builds operator lists with ArrayBuffer.prototype.transferToFixedLength (ES2024, Node 22); on Node 20
 * it fails quietly and returns a page without its paths. A copy serves pdf.js just as well as a transfer.
 */
function ensureTransferToFixedLength(): void {
  if ("transferToFixedLength" in ArrayBuffer.prototype) return;
  Object.defineProperty(ArrayBuffer.prototype, "transferToFixedLength", {
    value(this: ArrayBuffer, length?: number): ArrayBuffer {
      const copy = new ArrayBuffer(length ?? this.byteLength);
      new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(this.byteLength, copy.byteLength)));
      return copy;
    },
    writable: true,
    configurable: true,
  });
}

type Matrix = [number, number, number, number, number, number];

function multiply(m: Matrix, n: ArrayLike<number>): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function isNumbers(value: unknown, length: number): value is ArrayLike<number> {
  return (Array.isArray(value) || ArrayBuffer.isView(value)) && (value as ArrayLike<number>).length === length;
}

/**
 * A line a page draws, horizontal (bottom ≈ top) or vertical (right ≈ left), in page coordinates from the top
 * left: table borders. Horizontal ones separate rows, and their extent tells merged cells (a border that stops
 * short of the 序号 column leaves that cell merged over two rows); vertical ones are the columns' edges.
 */
export interface Rule {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Thinner than this (in points) is a line, not a filled box. */
const THIN = 2.5;

export const isHorizontal = (rule: Rule) => rule.bottom - rule.top < THIN && rule.right - rule.left > 10;
export const isVertical = (rule: Rule) => rule.right - rule.left < THIN && rule.bottom - rule.top > 10;

/** The lines a page draws: its table borders, read from the operator list with the transformation matrix tracked. */
export async function drawnRules(document: PDFDocumentProxy, number: number, clock: ReadClock): Promise<Rule[]> {
  ensureTransferToFixedLength();
  const { OPS } = await getResolvedPDFJS();
  const page = await clock.race(document.getPage(number));
  const height = page.view[3];
  const operators = await clock.race(page.getOperatorList());
  const stack: Matrix[] = [];
  let matrix: Matrix = [1, 0, 0, 1, 0, 0];
  const rules: Rule[] = [];
  operators.fnArray.forEach((operator, index) => {
    const args: unknown[] = operators.argsArray[index] ?? [];
    if (operator === OPS.save) stack.push(matrix);
    else if (operator === OPS.restore) matrix = stack.pop() ?? matrix;
    else if (operator === OPS.transform && isNumbers(args, 6)) matrix = multiply(matrix, args);
    else if (operator === OPS.paintFormXObjectBegin) {
      stack.push(matrix);
      if (isNumbers(args[0], 6)) matrix = multiply(matrix, args[0]);
    } else if (operator === OPS.paintFormXObjectEnd) matrix = stack.pop() ?? matrix;
    else if (operator === OPS.constructPath && isNumbers(args[2], 4)) {
      const [x0, y0, x1, y1] = Array.from(args[2]);
      const a = multiply(matrix, [1, 0, 0, 1, x0, y0]);
      const b = multiply(matrix, [1, 0, 0, 1, x1, y1]);
      const rule = {
        top: height - Math.max(a[5], b[5]),
        bottom: height - Math.min(a[5], b[5]),
        left: Math.min(a[4], b[4]),
        right: Math.max(a[4], b[4]),
      };
      if (isHorizontal(rule) || isVertical(rule)) rules.push(rule);
    }
  });
  page.cleanup();
  return rules.sort((p, q) => p.top - q.top);
}
