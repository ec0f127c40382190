/**
 * The column mapping of a task table, over HTTP: a table whose task column the parser did not know by name, its
 * roles changed on the review screen and the file re-read (edits kept where they still apply), the mapping
 * remembered for the next file with the same header; a file without tasks says why.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NoTasksDetails, PlanDetail, PlanReparseResult, Task } from "../../shared/api.js";
import { columnMappings } from "../db/schema.js";
import { auditCount, importFile, multipartForm } from "../test/factories.js";
import { buildTestApp, type TestApp } from "../test/helper.js";
import { taskTableDocx } from "../test/task-table-docx.js";
import { noTasks } from "./mappings.js";

let t: TestApp;
let coordinator: string;

beforeAll(async () => {
  t = await buildTestApp();
  coordinator = await t.login("coordinator");
});
afterAll(() => t.close());

const HEADER = ["序号", "民生实事", "责任单位", "配合单位", "完成时限"];
const ROWS = [
  ["1", "新建城区公共停车位不少于八百个，缓解老旧小区停车难", "区住房和城乡建设局", "区交通运输局", "2026年10月底前"],
  ["2", "为六十五岁以上老年人免费开展一次健康体检", "区卫生健康局", "区财政局", "2026年12月底前"],
  ["3", "新建改建城区幼儿园三所，新增学位六百个", "区教育局", "区自然资源局", "2026年9月底前"],
];
const AS_LEAD = ["number", "text", "lead", "cooperating", "deadline"];

async function importTable(title: string, rows = ROWS, options?: object): Promise<PlanDetail> {
  const file = await taskTableDocx(title, HEADER, rows);
  const response = options
    ? await importWith(`${title}.docx`, file, options)
    : await importFile(t, coordinator, `${title}.docx`, file);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

function importWith(filename: string, content: Buffer | string, options: object) {
  const form = multipartForm({ options: JSON.stringify(options) }, [{ filename, content, field: "file" }]);
  return t.request({ method: "POST", url: "/api/plans/import", cookie: coordinator, ...form });
}

const reparse = (plan: PlanDetail, body: object, cookie = coordinator) =>
  t.request({
    method: "POST",
    url: `/api/plans/${plan.id}/reparse`,
    cookie,
    payload: { version: plan.version, ...body },
  });

const namesOf = (task: Task, role: string) => task.units.filter((u) => u.role === role).map((u) => u.phrase);

describe("column mapping", () => {
  it("re-reads a table with a changed role, keeps the edits that still apply and remembers the mapping", async () => {
    const plan = await importTable("某区2026年民生实事项目任务分解表");
    expect(plan.tasks.map((task) => task.text)).toEqual(ROWS.map((row) => row[1]));
    const [table] = plan.layout?.tables ?? [];
    expect(table).toMatchObject({ headers: HEADER, mapped: false, rows: 3 });
    expect(table.roles[1]).toBe("text");
    expect(table.roles[2]).toBe("responsible");
    expect(namesOf(plan.tasks[0], "responsible")).toEqual(["区住房和城乡建设局"]);
    expect(plan.tasks.every((task) => task.confidence > 0 && task.confidence <= 1)).toBe(true);

    // the user corrects task 2's deadline and deletes task 3 before changing the column
    const [, second, third] = plan.tasks;
    const edited = await t.request({
      method: "PATCH",
      url: `/api/plans/${plan.id}/tasks/${second.id}`,
      cookie: coordinator,
      payload: { version: second.version, deadlines: [{ text: "2026年11月底前", kind: "date", due: "2026-11-30" }] },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<PlanDetail>().tasks[1].editedFields).toEqual(["deadlines"]);
    const deleted = await t.request({
      method: "DELETE",
      url: `/api/plans/${plan.id}/tasks/${third.id}?version=${third.version}`,
      cookie: coordinator,
    });
    const before = deleted.json<PlanDetail>();

    const response = await reparse(before, { columnRoles: { [table.signature]: AS_LEAD } });
    expect(response.statusCode, response.body).toBe(200);
    const { plan: reread, keptEdits, lostEdits } = response.json<PlanReparseResult>();
    expect({ keptEdits, lostEdits }).toEqual({ keptEdits: 1, lostEdits: 0 });
    expect(reread.version).toBe(before.version + 1);
    expect(reread.layout?.tables[0]).toMatchObject({ roles: AS_LEAD, mapped: true });
    // the deleted task stays deleted; the lead now comes from 责任单位
    expect(reread.tasks.map((task) => task.text)).toEqual([ROWS[0][1], ROWS[1][1]]);
    expect(namesOf(reread.tasks[0], "lead")).toEqual(["区住房和城乡建设局"]);
    expect(namesOf(reread.tasks[0], "responsible")).toEqual([]);
    expect(namesOf(reread.tasks[1], "lead")).toEqual(["区卫生健康局"]);
    // the deadline edited by hand is kept; the re-read's would have been 2026年12月底前
    expect(reread.tasks[1].deadlines.map((d) => d.text)).toEqual(["2026年11月底前"]);
    expect(reread.tasks[1].editedFields).toEqual(["deadlines"]);
    expect(await auditCount(t, "plan", plan.id, "plan.reparse")).toBe(1);

    // a second re-read sent with the version the first one replaced is refused, and changes nothing
    const stale = await reparse(before, { columnRoles: { [table.signature]: HEADER.map(() => "ignored") } });
    expect(stale.statusCode).toBe(409);
    expect(await auditCount(t, "plan", plan.id, "plan.reparse")).toBe(1);

    const [remembered] = await t.database.db
      .select()
      .from(columnMappings)
      .where(eq(columnMappings.signature, table.signature));
    expect(remembered.roles).toEqual(AS_LEAD);

    // the next file of the same layout is read with the remembered roles at once
    const next = await importTable("某区2027年民生实事项目任务分解表", [
      ["1", "改造老旧供水管网十五公里，保障居民用水安全", "区住房和城乡建设局", "区财政局", "2027年10月底前"],
    ]);
    expect(next.layout?.tables[0]).toMatchObject({ roles: AS_LEAD, mapped: true });
    expect(namesOf(next.tasks[0], "lead")).toEqual(["区住房和城乡建设局"]);
  });

  it("refuses roles that do not fit the table, and a unit user, leaving the draft as it was", async () => {
    const plan = await importTable("某区民生实事分解表（核对）");
    const signature = plan.layout?.tables[0].signature ?? "";
    const short = await reparse(plan, { columnRoles: { [signature]: ["text", "lead"] } });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.message).toContain("5 列");
    const unknown = await reparse(plan, { columnRoles: { "另一个|表头": AS_LEAD } });
    expect(unknown.statusCode).toBe(400);
    const township = await t.login("township");
    const refused = await reparse(plan, { columnRoles: { [signature]: AS_LEAD } }, township);
    expect(refused.statusCode).toBe(403);
    const after = (await t.request({ method: "GET", url: `/api/plans/${plan.id}`, cookie: coordinator })).json();
    expect(after.version).toBe(plan.version);
    expect(after.tasks.map((task: Task) => task.id)).toEqual(plan.tasks.map((task) => task.id));
    expect(await auditCount(t, "plan", plan.id, "plan.reparse")).toBe(0);
  });

  it("keeps a task added by hand after the task it followed", async () => {
    const plan = await importTable("某区民生实事分解表（补充）");
    const added = await t.request({
      method: "POST",
      url: `/api/plans/${plan.id}/tasks`,
      cookie: coordinator,
      payload: { afterTaskId: plan.tasks[0].id, number: "1-1", text: "配套建设电动汽车充电桩一百个" },
    });
    expect(added.statusCode, added.body).toBe(201);
    const before = added.json<PlanDetail>();
    const signature = before.layout?.tables[0].signature ?? "";
    const response = await reparse(before, { columnRoles: { [signature]: AS_LEAD } });
    expect(response.statusCode, response.body).toBe(200);
    const texts = response.json<PlanReparseResult>().plan.tasks.map((task) => task.text);
    expect(texts).toEqual([ROWS[0][1], "配套建设电动汽车充电桩一百个", ROWS[1][1], ROWS[2][1]]);
  });

  it("refuses a re-read of a published plan", async () => {
    const plan = await importTable("某区民生实事分解表（已交办）");
    const signature = plan.layout?.tables[0].signature ?? "";
    const published = await t.request({
      method: "POST",
      url: `/api/plans/${plan.id}/publish`,
      cookie: coordinator,
      payload: { version: plan.version },
    });
    expect(published.statusCode, published.body).toBe(200);
    const response = await reparse(published.json(), { columnRoles: { [signature]: AS_LEAD } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain("重新识别");
  });
});

const OUTLINE = `某区2026年法治政府建设工作要点
一、深化法治政府建设
（一）健全依法决策机制
1. 严格落实重大行政决策程序规定。（牵头单位：区司法局；完成时限：2026年6月底前）
2. 推行行政规范性文件合法性审核。
（二）规范行政执法
3. 全面推行行政执法三项制度。（牵头单位：区司法局；完成时限：2026年12月底前）
二、强化监督
（三）加强行政复议
4. 畅通行政复议渠道。（牵头单位：区司法局；完成时限：长期坚持）
`;

describe("the level of a paragraph document's tasks", () => {
  it("stores each task's confidence and doubts, offers the numbering levels and re-reads at the level chosen", async () => {
    const response = await importFile(t, coordinator, "工作要点.txt", OUTLINE);
    expect(response.statusCode, response.body).toBe(201);
    const plan = response.json<PlanDetail>();
    expect(plan.tasks.map((task) => task.number)).toEqual(["1", "2", "3", "4"]);
    expect(plan.layout?.numberingLevels.map((level) => level.example)).toEqual(["一、", "（一）", "1."]);
    // task 2 names no unit and no deadline: the parser says so
    expect(plan.tasks[0].confidence).toBe(1);
    expect(plan.tasks[1].confidence).toBeLessThan(0.8);
    expect(plan.tasks[1].doubts.join("")).toContain("单位");

    // the user fixes task 2's text, then says the tasks are the （一） items: task 2 is gone, its edit with it
    const second = plan.tasks[1];
    const edited = await t.request({
      method: "PATCH",
      url: `/api/plans/${plan.id}/tasks/${second.id}`,
      cookie: coordinator,
      payload: { version: second.version, text: "推行行政规范性文件合法性审核全覆盖。" },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const byParen = await reparse(plan, { taskStyle: "cnParen" });
    expect(byParen.statusCode, byParen.body).toBe(200);
    const reread = byParen.json<PlanReparseResult>();
    expect(reread.lostEdits).toBe(1);
    expect(reread.plan.layout?.taskStyle).toBe("cnParen");
    expect(reread.plan.tasks).toHaveLength(3);
    expect(reread.plan.tasks[0].text).toContain("健全依法决策机制");

    // back to the 1. items: the numbered tasks again, the re-read's own text for task 2
    const back = await reparse(reread.plan, { taskStyle: "arabic" });
    expect(back.statusCode, back.body).toBe(200);
    const tasks = back.json<PlanReparseResult>().plan.tasks;
    expect(tasks.map((task) => task.number)).toEqual(["1", "2", "3", "4"]);
    expect(tasks[1].text).toBe("推行行政规范性文件合法性审核。");
  });
});

describe("a file without tasks", () => {
  it("says why and lists what the file holds, storing nothing", async () => {
    const response = await importFile(
      t,
      coordinator,
      "通知.txt",
      "关于做好有关工作的通知\n请各单位认真做好有关工作。\n",
    );
    expect(response.statusCode).toBe(400);
    const { code, message, details } = response.json().error;
    expect(code).toBe("no_tasks");
    expect(message).toContain("没有找到编号的任务");
    expect((details as NoTasksDetails).reason).toBe("no_numbering");
  });

  it("says a scan was read by OCR when its text held no tasks", () => {
    const read = {
      title: null,
      docNumber: null,
      issuer: null,
      date: null,
      sections: [],
      tasks: [],
      sectionTargets: [],
      text: "关于做好有关工作的通知\n请各单位认真做好有关工作。",
      warnings: [{ code: "scan_recognised", message: "文件是扫描件或图片" }],
      tables: [],
      numberingLevels: [],
      taskStyle: null,
    };
    const refusal = noTasks(read);
    expect(refusal.message).toContain("文件是扫描件（图片），已用文字识别（OCR）读出其中的文字，但没有找到编号的任务");
    expect(refusal.message).toContain("或上传更清晰的扫描件、Word 或文字版 PDF");
    expect(noTasks({ ...read, warnings: [] }).message).not.toContain("扫描件");
  });

  it("offers the numbering levels it found and imports at the level chosen", async () => {
    const items =
      "城北区重点工作安排\n一、完善重大行政决策程序。\n二、推进行政执法规范化建设。\n三、健全行政复议工作机制。\n";
    const refused = await importFile(t, coordinator, "安排.txt", items);
    expect(refused.statusCode).toBe(400);
    const details = refused.json().error.details as NoTasksDetails;
    expect(details.numberingLevels).toEqual([{ style: "cn", example: "一、", count: 3 }]);
    const response = await importWith("安排.txt", items, { taskStyle: "cn" });
    expect(response.statusCode, response.body).toBe(201);
    const plan = response.json<PlanDetail>();
    expect(plan.tasks.map((task) => task.number)).toEqual(["一", "二", "三"]);
    expect(plan.layout).toMatchObject({ taskStyle: "cn", options: { taskStyle: "cn" } });
  });

  it("takes chosen column roles at import, and remembers them", async () => {
    const header = ["项目", "实施单位", "时间"];
    const file = await taskTableDocx("某街道2026年为民办实事清单", header, [
      ["建设社区老年食堂两处，提供助餐服务", "区民政局", "2026年6月底前"],
      ["开设青少年暑期托管班，服务双职工家庭", "区教育局", "2026年7月底前"],
    ]);
    const first = await importFile(t, coordinator, "清单.docx", file);
    const signature =
      first.statusCode === 201
        ? first.json<PlanDetail>().layout?.tables[0].signature
        : (first.json().error.details as NoTasksDetails).tables[0]?.signature;
    expect(signature).toBeTruthy();
    const chosen = { columnRoles: { [signature as string]: ["text", "lead", "deadline"] } };
    const response = await importWith("清单.docx", file, chosen);
    expect(response.statusCode, response.body).toBe(201);
    const plan = response.json<PlanDetail>();
    expect(plan.tasks).toHaveLength(2);
    expect(namesOf(plan.tasks[1], "lead")).toEqual(["区教育局"]);
    expect(plan.layout?.options.columnRoles).toEqual(chosen.columnRoles);
    const bad = await importWith("清单.docx", file, { columnRoles: { [signature as string]: ["任务"] } });
    expect(bad.statusCode).toBe(400);
  });
});
