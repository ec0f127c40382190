/**
 * The request edge, generated from the app's own OpenAPI document: a control character in any text field of any
 * route's body, query or path is refused with validation_failed, never a 500 from the database; types are not
 * coerced; numbers and dates out of range are refused; a failed statement's parameters never reach the log.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postReport, publishedPlan, STRONG_PASSWORD, unique } from "../test/factories.js";
import { buildTestApp, type TestApp } from "../test/helper.js";

interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minimum?: number;
  minItems?: number;
  anyOf?: Schema[];
}
interface Parameter {
  in: "query" | "path" | "header";
  name: string;
  required?: boolean;
  schema: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

const NUL = "\u0000";
const TEXT_SAMPLES = ["测试内容", "abcd1234", "https://example.com/a"];

const typeOf = (schema: Schema): string | undefined =>
  Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : (schema.type ?? schema.anyOf?.[0]?.type?.[0]);

/** A value the schema accepts, as a form would fill it. */
function sample(schema: Schema): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.anyOf?.length) return sample(schema.anyOf[0]);
  switch (typeOf(schema)) {
    case "string":
      if (schema.format === "date-time") return "2026-03-01T00:00:00.000Z";
      if (schema.format === "date") return "2026-03-01";
      if (schema.format === "email") return "someone@example.com";
      return TEXT_SAMPLES.find((s) => !schema.pattern || new RegExp(schema.pattern, "u").test(s)) ?? "abcd1234";
    case "integer":
    case "number":
      return Math.max(schema.minimum ?? 1, 1);
    case "boolean":
      return false;
    case "array":
      return Array.from({ length: schema.minItems ?? 0 }, () => sample(schema.items ?? {}));
    case "object":
      return Object.fromEntries((schema.required ?? []).map((name) => [name, sample(schema.properties?.[name] ?? {})]));
    default:
      return null;
  }
}

/** The path (property names, 0 for an array's item) of every text field the schema declares, optional ones too. */
function textFields(schema: Schema, path: (string | number)[] = []): (string | number)[][] {
  const type = typeOf(schema);
  if (type === "string") return [path];
  if (type === "array" && schema.items) return textFields(schema.items, [...path, 0]);
  if (type === "object" && schema.properties) {
    return Object.entries(schema.properties).flatMap(([name, field]) => textFields(field, [...path, name]));
  }
  return [];
}

/** `base` with the field at `path` set to `value`, the objects and arrays on the way filled in from the schema. */
function withField(schema: Schema, base: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (typeof head === "number") {
    const item = schema.items ?? {};
    return [withField(item, Array.isArray(base) && base.length ? base[0] : sample(item), rest, value)];
  }
  const field = schema.properties?.[head] ?? {};
  const object = (base ?? {}) as Record<string, unknown>;
  return { ...object, [head]: withField(field, object[head] ?? sample(field), rest, value) };
}

interface Case {
  method: string;
  url: string;
  field: string;
  query?: Record<string, string>;
  payload?: unknown;
}

/** One request per route and text field, the field holding a NUL and everything else valid. */
function nulCases(document: { paths: Record<string, Record<string, Operation>> }): Case[] {
  const cases: Case[] = [];
  for (const [route, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const parameters = operation.parameters ?? [];
      const pathParams = Object.fromEntries(
        parameters.filter((p) => p.in === "path").map((p) => [p.name, String(sample(p.schema))]),
      );
      const query = Object.fromEntries(
        parameters.filter((p) => p.in === "query" && p.required).map((p) => [p.name, String(sample(p.schema))]),
      );
      const body = operation.requestBody?.content?.["application/json"]?.schema;
      const base = body ? sample(body) : undefined;
      const url = (params: Record<string, string>) =>
        `/api${route.replace(/^\/api/, "")}`.replace(/\{(\w+)\}/g, (_, name) => encodeURIComponent(params[name]));
      const m = method.toUpperCase();
      for (const p of parameters) {
        if (typeOf(p.schema) !== "string") continue;
        const bad = `${sample(p.schema)}${NUL}`;
        if (p.in === "path") {
          cases.push({ method: m, url: url({ ...pathParams, [p.name]: bad }), field: `path ${p.name}`, payload: base });
        } else if (p.in === "query") {
          cases.push({ method: m, url: url(pathParams), field: `query ${p.name}`, query: { ...query, [p.name]: bad } });
        }
      }
      if (body) {
        for (const path of textFields(body)) {
          const field = path.reduce<Schema>(
            (s, key) => (typeof key === "number" ? (s.items ?? {}) : (s.properties?.[key] ?? {})),
            body,
          );
          const payload = withField(body, base, path, `${sample(field)}${NUL}`);
          cases.push({ method: m, url: url(pathParams), field: `body ${path.join(".")}`, query, payload });
        }
      }
    }
  }
  return cases;
}

let t: TestApp;
let admin: string;
let coordinator: string;
let township: string;
const logLines: string[] = [];

beforeAll(async () => {
  t = await buildTestApp({ FAZHI_LOG_LEVEL: "error" }, { logStream: { write: (line) => logLines.push(line) } });
  admin = await t.login("admin");
  coordinator = await t.login("coordinator");
  township = await t.login("township");
});
afterAll(() => t.close());

