import { ExclamationCircleOutlined } from "@ant-design/icons";
import { Flex, Popover, Tag, Tooltip, Typography } from "antd";
import type { MouseEvent } from "react";
import { isUnresolved } from "../../../../core/plans/task-units";
import type { PhraseGroup, TaskUnitEntry } from "./taskUnits";
import { groupByPhrase } from "./taskUnits";

const TAG_STYLE = { marginInlineEnd: 0 };

/** One unit named by a task: its registry name, red while unresolved, struck through when left out with a reason. */
export function EntryTag({ entry, onClose }: { entry: TaskUnitEntry; onClose?: () => void }) {
  const closable = onClose !== undefined;
  const close = (event: MouseEvent) => {
    event.preventDefault();
    onClose?.();
  };
  if (isUnresolved(entry)) {
    return (
      <Tooltip title="文件中的这个说法还没有对应到单位，请在“待处理的单位表述”中处理">
        <Tag color="error" icon={<ExclamationCircleOutlined />} style={TAG_STYLE} closable={closable} onClose={close}>
          {entry.phrase}
        </Tag>
      </Tooltip>
    );
  }
  if (entry.dismissedReason !== null) {
    return (
      <Tooltip title={`不交办：${entry.dismissedReason}`}>
        <Tag style={{ ...TAG_STYLE, textDecoration: "line-through" }} closable={closable} onClose={close}>
          {entry.phrase}
        </Tag>
      </Tooltip>
    );
  }
  const name = entry.unitName ?? entry.phrase;
  const tag = (
    <Tag style={TAG_STYLE} closable={closable} onClose={close}>
      {name}
    </Tag>
  );
  return name === entry.phrase ? tag : <Tooltip title={`原文：${entry.phrase}`}>{tag}</Tooltip>;
}

/** 各乡镇 as one tag that opens the list of its units. */
function GroupTag({ group, onRemove }: { group: PhraseGroup; onRemove?: (entries: TaskUnitEntry[]) => void }) {
  const members = (
    <Flex wrap gap={4} style={{ maxWidth: 360 }}>
      {group.entries.map((entry) => (
        <EntryTag
          key={`${entry.unitId ?? entry.phrase}`}
          entry={entry}
          onClose={onRemove ? () => onRemove([entry]) : undefined}
        />
      ))}
    </Flex>
  );
  return (
    <Popover title={`“${group.phrase}”包含的单位`} content={members} trigger="click">
      <Tag
        color="processing"
        style={{ ...TAG_STYLE, cursor: "pointer" }}
        closable={onRemove !== undefined}
        onClose={(event) => {
          event.preventDefault();
          onRemove?.(group.entries);
        }}
      >
        {group.phrase}（{group.entries.length} 个单位）
      </Tag>
    </Popover>
  );
}

type Props = {
  entries: readonly TaskUnitEntry[];
  /** Given, the tags can be closed: the entries of a closed tag are passed. */
  onRemove?: (entries: TaskUnitEntry[]) => void;
  empty?: string;
};

/** The units of one role, grouped by the phrase the document used. */
export function TaskUnitTags({ entries, onRemove, empty = "—" }: Props) {
  if (entries.length === 0) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <Flex wrap gap={4}>
      {groupByPhrase(entries).map((group) =>
        group.entries.length > 1 ? (
          <GroupTag key={group.phrase} group={group} onRemove={onRemove} />
        ) : (
          <EntryTag
            key={group.phrase}
            entry={group.entries[0] as TaskUnitEntry}
            onClose={onRemove ? () => onRemove(group.entries) : undefined}
          />
        ),
      )}
    </Flex>
  );
}
