import { readFileSync } from "node:fs";

/** Bytes of a committed fixture (built by scripts/make-parser-fixtures.ts). */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../fixtures/${name}`, import.meta.url)));
}

export function fixtureText(name: string): string {
  return readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8");
}

/** A seed's non-empty lines without the surrounding spaces a web copy leaves: the paragraphs a reader must give. */
export function seedParagraphs(name: string): string[] {
  return fixtureText(name)
    .split("\n")
    .map((line) => line.replace(/^[\s\u00a0]+|[\s\u00a0]+$/g, ""))
    .filter((line) => line !== "");
}
