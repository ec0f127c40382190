import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isStale } from "../../bin/freshness.js";

/** Writes a file and dates it, and its folders up to the test's own, that many seconds back. */
function file(target: string, secondsAgo: number): string {
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, "x");
  const at = new Date(Date.now() - secondsAgo * 1000);
  for (let p = target; p.startsWith(dir) && p !== dir; p = path.dirname(p)) utimesSync(p, at, at);
  return target;
}

const dir = mkdtempSync(path.join(tmpdir(), "fazhi-fresh-"));

describe("isStale (when fazhi runs its bundle, when the web app is rebuilt)", () => {
  it("is stale when the output was never built", () => {
    expect(isStale(path.join(dir, "missing.js"), [file(path.join(dir, "a/src.ts"), 10)])).toBe(true);
  });

  it("is fresh when every source is older than the output, in nested folders too", () => {
    file(path.join(dir, "b/src/deep/x.ts"), 100);
    const output = file(path.join(dir, "b/out.js"), 10);
    expect(isStale(output, [path.join(dir, "b/src")])).toBe(false);
  });

  it("is stale when a source was removed (its folder changed)", () => {
    file(path.join(dir, "d/src/gone.ts"), 100);
    const output = file(path.join(dir, "d/out.js"), 10);
    utimesSync(path.join(dir, "d/src"), new Date(), new Date());
    expect(isStale(output, [path.join(dir, "d/src")])).toBe(true);
  });

  it("is stale when one source anywhere below is newer", () => {
    file(path.join(dir, "c/src/old.ts"), 100);
    const output = file(path.join(dir, "c/out.js"), 10);
    file(path.join(dir, "c/src/deep/new.ts"), 1);
    expect(isStale(output, [path.join(dir, "c/src")])).toBe(true);
  });
});
