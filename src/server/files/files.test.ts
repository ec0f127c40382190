import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Assignment, ReportDetail } from "../../shared/api.js";
import { postReport, publishedPlan, TINY_PDF, unitByName } from "../test/factories.js";
import { buildTestApp, type TestApp } from "../test/helper.js";

const NOW = new Date("2026-05-20T04:00:00Z");
const DATED = [{ text: "2026年6月底前", kind: "date" as const, due: "2026-06-30" }];

let t: TestApp;
let cookies: Record<"coordinator" | "admin" | "leader" | "township" | "department", string>;

beforeAll(async () => {
  t = await buildTestApp({}, { clock: () => NOW });
  const names = ["coordinator", "admin", "leader", "township", "department"] as const;
  cookies = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await t.login(n)]))) as typeof cookies;
});
afterAll(() => t.close());

const get = (url: string, cookie: string) => t.request({ method: "GET", url, cookie });

/** A report with one PDF on the assignment, by the township: a draft, or submitted. */
async function reportWithFile(assignment: Assignment, submit: boolean): Promise<ReportDetail> {
  const response = await postReport(t, cookies.township, assignment.id, { text: "附件", submit: String(submit) }, [
    { filename: "台账.pdf", content: TINY_PDF },
  ]);
  expect(response.statusCode).toBe(201);
  return response.json();
}

/** Who gets the file and who gets the report, as status codes by account. */
async function whoSees(report: ReportDetail, accounts: Array<keyof typeof cookies>) {
  const seen: Record<string, [number, number]> = {};
  for (const account of accounts) {
    seen[account] = [
      (await get(`/api/files/${report.files[0].token}`, cookies[account])).statusCode,
      (await get(`/api/reports/${report.id}`, cookies[account])).statusCode,
    ];
  }
  return seen;
}

describe("who may download an evidence file", () => {
  it("gives a draft's file to its own unit only, as the draft itself, and to the readers once it is submitted", async () => {
    const township = (await unitByName(t, "城关街道")).id;
    const [work] = (await publishedPlan(t, cookies.coordinator, [township], { deadlines: DATED })).assignments;
    const draft = await reportWithFile(work, false);
    expect(await whoSees(draft, ["township", "coordinator", "admin", "leader"])).toEqual({
      township: [200, 200],
      coordinator: [404, 404],
      admin: [404, 404],
      leader: [404, 404],
    });
    const submitted = await t.request({
      method: "POST",
      url: `/api/reports/${draft.id}/submit`,
      cookie: cookies.township,
      payload: { version: draft.version },
    });
    expect(submitted.statusCode).toBe(200);
    expect(await whoSees(draft, ["township", "coordinator", "admin", "leader"])).toEqual({
      township: [200, 200],
      coordinator: [200, 200],
      admin: [200, 200],
      leader: [200, 200],
    });
  });

  it("keeps a cooperating unit's draft file from the lead unit until it is submitted", async () => {
    const units = [(await unitByName(t, "区市场监管分局")).id, (await unitByName(t, "城关街道")).id];
    const { assignments } = await publishedPlan(t, cookies.coordinator, units, {
      deadlines: DATED,
      roles: ["lead", "cooperating"],
    });
    const cooperating = assignments.find((a) => a.role === "cooperating") as Assignment;
    const draft = await reportWithFile(cooperating, false);
    expect(await whoSees(draft, ["department"])).toEqual({ department: [404, 404] });
    const submitted = await t.request({
      method: "POST",
      url: `/api/reports/${draft.id}/submit`,
      cookie: cookies.township,
      payload: { version: draft.version },
    });
    expect(submitted.statusCode).toBe(200);
    expect(await whoSees(draft, ["department"])).toEqual({ department: [200, 200] });
  });

  it("names a file in its address by an unguessable token, never by its row id", async () => {
    const township = (await unitByName(t, "城关街道")).id;
    const plan = () => publishedPlan(t, cookies.coordinator, [township], { deadlines: DATED });
    const first = (await reportWithFile((await plan()).assignments[0], true)).files[0];
    // the same bytes again: one stored copy, but a file of its own with a token of its own
    const second = (await reportWithFile((await plan()).assignments[0], true)).files[0];
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(second.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(second.token).not.toBe(first.token);
    expect(second.sha256).toBe(first.sha256);
    expect((await get(`/api/files/${first.token}`, cookies.township)).statusCode).toBe(200);
    expect((await get(`/api/files/${first.id}`, cookies.township)).statusCode).toBe(400);
    expect((await get("/api/files/AAAAAAAAAAAAAAAAAAAAAA", cookies.township)).statusCode).toBe(404);
  });
});
