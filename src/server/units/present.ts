import type { Unit, UnitGroup, UnitList } from "../../shared/api.js";
import type { UnitGroupRow, UnitRow } from "../db/schema.js";

// rows of the cached registry are presented once, not on every list request
const presented = new WeakMap<UnitRow, Unit>();

export function presentUnit(row: UnitRow): Unit {
  let unit = presented.get(row);
  if (!unit) {
    unit = toWire(row);
    presented.set(row, unit);
  }
  return unit;
}

const listJson = new WeakMap<UnitRow[], Buffer>();

/**
 * The UnitList body of a whole registry read, serialised once for as long as that read is kept, as UTF-8 bytes: a
 * string of Chinese names would be measured and encoded again for every response.
 */
export function presentUnitListJson(rows: UnitRow[]): Buffer {
  let json = listJson.get(rows);
  if (json === undefined) {
    const body: UnitList = { items: rows.map(presentUnit), total: rows.length };
    json = Buffer.from(JSON.stringify(body));
    listJson.set(rows, json);
  }
  return json;
}

function toWire(row: UnitRow): Unit {
  return {
    id: row.id,
    name: row.name,
    shortName: row.shortName,
    aliases: row.aliases,
    type: row.type,
    parentId: row.parentId,
    active: row.active,
    sortOrder: row.sortOrder,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentUnitGroup(row: UnitGroupRow): UnitGroup {
  return {
    id: row.id,
    name: row.name,
    aliases: row.aliases,
    unitTypes: row.unitTypes,
    memberIds: row.memberIds,
    version: row.version,
  };
}
