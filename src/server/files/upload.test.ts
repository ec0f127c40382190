import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReport, multipartForm, postReport, publishedPlan, TINY_PDF } from "../test/factories.js";
import { buildTestApp, type TestApp } from "../test/helper.js";

const MB = 1024 * 1024;
const NOW = new Date("2026-05-20T04:00:00Z");
const DATED = [{ text: "2026年6月底前", kind: "date" as const, due: "2026-06-30" }];

/** Every file under the evidence store (temporary ones included) with its size: what a refused upload must not change. */
function storeContents(t: TestApp): Record<string, number> {
  const root = path.join(t.config.dataDir, "files");
  const contents: Record<string, number> = {};
  if (!existsSync(root)) return contents;
  const names = readdirSync(root, { recursive: true }) as string[];
  for (const name of names) {
    const info = statSync(path.join(root, name));
    if (info.isFile()) contents[name] = info.size;
  }
  return contents;
}

/** A PDF of `size` bytes: a PDF's head, then filler. */
const pdfOf = (size: number) => Buffer.concat([TINY_PDF, Buffer.alloc(size - TINY_PDF.length, 0x20)]);

async function townshipAssignment(t: TestApp, coordinator: string) {
  const me = (await t.request({ method: "GET", url: "/api/auth/me", cookie: await t.login("township") })).json();
  return (await publishedPlan(t, coordinator, [me.unit.id], { deadlines: DATED })).assignments[0];
}

