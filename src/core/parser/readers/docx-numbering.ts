import { formatListNumber } from "./list-number-format.js";
import { childElements, childVal, firstChild, type XmlElement } from "./xml.js";

/** One level of a Word list: how its counter starts, is shown and restarts. */
interface ListLevel {
  start: number;
  numFmt: string;
  lvlText: string;
  suffix: "tab" | "space" | "nothing";
  /** shown with decimal numbers in every placeholder (w:isLgl) */
  legal: boolean;
  /** the counter restarts after a paragraph of this level index or lower; -1 never */
  restartAfter: number;
}

interface ListInstance {
  abstractNumId: string;
  levels: Map<number, ListLevel>;
  startOverrides: Map<number, number>;
}

function readLevel(lvl: XmlElement): ListLevel {
  const ilvl = Number(lvl.attrs["w:ilvl"] ?? 0);
  const restart = childVal(lvl, "w:lvlRestart");
  const suffix = childVal(lvl, "w:suff");
  const legal = firstChild(lvl, "w:isLgl");
  return {
    start: Number(childVal(lvl, "w:start") ?? 1),
    numFmt: childVal(lvl, "w:numFmt") ?? "decimal",
    lvlText: childVal(lvl, "w:lvlText") ?? "",
    suffix: suffix === "space" || suffix === "nothing" ? suffix : "tab",
    legal: legal !== undefined && legal.attrs["w:val"] !== "0" && legal.attrs["w:val"] !== "false",
    // By default a level restarts after any higher level; w:lvlRestart n means "after level n" (1-based), 0 never.
    restartAfter: restart === undefined ? ilvl - 1 : Number(restart) - 1,
  };
}

/** Word's private-use bullet glyphs (Symbol/Wingdings) carry no meaning as text. */
function bulletText(lvlText: string): string {
  return /[\uf000-\uf0ff]/.test(lvlText) ? "•" : lvlText;
}

/**
 * Word's automatic list numbers, computed the way Word counts them: counters belong to the abstract list, so two
 * w:num instances of one abstract list continue each other unless one of them overrides a level's start.
 */
export class ListNumbering {
  private readonly abstractLevels = new Map<string, Map<number, ListLevel>>();
  private readonly instances = new Map<string, ListInstance>();
  private readonly counters = new Map<string, Array<number | undefined>>();
  private readonly overridesApplied = new Set<string>();

  constructor(numberingXml: XmlElement | null) {
    const root = numberingXml ? firstChild(numberingXml, "w:numbering") : undefined;
    if (!root) return;
    for (const abstract of childElements(root, "w:abstractNum")) {
      const levels = new Map<number, ListLevel>();
      for (const lvl of childElements(abstract, "w:lvl")) levels.set(Number(lvl.attrs["w:ilvl"] ?? 0), readLevel(lvl));
      this.abstractLevels.set(abstract.attrs["w:abstractNumId"] ?? "", levels);
    }
    for (const num of childElements(root, "w:num")) {
      const instance: ListInstance = {
        abstractNumId: childVal(num, "w:abstractNumId") ?? "",
        levels: new Map(),
        startOverrides: new Map(),
      };
      for (const override of childElements(num, "w:lvlOverride")) {
        const ilvl = Number(override.attrs["w:ilvl"] ?? 0);
        const start = childVal(override, "w:startOverride");
        if (start !== undefined) instance.startOverrides.set(ilvl, Number(start));
        const lvl = firstChild(override, "w:lvl");
        if (lvl) instance.levels.set(ilvl, readLevel(lvl));
      }
      this.instances.set(num.attrs["w:numId"] ?? "", instance);
    }
  }

  private level(instance: ListInstance, ilvl: number): ListLevel | undefined {
    return instance.levels.get(ilvl) ?? this.abstractLevels.get(instance.abstractNumId)?.get(ilvl);
  }

  /**
   * Advances the list for one numbered paragraph and returns the text Word shows before it ("一、", "（一）",
   * "1.", "1)"), with a space when Word separates it from the text by a space or a tab after a Latin character.
   * Returns "" for numId 0 (numbering switched off) and unknown lists.
   */
  next(numId: string, ilvl: number): string {
    const instance = this.instances.get(numId);
    if (numId === "0" || !instance) return "";
    const level = this.level(instance, ilvl);
    if (!level) return "";
    const counters = this.counters.get(instance.abstractNumId) ?? [];
    this.counters.set(instance.abstractNumId, counters);
    const overrideKey = `${numId}:${ilvl}`;
    const override = instance.startOverrides.get(ilvl);
    if (override !== undefined && !this.overridesApplied.has(overrideKey)) {
      this.overridesApplied.add(overrideKey);
      counters[ilvl] = override - 1;
    }
    const current = counters[ilvl];
    counters[ilvl] = current === undefined ? level.start : current + 1;
    for (let deeper = ilvl + 1; deeper < 9; deeper++) {
      const deeperLevel = this.level(instance, deeper);
      if (!deeperLevel || deeperLevel.restartAfter >= ilvl) counters[deeper] = undefined;
    }
    return this.render(instance, level, counters);
  }

  private render(instance: ListInstance, level: ListLevel, counters: Array<number | undefined>): string {
    if (level.numFmt === "bullet") return this.withSuffix(bulletText(level.lvlText), level);
    const text = level.lvlText.replace(/%([1-9])/g, (_, digit: string) => {
      const index = Number(digit) - 1;
      const shown = this.level(instance, index);
      const value = counters[index] ?? shown?.start ?? 1;
      return formatListNumber(value, level.legal ? "decimal" : (shown?.numFmt ?? "decimal"));
    });
    return this.withSuffix(text, level);
  }

  private withSuffix(text: string, level: ListLevel): string {
    if (text === "" || level.suffix === "nothing") return text;
    // Full-width punctuation (一、 （一）) already separates number and text; a tab after "1." reads as a space.
    if (level.suffix === "tab" && /[^\x20-\x7e]$/.test(text)) return text;
    return `${text} `;
  }
}
