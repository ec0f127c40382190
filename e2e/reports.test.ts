import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  downloadSheet,
  dropFile,
  json,
  label,
  login,
  modal,
  openBrowser,
  openOption,
  type Product,
  publishTownshipTask,
  startProduct,
  toast,
  withIcon,
} from "./harness";

const PLAN_TITLE = "城关街道2026年依法行政专项工作安排";
const TASK_TEXT = "梳理本街道行政执法事项清单并向社会公布。";
const EVIDENCE = "行政执法事项清单公布情况.pdf";

/** A one-page PDF, small enough to write out: the server checks the content, so it must really be one. */
const PDF = Buffer.from(
  [
    "%PDF-1.4",
    "1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj",
    "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj",
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj",
    "trailer<</Root 1 0 R>>",
    "%%EOF",
    "",
  ].join("\n"),
);

let product: Product;

beforeAll(async () => {
  product = await startProduct();
});
afterAll(async () => {
  await product?.stop();
});

/**
 * Opens an item of a 工作台 tray, found by its text and the plan's title it names (the demo plan has a 任务 1 too),
 * and waits for the assignment's page it leads to.
 */
async function openFromTray(page: Page, tray: string, text: string): Promise<void> {
  await page.goto("/");
  const item = page
    .getByTestId(`tray-${tray}`)
    .getByTestId("tray-item")
    .filter({ hasText: text })
    .filter({ has: page.getByTestId("tray-plan").getByText(PLAN_TITLE, { exact: true }) });
  await item.getByRole("link").first().click();
  await page.waitForURL((url) => /^\/assignments\/\d+$/.test(url.pathname));
  await page.getByTestId("report-panel").waitFor();
}

