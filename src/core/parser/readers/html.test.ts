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
      "1 | 第一段第二段",
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
