import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { taskTableDocx } from "../src/server/test/task-table-docx";
import {
  dropFile,
  label,
  login,
  modal,
  openBrowser,
  openOption,
  type Product,
  startProduct,
  toast,
  withIcon,
} from "./harness";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
/** A 民生实事 table: this office reads its 责任单位 column as the unit that leads the work. */
const HEADER = ["序号", "民生实事", "责任单位", "配合单位", "完成时限"];

let product: Product;

beforeAll(async () => {
  product = await startProduct();
});
afterAll(async () => {
  await product?.stop();
});

async function importFile(page: Page, bytes: Buffer, name: string, type: string): Promise<void> {
  await page.goto("/plans");
  await page.getByRole("button", { name: withIcon("导入方案") }).click();
  const dialog = modal(page, "导入方案");
  await dropFile(page, dialog.locator(".ant-upload-drag .ant-upload-btn"), bytes, name, type);
  await page.waitForURL((url) => /^\/plans\/\d+$/.test(url.pathname));
  await page.getByTestId("task-list").locator("[data-task-card]").first().waitFor();
}

const importTable = async (page: Page, title: string, rows: string[][]) =>
  importFile(page, await taskTableDocx(title, HEADER, rows), `${title}.docx`, DOCX);

/** The task card's text with the units of a role right after the role's name. */
const cardText = async (card: Locator) => ((await card.textContent()) ?? "").replace(/\s+/g, "");

