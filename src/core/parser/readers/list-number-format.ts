/** Renders one list counter the way Word displays it for a w:numFmt value. */

const CN_DIGITS = "〇一二三四五六七八九";
const CN_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖";
const CN_UNITS = ["", "十", "百", "千"];
const CN_LEGAL_UNITS = ["", "拾", "佰", "仟"];
const HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸";
const EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥";

/** 1 → 一, 10 → 十, 15 → 十五, 20 → 二十, 105 → 一百零五, 1010 → 一千零一十; counts below 10,000 as Word does. */
function chineseCounting(value: number, digits = CN_DIGITS, units = CN_UNITS, shortTen = true, zero = "零"): string {
  if (value === 0) return zero;
  if (value >= 10_000) return String(value);
  const places = String(value).split("").map(Number);
  let text = "";
  let pendingZero = false;
  places.forEach((digit, index) => {
    const unit = units[places.length - 1 - index];
    if (digit === 0) {
      pendingZero = text !== "";
      return;
    }
    // Counting writes the gap as 零 (一百零五); 〇 is only a digit of ideographDigital.
    if (pendingZero) text += zero;
    pendingZero = false;
    text += digits[digit] + unit;
  });
  // Counting says 十五, not 一十五, when ten leads the number.
  if (shortTen && value >= 10 && value < 20) text = text.slice(1);
  return text;
}

function ideographDigital(value: number): string {
  return String(value)
    .split("")
    .map((digit) => CN_DIGITS[Number(digit)])
    .join("");
}

function enclosed(value: number, ranges: Array<[number, number, number]>): string {
  for (const [from, to, codePoint] of ranges) {
    if (value >= from && value <= to) return String.fromCodePoint(codePoint + value - from);
  }
  return String(value);
}

function letters(value: number, upper: boolean): string {
  const letter = String.fromCharCode((upper ? 65 : 97) + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}

function roman(value: number): string {
  if (value <= 0 || value >= 4000) return String(value);
  const table: Array<[number, string]> = [
    [1000, "M"],
    [900, "CM"],
    [500, "D"],
    [400, "CD"],
    [100, "C"],
    [90, "XC"],
    [50, "L"],
    [40, "XL"],
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let rest = value;
  let text = "";
  for (const [amount, symbol] of table) {
    while (rest >= amount) {
      text += symbol;
      rest -= amount;
    }
  }
  return text;
}

function cycle(value: number, symbols: string): string {
  return value >= 1 && value <= symbols.length ? symbols[value - 1] : String(value);
}

function fullWidth(value: number): string {
  return String(value).replace(/\d/g, (digit) => String.fromCharCode(0xff10 + Number(digit)));
}

export function formatListNumber(value: number, numFmt: string): string {
  switch (numFmt) {
    case "none":
      return "";
    case "chineseCounting":
    case "chineseCountingThousand":
    case "japaneseCounting":
    case "taiwaneseCounting":
    case "taiwaneseCountingThousand":
      return chineseCounting(value);
    case "chineseLegalSimplified":
      return chineseCounting(value, CN_LEGAL_DIGITS, CN_LEGAL_UNITS, false, "零");
    case "ideographDigital":
    case "taiwaneseDigital":
    case "japaneseDigitalTenThousand":
      return ideographDigital(value);
    case "ideographTraditional":
      return cycle(value, HEAVENLY_STEMS);
    case "ideographZodiac":
      return cycle(value, EARTHLY_BRANCHES);
    case "decimalEnclosedCircle":
    case "decimalEnclosedCircleChinese":
      return enclosed(value, [
        [1, 20, 0x2460],
        [21, 35, 0x3251],
        [36, 50, 0x32b1],
      ]);
    case "decimalEnclosedParen":
      return enclosed(value, [[1, 20, 0x2474]]);
    case "decimalEnclosedFullstop":
      return enclosed(value, [[1, 20, 0x2488]]);
    case "decimalFullWidth":
    case "decimalFullWidth2":
      return fullWidth(value);
    case "decimalZero":
      return value < 10 ? `0${value}` : String(value);
    case "upperLetter":
      return letters(value, true);
    case "lowerLetter":
      return letters(value, false);
    case "upperRoman":
      return roman(value);
    case "lowerRoman":
      return roman(value).toLowerCase();
    default:
      return String(value);
  }
}
