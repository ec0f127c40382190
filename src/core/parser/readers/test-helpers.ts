import { readFileSync } from "node:fs";
import CFB from "cfb";

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

/** An OLE compound file holding these streams at its root, written by `cfb` (as a container other than Word's). */
export function oleFile(streams: Record<string, Uint8Array>): Uint8Array {
  const container = CFB.utils.cfb_new();
  for (const [name, content] of Object.entries(streams)) CFB.utils.cfb_add(container, `/${name}`, content);
  return new Uint8Array(CFB.write(container, { type: "buffer" }) as Buffer);
}

/** The root streams of an OLE fixture, by name, to rebuild it with some of them changed. */
export function oleStreams(bytes: Uint8Array): Record<string, Uint8Array> {
  const container = CFB.parse(bytes);
  const streams: Record<string, Uint8Array> = {};
  container.FileIndex.forEach((entry, index) => {
    const path = container.FullPaths[index];
    if (entry.type === 2 && path.split("/").length === 2) streams[entry.name] = Uint8Array.from(entry.content);
  });
  return streams;
}
