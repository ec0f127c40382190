import { CheckCircleFilled, PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Checkbox, Empty, Flex, Modal, Select, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { isUnresolved } from "../../../../core/plans/task-units";
import { groupMembers } from "../../../../core/units/groups";
import type { PlanDetail, Unit, UnitGroup, UnresolvedPhrase } from "../../../../shared/api";
import { TASK_UNIT_ROLE_LABELS, type TaskUnitRole } from "../../../../shared/domain";
import { api } from "../../../api/client";
import { useAuth } from "../../../auth/AuthContext";
import { UnitSelect } from "../../../components/UnitSelect";
import { useRemote } from "../../../components/useRemote";
import type { UnitRegistry } from "../../../components/useUnits";
import { UnitFormDrawer } from "../../units/UnitFormDrawer";
import { DismissPhraseModal } from "./DismissPhraseModal";

/** What a phrase is mapped to: one unit, or a group's members (named and counted for the message). */
export type PhraseTarget = { unitId: number } | { groupId: number; name: string; members: number };

type Actions = {
  /** true when the phrase was mapped */
  onMap: (phrase: string, target: PhraseTarget, saveAlias: boolean) => Promise<boolean>;
  onDismiss: (phrase: string, reason: string) => Promise<boolean>;
  onFocusTask: (taskId: number) => void;
};

type Props = Actions & { plan: PlanDetail; registry: UnitRegistry; editable: boolean; busy: string | null };

type PhraseProps = Actions & {
  item: UnresolvedPhrase;
  groups: UnitGroup[];
  plan: PlanDetail;
  registry: UnitRegistry;
  editable: boolean;
  busy: string | null;
};

function PhraseCard({ item, groups, plan, registry, editable, busy, onMap, onDismiss, onFocusTask }: PhraseProps) {
  const { can } = useAuth();
  const [unitId, setUnitId] = useState<number | null>(null);
  const [saveAlias, setSaveAlias] = useState(true);
  const [creating, setCreating] = useState(false);
  const [dismissing, setDismissing] = useState(false);
  const { phrase } = item;
  const mapping = busy === `map:${phrase}`;

  const tasks = item.taskIds.flatMap((id) => plan.tasks.find((task) => task.id === id) ?? []);
  const roles = new Set<TaskUnitRole>();
  for (const task of tasks) {
    for (const unit of task.units) if (unit.phrase === phrase && isUnresolved(unit)) roles.add(unit.role);
  }

  const mapTo = (id: number, alias: boolean) => void onMap(phrase, { unitId: id }, alias);
  const [group, setGroup] = useState<GroupChoice | null>(null);

  const created = async (unit: Unit) => {
    setCreating(false);
    await registry.reload();
    // a unit named exactly as the document wrote it needs no alias
    await onMap(phrase, { unitId: unit.id }, saveAlias && unit.name !== phrase && !unit.aliases.includes(phrase));
  };

  return (
    <Card
      size="small"
      data-phrase={phrase}
      title={
        <Flex gap={8} align="center" wrap>
          <Tag color="error" style={{ marginInlineEnd: 0, fontSize: 14 }}>
            {phrase}
          </Tag>
          <Typography.Text type="secondary" style={{ fontWeight: "normal", fontSize: 13 }}>
            出现在 {item.taskIds.length} 项任务中
            {roles.size > 0 && `，作为${[...roles].map((role) => TASK_UNIT_ROLE_LABELS[role]).join("、")}`}
          </Typography.Text>
        </Flex>
      }
    >
      <Flex vertical gap={10}>
        <Flex wrap gap={4} align="center">
          <Typography.Text type="secondary">所在任务：</Typography.Text>
          {tasks.map((task) => (
            <Button
              key={task.id}
              type="link"
              size="small"
              style={{ padding: "0 4px" }}
              onClick={() => onFocusTask(task.id)}
            >
              任务 {task.number}
            </Button>
          ))}
        </Flex>
        {editable && (
          <>
            {item.groupSuggestions.length > 0 && (
              <Flex wrap gap={6} align="center">
                <Typography.Text type="secondary">可能是分组：</Typography.Text>
                {item.groupSuggestions.map((suggestion) => (
                  <Button
                    key={suggestion.id}
                    size="small"
                    type="dashed"
                    disabled={busy !== null}
                    onClick={() => setGroup(suggestion)}
                  >
                    {suggestion.name}（{suggestion.members.length} 家）
                  </Button>
                ))}
              </Flex>
            )}
            {item.suggestions.length > 0 && (
              <Flex wrap gap={6} align="center">
                <Typography.Text type="secondary">可能是：</Typography.Text>
                {item.suggestions.map((suggestion) => (
                  <Button
                    key={suggestion.id}
                    size="small"
                    disabled={busy !== null}
                    onClick={() => mapTo(suggestion.id, saveAlias)}
                  >
                    {suggestion.name}
                  </Button>
                ))}
              </Flex>
            )}
            <Flex gap={8}>
              <UnitSelect
                aria-label={`“${phrase}”对应的单位`}
                registry={registry}
                value={unitId}
                onChange={(value) => setUnitId(typeof value === "number" ? value : null)}
                placeholder="选择对应的单位"
                style={{ flex: 1, minWidth: 0 }}
              />
              <Button
                type="primary"
                disabled={unitId === null || (busy !== null && !mapping)}
                loading={mapping}
                onClick={() => unitId !== null && mapTo(unitId, saveAlias)}
              >
                对应到此单位
              </Button>
            </Flex>
            <GroupPicker
              phrase={phrase}
              groups={groups}
              registry={registry}
              disabled={busy !== null}
              onPick={setGroup}
            />
            <Flex justify="space-between" align="center" wrap gap={8}>
              <Checkbox checked={saveAlias} onChange={(event) => setSaveAlias(event.target.checked)}>
                保存为该单位或分组的别名（今后导入时自动识别）
              </Checkbox>
              <Flex gap={8}>
                {can("units.manage") && (
                  <Button size="small" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                    新建单位
                  </Button>
                )}
                <Button size="small" disabled={busy !== null} onClick={() => setDismissing(true)}>
                  不交办
                </Button>
              </Flex>
            </Flex>
          </>
        )}
      </Flex>
      {creating && (
        <UnitFormDrawer
          unit={null}
          draft={{ name: phrase }}
          registry={registry}
          onClose={() => setCreating(false)}
          onSaved={created}
          onStale={registry.reload}
        />
      )}
      {group && (
        <Modal
          open
          title={`将“${phrase}”对应到分组“${group.name}”`}
          okText={`对应到这 ${group.members.length} 家单位`}
          cancelText="取消"
          confirmLoading={mapping}
          onCancel={() => setGroup(null)}
          onOk={async () => {
            const done = await onMap(
              phrase,
              { groupId: group.id, name: group.name, members: group.members.length },
              saveAlias,
            );
            if (done) setGroup(null);
          }}
        >
          <Typography.Paragraph>
            “{phrase}”所在的 {item.taskIds.length} 项任务将交办给分组的全部 {group.members.length} 家成员单位
            {saveAlias && `，并把“${phrase}”保存为该分组的别名`}：
          </Typography.Paragraph>
          <Flex wrap gap={6} data-testid="group-members" style={{ maxHeight: 260, overflow: "auto" }}>
            {group.members.map((member) => (
              <Tag key={member.id} style={{ marginInlineEnd: 0 }}>
                {member.name}
              </Tag>
            ))}
          </Flex>
        </Modal>
      )}
      {dismissing && (
        <DismissPhraseModal
          phrase={phrase}
          taskCount={item.taskIds.length}
          saving={busy === `dismiss:${phrase}`}
          onClose={() => setDismissing(false)}
          onDismiss={async (reason) => {
            if (await onDismiss(phrase, reason)) setDismissing(false);
          }}
        />
      )}
    </Card>
  );
}

type GroupChoice = { id: number; name: string; members: { id: number; name: string }[] };

const listGroups = async () => (await api.unitGroups.list()).items;

/** Any group of the registry, with its members as the registry has them, for a phrase the suggestions missed. */
function GroupPicker({
  phrase,
  groups,
  registry,
  disabled,
  onPick,
}: {
  phrase: string;
  groups: UnitGroup[];
  registry: UnitRegistry;
  disabled: boolean;
  onPick: (group: GroupChoice) => void;
}) {
  if (groups.length === 0) return null;
  const membersOf = (group: UnitGroup) => groupMembers(registry.units, group).map((u) => ({ id: u.id, name: u.name }));
  return (
    <Select<number>
      aria-label={`“${phrase}”按分组对应`}
      placeholder="或对应到一个单位分组（其全部成员单位）"
      value={null}
      disabled={disabled}
      options={groups.map((group) => ({ value: group.id, label: `${group.name}（${membersOf(group).length} 家）` }))}
      onChange={(id) => {
        const group = groups.find((g) => g.id === id);
        if (group) onPick({ id: group.id, name: group.name, members: membersOf(group) });
      }}
    />
  );
}

type Dismissed = { phrase: string; reason: string; taskNumbers: string[] };

/** Phrases left out with a reason, so that the decision can be checked before publishing. */
function dismissedPhrases(plan: PlanDetail): Dismissed[] {
  const byPhrase = new Map<string, Dismissed>();
  for (const task of plan.tasks) {
    for (const unit of task.units) {
      if (unit.dismissedReason === null) continue;
      const entry = byPhrase.get(unit.phrase) ?? { phrase: unit.phrase, reason: unit.dismissedReason, taskNumbers: [] };
      if (!entry.taskNumbers.includes(task.number)) entry.taskNumbers.push(task.number);
      byPhrase.set(unit.phrase, entry);
    }
  }
  return [...byPhrase.values()];
}

/** 待处理的单位表述: each phrase no unit matched, to map to a unit (a suggestion, any unit, a new one) or leave out. */
export function UnresolvedPanel({ plan, registry, editable, busy, ...actions }: Props) {
  const dismissed = useMemo(() => dismissedPhrases(plan), [plan]);
  const { data: groups } = useRemote<UnitGroup[]>(listGroups, []);

  return (
    <div style={{ height: "100%", overflow: "auto", padding: "12px 16px 24px" }} data-testid="unresolved-panel">
      <Flex vertical gap={12}>
        {plan.unresolved.length === 0 ? (
          <Empty
            image={<CheckCircleFilled style={{ fontSize: 48, color: "#52c41a" }} />}
            styles={{ image: { height: 56 } }}
            description="方案中的单位表述都已对应到单位"
          />
        ) : (
          <Alert
            type="info"
            showIcon
            title={`有 ${plan.unresolved.length} 个单位表述没有对应到单位名录，全部处理后才能交办。`}
            description="可选择系统建议的单位或分组，或从名录中选择；对应到分组时交办给其全部成员单位。勾选“保存为别名”后，今后导入的方案能自动识别这个说法。名录中没有的单位可以新建；不需要交办的，说明原因后标为不交办。"
          />
        )}
        {plan.unresolved.map((item) => (
          <PhraseCard
            key={item.phrase}
            item={item}
            groups={groups}
            plan={plan}
            registry={registry}
            editable={editable}
            busy={busy}
            {...actions}
          />
        ))}
        {dismissed.length > 0 && (
          <Card size="small" title={`不交办的表述（${dismissed.length}）`}>
            <Table<Dismissed>
              rowKey="phrase"
              size="small"
              pagination={false}
              dataSource={dismissed}
              columns={[
                { title: "表述", dataIndex: "phrase", key: "phrase", width: 200 },
                { title: "原因", dataIndex: "reason", key: "reason" },
                {
                  title: "所在任务",
                  dataIndex: "taskNumbers",
                  key: "taskNumbers",
                  width: 140,
                  render: (numbers: string[]) => numbers.join("、"),
                },
              ]}
            />
          </Card>
        )}
      </Flex>
    </div>
  );
}
