import { afterAll, describe, expect, it } from "vitest";
import { DocumentReadError, parseDocument } from "../../core/parser/index.js";
import { ParsePool } from "./parse-pool.js";

const plan =
  "某某县法治政府建设任务分工方案\n一、规范执法\n1.落实行政执法三项制度。2024年底前全面完成。\n牵头单位：县司法局\n";
const text = (s: string) => new TextEncoder().encode(s);

const pool = new ParsePool(2, 60_000);
afterAll(() => pool.close());

describe("the parse pool", () => {
  it("reads a plan in a worker thread as parseDocument does here", async () => {
    const parsed = await pool.read(text(plan), "plan.txt");
    expect(parsed).toEqual(await parseDocument(text(plan), "plan.txt"));
    expect(parsed.tasks).toHaveLength(1);
  });

  it("hands on why a file could not be read, and keeps reading the next", async () => {
    const refused = await pool.read(text(""), "empty.txt").catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DocumentReadError);
    expect(refused).toMatchObject({ code: "empty", message: "文件是空的，请检查后重新上传" });
    expect((await pool.read(text(plan), "plan.txt")).tasks).toHaveLength(1);
  });

  it("ends a read over the time cap as document timeout", async () => {
    const hasty = new ParsePool(1, 1);
    try {
      const timedOut = await hasty.read(text(plan), "plan.txt").catch((error: unknown) => error);
      expect(timedOut).toMatchObject({ code: "timeout" });
      expect((timedOut as Error).message).toContain("文件读取超时");
    } finally {
      await hasty.close();
    }
  });

  it("reads more files than it has workers, each in its turn", async () => {
    const all = await Promise.all([1, 2, 3, 4, 5].map(() => pool.read(text(plan), "plan.txt")));
    expect(all.map((parsed) => parsed.tasks.length)).toEqual([1, 1, 1, 1, 1]);
  });
});
