import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { NotificationList } from "../../shared/api.js";
import { buildApp } from "../app.js";
import { noticeLog, notifications } from "../db/schema.js";
import { auditCount, createReport, publishedPlan, runJobsAt, unitByName } from "../test/factories.js";
import { buildTestApp, type TestApp } from "../test/helper.js";
import { type Due, dueDay, duePeriods } from "./notices.js";

let t: TestApp;
let admin: string;
let coordinator: string;
let township: string;
let townshipId: number;

beforeAll(async () => {
  t = await buildTestApp({}, { clock: () => new Date("2026-06-01T09:00:00+08:00") });
  admin = await t.login("admin");
  coordinator = await t.login("coordinator");
  township = await t.login("township");
  townshipId = (await t.request({ method: "GET", url: "/api/auth/me", cookie: township })).json().unit.id;
});
afterAll(() => t.close());

/** Runs the due jobs as at a moment of China time. */
const runAt = (chinaTime: string) => runJobsAt(t, admin, chinaTime);

const inbox = async (cookie = township): Promise<NotificationList> =>
  (await t.request({ method: "GET", url: "/api/notifications", cookie })).json();

const dated = (due: string) => ({ deadlines: [{ text: `${due}前`, kind: "date" as const, due }] });

describe("reminders and urging notices", () => {
  it("sends each notice once as the days pass: 7 days before, 1 day before, and once overdue", async () => {
    const { assignments } = await publishedPlan(t, coordinator, [townshipId], dated("2026-06-30"));
    const [work] = assignments;

    expect(await runAt("2026-06-22T09:00:00")).toMatchObject({ reminders: 0, urges: 0 });
    expect(await runAt("2026-06-23T09:00:00")).toMatchObject({ reminders: 1, urges: 0, notifications: 1 });
    const first = await inbox();
    // the task's 交办, then its reminder
    expect(first.unread).toBe(2);
    expect(first.items[1]).toMatchObject({ kind: "assigned", link: `/assignments/${work.id}` });
    expect(first.items[0]).toMatchObject({
      kind: "reminder",
      title: "到期提醒：第一项任务（完成时限）",
      link: `/assignments/${work.id}?period=${encodeURIComponent("完成时限")}`,
    });
    expect(first.items[0].body).toContain("将于2026年6月30日到期（还有 7 天）");

    // again, and the days between: nothing new
    expect(await runAt("2026-06-23T09:00:00")).toMatchObject({ reminders: 0, urges: 0 });
    expect(await runAt("2026-06-26T09:00:00")).toMatchObject({ reminders: 0, urges: 0 });
    expect(await runAt("2026-06-29T09:00:00")).toMatchObject({ reminders: 1, urges: 0 });
    // quiet hours hold the urging notice until the morning
    expect(await runAt("2026-07-01T06:30:00")).toMatchObject({ held: 1, urges: 0 });
    expect(await runAt("2026-07-01T07:00:00")).toMatchObject({ held: 0, urges: 1 });
    expect(await runAt("2026-07-05T10:00:00")).toMatchObject({ reminders: 0, urges: 0 });

    const all = await inbox();
    expect(all.items.map((n) => n.kind)).toEqual(["urge", "reminder", "reminder", "assigned"]);
    expect(all.items[0].title).toBe("催办：第一项任务（完成时限）已逾期");
    expect(await auditCount(t, "assignment", work.id, "notice.reminder")).toBe(2);
    expect(await auditCount(t, "assignment", work.id, "notice.urge")).toBe(1);
    // the coordinator's people are not the township's: they hear of no reminder or urging notice (only, five days
    // overdue, that a supervision order was drafted)
    expect((await inbox(coordinator)).items.map((n) => n.kind)).toEqual(["order"]);
  });

  it("leaves alone a period that was reported on", async () => {
    const { assignments } = await publishedPlan(t, coordinator, [townshipId], dated("2026-07-10"));
    await createReport(t, township, assignments[0].id);
    const before = (await inbox()).items.length;
    await runAt("2026-07-09T09:00:00");
    await runAt("2026-07-12T09:00:00");
    expect((await inbox()).items.length).toBe(before);
  });

  it("sends once when two runners run at the same moment", async () => {
    await publishedPlan(t, coordinator, [townshipId], dated("2026-07-20"));
    const [a, b] = await Promise.all([runAt("2026-07-13T09:00:00"), runAt("2026-07-13T09:00:00")]);
    expect(a.reminders + b.reminders).toBe(1);
    const mine = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.title, "到期提醒：第一项任务（完成时限）"));
    expect(mine.filter((n) => n.body.includes("2026年7月20日"))).toHaveLength(1);
  });
});

