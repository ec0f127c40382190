import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../main.js";

const plan =
  "某某县法治政府建设任务分工方案\n一、规范执法\n1.落实行政执法三项制度。2024年底前全面完成。\n牵头单位：县司法局\n责任单位：各乡镇、各部门\n";

let dir: string;
let planFile: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "fazhi-parse-"));
  planFile = join(dir, "plan.txt");
  await writeFile(planFile, plan);
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs `fazhi parse …` and captures what it prints. */
async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void out.push(a.join(" ")));
  vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void err.push(a.join(" ")));
  const code = await main(["parse", ...argv]);
  vi.restoreAllMocks();
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

describe("fazhi parse", () => {
  it("prints one JSON object for one file", async () => {
    const { code, stdout } = await run(planFile, "--json");
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout);
    expect(parsed).toMatchObject({ file: planFile, title: "某某县法治政府建设任务分工方案" });
    expect(parsed.tasks[0]).toMatchObject({
      path: ["一", "1"],
      leadUnits: ["县司法局"],
      responsibleUnits: ["各乡镇", "各部门"],
    });
  });

  it("prints an array for several files", async () => {
    const { code, stdout } = await run("--json", planFile, planFile);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toHaveLength(2);
  });

  it("prints a readable summary without --json", async () => {
    const { code, stdout } = await run(planFile);
    expect(code).toBe(0);
    expect(stdout).toContain("任务 tasks: 1");
    expect(stdout).toContain("牵头 lead: 县司法局 | 责任 responsible: 各乡镇、各部门 | 时限 deadline: 2024年底前");
  });

  it("exits 0 with warnings when a document has no tasks", async () => {
    const file = join(dir, "notice.txt");
    await writeFile(file, "关于召开会议的通知\n请准时参加。\n");
    const { code, stdout } = await run(file);
    expect(code).toBe(0);
    expect(stdout).toContain("no_tasks");
  });

  it("exits 1 with a clear message for a missing file", async () => {
    const { code, stderr } = await run(join(dir, "missing.txt"));
    expect(code).toBe(1);
    expect(stderr).toMatch(/missing\.txt: 文件不存在 \/ no such file/);
  });

  it("exits 1 for an unreadable file and still parses the others", async () => {
    const empty = join(dir, "empty.docx");
    await writeFile(empty, "");
    const { code, stdout, stderr } = await run("--json", planFile, empty);
    expect(code).toBe(1);
    expect(stderr).toContain("empty.docx");
    expect(JSON.parse(stdout)).toHaveLength(1);
  });

  it("rejects unknown options", async () => {
    const { code, stderr } = await run(planFile, "--yaml");
    expect(code).toBe(2);
    expect(stderr).toContain("unknown option --yaml");
  });
});
