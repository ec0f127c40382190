import type { Item } from "./outline.js";
import type { Role } from "./select.js";

/** The normalised text, as the task builders need it. */
export interface TextView {
  text: string;
}

function firstLine(text: string): string {
  const nl = text.indexOf("\n");
  return nl < 0 ? text : text.slice(0, nl);
}

/** The heading of a numbered item: its first sentence, or its first line when short. */
export function headingText(body: string): string {
  const line = firstLine(body).trim();
  const stop = line.search(/[。；;]/);
  const head = stop > 0 ? line.slice(0, stop) : line;
  return head.length > 60 ? head.slice(0, 60) : head;
}

/** A task's title: its first sentence when that reads as a heading (严格依法执法。…). */
export function taskTitle(text: string): string | null {
  const first = firstLine(text);
  // a heading on a line of its own: "严格依法执法" then the body on the next line
  if (first.length < text.length && first.length <= 30 && !/[。，,；;]/.test(first)) return first.trim();
  const stop = text.indexOf("。");
  if (stop <= 0 || stop === text.trimEnd().length - 1) return null;
  const head = text.slice(0, stop);
  if (head.length > 40 || head.includes("\n")) return null;
  // a heading of two clauses (规范权力清单、责任清单运行,建立…动态管理机制), never a sentence that says who must
  const clauses = head.split(/[，,]/).length;
  if (clauses > 2 || (clauses === 2 && (head.length > 32 || /要|应|须/.test(head)))) return null;
  return head;
}

/** A task's own text without its unit clause, with the sub-items that belong to it (they have no clause of their own). */
/**
 * A table cell's paragraphs come joined by a space (CELL_LINE_BREAK), which Chinese text does not have: between two
 * sentences the break is a new line, within one (a line wrapped by hand) nothing. Spaces beside Latin letters and
 * digits stay.
 */
function joinCellLines(text: string): string {
  return text.replace(
    /([\p{Script=Han}，。；：！？、）」』”》])[ \u3000]+(?=[\p{Script=Han}（「『“《])/gu,
    (_, before: string) => (/[。；！？]/.test(before) ? `${before}\n` : before),
  );
}

export function taskText(
  item: Item,
  doc: TextView,
  removed: Map<Item, Array<[number, number]>>,
  roles: Map<Item, Role>,
): string {
  const own = (i: Item, withNumber: boolean) => {
    const cuts = removed.get(i) ?? [];
    let text = "";
    let pos = withNumber ? i.start : i.textStart;
    for (const [from, to] of cuts) {
      text += doc.text.slice(pos, from);
      pos = to;
    }
    text = (text + doc.text.slice(pos, i.bodyEnd)).trim();
    // a clause removed from "…结果(X牵头)。" leaves "…结果": give the sentence its stop back
    const last = cuts.at(-1);
    if (
      last &&
      last[1] === i.bodyEnd &&
      !/[。.!！?？]$/.test(text) &&
      /[。.]/.test(doc.text.slice(last[0], i.bodyEnd))
    ) {
      text += "。";
    }
    for (const [from, to] of i.moreText ?? []) text += `\n${doc.text.slice(from, to).trim()}`;
    return (i.row ? joinCellLines(text) : text).trim();
  };
  const parts = [own(item, false)];
  const walk = (i: Item) => {
    for (const c of i.children) {
      if (roles.get(c) !== "merged") continue;
      parts.push(own(c, true));
      walk(c);
    }
  };
  walk(item);
  return parts.filter((p) => p !== "").join("\n");
}

/** Where an item ends, its sub-items included. */
export function extentOf(item: Item): number {
  let end = item.end;
  for (const c of item.children) end = Math.max(end, extentOf(c));
  return end;
}