describe("a unit's many periods", () => {
  it("come as one reminder and one urging notice a run, and are read a page of whole units at a time", async () => {
    const app = await buildTestApp({}, { clock: () => new Date("2026-08-01T09:00:00+08:00") });
    try {
      const office = await app.login("coordinator");
      const manager = await app.login("township");
      const unitId = (await app.request({ method: "GET", url: "/api/auth/me", cookie: manager })).json().unit.id;
      const court = await unitByName(app, "区人民法院");
      for (const due of ["2026-08-12", "2026-08-10", "2026-08-11"])
        await publishedPlan(app, office, [unitId], dated(due));
      await publishedPlan(app, office, [unitId, court.id], dated("2026-08-12"));
      const run = async (chinaTime: string) => runJobsAt(app, await app.login("admin"), chinaTime);
      const bell = async () =>
        (await app.request({ method: "GET", url: "/api/notifications", cookie: manager })).json<NotificationList>();

      // five periods within a week, four of them the township's: one message to the township
      expect(await run("2026-08-05T09:00:00")).toMatchObject({ reminders: 5 });
      const [reminder] = (await bell()).items;
      expect(reminder).toMatchObject({
        kind: "reminder",
        title: "到期提醒：4 项任务即将到期",
        link: "/assignments?dueWithinDays=7",
      });
      expect(reminder.body).toContain("将于 7 天内到期");
      expect(reminder.body.split("\n").filter((line) => /^\d\. 《/.test(line))).toHaveLength(4);
      expect((await bell()).items.filter((n) => n.kind === "reminder")).toHaveLength(1);

      expect(await run("2026-08-20T09:00:00")).toMatchObject({ urges: 5, reminders: 0 });
      const [urge] = (await bell()).items;
      expect(urge).toMatchObject({ kind: "urge", title: "催办：4 项任务逾期未报送", link: "/assignments?overdue=1" });
      // listed by due date, each once
      expect(urge.body).toMatch(
        /1\. .*2026年8月10日到期\n2\. .*2026年8月11日到期\n3\. .*2026年8月12日到期\n4\. .*2026年8月12日到期/,
      );
      // each period's notice is its own, in the log and the audit trail
      const keys = (await app.database.db.select().from(noticeLog)).map((row) => row.key);
      expect(keys.filter((key) => !key.startsWith("assigned:"))).toHaveLength(10);

      const day = await dueDay(app.database.db, new Date("2026-08-20T09:00:00+08:00"));
      const read = async (size: number) => {
        const pages: Due[][] = [];
        for await (const page of duePeriods(app.database.db, day, size)) pages.push(page);
        return pages;
      };
      const [whole] = await read(1000);
      expect(whole).toHaveLength(5);
      const pages = await read(1);
      // a page a unit, however small the page: a unit hears of its periods in one message
      expect(pages.map((page) => new Set(page.map((period) => period.unitId)).size)).toEqual([1, 1]);
      expect(pages.flat()).toEqual(whole);
      expect(pages.find((page) => page[0].unitId === unitId)?.map((period) => period.dueOn)).toEqual([
        "2026-08-10",
        "2026-08-11",
        "2026-08-12",
        "2026-08-12",
      ]);
    } finally {
      await app.close();
    }
  });
});

describe("the server's scheduler", () => {
  it("runs the due jobs shortly after the start and then at its interval, until the server closes", async () => {
    await publishedPlan(t, coordinator, [townshipId], dated("2026-08-31"));
    vi.useFakeTimers({ toFake: ["setTimeout", "setInterval", "clearTimeout", "clearInterval"] });
    let now = new Date("2026-08-24T09:00:00+08:00");
    const app = await buildApp(
      t.database,
      { ...t.config, jobsIntervalMinutes: 10 },
      { clock: () => now, scheduleJobs: true },
    );
    const sentFor = async (day: string) =>
      (await t.database.db.select().from(noticeLog)).filter((row) => row.key.endsWith(`:${day}`)).map((r) => r.key);
    // a pass runs on real I/O while the timers are fake: wait for its outcome, up to some real time
    const settle = async (until: () => Promise<boolean>, ms = 10_000) => {
      const end = performance.now() + ms;
      while (performance.now() < end && !(await until())) await new Promise((resolve) => setImmediate(resolve));
    };
    try {
      await app.ready();
      expect(await sentFor("2026-08-31")).toEqual([]);
      vi.advanceTimersByTime(30_000);
      await settle(async () => (await sentFor("2026-08-31")).length === 1);
      expect((await sentFor("2026-08-31"))[0]).toMatch(/^reminder:7:/);
      await app.dueJobsIdle();

      now = new Date("2026-08-30T09:00:00+08:00");
      vi.advanceTimersByTime(10 * 60_000);
      await settle(async () => (await sentFor("2026-08-31")).length === 2);
      expect(await sentFor("2026-08-31")).toHaveLength(2);
      // closed, it runs no more: the overdue day passes without an urging notice
      await app.close();
      now = new Date("2026-09-02T09:00:00+08:00");
      vi.advanceTimersByTime(20 * 60_000);
      await settle(async () => false, 500);
      expect(await sentFor("2026-08-31")).toHaveLength(2);
    } finally {
      await app.close();
      vi.useRealTimers();
    }
  });
});

describe("the notification centre", () => {
  it("marks one's own notifications read, and nobody else's", async () => {
    const { items, unread } = await inbox();
    expect(unread).toBeGreaterThan(0);
    const other = await t.request({
      method: "POST",
      url: `/api/notifications/${items[0].id}/read`,
      cookie: coordinator,
    });
    expect(other.statusCode).toBe(404);
    const read = await t.request({ method: "POST", url: `/api/notifications/${items[0].id}/read`, cookie: township });
    expect(read.json().readAt).not.toBeNull();
    expect((await inbox()).unread).toBe(unread - 1);
    await t.request({ method: "POST", url: "/api/notifications/read-all", cookie: township });
    expect((await inbox()).unread).toBe(0);
  });

  it("refuses a chosen time in production mode", async () => {
    const production = await buildTestApp({ FAZHI_MODE: "production" });
    try {
      const cookie = await production.login("admin");
      const response = await production.request({
        method: "POST",
        url: "/api/jobs/run",
        cookie,
        payload: { now: "2026-07-01T00:00:00Z" },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.message).toContain("生产模式");
    } finally {
      await production.close();
    }
  });
});
