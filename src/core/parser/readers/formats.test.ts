import { describe, expect, it } from "vitest";
import { parseDocument, parseText } from "../index.js";
import type { ParseResult } from "../types.js";
import { fixture, fixtureText } from "./test-helpers.js";

/**
 * What must not change with the format: where each task starts, its units and its deadline phrases. With
 * `ignoreSpaces`, deadlines are compared without spaces: a PDF cannot tell a typed space in "2024 年 6 月" from
 * the gap Word and LibreOffice leave between Chinese and digits, and the reader drops both.
 */
function taskSummary(result: ParseResult, ignoreSpaces = false) {
  return result.tasks.map((task) => ({
    start: task.text.slice(0, 16),
    lead: task.leadUnits,
    others: [...task.responsibleUnits, ...task.cooperatingUnits],
    deadlines: task.deadlines.map((deadline) => (ignoreSpaces ? deadline.text.replace(/\s+/g, "") : deadline.text)),
  }));
}

const FORMATS: Array<[string, string, string, boolean?]> = [
  ["Word with automatic numbering", "seed000-numbered.docx", "seed000.txt"],
  ["PDF made by LibreOffice", "seed000-libreoffice.pdf", "seed000.txt"],
  ["Word task table", "seed002-table.docx", "seed002.txt"],
  ["Word 97–2003 task table, made by LibreOffice", "seed002-table.doc", "seed002.txt"],
  ["Word 97–2003 with automatic numbering, made by LibreOffice", "seed000-numbered.doc", "seed000.txt"],
  ["OFD of a ruled task table", "seed002-table.ofd", "seed002.txt", true],
  ["OFD with the layout of the LibreOffice PDF", "seed000-libreoffice.ofd", "seed000.txt"],
  ["PDF of a ruled task table, made by LibreOffice", "seed002-table-libreoffice.pdf", "seed002.txt", true],
  ["Excel task table, columns out of order", "seed002-tasks.xlsx", "seed002.txt"],
  ["GBK text", "seed004-gbk.txt", "seed004.txt"],
  ["saved government web page", "seed004-page.html", "seed004.txt"],
  ["PDF printed by Chromium", "seed004-chromium.pdf", "seed004.txt"],
];

describe("every format gives the same tasks as the text", () => {
  it.each(FORMATS)("%s (%s)", async (_, file, seed, ignoreSpaces) => {
    const expected = taskSummary(parseText(fixtureText(seed)), ignoreSpaces);
    expect(expected.length).toBeGreaterThan(20);
    const actual = taskSummary(await parseDocument(fixture(file), file), ignoreSpaces);
    expect(actual).toEqual(expected);
  });
});