describe("a control character in any text field", () => {
  it("is refused with validation_failed on every route, body, query and path alike, for a caller who may call it", async () => {
    const document = (await t.request({ method: "GET", url: "/api/openapi.json" })).json();
    const cases = nulCases(document);
    expect(cases.length).toBeGreaterThan(100);
    const wrong: string[] = [];
    for (const c of cases) {
      let response = await t.request({ ...c, cookie: admin } as Parameters<TestApp["request"]>[0]);
      for (const cookie of [coordinator, township]) {
        if (response.statusCode !== 403) break;
        response = await t.request({ ...c, cookie } as Parameters<TestApp["request"]>[0]);
      }
      const code = response.json<{ error?: { code: string } }>().error?.code;
      if (response.statusCode !== 400 || code !== "validation_failed") {
        wrong.push(`${c.method} ${c.url} ${c.field}: ${response.statusCode} ${response.body.slice(0, 200)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("is refused at login without a session, in the username or the password", async () => {
    for (const payload of [
      { username: `admin${NUL}`, password: "x" },
      { username: "admin", password: `x${NUL}` },
    ]) {
      const response = await t.request({ method: "POST", url: "/api/auth/login", payload });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe("validation_failed");
      expect(response.json().error.message).toContain("控制字符");
    }
  });

  it("is refused in a raw query (?q=%00, ?entityType=%00) and in a key", async () => {
    for (const url of ["/api/plans?q=%00", "/api/audit?entityType=%00", "/api/units?q=a%01b", "/api/plans?%00=1"]) {
      const response = await t.request({ method: "GET", url, cookie: admin });
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error.code).toBe("validation_failed");
    }
  });

  it("is refused deep in free JSON (a deadline's rule), and tab, line feed and carriage return pass in long text", async () => {
    const plan = await t.request({
      method: "POST",
      url: "/api/plans",
      payload: { title: unique("控制字符方案"), year: 2026 },
      cookie: coordinator,
    });
    expect(plan.statusCode).toBe(201);
    const task = {
      number: "1",
      text: "第一行\r\n第二行\n\t制表",
      deadlines: [{ text: "每月", kind: "recurring", rule: { every: { nested: [`x${NUL}`] } } }],
    };
    const url = `/api/plans/${plan.json().id}/tasks`;
    const refused = await t.request({ method: "POST", url, payload: task, cookie: coordinator });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].path).toBe("deadlines.0.rule.every.nested.0");
    const kept = await t.request({ method: "POST", url, payload: { ...task, deadlines: [] }, cookie: coordinator });
    expect(kept.statusCode).toBe(201);
    expect(kept.json().tasks.map((task: { text: string }) => task.text)).toEqual(["第一行\r\n第二行\n\t制表"]);
  });

  it("is refused in a multipart report's text fields", async () => {
    const me = (await t.request({ method: "GET", url: "/api/auth/me", cookie: township })).json();
    const { assignments } = await publishedPlan(t, coordinator, [me.unit.id]);
    for (const [name, value] of [
      ["text", `报送${NUL}内容`],
      ["period", `2026${NUL}`],
      ["links", `https://example.com/${NUL}`],
    ]) {
      const response = await postReport(t, township, assignments[0].id, { text: "已完成。", [name]: value });
      expect(response.statusCode, name).toBe(400);
      expect(response.json().error.code).toBe("validation_failed");
    }
  });
});

describe("a failed statement in the log", () => {
  it("shows the error and the SQL, never the statement's parameters (a new user's password hash)", async () => {
    await t.database.db.execute(
      sql.raw(`create or replace function edge_test_refuse() returns trigger language plpgsql as $$
        begin raise exception 'refused by the edge test'; end $$`),
    );
    await t.database.db.execute(
      sql.raw(`create trigger edge_test_refuse before insert on users for each row
        when (new.username like 'edgeboom%') execute function edge_test_refuse()`),
    );
    const username = unique("edgeboom");
    logLines.length = 0;
    const response = await t.request({
      method: "POST",
      url: "/api/users",
      payload: { username, displayName: "日志测试", roles: ["leader"], password: STRONG_PASSWORD },
      cookie: admin,
    });
    expect(response.statusCode).toBe(500);
    const log = logLines.join("");
    expect(log).toContain("request failed");
    expect(log).toContain("refused by the edge test");
    expect(log).not.toContain("$argon2");
    expect(log).not.toContain(username);
    expect(log).not.toContain("params:");
  });
});

describe("types at the edge", () => {
  it("takes a body's types as JSON sent them: no number or list for a text", async () => {
    for (const name of [123, ["测试单位"], true]) {
      const response = await t.request({
        method: "POST",
        url: "/api/units",
        payload: { name, type: "department" },
        cookie: coordinator,
      });
      expect(response.statusCode, JSON.stringify(name)).toBe(400);
      expect(response.json().error.code).toBe("validation_failed");
    }
    const text = await t.request({
      method: "POST",
      url: "/api/units",
      payload: { name: unique("类型单位"), type: "department", sortOrder: "5" },
      cookie: coordinator,
    });
    expect(text.statusCode).toBe(400);
  });

  it("reads a path's or query's number only in its decimal spelling", async () => {
    const unit = (await t.request({ method: "GET", url: "/api/units/16", cookie: coordinator })).json();
    expect(unit.id).toBe(16);
    for (const id of ["0x10", "%2016", "1e1", "016", "16.0", "+16"]) {
      const response = await t.request({ method: "GET", url: `/api/units/${id}`, cookie: coordinator });
      expect(response.statusCode, id).toBe(400);
    }
    for (const query of ["limit=0x10", "limit=1e1", "limit=%2010", "mine=1", "mine=yes"]) {
      const response = await t.request({ method: "GET", url: `/api/assignments?${query}`, cookie: coordinator });
      expect(response.statusCode, query).toBe(400);
    }
    const ok = await t.request({ method: "GET", url: "/api/assignments?limit=10&mine=false", cookie: coordinator });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().items.length).toBeLessThanOrEqual(10);
  });
});

