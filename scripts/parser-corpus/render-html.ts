/**
 * HTML of the corpus: a clean page for Chromium to print, and a page as saved from a government site (navigation,
 * the 索引号/发布机构 information table, share links, footer) with the document in its article.
 */
import { type Block, documentBlocks, type TableBlock } from "./model.js";
import type { CorpusSpec } from "./spec.js";

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Each cell's grid column, and for a merge's first cell how many rows it covers. */
export function rowSpans(table: TableBlock): Array<Array<{ column: number; rows: number }>> {
  const placed = table.rows.map((row) => {
    let column = 0;
    return row.cells.map((cell) => {
      const at = column;
      column += cell.span ?? 1;
      return { column: at, rows: 1 };
    });
  });
  table.rows.forEach((row, r) => {
    row.cells.forEach((cell, c) => {
      if (cell.merge !== "restart") return;
      const column = placed[r][c].column;
      let below = r + 1;
      for (; below < table.rows.length; below++) {
        const index = placed[below].findIndex((p) => p.column === column);
        if (index < 0 || table.rows[below].cells[index].merge !== "continue") break;
      }
      placed[r][c].rows = below - r;
    });
  });
  return placed;
}

/** A cell's or paragraph's text as HTML: a line break in a cell is <br>, or a paragraph each in Word's markup. */
function textHtml(text: string, word: boolean): string {
  if (!word) return text.split("\n").map(escapeHtml).join("<br>");
  return text
    .split("\n")
    .map(
      (line) =>
        `<p class=MsoNormal align=center style='text-align:center'><span style='font-size:10.5pt;font-family:宋体'>${escapeHtml(line)}<span lang=EN-US><o:p></o:p></span></span></p>`,
    )
    .join("");
}

function tableHtml(table: TableBlock, word = false): string {
  const spans = rowSpans(table);
  const rowHtml = (r: number) => {
    const row = table.rows[r];
    const tag = row.header || row.repeat ? "th" : "td";
    const cells = row.cells
      .map((cell, c) => {
        if (cell.merge === "continue") return "";
        const attrs = [
          cell.span && cell.span > 1 ? ` colspan="${cell.span}"` : "",
          spans[r][c].rows > 1 ? ` rowspan="${spans[r][c].rows}"` : "",
        ].join("");
        if (word)
          return `<td width=80 valign=middle style='border:solid windowtext 1.0pt;padding:0cm 5.4pt'${attrs}>${textHtml(cell.text, true)}</td>`;
        return `<${tag}${attrs}>${textHtml(cell.text, false)}</${tag}>`;
      })
      .join("");
    return `<tr>${cells}</tr>`;
  };
  const head = table.rows.flatMap((row, r) => (row.header ? [rowHtml(r)] : []));
  const body = table.rows.flatMap((row, r) => (row.header ? [] : [rowHtml(r)]));
  if (word)
    return `<table class=MsoNormalTable border=0 cellspacing=0 cellpadding=0 style='border-collapse:collapse'>\n${[...head, ...body].join("\n")}\n</table>`;
  return `<table class="tasks">\n<thead>${head.join("\n")}</thead>\n<tbody>\n${body.join("\n")}\n</tbody>\n</table>`;
}

/** A block in Word's "save as web page" markup. */
function wordBlockHtml(block: Block): string {
  const para = (text: string, style: string) =>
    `<p class=MsoNormal style='${style}'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>${escapeHtml(text)}<span lang=EN-US><o:p></o:p></span></span></p>`;
  switch (block.type) {
    case "title":
      return para(block.text, "text-align:center");
    case "para":
      return para(block.text, "text-indent:32.0pt");
    case "heading":
    case "item":
      return para(block.number + block.text, "text-indent:32.0pt");
    case "table":
      return tableHtml(block, true);
  }
}

function blockHtml(block: Block): string {
  switch (block.type) {
    case "title":
      return `<h1 class="title">${escapeHtml(block.text)}</h1>`;
    case "para":
      return `<p>${escapeHtml(block.text)}</p>`;
    case "heading":
      return `<p class="heading">${escapeHtml(block.number + block.text)}</p>`;
    case "item":
      return `<p>${escapeHtml(block.number + block.text)}</p>`;
    case "table":
      return tableHtml(block);
  }
}

const PRINT_STYLE = `
  body { font-family: "Noto Serif CJK SC", serif; font-size: 14pt; line-height: 1.6; }
  h1.title { font-size: 18pt; text-align: center; font-weight: normal; margin: 0.5em 0 1em; }
  p { text-indent: 2em; text-align: justify; margin: 0; }
  p.heading { font-family: "Noto Sans CJK SC", sans-serif; }
  table.tasks { border-collapse: collapse; width: 100%; font-size: 10.5pt; line-height: 1.4; margin: 0.5em 0; }
  table.tasks th, table.tasks td { border: 0.75pt solid #000; padding: 3pt 4pt; vertical-align: middle; }
  table.tasks tr { page-break-inside: avoid; }
`;

