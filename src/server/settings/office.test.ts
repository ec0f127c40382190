import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATES } from "../../core/documents/templates.js";
import type { Bulletin, OfficeSettings, SupervisionOrderList } from "../../shared/api.js";
import { auditCount, publishedPlan, runJobsAt } from "../test/factories.js";
import { buildTestApp, type TestApp } from "../test/helper.js";

const CONFIGURED = "测试区法治政府建设领导小组办公室";
const OWN_NAME = "示例市示例区全面依法治区委员会办公室";

let t: TestApp;
let admin: string;
let coordinator: string;
let township: string;
let townshipId: number;

beforeAll(async () => {
  t = await buildTestApp({ FAZHI_OFFICE_NAME: CONFIGURED }, { clock: () => new Date("2026-07-10T09:00:00+08:00") });
  admin = await t.login("admin");
  coordinator = await t.login("coordinator");
  township = await t.login("township");
  townshipId = (await t.request({ method: "GET", url: "/api/auth/me", cookie: township })).json().unit.id;
});
afterAll(() => t.close());

const read = async (cookie = coordinator) => {
  const response = await t.request({ method: "GET", url: "/api/settings/office", cookie });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<OfficeSettings>();
};

const change = (payload: Record<string, unknown>, cookie = coordinator) =>
  t.request({ method: "PATCH", url: "/api/settings/office", cookie, payload });

const docxText = async (url: string, cookie = coordinator) => {
  const response = await t.request({ method: "GET", url, cookie });
  expect(response.statusCode, response.body).toBe(200);
  return (await mammoth.extractRawText({ buffer: response.rawPayload })).value;
};

