import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReportDetail, ReportList } from "../../shared/api.js";
import { createReport, exportedSheet, publishedPlan } from "../test/factories.js";
import { buildTestApp, type TestApp } from "../test/helper.js";

let t: TestApp;
let coordinator: string;
let township: string;
let department: string;
let leader: string;
let townshipId: number;
let departmentId: number;
let planId: number;
let planTitle: string;
const reports: Record<"township" | "department", ReportDetail | null> = { township: null, department: null };

beforeAll(async () => {
  t = await buildTestApp();
  coordinator = await t.login("coordinator");
  township = await t.login("township");
  department = await t.login("department");
  leader = await t.login("leader");
  const unitOf = async (cookie: string) =>
    (await t.request({ method: "GET", url: "/api/auth/me", cookie })).json().unit.id as number;
  townshipId = await unitOf(township);
  departmentId = await unitOf(department);
  const { plan, assignments } = await publishedPlan(t, coordinator, [townshipId, departmentId], {
    tasks: [{ title: "推行行政执法公示", text: "推行行政执法公示制度。" }],
  });
  planId = plan.id;
  planTitle = plan.title;
  const of = (unitId: number) => assignments.find((a) => a.unitId === unitId)?.id as number;
  reports.township = await createReport(t, township, of(townshipId), { text: "已在街道公示栏公布执法主体信息。" });
  reports.department = await createReport(t, department, of(departmentId), { text: "已公开执法人员名单。" });
  // a second period of the township's, still a draft: its own
  await createReport(t, township, of(townshipId), { submit: false, text: "草稿：下季度计划。" });
});
afterAll(() => t.close());

const list = async (cookie: string, query = "") => {
  const response = await t.request({ method: "GET", url: `/api/reports?planId=${planId}${query}`, cookie });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ReportList>();
};

describe("进展报告", () => {
  it("shows the office every unit's submitted reports, a unit only its own (its drafts too)", async () => {
    const office = await list(coordinator);
    expect(office.total).toBe(2);
    expect(office.items.map((r) => r.unitId).sort()).toEqual([townshipId, departmentId].sort());
    expect((await list(leader)).total).toBe(2);
    const own = await list(township);
    expect(own.items.map((r) => [r.unitId, r.status])).toEqual(
      expect.arrayContaining([
        [townshipId, "submitted"],
        [townshipId, "draft"],
      ]),
    );
    expect(own.items.every((r) => r.unitId === townshipId)).toBe(true);
    // another unit's id in the filter finds nothing of it
    expect((await list(department, `&unitId=${townshipId}`)).total).toBe(0);
  });

  it("filters by status, by what waits for the caller's review, by day and by words", async () => {
    expect((await list(coordinator, "&toReview=true")).total).toBe(2);
    expect((await list(township, "&toReview=true")).total).toBe(0);
    expect((await list(coordinator, "&status=accepted")).total).toBe(0);
    const found = await list(coordinator, `&q=${encodeURIComponent("公示栏 城关")}`);
    expect(found.items.map((r) => r.id)).toEqual([reports.township?.id]);
    expect((await list(coordinator, `&q=${encodeURIComponent("行政执法公示")}`)).total).toBe(2);
    expect((await list(coordinator, "&to=2020-01-01")).total).toBe(0);
    const refused = await t.request({ method: "GET", url: "/api/reports?status=bogus", cookie: coordinator });
    expect(refused.statusCode).toBe(400);
  });

  it("lists a period once: after a return, the resubmission stands for it", async () => {
    const first = reports.department as ReportDetail;
    const returned = await t.request({
      method: "POST",
      url: `/api/reports/${first.id}/review`,
      cookie: coordinator,
      payload: { decision: "return", comment: "请补充公开网址", version: first.version },
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect((await list(coordinator, "&status=returned")).items.map((r) => r.id)).toEqual([first.id]);
    const again = await createReport(t, department, first.assignmentId, { text: "已补充公开网址。" });
    const periods = (await list(coordinator, `&unitId=${departmentId}`)).items;
    expect(periods.map((r) => [r.id, r.revision])).toEqual([[again.id, 2]]);
  });

  it("exports what the list finds, with its filters in words", async () => {
    const response = await t.request({
      method: "GET",
      url: `/api/reports/export.xlsx?planId=${planId}&q=${encodeURIComponent("公示栏")}`,
      cookie: coordinator,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-disposition"]).toContain(encodeURIComponent("进展报告"));
    const sheet = await exportedSheet(response);
    const texts: string[] = [];
    sheet.eachRow((row) => {
      texts.push((row.values as unknown[]).filter(Boolean).map(String).join("|"));
    });
    expect(texts.join("\n")).toContain(`方案：${planTitle}`);
    expect(texts.join("\n")).toContain("关键词：公示栏");
    const rows = texts.filter((line) => line.includes("已在街道公示栏公布执法主体信息。"));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain("城关街道");
    expect(rows[0]).toContain("待审核");
  });
});