describe("numbers and dates out of range", () => {
  it("refuses an id above what a column holds, in a form, a body and a path", async () => {
    const me = (await t.request({ method: "GET", url: "/api/auth/me", cookie: township })).json();
    const { assignments } = await publishedPlan(t, coordinator, [me.unit.id]);
    const form = await postReport(t, township, assignments[0].id, { text: "已完成。", fileIds: "2147483648" });
    expect(form.statusCode).toBe(400);
    expect(form.json().error.code).toBe("validation_failed");
    const body = await t.request({
      method: "POST",
      url: "/api/unit-groups",
      payload: { name: unique("范围分组"), memberIds: [2 ** 31] },
      cookie: coordinator,
    });
    expect(body.statusCode).toBe(400);
    const version = await t.request({
      method: "PATCH",
      url: "/api/units/16",
      payload: { version: 2 ** 53, name: "x" },
      cookie: coordinator,
    });
    expect(version.statusCode).toBe(400);
    const path = await t.request({ method: "GET", url: "/api/units/99999999999", cookie: coordinator });
    expect(path.statusCode).toBe(400);
  });

  it("refuses a job run at 9999-12-31 and an audit search from year 1", async () => {
    const run = await t.request({
      method: "POST",
      url: "/api/jobs/run",
      payload: { now: "9999-12-31T00:00:00Z" },
      cookie: admin,
    });
    expect(run.statusCode).toBe(400);
    expect(run.json().error.message).toContain("年份应在 1990 至 2100 之间");
    const audit = await t.request({ method: "GET", url: "/api/audit?from=0001-01-01T00:00:00Z", cookie: admin });
    expect(audit.statusCode).toBe(400);
    const inRange = await t.request({ method: "GET", url: "/api/audit?from=2026-01-01T00:00:00Z", cookie: admin });
    expect(inRange.statusCode).toBe(200);
  });
});

describe("a search for % or _", () => {
  it("finds the character itself, not every plan", async () => {
    const percent = unique("完成率100%方案");
    const underscore = unique("附件_方案");
    for (const title of [percent, underscore, unique("普通方案")]) {
      const created = await t.request({
        method: "POST",
        url: "/api/plans",
        payload: { title, year: 2026 },
        cookie: coordinator,
      });
      expect(created.statusCode).toBe(201);
    }
    const titles = async (q: string) =>
      (await t.request({ method: "GET", url: `/api/plans?q=${encodeURIComponent(q)}`, cookie: coordinator }))
        .json()
        .items.map((plan: { title: string }) => plan.title);
    expect(await titles("%")).toEqual([percent]);
    expect(await titles("_")).toEqual([underscore]);
    expect(await titles("\\")).toEqual([]);
    expect(await titles("100%方")).toEqual([percent]);
  });
});

describe("zero-width and bidi characters in names", () => {
  it("are stripped before a unit, a plan or a user is stored", async () => {
    const name = unique("隐形单位");
    const unit = await t.request({
      method: "POST",
      url: "/api/units",
      payload: { name: `\u200B${name}\u202E`, type: "department", aliases: [`别\u200D名${name}`] },
      cookie: coordinator,
    });
    expect(unit.statusCode).toBe(201);
    expect(unit.json()).toMatchObject({ name, aliases: [`别名${name}`] });
    const title = unique("隐形方案");
    const plan = await t.request({
      method: "POST",
      url: "/api/plans",
      payload: { title: `${title}\u2066\uFEFF`, year: 2026 },
      cookie: coordinator,
    });
    expect(plan.json().title).toBe(title);
    const user = await t.request({
      method: "POST",
      url: "/api/users",
      payload: { username: unique("hidden"), displayName: "张\u200B三", roles: ["leader"], password: STRONG_PASSWORD },
      cookie: admin,
    });
    expect(user.json().displayName).toBe("张三");
    const empty = await t.request({
      method: "POST",
      url: "/api/units",
      payload: { name: "\u200B\u200B", type: "department" },
      cookie: coordinator,
    });
    expect(empty.statusCode).toBe(400);
  });
});