describe("办公室与文书", () => {
  it("starts from the configured name and the platform's words, and is changed with the version read", async () => {
    const first = await read();
    expect(first).toMatchObject({
      officeName: CONFIGURED,
      contactName: null,
      contactPhone: null,
      templates: DEFAULT_TEMPLATES,
      customized: [],
      updatedAt: null,
      updatedBy: null,
    });

    const orderTitle = "关于{单位}{督办等级}的通知";
    const response = await change({
      version: first.version,
      officeName: `  ${OWN_NAME} `,
      contactName: "张明",
      contactPhone: "0951-5012345",
      templates: { orderTitle, bulletinPraise: "各单位工作推进有力，望保持。" },
    });
    expect(response.statusCode, response.body).toBe(200);
    const saved = response.json<OfficeSettings>();
    expect(saved).toMatchObject({
      officeName: OWN_NAME,
      contactName: "张明",
      contactPhone: "0951-5012345",
      customized: ["orderTitle", "bulletinPraise"],
      version: first.version + 1,
      updatedBy: expect.any(String),
    });
    expect(saved.templates).toEqual({
      ...DEFAULT_TEMPLATES,
      orderTitle,
      bulletinPraise: "各单位工作推进有力，望保持。",
    });
    expect(await auditCount(t, "office_settings", 1, "office_settings.update")).toBe(1);

    // the version read before is stale now: nothing is overwritten
    const stale = await change({ version: first.version, officeName: "另一个办公室" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("version_conflict");
    expect((await read()).officeName).toBe(OWN_NAME);

    // what is left out stays; null puts the platform's words back
    const reset = await change({ version: saved.version, templates: { bulletinPraise: null } });
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json<OfficeSettings>()).toMatchObject({
      officeName: OWN_NAME,
      contactName: "张明",
      customized: ["orderTitle"],
      templates: { orderTitle, bulletinPraise: DEFAULT_TEMPLATES.bulletinPraise },
    });
    expect(await auditCount(t, "office_settings", 1, "office_settings.update")).toBe(2);
  });

  it("refuses a template naming a fact it cannot fill, a bad phone number and control characters, changing nothing", async () => {
    const before = await read();
    const cases: [Record<string, unknown>, string | RegExp][] = [
      [
        { templates: { orderTitle: "关于{单位}的{文号}通知" } },
        /「督办单标题」中的\{文号\}不是可用的字段；可用的字段：\{单位\}、\{督办等级\}/,
      ],
      [{ templates: { bulletinCall: "{办公室}要求" } }, /该模板没有可用的字段/],
      [{ templates: { orderBody: "   " } }, /「督办单正文」不能为空/],
      [{ contactPhone: "请打电话" }, /联系电话格式不正确/],
      [{ officeName: "办公室\u0000" }, /办公室名称/],
      [{ templates: { orderTitle: "x".repeat(2001) } }, /「督办单标题」不能超过 2000 个字符/],
    ];
    for (const [payload, message] of cases) {
      const response = await change({ version: before.version, ...payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error.code).toBe("validation_failed");
      expect(response.body).toMatch(message);
    }
    expect(await read()).toEqual(before);
  });

  it("is the office's alone: units and the leader may neither read nor change it", async () => {
    for (const user of ["township", "leader"]) {
      const cookie = await t.login(user);
      expect((await t.request({ method: "GET", url: "/api/settings/office", cookie })).statusCode).toBe(403);
      expect((await change({ version: 1, officeName: "某单位" }, cookie)).statusCode).toBe(403);
    }
    expect((await read(admin)).officeName).toBe(OWN_NAME);
  });

  it("drafts the papers in the office's words, under its own name, with its contact line", async () => {
    const settings = await read();
    const orderBody = "{单位}：你单位《{方案}》中下列事项已逾期，现予以{督办等级}，请于{整改时限}前整改。{后续措施}";
    const rectify = "请被通报单位于10个工作日内向{办公室}报送整改情况。";
    const saved = await change({ version: settings.version, templates: { orderBody, bulletinRectify: rectify } });
    expect(saved.statusCode, saved.body).toBe(200);

    const { plan } = await publishedPlan(t, coordinator, [townshipId], {
      tasks: [{ title: "严格依法执法", deadlines: [{ text: "2026年7月7日前", kind: "date", due: "2026-07-07" }] }],
    });
    await runJobsAt(t, admin, "2026-07-10T09:00:00");
    const list = await t.request({
      method: "GET",
      url: `/api/supervision-orders?planId=${plan.id}`,
      cookie: coordinator,
    });
    const [order] = list.json<SupervisionOrderList>().items;
    const unitName = order.unit.name;
    expect(order.title).toBe(`关于${unitName}黄牌督办的通知`);
    expect(order.body).toBe(
      `${unitName}：你单位《${plan.title}》中下列事项已逾期，现予以黄牌督办，请于2026年7月15日前整改。` +
        "逾期仍未完成的，将升级为红牌督办，并在全区范围内通报。",
    );
    const orderText = await docxText(`/api/supervision-orders/${order.id}.docx`);
    expect(orderText).toContain(OWN_NAME);
    expect(orderText).not.toContain(CONFIGURED);
    expect(orderText).toContain("（联系人：张明；联系电话：0951-5012345）");

    const generated = await t.request({
      method: "POST",
      url: "/api/bulletins",
      cookie: coordinator,
      payload: { planId: plan.id, periodStart: "2026-07-01", periodEnd: "2026-07-10" },
    });
    expect(generated.statusCode, generated.body).toBe(201);
    const bulletin = generated.json<Bulletin>();
    expect(bulletin.issuer).toBe(OWN_NAME);
    expect(bulletin.contact).toBe("（联系人：张明；联系电话：0951-5012345）");
    expect(bulletin.closing).toBe(
      `请被通报单位于10个工作日内向${OWN_NAME}报送整改情况。\n${DEFAULT_TEMPLATES.bulletinCall}`,
    );
    const bulletinText = await docxText(`/api/bulletins/${bulletin.id}.docx`);
    expect(bulletinText).toContain(OWN_NAME);
    expect(bulletinText).toContain("（联系人：张明；联系电话：0951-5012345）");

    // with no contact set, the papers print no contact line
    const cleared = await change({
      version: saved.json<OfficeSettings>().version,
      contactName: "",
      contactPhone: null,
    });
    expect(cleared.json<OfficeSettings>()).toMatchObject({ contactName: null, contactPhone: null });
    expect(await docxText(`/api/supervision-orders/${order.id}.docx`)).not.toContain("联系人");
    const again = (
      await t.request({ method: "GET", url: `/api/bulletins/${bulletin.id}`, cookie: coordinator })
    ).json();
    expect(again.contact).toBeNull();
  });
});
