import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { CORPUS_DIR, corpusDocument, corpusFiles, corpusFormat, corpusTruth } from "./corpus.js";

// The corpus is generated (scripts/make-parser-corpus.ts) and committed: these checks keep files, truth and README
// in step. Its scores are printed by `npm run eval:parser`, not asserted here.
describe("the parser corpus", () => {
  const files = corpusFiles();

  it("holds at least 40 documents, at least five in each format", () => {
    const documents = new Set(files.map(corpusDocument));
    expect(documents.size).toBeGreaterThanOrEqual(40);
    const perFormat = new Map<string, number>();
    for (const file of files) perFormat.set(corpusFormat(file), (perFormat.get(corpusFormat(file)) ?? 0) + 1);
    for (const [format, count] of perFormat)
      expect({ format, count: Math.min(count, 5) }).toEqual({ format, count: 5 });
  });

  it("has a truth file for every file and a file for every truth file", () => {
    const truths = readdirSync(join(CORPUS_DIR, "truth")).sort();
    expect(truths).toEqual(files.map((f) => `${f}.json`));
  });

  it.each(files)("annotates %s with tasks that each have a start of up to 16 characters", (file) => {
    const truth = corpusTruth(file);
    expect(truth.tasks.length).toBeGreaterThan(0);
    expect(truth.notes).not.toBe("");
    for (const task of truth.tasks) {
      expect(task.start.trim().length).toBeGreaterThan(0);
      expect(task.start.length).toBeLessThanOrEqual(16);
      expect([...task.lead, ...task.others, ...task.deadlines].every((s) => s.trim() !== "")).toBe(true);
    }
  });

  // the truth is derived from the same spec as the text, so every phrase it names is written in the text renders
  const textual = files.filter((f) => /\.(txt|html)$/.test(f));
  it.each(textual)("names in %s only what the file says", (file) => {
    const bytes = readFileSync(join(CORPUS_DIR, "files", file));
    const text = file.endsWith("-gbk.txt") ? iconv.decode(bytes, "gbk") : bytes.toString("utf8");
    for (const task of corpusTruth(file).tasks)
      for (const phrase of [task.start, ...task.lead, ...task.others, ...task.deadlines])
        expect({ file, phrase, found: text.includes(phrase) }).toEqual({ file, phrase, found: true });
  });

  it("lists every file in the README", () => {
    const readme = readFileSync(join(CORPUS_DIR, "README.md"), "utf8");
    const listed = [...readme.matchAll(/^\| (\S+\.(?:docx|xlsx|pdf|html|txt|doc)) \|/gm)].map((m) => m[1]).sort();
    expect(listed).toEqual(files);
    for (const file of listed) expect(existsSync(join(CORPUS_DIR, "files", file))).toBe(true);
  });
});
