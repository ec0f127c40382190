/**
 * CJK radicals back to the ideographs they stand for. PDFs printed by Chromium (Type 3 fonts) and some PDF
 * producers extract 目 as ⽬ (Kangxi Radicals, U+2F00–U+2FD5) or 页 as ⻚ (CJK Radicals Supplement, U+2E80–U+2EF3).
 * The tables follow Unicode's EquivalentUnifiedIdeograph.txt (⺇ → 𠘨, ⺗ → 㣺, ⺫ → 罒: the equivalent, not the
 * look-alike radical). NFKC is not used on the text because it also folds full-width punctuation (（一） → (一))
 * that the parser and the reviewer rely on; NFKC covers only the Kangxi block anyway, the supplement has no
 * decompositions. Used by the document readers and by the text parser's normalisation alike.
 */

/** U+2E80 onwards, one character per code point; "・" marks the code points without an equivalent. */
const RADICALS_SUPPLEMENT = [
  "・厂乛乚乙亻冂𠘨刀刂卜㔾小小兀尣",
  "尢𡯂巳幺彑彐忄㣺扌攵・旡日月歺母",
  "民氵氺灬爫爫丬牛犭王𤴔罒示礻𥫗糹",
  "纟罓罒㓁㓁𦉫羊𦍌𦍋耂肀聿肉𦥑艹艹",
  "艹虎衤覀西见角𧢲讠贝𧾷车辶辶辶邑",
  "钅長镸长门𨸏阝雨青韦页风飞食𩙿飠",
  "饣𩠐马骨鬼鱼鸟卤麦黄黾斉齐歯齿竜",
  "龙龜亀龟",
].join("");

/** U+2F00 to U+2FD5, one character per code point. */
const KANGXI_RADICALS = [
  "一丨丶丿乙亅二亠人儿入八冂冖冫几",
  "凵刀力勹匕匚匸十卜卩厂厶又口囗土",
  "士夂夊夕大女子宀寸小尢尸屮山巛工",
  "己巾干幺广廴廾弋弓彐彡彳心戈戶手",
  "支攴文斗斤方无日曰月木欠止歹殳毋",
  "比毛氏气水火爪父爻爿片牙牛犬玄玉",
  "瓜瓦甘生用田疋疒癶白皮皿目矛矢石",
  "示禸禾穴立竹米糸缶网羊羽老而耒耳",
  "聿肉臣自至臼舌舛舟艮色艸虍虫血行",
  "衣襾見角言谷豆豕豸貝赤走足身車辛",
  "辰辵邑酉釆里金長門阜隶隹雨靑非面",
  "革韋韭音頁風飛食首香馬骨高髟鬥鬯",
  "鬲鬼魚鳥鹵鹿麥麻黃黍黑黹黽鼎鼓鼠",
  "鼻齊齒龍龜龠",
].join("");

const NO_EQUIVALENT = "・";

function buildTable(): Map<string, string> {
  const table = new Map<string, string>();
  const add = (first: number, targets: string) => {
    Array.from(targets).forEach((target, index) => {
      if (target !== NO_EQUIVALENT) table.set(String.fromCodePoint(first + index), target);
    });
  };
  add(0x2e80, RADICALS_SUPPLEMENT);
  add(0x2f00, KANGXI_RADICALS);
  // ⼾ has no simplified radical of its own: simplified fonts draw it as 户, which is what a printed plan says
  table.set("\u2f3e", "户");
  return table;
}

export const radicalEquivalents: ReadonlyMap<string, string> = buildTable();

const RADICAL_PATTERN = /[\u2e80-\u2ef3\u2f00-\u2fd5\uf900-\ufad9]/gu;

/**
 * Maps CJK radicals and CJK compatibility ideographs (U+F900–U+FAD9, whose canonical decomposition is one unified
 * ideograph) to unified ideographs, and leaves every other character as it is.
 */
export function mapCjkRadicals(text: string): string {
  return text.replace(RADICAL_PATTERN, (char) => radicalEquivalents.get(char) ?? char.normalize("NFC"));
}
