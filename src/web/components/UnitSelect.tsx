import { Select, type SelectProps } from "antd";
import type { UnitRegistry } from "./useUnits";

type Props = Omit<SelectProps<number | number[]>, "options" | "loading" | "showSearch" | "allowClear"> & {
  registry: UnitRegistry;
  /** A unit that may not be chosen here (a unit cannot be its own parent). */
  exclude?: number;
};

/** Choosing units from the registry by typing part of the name; deactivated units are shown but cannot be chosen. */
export function UnitSelect({ registry, exclude, ...select }: Props) {
  const options = exclude === undefined ? registry.options : registry.options.filter((o) => o.value !== exclude);
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: "label" }}
      options={options}
      loading={registry.loading}
      {...select}
    />
  );
}
