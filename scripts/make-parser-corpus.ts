/**
 * Builds the parser evaluation corpus of issue #12 from the specs in scripts/parser-corpus/specs: every spec
 * rendered to its formats (Word, Excel, PDF by LibreOffice and by Chromium, a saved web page, text in UTF-8 and
 * GBK, Word 97 .doc) in src/core/parser/eval/corpus/files, its truth in corpus/truth/<file>.json, and the
 * corpus README. The outputs are committed, so tests and CI never need LibreOffice or Chromium; run this again
 * only to change them: `tsx scripts/make-parser-corpus.ts` (installs its apt packages when missing).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import { type CorpusFormat, corpusFileName } from "../src/core/parser/eval/corpus.js";
import { defaultReadLimits } from "../src/core/parser/readers/limits.js";
import { SafeZip } from "../src/core/parser/readers/zip.js";
import { chromiumPrint, ensureCalc, libreOfficeConvert } from "./parser-corpus/convert.js";
import { specDocx } from "./parser-corpus/render-docx.js";
import { printHtml, savedPage } from "./parser-corpus/render-html.js";
import { specText } from "./parser-corpus/render-text.js";
import { specXlsx } from "./parser-corpus/render-xlsx.js";
import type { CorpusSpec } from "./parser-corpus/spec.js";
import { SPECS } from "./parser-corpus/specs/index.js";
import { specTruth } from "./parser-corpus/truth.js";
import { ensureTools } from "./parser-fixtures/pdf-builders.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const corpus = join(root, "src/core/parser/eval/corpus");
const filesDir = join(corpus, "files");
const truthDir = join(corpus, "truth");
const manifestPath = join(corpus, "manifest.json");

/**
 * What a file is made from, as a hash: the content of its Word or Excel source without the time it was made
 * (docProps/core.xml), the page Chromium prints, or the text itself. A file whose key did not change is kept as it
 * is rather than made again: no churn of binary files in git, and LibreOffice and Chromium run only for what changed.
 */
function contentKey(...parts: Array<string | Uint8Array>): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\u0000");
  return hash.digest("hex").slice(0, 16);
}

function zipKey(bytes: Uint8Array): string {
  const zip = new SafeZip(bytes, defaultReadLimits);
  const names = [...zip.entries.keys()].filter((name) => name !== "docProps/core.xml").sort();
  return contentKey(...names.flatMap((name) => [name, zip.read(name) ?? new Uint8Array()]));
}

function previousManifest(): Record<string, string> {
  return existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, "utf8")) : {};
}

/** The file name of a spec in one format. */
function fileName(spec: CorpusSpec, format: CorpusFormat): string {
  return corpusFileName(spec.name, format);
}

function gbk(text: string): Buffer {
  const encoded = iconv.encode(text, "gbk");
  const lost = [...text].find((ch) => iconv.decode(iconv.encode(ch, "gbk"), "gbk") !== ch);
  if (lost) throw new Error(`text does not survive GBK encoding: ${lost}`);
  return encoded;
}

function readme(specs: CorpusSpec[]): string {
  const rows = specs.flatMap((spec) =>
    spec.formats.map(
      (format) =>
        `| ${fileName(spec, format)} | ${format} | ${spec.categories.join(", ")} | ${spec.sections.reduce((n, s) => n + s.tasks.length, 0)} | ${spec.about} |`,
    ),
  );
  return `# Parser evaluation corpus (issue #12)

Task-division documents written for this project in the structures of published ones (our own wording, invented
units of an invented district), rendered to the formats offices send: Word, Excel, PDFs printed from the Word file
by LibreOffice, from the web page by Chromium and from the Excel sheet by LibreOffice Calc, saved web pages, text
in UTF-8 and GBK, Word 97 .doc. \`npm run eval:parser\` parses every file in \`files/\` with \`parseDocument\` and
scores it against \`truth/<file>.json\` (the schema of parser-truth/README.md), one line per document and per format.

Generated: the specs are in \`scripts/parser-corpus/specs/\`, the truth is derived from them, and
\`tsx scripts/make-parser-corpus.ts\` writes this folder again (it needs LibreOffice and Chromium, and installs
them when missing). Do not edit the files by hand. \`manifest.json\` holds a key of what each file is made from (its
Word or Excel source without the time stamp, the page Chromium prints, the text): a file whose key is unchanged is
kept byte for byte, so LibreOffice and Chromium run only for what changed.

Categories are those of issue #12: 1 grouping column, 2 unfamiliar task headers / columns told by content / a
spanning header cell, 3 title + measures columns with inline deadlines, 4 merged 序号/unit cells with continuation
rows and repeated header rows, 5 PDF tables, 6 flattened tables in text, 7 unnumbered tasks with label blocks,
8 lead-by-position notes, 9 unit-list qualifiers, boilerplate tails and people columns, 10 non-tasks (附件 lists,
metadata tables, site navigation and spam), 11 paragraph documents (auto-numbering, trailing unit clauses).

Annotation conventions beyond parser-truth/README.md, followed by every truth file here:
- With a short title column beside the measures (重点任务 | 具体措施, 项目名称 | 主要内容) the task text is both,
  title first; \`start\` is then the title alone (up to 16 characters), since how title and measures are joined is the
  parser's choice.
- A tail after a unit list that names a unit and then says it helps (，各镇街按职责分工负责, ，村（社区）协助落实): the
  unit goes into others (units marked 负责 / 协助 are others, parser-truth/README.md), the words after it never into a
  unit's name; a tail that names no unit (，按职责分工分别负责) gives none. Units are kept as written, a space after a
  qualifier included (各镇（街道） 安委会).
- People (责任领导, 牵头领导, 主管领导, 主要责任人, 联系人, 区政府分管领导) are never units; 牵头单位/牵头科室/主办 columns
  are leads, 责任单位 (with no lead marker or lead note) and 配合/协办/协作 columns are others.
- A 完成时限 value (or 进度安排, 办结时间, 上线时间 …) is one deadline as written; inline time limits in the task's own
  text count too, each once. Dates in the notice or the closing paragraphs belong to no task.
- A row continuing a task under merged 序号/unit cells adds its text and its deadline to that task.

| file | format | categories | tasks | document |
|---|---|---|---|---|
${rows.join("\n")}
`;
}

