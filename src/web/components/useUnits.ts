import { useMemo } from "react";
import type { Unit } from "../../shared/api";
import { UNIT_TYPE_LABELS } from "../../shared/domain";
import { api } from "../api/client";
import { useRemote } from "./useRemote";

export type UnitOption = { value: number; label: string; disabled?: boolean };

const listAllUnits = async () => (await api.units.list()).items;

/** The whole unit registry (it is small and unpaged), with select options and a by-id lookup. */
export function useUnits() {
  const { data: units, loading, error, reload } = useRemote<Unit[]>(listAllUnits, []);

  const byId = useMemo(() => new Map(units.map((unit) => [unit.id, unit])), [units]);
  const options = useMemo<UnitOption[]>(
    () =>
      units.map((unit) => ({
        value: unit.id,
        label: unit.active ? unit.name : `${unit.name}（已停用）`,
        disabled: !unit.active,
      })),
    [units],
  );
  return { units, byId, options, loading, error, reload };
}

/** What useUnits() returns: passed to the tabs and forms that need the registry. */
export type UnitRegistry = ReturnType<typeof useUnits>;

export const UNIT_TYPE_OPTIONS = Object.entries(UNIT_TYPE_LABELS).map(([value, label]) => ({ value, label }));
