import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FileStore } from "./store.js";

const root = mkdtempSync(path.join(tmpdir(), "fazhi-store-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("the evidence store", () => {
  it("keeps storing when its folders are removed behind its back (made once, made again when gone)", async () => {
    const store = new FileStore(root);
    const first = await store.put(Buffer.from("第一份台账"));
    expect(store.has(first)).toBe(true);
    // a restore or an operator empties the store while the server runs
    rmSync(root, { recursive: true, force: true });
    const again = await store.put(Buffer.from("第一份台账"));
    expect(again).toBe(first);
    expect(readFileSync(store.pathOf(again), "utf8")).toBe("第一份台账");
    expect(existsSync(path.join(root, ".staging"))).toBe(true);
  });
});