async function main(): Promise<void> {
  ensureTools();
  ensureCalc();
  const names = new Set<string>();
  for (const spec of SPECS) {
    if (names.has(spec.name)) throw new Error(`two specs named ${spec.name}`);
    names.add(spec.name);
  }
  const outputs = new Map<string, Buffer | string>();
  const truths = new Map<string, string>();
  const forPdf = new Map<string, Buffer>();
  const forDoc = new Map<string, Buffer>();
  const forSheetPdf = new Map<string, Buffer>();
  const prints = new Map<string, { html: string; landscape: boolean }>();
  const before = previousManifest();
  const manifest: Record<string, string> = {};
  let kept = 0;
  /** Keeps the committed file when its key is unchanged; says whether it must be made. */
  const fresh = (name: string, key: string): boolean => {
    manifest[name] = key;
    const old = join(filesDir, name);
    if (before[name] !== key || !existsSync(old)) return true;
    outputs.set(name, readFileSync(old));
    kept++;
    return false;
  };
  for (const spec of SPECS) {
    const { tasks, notes } = specTruth(spec);
    // one task a line: the file reads like the table it annotates
    const truth = `{\n  "tasks": [\n${tasks.map((t) => `    ${JSON.stringify(t)}`).join(",\n")}\n  ],\n  "notes": ${JSON.stringify(notes)}\n}\n`;
    for (const format of spec.formats) truths.set(`${fileName(spec, format)}.json`, truth);
    const wide = spec.layout.kind === "table" && spec.layout.columns.length >= 6;
    const word = spec.formats.some((f) => f === "docx" || f === "pdf-libreoffice" || f === "doc")
      ? await specDocx(spec)
      : null;
    for (const format of spec.formats) {
      const name = fileName(spec, format);
      if (word && (format === "docx" || format === "pdf-libreoffice" || format === "doc")) {
        if (!fresh(name, contentKey(format, zipKey(word)))) continue;
        if (format === "docx") outputs.set(name, word);
        else if (format === "pdf-libreoffice") forPdf.set(spec.name, word);
        else forDoc.set(spec.name, word);
      } else if (format === "xlsx" || format === "pdf-xlsx") {
        const book = await specXlsx(spec);
        if (!fresh(name, contentKey(format, zipKey(book)))) continue;
        if (format === "xlsx") outputs.set(name, book);
        else forSheetPdf.set(spec.name, book);
      } else if (format === "pdf-chromium") {
        const html = printHtml(spec);
        if (fresh(name, contentKey(format, html, String(wide)))) prints.set(spec.name, { html, landscape: wide });
      } else {
        const text = format === "html" ? savedPage(spec) : format === "text" ? specText(spec, spec.web === true) : null;
        const data = text ?? gbk(specText(spec, spec.web === true));
        if (fresh(name, contentKey(format, data))) outputs.set(name, data);
      }
    }
  }
  const byName = new Map(SPECS.map((s) => [s.name, s]));
  if (forPdf.size > 0)
    for (const [name, pdf] of libreOfficeConvert(forPdf, "pdf"))
      outputs.set(fileName(byName.get(name) as CorpusSpec, "pdf-libreoffice"), pdf);
  if (forSheetPdf.size > 0)
    for (const [name, pdf] of libreOfficeConvert(forSheetPdf, "pdf", "xlsx"))
      outputs.set(fileName(byName.get(name) as CorpusSpec, "pdf-xlsx"), pdf);
  if (forDoc.size > 0)
    for (const [name, doc] of libreOfficeConvert(forDoc, "doc"))
      outputs.set(fileName(byName.get(name) as CorpusSpec, "doc"), doc);
  if (prints.size > 0)
    for (const [name, pdf] of await chromiumPrint(prints))
      outputs.set(fileName(byName.get(name) as CorpusSpec, "pdf-chromium"), pdf);
  // everything is rendered before the old corpus goes, so a failing spec leaves the committed corpus as it was
  rmSync(filesDir, { recursive: true, force: true });
  rmSync(truthDir, { recursive: true, force: true });
  mkdirSync(filesDir, { recursive: true });
  mkdirSync(truthDir, { recursive: true });
  for (const [name, truth] of truths) writeFileSync(join(truthDir, name), truth);
  for (const [name, data] of [...outputs].sort(([a], [b]) => a.localeCompare(b))) {
    writeFileSync(join(filesDir, name), data);
    console.log(`${name.padEnd(40)} ${(Buffer.byteLength(data) / 1024).toFixed(1).padStart(7)} KB`);
  }
  writeFileSync(join(corpus, "README.md"), readme(SPECS));
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 1)}\n`);
  console.log(`${readdirSync(filesDir).length} files from ${SPECS.length} documents (${kept} kept as they were)`);
}

await main();
