import { parseChineseNumber } from "../numerals.js";
import { simplifyForDetection } from "./normalise.js";
import type { Target } from "./types.js";

const OP_WORDS =
  "不低于|不少于|不超过|不高于|不多于|至少|最多|低于|高于|超过|均达到|均达|达到|达|保持在|保持|控制在|提高到|提升到|提升至|提高至|为";
const NUMBER = "([\\dlI][\\d.lI]{0,8}|[一二三四五六七八九十百两]{1,4})";
const UNITS = "个工作日|学时|课时|小时|分钟|次|期|个|日|天|场|件|人次|人|名|项|家|篇|批|轮";

/** 公开率达到100%, 办结率90%以上, 不少于本单位执法人员总数的5% */
const PERCENT_RE = new RegExp(
  `(?:(${OP_WORDS})\\s{0,3}([^，。；;,、\\d]{0,24}?的)?)?\\s{0,3}${NUMBER}\\s{0,3}[%％]\\s{0,3}(以上|以下|以内|左右)?`,
  "g",
);
/** 不少于60学时, 每年至少1次, 不少于2期 */
const COUNT_RE = new RegExp(
  `(不少于|不低于|至少|不超过|最多|不多于)(?:[^\\d，。；;,、]{0,4}?)\\s{0,3}${NUMBER}\\s{0,3}(${UNITS})(以上)?`,
  "g",
);
const PERIOD_RE = /(每人每年|每年度|每年|每半年|每季度|每月|每周)/;
const LEADING_FILLER =
  /^([、和及并且要应使均都]|确保|力争|实现|做到|推动|进一步|全面|逐步|其中|同时|到?\d{4}\s*年(底前|底|前)?)+/;
/** Words between a metric and its figure that are not part of the metric: 征求意见期限一般不少于30日. */
const TRAILING_FILLER = /(一般|均|都|应当|应|须|必须|要)+$/;
/** How far back a metric may reach; a longer stretch starts at a list boundary, never inside a word. */
const METRIC_REACH = 48;

const VERB_TAIL = /(开展|组织|举办|召开|接受|进行|安排|参加|完成)+$/;
/** A figure after a bare verb measures what follows it: 完成90%以上指标任务. */
const ONLY_VERBS = /^(开展|组织|举办|召开|接受|进行|安排|参加|完成|做到)+$/;

function readValue(text: string): number | null {
  // scanned documents write l or I for 1 (l00%)
  const ascii = text.replace(/[lI]/g, "1");
  if (/^\d+(\.\d+)?$/.test(ascii)) return Number(ascii);
  return parseChineseNumber(text);
}

function opFor(word: string | undefined, suffix: string | undefined): Target["op"] {
  if (suffix === "以下" || suffix === "以内") return "<=";
  if (suffix === "以上") return ">=";
  if (!word) return "=";
  if (/^(不超过|不高于|不多于|最多|低于|控制在)$/.test(word)) return "<=";
  if (/保持|^为$/.test(word)) return "=";
  return ">=";
}

/**
 * The metric written before a figure: the words since the segment's start or the previous target
 * (报备率达到100%、审查率达到100%), looking back a bounded distance so long segments stay linear.
 */
function metricBefore(segment: string, at: number, from: number): string {
  const reach = Math.max(from, at - METRIC_REACH);
  let head = segment.slice(reach, at);
  // cut short inside a word (…程序、救济渠道): start at the next list boundary instead
  if (reach > from) head = head.slice(head.indexOf("、") + 1);
  return head.replace(PERIOD_RE, "").trim().replace(LEADING_FILLER, "").replace(TRAILING_FILLER, "").trim();
}

/** The thing counted or measured, written after the figure: 至少开展1次执法监督检查, 90%以上的市县达到…. */
function metricAfter(segment: string, end: number): string {
  const after = segment
    .slice(end, end + METRIC_REACH)
    .trim()
    .replace(/^的/, "");
  const phrase = after.split(/并|达到|成为|实现/)[0] || after;
  if (phrase.length <= 24) return phrase.replace(/的$/, "").trim();
  // cut short inside a word: end at the last list boundary instead
  const cut = phrase.slice(0, 24);
  return (cut.includes("、") ? cut.slice(0, cut.lastIndexOf("、")) : cut).trim();
}

/** Finds quantitative targets in a text: metric, op, value, unit and period where stated. */
export function findTargets(written: string): Target[] {
  const targets: Target[] = [];
  // traditional 不少於60學時 reads like 不少于60学时
  const text = simplifyForDetection(written);
  for (const segment of text.split(/[，。；;,\n]/)) {
    if (!/[\d%％一二三四五六七八九十两]/.test(segment)) continue;
    const period = PERIOD_RE.exec(segment)?.[1];
    PERCENT_RE.lastIndex = 0;
    let previousEnd = 0;
    for (let m = PERCENT_RE.exec(segment); m; m = PERCENT_RE.exec(segment)) {
      const from = previousEnd;
      previousEnd = m.index + m[0].length;
      const value = readValue(m[3]);
      if (value === null || value > 1000) continue;
      const basis = m[2] ? m[2].replace(/的$/, "") : "";
      const before = metricBefore(segment, m.index, from).replace(ONLY_VERBS, "");
      const metric = before || metricAfter(segment, m.index + m[0].length);
      targets.push({
        text: before ? `${metric}${m[0].trim()}` : m[0].trim(),
        metric: basis ? `${metric}(${basis})` : metric,
        op: opFor(m[1], m[4]),
        value,
        unit: "%",
        ...(period ? { period } : {}),
      });
    }
    COUNT_RE.lastIndex = 0;
    previousEnd = 0;
    for (let m = COUNT_RE.exec(segment); m; m = COUNT_RE.exec(segment)) {
      const from = previousEnd;
      previousEnd = m.index + m[0].length;
      const value = readValue(m[2]);
      if (value === null) continue;
      // what is counted follows the figure when anything does (至少开展1次执法监督检查); else it came first
      // (专题法治讲座不少于2期), and who does it (区政府每年至少公布一次…) is not the metric
      const after = metricAfter(segment, m.index + m[0].length);
      const before = metricBefore(segment, m.index, from).replace(VERB_TAIL, "");
      targets.push({
        text: m[0].trim(),
        metric: after.length >= 2 ? after : before || after,
        op: opFor(m[1], m[4]),
        value,
        unit: m[3],
        ...(period ? { period } : {}),
      });
    }
  }
  return targets;
}