/** A clean rendering for printing to PDF; thead repeats at every page break as Chromium prints it. */
export function printHtml(spec: CorpusSpec): string {
  const body = documentBlocks(spec).map(blockHtml).join("\n");
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(spec.title)}</title>
<style>${PRINT_STYLE}</style></head><body>
${body}
</body></html>`;
}

export const NAVIGATION = ["首页", "政务公开", "政务服务", "互动交流", "走进本区", "专题专栏"];

/** The office that runs the site: the issuer's 办公室, unless the issuer is one. */
function officeOf(site: string): string {
  return site.endsWith("办公室") ? site : `${site}办公室`;
}

/** The lines a site wraps an article in, as they come along when a page is copied as text. */
export function siteLines(spec: CorpusSpec): { before: string[]; after: string[] } {
  const site = spec.issuer;
  const office = officeOf(site);
  return {
    before: [
      `${site}门户网站`,
      NAVIGATION.join(" | "),
      "当前位置：首页 > 政务公开 > 政策文件",
      `索引号： | 11500118MB0000000X/2026-00${spec.name.length}17 | 信息分类： | 综合政务 |`,
      `发布机构： | ${office} | 发文日期： | 2026-03-12 |`,
      `标 题： | ${spec.title} |`,
      "【字体：大 中 小】 【打印】 【关闭】",
    ],
    after: [
      "扫一扫在手机打开当前页",
      "分享到：微信 微博 QQ空间",
      "相关链接：关于开展2025年度法治政府建设督察的通知 | 2025年法治政府建设年度报告",
      "网站地图 | 联系我们 | 使用帮助",
      `主办：${office} 网站标识码：5001180001`,
      "热门推荐：彩票平台官方入口 注册即送88元彩金 老虎机在线玩",
      "渝ICP备00000000号-1 版权所有",
    ],
  };
}

/** The spec as a page saved from the issuer's site. */
export function savedPage(spec: CorpusSpec): string {
  const site = spec.issuer;
  const office = officeOf(site);
  const menu = NAVIGATION.map((name, i) => `<li><a href="/col${i}/">${name}</a></li>`).join("");
  const blocks = documentBlocks(spec);
  const body = spec.wordHtml
    ? blocks.map(wordBlockHtml).join("\n")
    : blocks
        .map((block) =>
          block.type === "table"
            ? blockHtml(block).replace(
                '<table class="tasks">',
                '<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse">',
              )
            : blockHtml(block).replace("<p>", '<p style="text-indent:2em">&nbsp;&nbsp;'),
        )
        .join("\n");
  if (spec.tableLayoutPage) return legacyPage(spec, body);
  return `<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>${escapeHtml(spec.title)}_政策文件_${site}</title>
<script type="text/javascript">var _hmt = _hmt || []; document.write("<div>访问统计</div>");</script>
<style>.nav li { float: left; }</style>
</head>
<body>
<div class="header"><div class="logo"><img src="/images/logo.png" alt="${site}"></div>
<div class="search"><form action="/search"><input name="q"><button>搜索</button></form></div></div>
<div class="nav"><ul>${menu}</ul></div>
<div class="main">
<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zcwj/">政策文件</a></div>
<div class="article">
<table class="xxgk-info">
<tr><td>索引号：</td><td>11500118MB0000000X/2026-00117</td><td>信息分类：</td><td>综合政务</td></tr>
<tr><td>发布机构：</td><td>${office}</td><td>发文日期：</td><td>2026-03-12</td></tr>
<tr><td>标题：</td><td colspan="3">${escapeHtml(spec.title)}</td></tr>
</table>
<div class="article-title"><h1>${escapeHtml(spec.title)}</h1><div class="info">发布时间：2026-03-12 来源：${office} 【字体：<a href="javascript:;">大</a> <a href="javascript:;">中</a> <a href="javascript:;">小</a>】</div></div>
<div id="zoom" class="TRS_Editor">
${body}
</div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
<div class="related"><h4>相关链接</h4><ul><li><a href="/art/1.html">关于开展2025年度法治政府建设督察的通知</a><span>2025-11-02</span></li></ul></div>
</div>
</div>
<div class="footer"><p>主办：${office} &nbsp; 网站标识码：5001180001</p><p><a href="http://spam.example/">热门推荐：彩票平台官方入口 注册即送88元彩金</a></p><p>渝ICP备00000000号-1 &copy; 版权所有</p></div>
</body>
</html>
`;
}

/** An old site's page: navigation, information and article laid out in nested tables, a font tag or two. */
function legacyPage(spec: CorpusSpec, body: string): string {
  const site = spec.issuer;
  const office = officeOf(site);
  const menu = NAVIGATION.map((name, i) => `<td align="center"><a href="/col${i}/">${name}</a></td>`).join("");
  return `<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>${escapeHtml(spec.title)}</title>
</head>
<body topmargin="0" leftmargin="0">
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td height="120"><img src="/images/banner.jpg" width="1000" height="120"></td></tr>
<tr><td><table width="100%" border="0" cellspacing="0" cellpadding="0"><tr>${menu}</tr></table></td></tr>
<tr><td>
<table width="100%" border="0" cellspacing="0" cellpadding="0">
<tr>
<td width="200" valign="top"><table width="100%"><tr><td>栏目导航</td></tr><tr><td><a href="/zcwj/">政策文件</a></td></tr><tr><td><a href="/tzgg/">通知公告</a></td></tr></table></td>
<td valign="top">
<table width="100%" border="0" cellspacing="0" cellpadding="0">
<tr><td>您现在的位置：<a href="/">首页</a> &gt;&gt; <a href="/zcwj/">政策文件</a></td></tr>
<tr><td align="center"><font size="5"><b>${escapeHtml(spec.title)}</b></font></td></tr>
<tr><td align="center">发布时间：2026-03-12 &nbsp; 来源：${office} &nbsp; 点击数：1024</td></tr>
<tr><td>
${body}
</td></tr>
<tr><td align="right">【<a href="javascript:window.print()">打印本页</a>】 【<a href="javascript:window.close()">关闭窗口</a>】</td></tr>
</table>
</td>
</tr>
</table>
</td></tr>
<tr><td align="center">版权所有：${office} &nbsp; 技术支持：某某网络公司 &nbsp; 备案号：渝ICP备00000000号</td></tr>
</table>
</body>
</html>
`;
}
