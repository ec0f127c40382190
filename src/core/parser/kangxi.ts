/**
 * Kangxi radicals (U+2F00–U+2FD5), CJK radical supplement forms (U+2E80–U+2EF3) and CJK compatibility
 * ideographs (U+F900–U+FAFF) mapped back to the ordinary ideographs. PDFs printed by Chromium extract
 * ⽬ for 目 and ⻚ for 页. NFKC of the whole text would also fold full-width punctuation, which the
 * documents (and the reference annotations) keep as written, so NFKC is applied per character only in
 * these ranges, and the supplement forms that have no NFKC mapping are listed by hand.
 */
const SUPPLEMENT: Record<string, string> = {
  "⺁": "厂",
  "⺄": "乙",
  "⺅": "亻",
  "⺆": "冂",
  "⺇": "几",
  "⺉": "刂",
  "⺊": "卜",
  "⺌": "小",
  "⺍": "小",
  "⺎": "兀",
  "⺐": "尢",
  "⺒": "巳",
  "⺓": "幺",
  "⺔": "彐",
  "⺖": "忄",
  "⺗": "心",
  "⺘": "扌",
  "⺙": "攵",
  "⺛": "旡",
  "⺜": "日",
  "⺝": "月",
  "⺞": "歹",
  "⺟": "母",
  "⺠": "民",
  "⺡": "氵",
  "⺢": "氵",
  "⺣": "灬",
  "⺤": "爫",
  "⺥": "爫",
  "⺦": "丬",
  "⺧": "牛",
  "⺨": "犭",
  "⺩": "王",
  "⺪": "疋",
  "⺫": "罒",
  "⺬": "示",
  "⺭": "礻",
  "⺮": "竹",
  "⺯": "糸",
  "⺰": "纟",
  "⺱": "网",
  "⺲": "罒",
  "⺳": "网",
  "⺶": "羊",
  "⺷": "羊",
  "⺹": "耂",
  "⺺": "肀",
  "⺻": "聿",
  "⺼": "月",
  "⺽": "臼",
  "⺾": "艹",
  "⺿": "艹",
  "⻀": "艹",
  "⻁": "虎",
  "⻂": "衤",
  "⻃": "襾",
  "⻄": "西",
  "⻅": "见",
  "⻆": "角",
  "⻇": "角",
  "⻈": "讠",
  "⻉": "贝",
  "⻊": "足",
  "⻋": "车",
  "⻌": "辶",
  "⻍": "辶",
  "⻎": "辶",
  "⻏": "阝",
  "⻐": "钅",
  "⻑": "長",
  "⻒": "长",
  "⻓": "长",
  "⻔": "门",
  "⻕": "門",
  "⻖": "阝",
  "⻗": "雨",
  "⻘": "青",
  "⻙": "韦",
  "⻚": "页",
  "⻛": "风",
  "⻜": "飞",
  "⻝": "食",
  "⻞": "食",
  "⻟": "食",
  "⻠": "饣",
  "⻡": "食",
  "⻢": "马",
  "⻣": "骨",
  "⻤": "鬼",
  "⻥": "鱼",
  "⻦": "鸟",
  "⻧": "卤",
  "⻨": "麦",
  "⻩": "黄",
  "⻪": "黾",
  "⻫": "斉",
  "⻬": "齐",
  "⻭": "歯",
  "⻮": "齿",
  "⻯": "竜",
  "⻰": "龙",
  "⻱": "龜",
  "⻲": "亀",
  "⻳": "龟",
};

function buildTable(): Map<string, string> {
  const table = new Map<string, string>(Object.entries(SUPPLEMENT));
  const addRange = (from: number, to: number) => {
    for (let code = from; code <= to; code++) {
      const ch = String.fromCharCode(code);
      const mapped = ch.normalize("NFKC");
      if (mapped !== ch && mapped.length === 1) table.set(ch, mapped);
    }
  };
  addRange(0x2f00, 0x2fd5);
  addRange(0xf900, 0xfaff);
  return table;
}

/** Radical and compatibility forms → ordinary ideographs; every entry maps one UTF-16 unit to one. */
export const RADICAL_MAP: ReadonlyMap<string, string> = buildTable();
