import { Flex, Select, Typography } from "antd";
import { useId } from "react";
import type { NumberingLevel } from "../../../../shared/api";

/** How a level reads in the choice: "1. 条目", "（一） 条目", or every paragraph. */
export function levelLabel(level: NumberingLevel): string {
  if (level.style === "paragraph") return "每一段";
  return `${level.example} 条目（${level.count} 项）`;
}

type Props = {
  levels: NumberingLevel[];
  value: string | null;
  disabled: boolean;
  onChange: (style: string) => void;
};

/** 任务是哪一级: the numbering style whose items are the tasks, for a document of numbered paragraphs. */
export function TaskLevelSelect({ levels, value, disabled, onChange }: Props) {
  const labelId = useId();
  const options = levels.map((level) => ({ value: level.style, label: levelLabel(level) }));
  if (!levels.some((level) => level.style === "paragraph")) options.push({ value: "paragraph", label: "每一段" });
  return (
    <Flex gap={8} align="center" wrap>
      <Typography.Text id={labelId}>任务是哪一级：</Typography.Text>
      <Select
        aria-labelledby={labelId}
        style={{ minWidth: 220 }}
        placeholder="由系统判断"
        value={value ?? undefined}
        options={options}
        disabled={disabled}
        onChange={onChange}
      />
    </Flex>
  );
}
