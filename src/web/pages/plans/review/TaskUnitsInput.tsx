import { App, Flex } from "antd";
import { TASK_UNIT_ROLE_LABELS, type TaskUnitRole } from "../../../../shared/domain";
import { UnitSelect } from "../../../components/UnitSelect";
import type { UnitRegistry } from "../../../components/useUnits";
import { TaskUnitTags } from "./TaskUnitTags";
import type { TaskUnitEntry } from "./taskUnits";

type Props = {
  role: TaskUnitRole;
  registry: UnitRegistry;
  /** The task's units under the other roles: a unit holds one role per task. */
  others: readonly TaskUnitEntry[];
  /** Set by Form.Item: the label points at the unit picker. */
  id?: string;
  value?: TaskUnitEntry[];
  onChange?: (value: TaskUnitEntry[]) => void;
};

/** The units of one role in a task: tags to remove (a group such as 各乡镇 as a whole or unit by unit), a picker to add. */
export function TaskUnitsInput({ role, registry, others, id, value = [], onChange }: Props) {
  const { message } = App.useApp();

  const add = (unitId: number) => {
    const unit = registry.byId.get(unitId);
    if (!unit) return;
    if (value.some((entry) => entry.unitId === unitId)) {
      message.info(`「${unit.name}」已在列表中`);
      return;
    }
    const elsewhere = others.find((entry) => entry.unitId === unitId);
    if (elsewhere) {
      const listed = TASK_UNIT_ROLE_LABELS[elsewhere.role];
      message.warning(
        `「${unit.name}」已是${listed}，同一单位在一项任务中只承担一种角色。如需改为${TASK_UNIT_ROLE_LABELS[role]}，请先从${listed}中移除`,
      );
      return;
    }
    onChange?.([...value, { unitId, role, phrase: unit.name, dismissedReason: null, unitName: unit.name }]);
  };

  return (
    <Flex vertical gap={8}>
      <TaskUnitTags
        entries={value}
        empty="无"
        onRemove={(removed) => onChange?.(value.filter((entry) => !removed.includes(entry)))}
      />
      <UnitSelect
        id={id}
        registry={registry}
        value={null}
        placeholder="输入名称添加单位"
        onChange={(unitId) => {
          if (typeof unitId === "number") add(unitId);
        }}
      />
    </Flex>
  );
}
