import { describe, expect, it } from "vitest";
import { readDocument } from "./index.js";
import { fixture, seedParagraphs } from "./test-helpers.js";

describe("html reader", () => {
  it("takes the article of a saved government page and nothing of its chrome", async () => {
    const read = await readDocument(fixture("seed004-page.html"), "seed004-page.html");
    for (const chrome of [
      "首页",
      "当前位置",
      "网站标识码",
      "相关链接",
      "分享到",
      "统计代码",
      "索引号",
      "政策解读",
      "版权所有",
    ]) {
      expect(read.text).not.toContain(chrome);
    }
    expect(read.text.split("\n")).toEqual(seedParagraphs("seed004.txt"));
  });

  it("keeps paragraphs and <br> lines, renders tables as rows and decodes entities", async () => {
    const html = `<html><body><div id="content">
      <p>一、总体要求&nbsp;&amp;&#x539F;&#21017;</p>
      <p>1.加强领导。<br>责任单位：区司法局</p>
      <table><tr><th>序号</th><th>任务</th></tr><tr><td>1</td><td><p>第一段</p><p>第二段</p></td></tr></table>
      <div>2.规范
      执法。</div>
    </div></body></html>`;
    const read = await readDocument(new TextEncoder().encode(html), "page.htm");
    expect(read.text.split("\n")).toEqual([
      "一、总体要求 &原则",
      "1.加强领导。",
      "责任单位：区司法局",
      "序号 | 任务",
      "1 | 第一段 第二段",
      "2.规范执法。",
    ]);
  });

  it("reads a GBK page", async () => {
    const { default: iconv } = await import("iconv-lite");
    const html = '<html><head><meta charset="gb2312"></head><body><p>牵头单位：区司法局</p></body></html>';
    const read = await readDocument(new Uint8Array(iconv.encode(html, "gbk")), "page.html");
    expect(read.text).toBe("牵头单位：区司法局");
  });
});

describe("html reader on older page layouts", () => {
  it("reads an article laid out in tables and puts the title shown above it first", async () => {
    const html = `<html><body>
      <table class="top"><tr><td><a href="/">首页</a></td><td><a href="/a">机构</a></td><td><a href="/b">政务公开</a></td></tr></table>
      <table width="1000"><tr>
        <td width="200"><ul><li><a href="/x">通知公告</a></li><li><a href="/y">工作动态</a></li><li><a href="/z">政策法规</a></li></ul></td>
        <td>
          <div class="news-title">关于印发法治政府建设工作要点的通知</div>
          <div class="news-body">
            <p>一、加强党的领导，完善法治政府建设推进机制，全面落实法治建设第一责任人职责。</p>
            <p>1.加强党对法治政府建设的领导。(责任单位:区司法局)</p>
            <table><tr><td>序号</td><td>任务</td><td>牵头单位</td></tr><tr><td>1</td><td>规范执法</td><td>区司法局</td></tr></table>
          </div>
        </td>
      </tr></table>
      <div class="footer">版权所有</div></body></html>`;
    const read = await readDocument(new TextEncoder().encode(html), "old.html");
    expect(read.text.split("\n")).toEqual([
      "关于印发法治政府建设工作要点的通知",
      "一、加强党的领导，完善法治政府建设推进机制，全面落实法治建设第一责任人职责。",
      "1.加强党对法治政府建设的领导。(责任单位:区司法局)",
      "序号 | 任务 | 牵头单位",
      "1 | 规范执法 | 区司法局",
    ]);
  });

  it("keeps a page whose content is one task table as rows", async () => {
    const rows = Array.from(
      { length: 5 },
      (_, i) => `<tr><td>${i + 1}</td><td>第${i + 1}项任务的具体内容和要求</td><td>区司法局</td></tr>`,
    );
    const html = `<html><body><table><tr><th>序号</th><th>工作任务</th><th>牵头单位</th></tr>${rows.join("")}</table></body></html>`;
    const read = await readDocument(new TextEncoder().encode(html), "table.html");
    expect(read.text.split("\n")).toHaveLength(6);
    expect(read.text.split("\n")[1]).toBe("1 | 第1项任务的具体内容和要求 | 区司法局");
  });
});

describe("html tables with merged cells", () => {
  it("repeats a rowspan cell on the row under it, even when that row has one cell of its own", async () => {
    const html =
      "<html><body><table><tr><td>序号</td><td>工作任务</td><td>牵头单位</td><td>完成时限</td></tr>" +
      "<tr><td rowspan=2>1</td><td>完善制度。</td><td rowspan=2>区司法局</td><td rowspan=2>2025年底前</td></tr>" +
      "<tr><td>建立协调机制。</td></tr></table></body></html>";
    const read = await readDocument(new TextEncoder().encode(html), "a.html");
    expect(read.text.split("\n")).toContain("1 | 建立协调机制。 | 区司法局 | 2025年底前");
  });
});
