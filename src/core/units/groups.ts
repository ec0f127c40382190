/** Who a unit group (各乡镇, 各行政执法部门) stands for: the active units of its unit types and its named members. */
export function groupMembers<U extends { id: number; type: string; active: boolean }>(
  units: readonly U[],
  group: { unitTypes: readonly string[]; memberIds: readonly number[] },
): U[] {
  const types = new Set(group.unitTypes);
  const named = new Set(group.memberIds);
  return units.filter((unit) => unit.active && (types.has(unit.type) || named.has(unit.id)));
}
