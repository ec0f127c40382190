/**
 * Resolving the unit phrases of a plan (区司法局, 司法局, 各乡镇, 各镇(街道)) against the registry:
 * by name, short name, alias or group, and when nothing matches, ranked suggestions.
 */

import { groupMembers } from "../../core/units/groups.js";
import { kindHints, namesAKind, normaliseUnitPhrase, phraseVariants, similarity } from "../../core/units/match.js";
import type { ResolveResult } from "../../shared/api.js";
import type { UnitGroupRow, UnitRow } from "../db/schema.js";

type Resolution = ResolveResult["results"][number];
type MatchedBy = NonNullable<Resolution["matchedBy"]>;

const SUGGESTION_LIMIT = 5;
const SUGGESTION_THRESHOLD = 0.3;
/** A phrase naming a kind of unit is rarely one unit: only a close likeness is offered then. */
const KIND_UNIT_THRESHOLD = 0.7;
const GROUP_LIMIT = 3;
/** Groups are offered to a phrase naming a kind of unit on a faint likeness, to any other only on a clear one. */
const GROUP_THRESHOLD = { kind: 0.25, other: 0.5 };
/** What a phrase's words pointing to a group's unit types adds to its likeness. */
const KIND_HINT_BONUS = 0.3;

/** An index of the registry built once per request and used for every phrase. */
export class UnitResolver {
  private readonly byKey = new Map<string, { unit: UnitRow; by: MatchedBy }>();
  private readonly groupsByKey = new Map<string, UnitGroupRow>();
  private readonly groups: UnitGroupRow[];
  private readonly active: UnitRow[];

  constructor(allUnits: UnitRow[], groups: UnitGroupRow[]) {
    this.active = allUnits.filter((u) => u.active);
    this.groups = groups;
    // later keys never overwrite earlier ones: a full name beats a short name beats an alias
    const add = (key: string | null, unit: UnitRow, by: MatchedBy) => {
      if (!key) return;
      const normal = normaliseUnitPhrase(key);
      if (!this.byKey.has(normal)) this.byKey.set(normal, { unit, by });
    };
    for (const unit of this.active) add(unit.name, unit, "name");
    for (const unit of this.active) add(unit.shortName, unit, "shortName");
    for (const unit of this.active) for (const alias of unit.aliases) add(alias, unit, "alias");
    for (const group of groups) {
      for (const key of [group.name, ...group.aliases]) {
        const normal = normaliseUnitPhrase(key);
        if (!this.groupsByKey.has(normal)) this.groupsByKey.set(normal, group);
      }
    }
  }

  membersOf(group: UnitGroupRow): UnitRow[] {
    return groupMembers(this.active, group);
  }

  resolve(phrase: string): Resolution {
    const ref = (u: UnitRow) => ({ id: u.id, name: u.name, type: u.type });
    for (const variant of phraseVariants(phrase)) {
      const hit = this.byKey.get(variant);
      if (hit) return { phrase, matchedBy: hit.by, group: null, units: [ref(hit.unit)], suggestions: [] };
      const group = this.groupsByKey.get(variant);
      if (group) {
        return {
          phrase,
          matchedBy: "group",
          group: { id: group.id, name: group.name },
          units: this.membersOf(group).map(ref),
          suggestions: [],
        };
      }
    }
    return { phrase, matchedBy: null, group: null, units: [], suggestions: this.suggest(phrase) };
  }

  /** The groups a phrase no unit matched may mean, likeliest first, each with its members. */
  suggestGroups(phrase: string) {
    const kind = namesAKind(phrase);
    const hints = new Set(kindHints(phrase));
    return this.groups
      .map((group) => {
        const likeness = Math.max(...[group.name, ...group.aliases].map((n) => similarity(phrase, n)));
        const hinted = kind && group.unitTypes.some((type) => hints.has(type)) ? KIND_HINT_BONUS : 0;
        const members = this.membersOf(group).map((u) => ({ id: u.id, name: u.name }));
        return {
          id: group.id,
          name: group.name,
          score: Math.round(Math.min(1, likeness + hinted) * 1000) / 1000,
          members,
        };
      })
      .filter((g) => g.members.length > 0 && g.score >= (kind ? GROUP_THRESHOLD.kind : GROUP_THRESHOLD.other))
      .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, "zh"))
      .slice(0, GROUP_LIMIT);
  }

  private suggest(phrase: string): Resolution["suggestions"] {
    const threshold = namesAKind(phrase) ? KIND_UNIT_THRESHOLD : SUGGESTION_THRESHOLD;
    const scored = this.active.map((unit) => {
      const score = Math.max(
        ...[unit.name, unit.shortName, ...unit.aliases]
          .filter((n): n is string => !!n)
          .map((n) => similarity(phrase, n)),
      );
      return { id: unit.id, name: unit.name, type: unit.type, score: Math.round(score * 1000) / 1000 };
    });
    return scored
      .filter((s) => s.score >= threshold)
      .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, "zh"))
      .slice(0, SUGGESTION_LIMIT);
  }
}