describe("refused uploads", () => {
  let t: TestApp;
  let coordinator: string;
  let township: string;
  let workId: number;

  beforeAll(async () => {
    t = await buildTestApp(
      { FAZHI_MAX_UPLOAD_MB: "2", FAZHI_MAX_UPLOAD_FILES: "3", FAZHI_MAX_REQUEST_MB: "5" },
      { clock: () => NOW },
    );
    coordinator = await t.login("coordinator");
    township = await t.login("township");
    workId = (await townshipAssignment(t, coordinator)).id;
    // a stored file, named by a report: its bytes come again in the refused requests below
    await createReport(t, township, (await townshipAssignment(t, coordinator)).id);
  });
  afterAll(() => t.close());

  it("leaves the evidence store as it was after every kind of refusal, a stored file of the same bytes included", async () => {
    const before = storeContents(t);
    expect(Object.keys(before)).toHaveLength(1);
    const fresh = { filename: "新台账.pdf", content: pdfOf(MB) };
    const same = { filename: "台账.pdf", content: TINY_PDF };

    const refusals = [
      // refused inside the transaction, which rolls back: after both files were read
      [await postReport(t, township, workId, { text: "x", fileIds: "[999999]" }, [same, fresh]), 400, "unknown_file"],
      [
        await postReport(t, township, workId, { text: "x" }, [fresh, { filename: "a.pdf", content: "MZ\x90\0" }]),
        400,
        "file_type_not_allowed",
      ],
      [await postReport(t, township, workId, { text: "x" }, [same, fresh, fresh, fresh]), 400, "too_many_files"],
      [
        await postReport(t, township, workId, { text: "x" }, [same, { ...fresh, content: pdfOf(3 * MB) }]),
        413,
        "file_too_large",
      ],
      [
        await postReport(t, township, workId, { text: "x" }, [same, { filename: "空.pdf", content: "" }]),
        400,
        "file_empty",
      ],
      [await postReport(t, township, workId, { completion: "150" }, [same, fresh]), 400, "validation_failed"],
      // the leader may read every assignment and write on none
      [await postReport(t, await t.login("leader"), workId, { text: "x" }, [same, fresh]), 403, "forbidden"],
    ] as const;
    for (const [response, status, code] of refusals) {
      expect([response.statusCode, response.json().error.code]).toEqual([status, code]);
      expect(storeContents(t)).toEqual(before);
    }
    expect(refusals[2][0].json().error.message).toBe("一次最多上传 3 个文件，请分几次上传");
  });

  it("refuses a request whose files together pass the cap, said or only counted, and keeps none of them", async () => {
    const before = storeContents(t);
    const files = [1, 2, 3].map((i) => ({ filename: `第${i}册.pdf`, content: pdfOf(1.9 * MB) }));
    const declared = await postReport(t, township, workId, { text: "x" }, files);
    expect(declared.statusCode).toBe(413);
    expect(declared.json().error).toEqual({
      code: "upload_too_large",
      message: "一次提交的材料合计不能超过 5 MB，请分几次上传",
    });
    // without a length the bytes are counted as they arrive
    const form = multipartForm({ text: "x" }, files);
    const chunked = await t.request({
      method: "POST",
      url: `/api/assignments/${workId}/reports`,
      cookie: township,
      headers: form.headers,
      payload: Readable.from([form.payload.subarray(0, 3 * MB), form.payload.subarray(3 * MB)]),
    });
    expect([chunked.statusCode, chunked.json().error.code]).toEqual([413, "upload_too_large"]);
    expect(storeContents(t)).toEqual(before);
  });

  it("keeps nothing of a request the client gives up halfway through", async () => {
    const before = storeContents(t);
    const form = multipartForm({ text: "x" }, [{ filename: "半截.pdf", content: pdfOf(1.5 * MB) }]);
    const payload = new Readable({ read() {} });
    payload.push(form.payload.subarray(0, MB));
    setTimeout(() => payload.destroy(new Error("the client went away")), 50);
    const aborted = await t
      .request({
        method: "POST",
        url: `/api/assignments/${workId}/reports`,
        cookie: township,
        headers: form.headers,
        payload,
      })
      .catch((error: Error) => error);
    expect(aborted instanceof Error ? aborted.message : aborted.statusCode).toBeTruthy();
    // the server finishes its side when the stream fails: give it the moment
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(storeContents(t)).toEqual(before);
  });

  it("adds files to a draft only, and keeps nothing of a refused addition", async () => {
    const submitted = await createReport(t, township, (await townshipAssignment(t, coordinator)).id);
    const before = storeContents(t);
    const add = (reportId: number, cookie: string) => {
      const form = multipartForm({}, [{ filename: "补充.pdf", content: pdfOf(MB) }]);
      return t.request({ method: "POST", url: `/api/reports/${reportId}/files`, cookie, ...form });
    };
    const refused = await add(submitted.id, township);
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, "not_draft"]);
    expect((await add(submitted.id, await t.login("leader"))).statusCode).toBe(403);
    expect(storeContents(t)).toEqual(before);
  });

  it("stores a file name without its zero-width and bidi-override characters", async () => {
    const response = await postReport(t, township, (await townshipAssignment(t, coordinator)).id, { text: "x" }, [
      { filename: "报告\u202Egpj.pdf", content: TINY_PDF },
      { filename: "台\u200B账\u2067.pdf", content: TINY_PDF },
    ]);
    expect(response.statusCode).toBe(201);
    expect(response.json().files.map((f: { filename: string }) => f.filename)).toEqual(["报告gpj.pdf", "台账.pdf"]);
  });

  it("stores an accepted upload once, under its sha256, with no temporary file left", async () => {
    const before = storeContents(t);
    const content = pdfOf(MB);
    const response = await postReport(t, township, workId, { text: "附件两份相同" }, [
      { filename: "一.pdf", content },
      { filename: "二.pdf", content },
    ]);
    expect(response.statusCode).toBe(201);
    const added = Object.entries(storeContents(t)).filter(([name]) => !(name in before));
    expect(added).toEqual([
      [path.join(response.json().files[0].sha256.slice(0, 2), response.json().files[0].sha256), MB],
    ]);
  });
});

/**
 * A multipart body of `count` PDFs of `size` bytes each, made as it is read (the test holds no file either), after a
 * `fileIds` naming no file: refused only once every file was read. `pulled` counts the bytes handed over so far.
 */