describe("column mapping on the review screen", () => {
  it("re-reads a 民生实事 table when a column's role is fixed, and reads the next file of that layout right at once", async () => {
    const { page, pageErrors } = await openBrowser(product);
    await login(page, "coordinator");

    await importTable(page, "城北区2026年民生实事项目任务分解表", [
      ["1", "新建城区公共停车位八百个，缓解老旧小区停车难", "区住建局", "区交通运输局", "2026年10月底前"],
      ["2", "为六十五岁以上老年人免费开展一次健康体检", "区卫健局", "区财政局", "2026年12月底前"],
      ["3", "新建改建城区幼儿园三所，新增学位六百个", "区教育局", "区民政局", "2026年9月底前"],
    ]);
    const cards = page.getByTestId("task-list").locator("[data-task-card]");
    expect(await cards.count()).toBe(3);
    // read as the header says: 民生实事 is the task, 责任单位 the responsible unit, no lead
    expect(await cardText(cards.first())).toContain("新建城区公共停车位八百个");
    expect(await cardText(cards.first())).toContain("责任单位区住建局");
    expect(await cardText(cards.first())).toContain("牵头单位—");

    // the office treats 责任单位 as the lead: one role changed, the tasks are read again at once
    const panel = page.getByTestId("reading-panel");
    await panel.getByText("识别设置", { exact: true }).click();
    const role = panel.getByLabel("“责任单位”列的含义", { exact: true });
    await role.click();
    await openOption(page, "牵头单位").click();
    await toast(page, "已按新的列设置重新识别：共 3 项任务");
    await expect.poll(() => cardText(cards.first())).toContain("牵头单位区住建局");
    expect(await cardText(cards.nth(1))).toContain("牵头单位区卫健局");
    expect(await cardText(cards.nth(2))).toContain("牵头单位区教育局");
    expect(await cardText(cards.first())).not.toContain("责任单位区住建局");
    await panel.getByText("已按设置的列含义识别").waitFor();

    // 交办
    const header = page.getByTestId("plan-header");
    await header.getByRole("button", { name: withIcon("交办") }).click();
    await modal(page, "交办“")
      .getByRole("button", { name: label("确认交办") })
      .click();
    await page.getByText(/^已交办，共生成 \d+ 条任务交办$/).waitFor();
    await header.getByText("已交办", { exact: true }).waitFor();

    // the next file with the same header: the lead comes from 责任单位 straight away
    await importTable(page, "城北区2027年民生实事项目任务分解表", [
      ["1", "改造老旧供水管网十五公里，保障居民用水安全", "区住建局", "区财政局", "2027年10月底前"],
      ["2", "新增社区老年助餐点十个，方便老年人就餐", "区民政局", "区卫健局", "2027年11月底前"],
    ]);
    expect(await cards.count()).toBe(2);
    expect(await cardText(cards.first())).toContain("牵头单位区住建局");
    expect(await cardText(cards.nth(1))).toContain("牵头单位区民政局");
    expect(pageErrors).toEqual([]);
  });

  it("points to the doubtful tasks first, and re-reads a paragraph document at the level chosen", async () => {
    const { page, pageErrors } = await openBrowser(product);
    await login(page, "coordinator");
    const outline = [
      "城北区2026年依法行政工作要点",
      "一、深化法治政府建设",
      "（一）健全依法决策机制",
      "1. 严格落实重大行政决策程序规定。（牵头单位：区司法局；完成时限：2026年6月底前）",
      "2. 推行行政规范性文件合法性审核。",
      "（二）规范行政执法",
      "3. 全面推行行政执法三项制度。（牵头单位：区司法局；完成时限：2026年12月底前）",
      "4. 开展行政执法案卷评查。（牵头单位：区司法局；完成时限：2026年11月底前）",
    ].join("\n");
    await importFile(page, Buffer.from(outline), "依法行政工作要点.txt", "text/plain");
    const cards = page.getByTestId("task-list").locator("[data-task-card]");
    expect(await cards.count()).toBe(4);

    // task 2 names no unit: it is marked, counted, and listed first when asked
    await page.getByTestId("doubtful-issue").getByText("有 1 项任务识别把握不大").waitFor();
    await page.getByRole("button", { name: label("先看存疑的") }).click();
    await page.getByText("其余任务", { exact: true }).waitFor();
    const first = cards.first();
    expect(await cardText(first)).toContain("推行行政规范性文件合法性审核");
    await first.getByTestId("doubt-tag").hover();
    await page.locator(".ant-tooltip:visible").getByText(/单位/).first().waitFor();

    // the tasks are the （一） items
    const panel = page.getByTestId("reading-panel");
    await panel.getByText("识别设置", { exact: true }).click();
    await panel.getByLabel("任务是哪一级：", { exact: true }).click();
    await openOption(page, "（一） 条目（2 项）").click();
    await toast(page, "已按新的任务层级重新识别：共 2 项任务");
    await expect.poll(() => cards.count()).toBe(2);
    expect(await cardText(cards.first())).toContain("健全依法决策机制");
    expect(pageErrors).toEqual([]);
  });

  it("says why a file gave no tasks and imports it at the level the user chooses", async () => {
    const { page, pageErrors } = await openBrowser(product);
    await login(page, "coordinator");
    await page.goto("/plans");
    await page.getByRole("button", { name: withIcon("导入方案") }).click();
    const dialog = modal(page, "导入方案");
    const items = [
      "城北区2026年重点工作安排",
      "一、完善重大行政决策程序，全年重大决策全部经过合法性审查。",
      "二、推进行政执法规范化建设，年底前完成执法人员轮训。",
      "三、健全行政复议工作机制，提升办案质量。",
    ].join("\n");
    await dropFile(
      page,
      dialog.locator(".ant-upload-drag .ant-upload-btn"),
      Buffer.from(items),
      "安排.txt",
      "text/plain",
    );
    await dialog.getByTestId("import-error").getByText("没有找到编号的任务").waitFor();
    const choices = dialog.getByTestId("import-choices");
    await choices.getByLabel("任务是哪一级：", { exact: true }).click();
    await openOption(page, "一、 条目（3 项）").click();
    await choices.getByRole("button", { name: label("按此设置导入") }).click();
    await page.waitForURL((url) => /^\/plans\/\d+$/.test(url.pathname));
    const cards = page.getByTestId("task-list").locator("[data-task-card]");
    await expect.poll(() => cards.count()).toBe(3);
    expect(await cardText(cards.first())).toContain("完善重大行政决策程序");
    expect(pageErrors).toEqual([]);
  });

  it("maps a phrase naming a kind of unit to the group it suggests, after showing its members", async () => {
    const office = await openBrowser(product);
    const { page } = office;
    await login(page, "coordinator");
    const phrase = "区政府各行政执法部门";
    const plan = await (
      await page.request.post("/api/plans", { data: { title: "行政执法规范化建设实施方案", year: 2026 } })
    ).json();
    const task = await page.request.post(`/api/plans/${plan.id}/tasks`, {
      data: {
        afterTaskId: null,
        number: "1",
        text: "全面落实行政执法三项制度。",
        units: [{ unitId: null, role: "responsible", phrase, dismissedReason: null }],
        deadlines: [{ text: "长期坚持", kind: "ongoing" }],
      },
    });
    expect(task.status()).toBe(201);
    const units = (await (await page.request.get("/api/units")).json()).items as { type: string; active: boolean }[];
    const members = units.filter((u) => u.active && u.type === "enforcement_department").length;

    await page.goto(`/plans/${plan.id}`);
    await page.getByRole("button", { name: label("去处理") }).click();
    const card = page.getByTestId("unresolved-panel").locator(`[data-phrase="${phrase}"]`);
    // the group the words mean, not the one unit they resemble
    await card.getByText("可能是分组：").waitFor();
    expect(await card.getByText("可能是：", { exact: true }).count()).toBe(0);
    await card.getByRole("button", { name: `各行政执法部门（${members} 家）` }).click();
    const dialog = modal(page, `将“${phrase}”对应到分组“各行政执法部门”`);
    await expect.poll(() => dialog.getByTestId("group-members").locator(".ant-tag").count()).toBe(members);
    await dialog.getByRole("button", { name: label(`对应到这 ${members} 家单位`) }).click();
    await toast(page, `已将“${phrase}”对应到分组“各行政执法部门”的 ${members} 家单位，并保存为别名`);
    await page.getByText("方案中的单位表述都已对应到单位").waitFor();
    const groups = (await (await page.request.get("/api/unit-groups")).json()).items as {
      name: string;
      aliases: string[];
    }[];
    expect(groups.find((g) => g.name === "各行政执法部门")?.aliases).toContain(phrase);
    expect(office.pageErrors).toEqual([]);
  });
});
