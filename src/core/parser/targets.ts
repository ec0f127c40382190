import { parseChineseNumber } from "../numerals.js";
import { simplifyForDetection } from "./normalise.js";
import type { Target } from "./types.js";

const OP_WORDS =
  "不低于|不少于|不超过|不高于|不多于|至少|最多|低于|高于|超过|均达到|均达|达到|达|保持在|保持|控制在|提高到|提升到|提升至|提高至|为";
const NUMBER = "([\\dlI][\\d.lI]{0,8}|[一二三四五六七八九十百两]{1,4})";
const UNITS = "个工作日|学时|课时|小时|分钟|次|期|个|日|天|场|件|人次|人|名|项|家|篇|批|轮";

/** 公开率达到100%, 办结率90%以上, 不少于本单位执法人员总数的5% */
const PERCENT_RE = new RegExp(
  `(?:(${OP_WORDS})\\s{0,3}([^，。；;,、\\d]{0,24}?的)?)?\\s{0,3}${NUMBER}\\s{0,3}[%％](以上|以下|以内|左右)?`,
  "g",
);
/** 不少于60学时, 每年至少1次, 不少于2期 */
const COUNT_RE = new RegExp(
  `(不少于|不低于|至少|不超过|最多|不多于)(?:[^\\d，。；;,、]{0,4}?)\\s{0,3}${NUMBER}\\s{0,3}(${UNITS})(以上)?`,
  "g",
);
const PERIOD_RE = /(每人每年|每年度|每年|每半年|每季度|每月|每周)/;
const LEADING_FILLER = /^(并|且|要|应|确保|力争|实现|做到|使|推动|进一步|全面|逐步|其中|同时|均|都|和|及)+/;

const VERB_TAIL = /(开展|组织|举办|召开|接受|进行|安排|参加|完成)+$/;

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

function metricBefore(segment: string, at: number): string {
  // a metric is a short noun phrase: look back a bounded distance, so long segments stay linear
  const head = segment
    .slice(Math.max(0, at - 40), at)
    .replace(PERIOD_RE, "")
    .trim();
  return head.replace(LEADING_FILLER, "").slice(-24).trim();
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
    for (let m = PERCENT_RE.exec(segment); m; m = PERCENT_RE.exec(segment)) {
      const value = readValue(m[3]);
      if (value === null || value > 1000) continue;
      const basis = m[2] ? m[2].replace(/的$/, "") : "";
      const metric =
        metricBefore(segment, m.index) || segment.slice(m.index + m[0].length, m.index + m[0].length + 16).trim();
      targets.push({
        text: metricBefore(segment, m.index) ? `${metric}${m[0].trim()}` : m[0].trim(),
        metric: basis ? `${metric}(${basis})` : metric,
        op: opFor(m[1], m[4]),
        value,
        unit: "%",
        ...(period ? { period } : {}),
      });
    }
    COUNT_RE.lastIndex = 0;
    for (let m = COUNT_RE.exec(segment); m; m = COUNT_RE.exec(segment)) {
      const value = readValue(m[2]);
      if (value === null) continue;
      const before = metricBefore(segment, m.index).replace(VERB_TAIL, "");
      const after = segment
        .slice(m.index + m[0].length)
        .replace(/^[的]/, "")
        .trim()
        .slice(0, 20);
      targets.push({
        text: m[0].trim(),
        metric: before.length > 2 ? before : after || before,
        op: opFor(m[1], m[4]),
        value,
        unit: m[3],
        ...(period ? { period } : {}),
      });
    }
  }
  return targets;
}
