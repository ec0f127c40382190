/** Every spec of the parser corpus, by family. */
import type { CorpusSpec } from "../spec.js";
import { DOMAINS, SHEETS, WEB_COPIES } from "./domains.js";
import { FRESH, FRESH_LATE } from "./fresh.js";
import { GROUPS } from "./groups.js";
import { HEADERS } from "./headers.js";
import { LONG } from "./long.js";
import { MEASURES } from "./measures.js";
import { MERGED } from "./merged.js";
import { MIXED } from "./mixed.js";
import { MORE, NUMBER_ROWS } from "./more.js";
import { PARAGRAPHS } from "./paragraphs.js";
import { UNNUMBERED, UNNUMBERED_MORE } from "./unnumbered.js";

export const SPECS: CorpusSpec[] = [
  ...GROUPS,
  ...HEADERS,
  ...MEASURES,
  ...MERGED,
  ...PARAGRAPHS,
  ...UNNUMBERED,
  ...MIXED,
  ...LONG,
  ...MORE,
  ...UNNUMBERED_MORE,
  ...NUMBER_ROWS,
  ...DOMAINS,
  ...WEB_COPIES,
  ...SHEETS,
  ...FRESH,
  ...FRESH_LATE,
];
