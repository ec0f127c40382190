import { type SeedLine, seedLines } from "./seed-structure.js";

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The seed's paragraphs; the title (the first line naming the plan) is centred like a heading. */
function articleBody(lines: SeedLine[], title: string): string {
  return lines
    .map((line) =>
      line.raw === title ? `<h1 class="title">${escapeHtml(line.raw)}</h1>` : `<p>${escapeHtml(line.raw)}</p>`,
    )
    .join("\n");
}

const PRINT_STYLE = `
  body { font-family: "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 1.75; }
  h1.title { font-size: 20pt; text-align: center; font-weight: normal; margin: 0.5em 0 1em; }
  p { text-indent: 2em; text-align: justify; margin: 0; }
`;

/** A clean rendering of the seed for printing to PDF. */
export function printableHtml(seed: string, title: string): string {
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>${PRINT_STYLE}</style></head><body>
${articleBody(seedLines(seed), title)}
</body></html>`;
}

const NAVIGATION = ["首页", "政务公开", "政务服务", "互动交流", "走进城北", "专题专栏"];

/**
 * The seed as a page saved from a district government site: navigation menu, breadcrumb, document information
 * table, the article in div#zoom, related links, a sidebar and the footer, with entities and &nbsp; indents.
 */
export function governmentPage(seed: string, title: string, site: string): string {
  const menu = NAVIGATION.map((name, index) => `<li><a href="/col${index}/">${name}</a></li>`).join("");
  const related = [
    "关于印发2024年法治政府建设工作要点的通知",
    "2024年法治政府建设年度报告",
    "关于开展行政执法监督检查的通知",
  ]
    .map((name, index) => `<li><a href="/art/${index}.html">${name}</a><span>2024-0${index + 3}-12</span></li>`)
    .join("");
  const body = seedLines(seed)
    .map((line) =>
      line.raw === title
        ? `<p style="text-align:center"><strong>${escapeHtml(line.raw)}</strong></p>`
        : `<p style="text-indent:2em">&nbsp;&nbsp;${escapeHtml(line.raw).replace(/“/g, "&ldquo;").replace(/”/g, "&rdquo;")}</p>`,
    )
    .join("\n");
  return `<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>${escapeHtml(title)}_政策文件_${site}</title>
<script type="text/javascript">var _hmt = _hmt || []; document.write("<div>统计代码</div>");</script>
<style>.nav li { float: left; }</style>
</head>
<body>
<div class="header"><div class="logo"><img src="/images/logo.png" alt="${site}"></div>
<div class="search"><form action="/search"><input name="q"><button>搜索</button></form></div></div>
<div class="nav"><ul>${menu}</ul></div>
<div class="main">
<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zcwj/">政策文件</a></div>
<div class="left-side"><h3>政策文件</h3><ul><li><a href="/zcwj/gfxwj/">规范性文件</a></li><li><a href="/zcwj/qtwj/">其他文件</a></li><li><a href="/zcwj/zcjd/">政策解读</a></li></ul></div>
<div class="article">
<table class="xxgk-info"><tr><td>索引号：</td><td>11630105MB1234567X/2025-00123</td><td>发布机构：</td><td>${site}办公室</td></tr></table>
<div class="article-title"><h1>${escapeHtml(title)}</h1><div class="info">发布时间：2025-06-05 来源：${site}办公室 【字体：<a href="javascript:;">大</a> <a href="javascript:;">中</a> <a href="javascript:;">小</a>】</div></div>
<div id="zoom" class="TRS_Editor">
${body}
</div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>
<div class="related"><h4>相关链接</h4><ul>${related}</ul></div>
</div>
</div>
<div class="footer"><p>主办：${site}办公室 &nbsp; 网站标识码：6301050001</p><p>青ICP备12345678号 &copy; 版权所有</p></div>
</body>
</html>
`;
}
