import { isLabelLine } from "./labels.js";
import { normaliseChars, simplifyForDetection } from "./normalise.js";
import { detectNumbering } from "./numbering.js";
import { scanTables } from "./tables.js";

export interface Line {
  text: string;
  /** offset of the line in the normalised text */
  start: number;
}

/** Lines that end a task's text: web page furniture, distribution lists, attachments. */
export const FOOTER =
  /^(扫一扫|附件下载|附件[:：\d]|抄送|抄报|主办单位|版权所有|网站标识码|.*ICP备|.*公网安备|联系电话|纸发\d|（此件|\(此件|打印本页|关闭窗口|【打印】|责任编辑)/;

/** Headings that introduce a list of section targets rather than tasks. */
export const TARGETS_HEADING = /^(效果指标|预期效果|工作指标|主要指标|评价指标)\s*[:：]?/;

const TERMINAL = /[。！？!?；;：:)）〕】]$/;
const PROSE_MARK = /[，,、；;。]/;

/** Lines that open a block of their own inside a section: "目标:…", "具体措施:". */
const BLOCK_OPENER = /^(目标|具体措施|主要措施|工作措施|主要任务|工作任务|重点任务)\s*[:：]/;

function isStructural(text: string): boolean {
  return (
    BLOCK_OPENER.test(text) ||
    detectNumbering(text) !== null ||
    isLabelLine(simplifyForDetection(text)) ||
    TARGETS_HEADING.test(text) ||
    FOOTER.test(text)
  );
}

/**
 * True when `next` continues the sentence that `prev` left open: a page break or a hard wrap inside a paragraph
 * ("公开率达" / "到 100%"). Headings and titles carry no sentence punctuation, so they are never extended.
 */
function continues(prev: string, next: string): boolean {
  if (TERMINAL.test(prev) || prev.includes("|") || next.includes("|")) return false;
  if (isStructural(next)) return false;
  if (!PROSE_MARK.test(prev)) return false;
  // a short numbered heading ("（三）推进行政决策科学化、民主化、法治化") is complete without a full stop
  if (detectNumbering(prev) && prev.length < 40 && !/[，,。；;]/.test(prev)) return false;
  return true;
}

function joinPair(prev: string, next: string): string {
  const ascii = /[A-Za-z0-9]$/.test(prev) && /^[A-Za-z0-9]/.test(next);
  return ascii ? `${prev} ${next}` : prev + next;
}

/**
 * Normalises a document's text and splits it into lines: one paragraph per line, blank lines dropped,
 * paragraphs broken by page breaks or hard wraps joined again. Table lines are never joined.
 */
export function toLines(raw: string): { text: string; lines: Line[] } {
  const trimmed = normaliseChars(raw)
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  const probe = trimmed.map((text) => ({ text, start: 0 }));
  const { consumed } = scanTables(probe);
  const out: string[] = [];
  let lastProtected = false;
  trimmed.forEach((text, i) => {
    const isProtected = consumed.has(i);
    const prev = out.length > 0 ? out[out.length - 1] : null;
    if (prev !== null && !isProtected && !lastProtected && continues(prev, text)) {
      out[out.length - 1] = joinPair(prev, text);
    } else {
      out.push(text);
    }
    lastProtected = isProtected;
  });
  const lines: Line[] = [];
  let offset = 0;
  for (const text of out) {
    lines.push({ text, start: offset });
    offset += text.length + 1;
  }
  return { text: out.join("\n"), lines };
}