describe("progress reports", () => {
  it("takes a report from the township through a return and a resubmission to acceptance and 办结", async () => {
    const coordinator = await openBrowser(product);
    const office = coordinator.page;
    await login(office, "coordinator");
    const planId = await publishTownshipTask(office.request, { title: PLAN_TITLE, text: TASK_TEXT, due: "2026-12-31" });

    // The township finds the task under 我的任务, with its light, and opens it to report.
    const township = await openBrowser(product);
    const unit = township.page;
    await login(unit, "township");
    // The bell tells of the new task; 消息设置 keeps returned reports to the app (no email, no group robot).
    await unit.getByTestId("notification-bell").click();
    await unit.getByTestId("notification-list").getByText(`新任务交办：《${PLAN_TITLE}》第一项任务`).waitFor();
    await unit.getByTestId("user-menu").click();
    await unit.getByRole("menuitem", { name: /消息设置/ }).click();
    await unit.waitForURL((url) => url.pathname === "/account/notifications");
    await unit.locator(".ant-table-row").filter({ hasText: "报告被退回" }).getByText("仅站内消息").click();
    await toast(unit, "已保存：报告被退回 · 仅站内消息");
    await unit.getByRole("menuitem", { name: "我的任务" }).click();
    await unit.getByLabel("方案", { exact: true }).click();
    await openOption(unit, PLAN_TITLE).click();
    const row = unit.locator(".ant-table-row").filter({ hasText: PLAN_TITLE });
    await expect.poll(() => unit.locator(".ant-table-row").count()).toBe(1);
    expect(await row.textContent()).toContain("待签收");
    await row.locator("[data-signal]").waitFor();
    await row.getByRole("link", { name: "报送" }).click();
    await unit.waitForURL((url) => /^\/assignments\/\d+$/.test(url.pathname));
    const assignmentPath = new URL(unit.url()).pathname;
    await unit.getByText("完成时限 进展报告").waitFor();

    // A file that is not what its name says is refused with the server's reason; the real PDF is taken.
    const form = unit.getByTestId("report-form");
    const dropArea = form.locator(".ant-upload-drag .ant-upload-btn");
    await dropFile(unit, dropArea, Buffer.from("这不是PDF"), "假材料.pdf", "application/pdf");
    await form.getByTestId("upload-error").getByText("不是允许上传的材料类型").waitFor();
    await dropFile(unit, dropArea, PDF, EVIDENCE, "application/pdf");
    const files = form.getByTestId("evidence-files");
    await files.getByText(EVIDENCE).waitFor();
    expect(await files.getByRole("link", { name: withIcon("预览") }).getAttribute("href")).toMatch(
      /^\/api\/files\/[A-Za-z0-9_-]{22}\?inline=true$/,
    );

    // Typing is saved as a draft a moment after it stops.
    const firstText = "已梳理行政执法事项清单38项，已在街道政务公开栏公布。";
    await form.getByLabel("工作进展", { exact: true }).fill(firstText);
    await form.getByLabel("完成进度", { exact: true }).fill("80");
    await form
      .getByTestId("autosave-status")
      .getByText(/^已自动保存 \d\d:\d\d:\d\d$/)
      .waitFor();

    await form.getByRole("button", { name: withIcon("报送") }).click();
    await toast(unit, "已报送“完成时限”进展，等待司法局审核");
    await unit.getByText("已报送，等待司法局审核").waitFor();
    expect(await unit.getByTestId("report-view").textContent()).toContain(firstText);

    // The coordinator finds it under 待我审核 and returns it with the reason.
    const reason = "请补充清单在区政府门户网站公开的链接。";
    await openFromTray(office, "toReview", "城关街道 · 任务 1 · 完成时限");
    await office.getByTestId("report-view").getByText(firstText).waitFor();
    await office.getByRole("button", { name: withIcon("退回") }).click();
    const returnDialog = modal(office, "退回城关街道的“完成时限”进展");
    await returnDialog.getByRole("button", { name: label("退回") }).click();
    await returnDialog.getByText("请写明退回原因，便于单位修改").waitFor();
    await returnDialog.getByLabel("退回原因", { exact: true }).fill(reason);
    await returnDialog.getByRole("button", { name: label("退回") }).click();
    await toast(office, "已退回，单位修改后将重新报送");
    await returnDialog.waitFor({ state: "detached" });

    // The township hears of it in the bell, with the reason, and sees it on its 工作台 and on the report; it edits
    // and resubmits with the same evidence.
    await unit.goto("/");
    await unit.getByTestId("notification-bell").click();
    const told = unit.getByTestId("notification-list").getByText("报告被退回：第一项任务（完成时限）");
    await unit.getByTestId("notification-list").getByText(`退回原因：${reason}`, { exact: false }).waitFor();
    await told.click();
    await unit.waitForURL((url) => url.pathname === assignmentPath);
    await unit.goto("/");
    await unit.getByTestId("tray-returned").getByText(`退回原因：${reason}`).waitFor();
    await openFromTray(unit, "returned", "任务 1 · 完成时限");
    const returned = unit.getByTestId("return-reason");
    await returned.getByText(`退回原因：${reason}`).waitFor();
    await returned.getByRole("button", { name: withIcon("修改后重新报送") }).click();
    const resubmission = unit.getByTestId("report-form");
    const text = resubmission.getByLabel("工作进展", { exact: true });
    expect(await text.inputValue()).toBe(firstText);
    await resubmission.getByTestId("evidence-files").getByText(EVIDENCE).waitFor();
    await text.fill(`${firstText}公开网址见链接。`);
    const links = resubmission.getByLabel("相关链接", { exact: true });
    await links.fill("https://www.example.gov.cn/zwgk/zfxxgkml/qd.html");
    await links.press("Enter");
    await resubmission.getByRole("button", { name: withIcon("报送") }).click();
    await toast(unit, "已报送“完成时限”进展，等待司法局审核");
    await unit.getByTestId("revision-history").getByText(`退回原因：${reason}`).waitFor();

    // The coordinator accepts the new revision: the period closes and the task is 办结.
    await openFromTray(office, "toReview", "城关街道 · 任务 1 · 完成时限");
    const view = office.getByTestId("report-view");
    await view.getByText("公开网址见链接。", { exact: false }).waitFor();
    await view.getByText(EVIDENCE).waitFor();
    await office.getByRole("button", { name: withIcon("通过") }).click();
    const acceptDialog = modal(office, "通过城关街道的“完成时限”进展");
    await acceptDialog.getByRole("button", { name: label("通过") }).click();
    await toast(office, "已通过城关街道的“完成时限”进展");
    await office.getByText("本期进展已审核通过").waitFor();
    const header = office.getByTestId("assignment-header");
    await header.getByText("已办结", { exact: true }).waitFor();
    await header.getByText("已完成", { exact: true }).waitFor();

    // The plan's progress matrix shows that cell as done; a click on it opens the task.
    await office.goto(`/plans/${planId}`);
    await office
      .getByTestId("plan-header")
      .getByRole("button", { name: withIcon("进展情况") })
      .click();
    await office.waitForURL((url) => url.pathname === `/plans/${planId}/progress`);
    const cell = office.getByTestId("progress-matrix").getByRole("link", { name: /^任务1 城关街道：/ });
    expect(await cell.getAttribute("aria-label")).toBe("任务1 城关街道：责任单位，已办结，已完成");
    expect(await cell.locator("xpath=..").getAttribute("data-signal")).toBe("done");
    await office.getByTestId("progress-legend").getByText("已完成 1").waitFor();
    await cell.click();
    await office.waitForURL((url) => url.pathname === assignmentPath);

    // The township's own view agrees, and the bell says it passed.
    await unit.goto(assignmentPath);
    await unit.getByTestId("assignment-header").getByText("已办结", { exact: true }).waitFor();
    await unit.getByTestId("notification-bell").click();
    await unit.getByTestId("notification-list").getByText("报告已通过：第一项任务（完成时限）").waitFor();

    // 进展报告 lists the period once, passed; the office finds it by a word of the report and exports what it finds
    await office.getByRole("menuitem", { name: "进展报告" }).click();
    await office.waitForURL((url) => url.pathname === "/reports");
    await office.getByLabel("搜索进展报告").fill("38项");
    const listed = office.locator(".ant-table-row");
    await expect.poll(async () => (await listed.allTextContents()).join("|")).toContain("城关街道");
    await expect.poll(() => listed.count()).toBe(1);
    expect(await listed.first().textContent()).toContain("已通过");
    const sheet = await downloadSheet(office, "导出Excel");
    expect(sheet.filename).toMatch(/^进展报告-\d{4}年\d{1,2}月\d{1,2}日\.xlsx$/);
    expect(String(sheet.sheet.getCell(2, 1).value)).toContain("关键词：38项");
    expect(sheet.sheet.getRow(4).values).toEqual(expect.arrayContaining(["城关街道", "已通过"]));
    expect([...coordinator.pageErrors, ...township.pageErrors]).toEqual([]);
  });

  it("sends the office's own unit's report to someone outside it, and lets the leader read without commenting", async () => {
    const coordinator = await openBrowser(product);
    const office = coordinator.page;
    await login(office, "coordinator");
    // 区司法局 holds a task of its own; the coordinator, one of its people, reports on it
    const units = await json<{ items: { id: number; name: string }[] }>(
      await office.request.get("/api/units", { params: { q: "区司法局" } }),
    );
    const justice = units.items.find((u) => u.name === "区司法局");
    if (!justice) throw new Error("the demo registry has no 区司法局");
    const plan = await json<{ id: number }>(
      await office.request.post("/api/plans", { data: { title: "区司法局2026年普法工作安排", year: 2026 } }),
    );
    const task = await json<{ version: number }>(
      await office.request.post(`/api/plans/${plan.id}/tasks`, {
        data: {
          number: "1",
          text: "开展“八五”普法总结验收。",
          units: [{ unitId: justice.id, role: "lead", phrase: "区司法局", dismissedReason: null }],
          deadlines: [{ text: "2026年12月31日前", kind: "date", due: "2026-12-31" }],
        },
      }),
    );
    await json(await office.request.post(`/api/plans/${plan.id}/publish`, { data: { version: task.version } }));
    const mine = await json<{ items: { id: number }[] }>(
      await office.request.get("/api/assignments", { params: { planId: plan.id, mine: "true" } }),
    );
    const assignmentId = mine.items[0].id;
    await json(
      await office.request.post(`/api/assignments/${assignmentId}/reports`, {
        multipart: { text: "已完成普法总结验收，形成验收报告。", submit: "true" },
      }),
    );

    await office.goto(`/assignments/${assignmentId}`);
    const panel = office.getByTestId("report-panel");
    await panel
      .getByTestId("review-note")
      .getByText("本单位提交的报告须由其他督导人员审核", { exact: false })
      .waitFor();
    expect(await panel.getByRole("button", { name: withIcon("通过") }).count()).toBe(0);
    expect(await panel.getByRole("button", { name: withIcon("退回") }).count()).toBe(0);
    await panel.getByLabel("留言", { exact: true }).waitFor();

    const leaders = await openBrowser(product);
    const leader = leaders.page;
    await login(leader, "leader");
    await leader.goto(`/assignments/${assignmentId}`);
    const read = leader.getByTestId("report-panel");
    await read.getByTestId("comment-thread").getByText("暂无留言").waitFor();
    expect(await read.getByLabel("留言", { exact: true }).count()).toBe(0);
    expect(await read.getByRole("button", { name: withIcon("通过") }).count()).toBe(0);
    expect([...coordinator.pageErrors, ...leaders.pageErrors]).toEqual([]);
  });

  it("shows each unit of a task who leads it, the lead unit how its cooperating unit is doing, and the office finds and exports it", async () => {
    const offices = await openBrowser(product);
    await login(offices.page, "coordinator");
    const request = offices.page.request;
    const unitId = async (name: string) =>
      (
        await json<{ items: { id: number; name: string }[] }>(await request.get("/api/units", { params: { q: name } }))
      ).items.find((u) => u.name === name)?.id;
    const [market, township] = [await unitId("区市场监管分局"), await unitId("城关街道")];
    const plan = await json<{ id: number }>(
      await request.post("/api/plans", { data: { title: "城关街道食品安全联合执法工作安排", year: 2026 } }),
    );
    const withTask = await json<{ version: number }>(
      await request.post(`/api/plans/${plan.id}/tasks`, {
        data: {
          number: "1",
          text: "开展校园周边食品安全联合执法检查。",
          units: [
            { unitId: market, role: "lead", phrase: "区市场监管分局", dismissedReason: null },
            { unitId: township, role: "cooperating", phrase: "城关街道", dismissedReason: null },
          ],
          deadlines: [{ text: "2026年12月31日前", kind: "date", due: "2026-12-31" }],
        },
      }),
    );
    await json(await request.post(`/api/plans/${plan.id}/publish`, { data: { version: withTask.version } }));
    const { items } = await json<{ items: { id: number; unitId: number }[] }>(
      await request.get("/api/assignments", { params: { planId: plan.id } }),
    );
    const of = (id: number | undefined) => items.find((a) => a.unitId === id)?.id;

    // the cooperating township sees who leads its task, not how the lead unit is doing
    const townships = await openBrowser(product);
    await login(townships.page, "township");
    await townships.page.goto(`/assignments/${of(township)}`);
    const card = townships.page.getByTestId("task-units");
    await card.getByText("区市场监管分局").waitFor();
    const rows = await card.locator(".ant-table-row").allTextContents();
    expect(rows).toEqual([expect.stringContaining("牵头单位"), expect.stringContaining("本任务")]);
    expect(rows[1]).toContain("配合单位");
    // its own row shows how it is doing; the lead unit's is not its to see
    expect(rows[1]).toContain("尚未报送");
    expect(rows[0]).not.toContain("尚未报送");
    expect(await card.getByRole("link", { name: "区市场监管分局" }).count()).toBe(0);

    // the lead unit sees it, and opens its cooperating unit's assignment from there
    const departments = await openBrowser(product);
    await login(departments.page, "department");
    await departments.page.goto(`/assignments/${of(market)}`);
    const lead = departments.page.getByTestId("task-units");
    await lead.getByText("进展", { exact: true }).waitFor();
    await lead.locator(".ant-table-row", { hasText: "城关街道" }).getByText("尚未报送").waitFor();
    await lead.getByRole("link", { name: "城关街道" }).click();
    await departments.page.waitForURL((url) => url.pathname === `/assignments/${of(township)}`);
    await departments.page.getByTestId("report-panel").waitFor();

    // the office finds the task's assignments by a word of it, and exports what it found to Excel
    const office = offices.page;
    await office.goto("/assignments");
    await office.getByLabel("搜索任务", { exact: true }).fill("食品安全联合执法");
    await expect.poll(() => office.locator(".ant-table-row").count()).toBe(2);
    const { filename, sheet } = await downloadSheet(office, "导出Excel");
    expect(filename).toMatch(/^交办情况-\d{4}年\d{1,2}月\d{1,2}日\.xlsx$/);
    expect(String(sheet.getCell(2, 1).value)).toContain("关键词：食品安全联合执法");
    expect(sheet.rowCount).toBe(5);
    expect([sheet.getCell(4, 4).value, sheet.getCell(5, 4).value].sort()).toEqual(
      ["区市场监管分局", "城关街道"].sort(),
    );
    expect([...offices.pageErrors, ...townships.pageErrors, ...departments.pageErrors]).toEqual([]);
  });
});