function generatedForm(count: number, size: number) {
  const boundary = "----fazhiGenerated";
  const filler = Buffer.alloc(MB, 0x20);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="text"\r\n\r\n大批材料\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="fileIds"\r\n\r\n[999999]\r\n`,
  );
  const fileHead = (i: number) =>
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="扫描件${i}.pdf"\r\n` +
        "Content-Type: application/pdf\r\n\r\n",
    );
  const tail = Buffer.from(`--${boundary}--\r\n`);
  let length = head.length + tail.length;
  for (let i = 0; i < count; i++) length += fileHead(i).length + size + 2;
  const state = { pulled: 0 };
  async function* chunks() {
    const give = (chunk: Buffer) => {
      state.pulled += chunk.length;
      return chunk;
    };
    yield give(head);
    for (let i = 0; i < count; i++) {
      yield give(fileHead(i));
      yield give(TINY_PDF);
      for (let left = size - TINY_PDF.length; left > 0; left -= MB) yield give(filler.subarray(0, Math.min(MB, left)));
      yield give(Buffer.from("\r\n"));
    }
    yield give(tail);
  }
  return {
    state,
    length,
    body: () => Readable.from(chunks()),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

const sendForm = (
  t: TestApp,
  cookie: string,
  assignmentId: number,
  form: ReturnType<typeof generatedForm>,
  headers: Record<string, string> = {},
) =>
  t.request({
    method: "POST",
    url: `/api/assignments/${assignmentId}/reports`,
    cookie,
    headers: { ...form.headers, ...headers },
    payload: form.body(),
  });

/** Sends the request while sampling the process's memory and asking /api/health every 100 ms. */
async function whileSending(t: TestApp, send: () => Promise<{ statusCode: number; body: string }>) {
  globalThis.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  let slowestHealth = 0;
  let done = false;
  const sampler = (async () => {
    while (!done) {
      peak = Math.max(peak, process.memoryUsage().rss);
      const started = performance.now();
      const health = await t.request({ method: "GET", url: "/api/health" });
      expect(health.statusCode).toBe(200);
      slowestHealth = Math.max(slowestHealth, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  const started = performance.now();
  const response = await send().finally(() => {
    done = true;
  });
  await sampler;
  return { response, grewMB: (peak - rssBefore) / MB, slowestHealth, seconds: (performance.now() - started) / 1000 };
}

describe("a flood of 20 × 45 MB in one request", () => {
  let t: TestApp;
  let township: string;
  let workId: number;

  beforeAll(async () => {
    t = await buildTestApp({}, { clock: () => NOW });
    township = await t.login("township");
    workId = (await townshipAssignment(t, await t.login("coordinator"))).id;
  });
  afterAll(() => t.close());

  const send =
    (form: ReturnType<typeof generatedForm>, headers: Record<string, string> = {}) =>
    () =>
      sendForm(t, township, workId, form, headers);

  it("is refused by its declared length before it is read", async () => {
    const before = storeContents(t);
    const form = generatedForm(20, 45 * MB);
    const run = await whileSending(t, send(form, { "content-length": String(form.length) }));
    expect([run.response.statusCode, JSON.parse(run.response.body).error.code]).toEqual([413, "upload_too_large"]);
    expect(form.state.pulled).toBeLessThan(2 * MB);
    expect(storeContents(t)).toEqual(before);
  });

  it("is streamed to disk up to the request cap when no length is said, with memory and /api/health unmoved", async () => {
    const before = storeContents(t);
    const form = generatedForm(20, 45 * MB);
    const run = await whileSending(t, send(form));
    expect([run.response.statusCode, JSON.parse(run.response.body).error.code]).toEqual([413, "upload_too_large"]);
    // the cap (200 MB) stopped it: not all 900 MB were read
    expect(form.state.pulled).toBeLessThan(210 * MB);
    expect(run.grewMB).toBeLessThan(100);
    expect(run.slowestHealth).toBeLessThan(1000);
    expect(storeContents(t)).toEqual(before);
  }, 60_000);
});

describe("20 × 45 MB under caps that let it through", () => {
  let t: TestApp;
  let township: string;
  let workId: number;

  beforeAll(async () => {
    t = await buildTestApp({ FAZHI_MAX_REQUEST_MB: "1000" }, { clock: () => NOW });
    township = await t.login("township");
    workId = (await townshipAssignment(t, await t.login("coordinator"))).id;
  });
  afterAll(() => t.close());

  it("is read whole, refused for its unknown fileIds, and leaves no byte behind", async () => {
    const before = storeContents(t);
    const form = generatedForm(20, 45 * MB);
    const run = await whileSending(t, () => sendForm(t, township, workId, form));
    expect([run.response.statusCode, JSON.parse(run.response.body).error.code]).toEqual([400, "unknown_file"]);
    expect(form.state.pulled).toBeGreaterThan(900 * MB);
    expect(run.grewMB).toBeLessThan(100);
    expect(storeContents(t)).toEqual(before);
  }, 120_000);
});
