/**
 * Plain-text renders of the corpus, as text copied out of a web page or an editor: paragraphs one a line, tables
 * flattened in the ways sites and editors flatten them (bars with or without a closing bar, one cell a line, single
 * spaces, labels), merged cells present only in their first row as a copied HTML table has them.
 */
import { type Block, documentBlocks, type TableBlock } from "./model.js";
import { rowSpans, siteLines } from "./render-html.js";
import type { CorpusSpec, FlatStyle, TableLayout } from "./spec.js";

/** The cells a copied table shows on each row: merged-over cells are gone. */
function visibleRows(
  table: TableBlock,
): Array<{ cells: string[]; columns: number[]; header: boolean; heading: boolean }> {
  const spans = rowSpans(table);
  return table.rows.map((row, r) => {
    const kept = row.cells.flatMap((cell, c) =>
      cell.merge === "continue" ? [] : [{ text: cell.text, column: spans[r][c].column }],
    );
    return {
      cells: kept.map((k) => k.text),
      columns: kept.map((k) => k.column),
      header: row.header === true || row.repeat === true,
      heading: row.heading === true,
    };
  });
}

/** A row's text on the table's grid: merged-over cells empty, as Excel copies a range. */
function gridCells(table: TableBlock, row: TableBlock["rows"][number]): string[] {
  const cells: string[] = [];
  for (const cell of row.cells) {
    cells.push(cell.merge === "continue" ? "" : cell.text);
    for (let i = 1; i < (cell.span ?? 1); i++) cells.push("");
  }
  return cells.slice(0, table.columns);
}

function flatTable(table: TableBlock, style: FlatStyle, layout: TableLayout): string[] {
  const rows = visibleRows(table);
  switch (style) {
    case "bars-closing":
      return rows.map((row) => `${row.cells.join(" | ")} |`);
    case "bars":
      return rows.map((row) => row.cells.join(" | "));
    case "cell-lines":
      return rows.flatMap((row) => row.cells.join("\n|\n").split("\n"));
    case "spaces":
      return rows.map((row) => row.cells.filter((c) => c !== "").join(" "));
    case "lines":
      return rows.flatMap((row) => row.cells.filter((c) => c !== ""));
    case "tabs":
      // Excel writes every cell of the grid, an empty one for a merged-over cell
      return table.rows.map((row) => gridCells(table, row).join("\t"));
    case "labels": {
      const lines: string[] = [];
      for (const row of rows) {
        if (row.header) continue;
        if (row.heading) {
          lines.push(row.cells[0]);
          continue;
        }
        let line = "";
        row.cells.forEach((text, i) => {
          if (text === "") return;
          const column = layout.columns[row.columns[i]];
          if (column.kind === "number") line += layout.numberStyle === "dot" ? text : `${text}.`;
          else if (column.kind === "text" || column.kind === "title") line += text;
          else if (column.kind === "group") lines.push(text);
          else line += ` ${column.header}:${text}`;
        });
        lines.push(line);
      }
      return lines;
    }
  }
}

function blockLines(block: Block, spec: CorpusSpec): string[] {
  const indent = spec.wordText && block.type !== "title" ? "\u3000\u3000" : "";
  switch (block.type) {
    case "title":
    case "para":
      return [indent + block.text];
    case "heading":
    case "item":
      return [indent + block.number + block.text];
    case "table": {
      const layout = spec.layout as TableLayout;
      return flatTable(block, block.meta ? "bars-closing" : (layout.flat ?? "bars"), layout);
    }
  }
}

/** The spec as text; with `web`, wrapped in the site's navigation, information table and footer lines. */
export function specText(spec: CorpusSpec, web: boolean): string {
  // a line break inside a cell breaks the copied row, as it does when a web table is copied as text
  const lines = documentBlocks(spec)
    .flatMap((block) => blockLines(block, spec))
    .flatMap((line) => line.split("\n"));
  const end = spec.wordText ? "\r\n" : "\n";
  if (!web) return `${lines.join(end)}${end}`;
  const site = siteLines(spec);
  return `${[...site.before, ...lines, ...site.after].join(end)}${end}`;
}
