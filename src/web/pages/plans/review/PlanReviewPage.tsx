import { App, Badge, Button, Card, Flex, Result, Splitter, Tabs } from "antd";
import { useState } from "react";
import { useNavigate, useParams } from "react-router-dom";
import type { ParseChoices, PlanDetail, PlanReparseResult, Task } from "../../../../shared/api";
import { api, errorMessage } from "../../../api/client";
import { useAuth } from "../../../auth/AuthContext";
import { PageLoading } from "../../../components/PageLoading";
import { NotFound } from "../../../components/ResultPages";
import { useDocumentTitle } from "../../../components/useDocumentTitle";
import { useUnits } from "../../../components/useUnits";
import { DuplicateWarning } from "./DuplicateWarning";
import type { Focus } from "./focus";
import { ParseWarnings } from "./ParseWarnings";
import { PlanEditDrawer } from "./PlanEditDrawer";
import { PlanHeader } from "./PlanHeader";
import { type PublishChoices, PublishModal } from "./PublishModal";
import { ReadingPanel } from "./ReadingPanel";
import { ReviewIssues } from "./ReviewIssues";
import { SourcePane } from "./SourcePane";
import { SplitTaskModal } from "./SplitTaskModal";
import { type NewTask, TaskEditDrawer } from "./TaskEditDrawer";
import { TaskList, type TaskOrder } from "./TaskList";
import { UnresolvedPanel } from "./UnresolvedPanel";
import { usePlanReview } from "./usePlanReview";

type Pane = "tasks" | "unresolved";

/** What a re-read did, for its toast: how many tasks, and what became of the edits made by hand. */
function rereadMessage(choices: ParseChoices, result: PlanReparseResult): string {
  const what = choices.taskStyle ? "任务层级" : "列设置";
  const kept = result.keptEdits ? `，保留了 ${result.keptEdits} 项任务的人工修改` : "";
  const lost = result.lostEdits
    ? `；另有 ${result.lostEdits} 项已修改的任务在新的识别结果中找不到，其修改未能保留，请核对`
    : "";
  return `已按新的${what}重新识别：共 ${result.plan.tasks.length} 项任务${kept}${lost}`;
}

/** The number after this one, when it is a plain number (3 → 4); otherwise nothing to suggest. */
function nextNumber(number: string | undefined): string {
  if (number && /^\d+$/.test(number)) return String(Number(number) + 1);
  return "";
}

function PlanReview({ planId }: { planId: number }) {
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const manage = can("plans.manage");
  const registry = useUnits();
  const { plan, loading, error, refetch, setPlan, change, busy } = usePlanReview(planId);
  useDocumentTitle(plan ? plan.title : "方案审核");

  const [pane, setPane] = useState<Pane>("tasks");
  const [order, setOrder] = useState<TaskOrder>("document");
  const [selectedTaskId, setSelectedTaskId] = useState<number | null>(null);
  const [focus, setFocus] = useState<Focus | null>(null);
  const [editing, setEditing] = useState<Task | NewTask | null>(null);
  const [splittingId, setSplittingId] = useState<number | null>(null);
  const [dialog, setDialog] = useState<"plan" | "publish" | null>(null);
  const [fetching, setFetching] = useState<"download" | "export" | null>(null);

  if (!plan) {
    if (loading) return <PageLoading />;
    return (
      <Result
        status="warning"
        title="无法打开该方案"
        subTitle={error ?? "方案不存在或已被删除"}
        extra={
          <Button type="primary" onClick={() => navigate("/plans")}>
            返回方案列表
          </Button>
        }
      />
    );
  }

  const editable = manage && plan.status !== "archived";
  // the task as the plan now has it: after a conflict the plan is read again, and the split must use the new version
  const splitting = plan.tasks.find((task) => task.id === splittingId) ?? null;

  const select = (taskId: number, origin: Focus["origin"]) => {
    setSelectedTaskId(taskId);
    setFocus({ taskId, origin, nonce: Date.now() });
  };

  const locate = (offset: number) => setFocus({ offset, origin: "other", nonce: Date.now() });

  const taskSaved = (next: PlanDetail, task: Task | null, cancelled: number) => {
    setPlan(next);
    setEditing(null);
    if (task) {
      message.success(`已保存任务 ${task.number}${cancelled ? `，已取消 ${cancelled} 个单位的交办` : ""}`);
      return;
    }
    // the new task is the one the old plan did not have
    const added = next.tasks.find((t) => !plan.tasks.some((old) => old.id === t.id));
    message.success(added ? `已新增任务 ${added.number}` : "已新增任务");
    if (added) select(added.id, "other");
  };

  const addAfter = (task: Task | null) =>
    setEditing({
      afterTaskId: task?.id ?? plan.tasks.at(-1)?.id ?? null,
      sectionId: task?.sectionId ?? plan.tasks.at(-1)?.sectionId ?? null,
      number: nextNumber(task?.number ?? plan.tasks.at(-1)?.number),
    });

  const merge = (task: Task, next: Task) =>
    modal.confirm({
      title: `将任务 ${task.number} 与任务 ${next.number} 合并？`,
      content: "下一项的内容接在本项之后，两项的责任单位、完成时限和指标合为一项。",
      okText: "合并",
      onOk: () =>
        change(
          `merge:${task.id}`,
          () =>
            api.plans.mergeTask(plan.id, task.id, {
              version: task.version,
              nextTaskId: next.id,
              nextVersion: next.version,
            }),
          `已将任务 ${next.number} 合并到任务 ${task.number}`,
        ),
    });

  const remove = (task: Task) =>
    modal.confirm({
      title: `删除任务 ${task.number}？`,
      content: "删除后该项不再出现在方案中。如只是识别有误，也可以编辑修改。",
      okText: "删除",
      okButtonProps: { danger: true },
      onOk: async () => {
        const next = await change(
          `delete:${task.id}`,
          () => api.plans.deleteTask(plan.id, task.id, task.version),
          `已删除任务 ${task.number}`,
        );
        if (next && selectedTaskId === task.id) setSelectedTaskId(null);
      },
    });

  const split = async (task: Task, at: number) => {
    const next = await change(
      `split:${task.id}`,
      () => api.plans.splitTask(plan.id, task.id, { version: task.version, at }),
      `已将任务 ${task.number} 拆分为两项，新任务沿用原任务的单位、完成时限和指标，请核对`,
    );
    if (next) setSplittingId(null);
  };

  const reparse = async (choices: ParseChoices) => {
    const answer: { result?: PlanReparseResult } = {};
    const next = await change("reparse", async () => {
      answer.result = await api.plans.reparse(plan.id, { version: plan.version, ...choices });
      return answer.result.plan;
    });
    if (!next || !answer.result) return;
    if (answer.result.lostEdits) message.warning(rereadMessage(choices, answer.result), 8);
    else message.success(rereadMessage(choices, answer.result));
  };

  const publish = async (choices: PublishChoices) => {
    const next = await change("publish", () => api.plans.publish(plan.id, { version: plan.version, ...choices }));
    setDialog(null);
    if (next) message.success(`已交办，共生成 ${next.assignmentCount} 条任务交办`);
  };

  const download = (what: "download" | "export") =>
    void (async () => {
      if (fetching) return;
      setFetching(what);
      try {
        if (what === "download") await api.plans.downloadFile(plan.id, plan.file?.filename ?? `${plan.title}`);
        else await api.plans.exportTasks(plan.id, plan.title);
      } catch (failure) {
        message.error(errorMessage(failure));
      } finally {
        setFetching(null);
      }
    })();

  const hasSource = Boolean(plan.sourceText);
  const unresolvedCount = plan.unresolved.length;

  const rightPane = (
    <Flex vertical style={{ height: "100%" }}>
      <Tabs
        activeKey={pane}
        onChange={(key) => setPane(key as Pane)}
        style={{ padding: "0 16px", flex: "none" }}
        tabBarStyle={{ marginBottom: 0 }}
        tabBarExtraContent={
          editable && pane === "tasks" ? (
            <Button size="small" onClick={() => addAfter(plan.tasks.find((t) => t.id === selectedTaskId) ?? null)}>
              手工新增任务
            </Button>
          ) : undefined
        }
        items={[
          { key: "tasks", label: `任务清单（${plan.tasks.length}）` },
          {
            key: "unresolved",
            label: (
              <Flex gap={6} align="center">
                待处理的单位表述
                <Badge count={unresolvedCount} showZero color={unresolvedCount ? "#ff4d4f" : "#52c41a"} />
              </Flex>
            ),
          },
        ]}
      />
      <div style={{ flex: 1, minHeight: 0 }}>
        {pane === "tasks" ? (
          <TaskList
            plan={plan}
            selectedTaskId={selectedTaskId}
            focus={focus}
            editable={editable}
            onSelect={(task) => select(task.id, "list")}
            onEdit={(task) => {
              select(task.id, "list");
              setEditing(task);
            }}
            onSplit={(task) => setSplittingId(task.id)}
            onMerge={merge}
            onDelete={remove}
            onAddAfter={addAfter}
            order={order}
            onOrder={setOrder}
          />
        ) : (
          <UnresolvedPanel
            plan={plan}
            registry={registry}
            editable={editable}
            busy={busy}
            onFocusTask={(taskId) => select(taskId, "other")}
            onMap={async (phrase, target, saveAlias) => {
              const name =
                "groupId" in target
                  ? `分组“${target.name}”的 ${target.members} 家单位`
                  : (registry.byId.get(target.unitId)?.name ?? "所选单位");
              const next = await change(
                `map:${phrase}`,
                () =>
                  api.plans.mapPhrase(plan.id, {
                    phrase,
                    ...("groupId" in target ? { groupId: target.groupId } : { unitId: target.unitId }),
                    saveAlias,
                  }),
                saveAlias ? `已将“${phrase}”对应到${name}，并保存为别名` : `已将“${phrase}”对应到${name}`,
              );
              return next !== null;
            }}
            onDismiss={async (phrase, reason) => {
              const next = await change(
                `dismiss:${phrase}`,
                () => api.plans.dismissPhrase(plan.id, { phrase, reason }),
                `已将“${phrase}”标为不交办`,
              );
              return next !== null;
            }}
          />
        )}
      </div>
    </Flex>
  );

  return (
    <Flex vertical gap={12} style={{ height: "calc(100vh - 120px)", minHeight: 640 }}>
      <PlanHeader
        plan={plan}
        manage={manage}
        followsProgress={can("assignments.read_all")}
        busy={busy}
        fetching={fetching}
        onEdit={() => setDialog("plan")}
        onDownload={() => download("download")}
        onExport={() => download("export")}
        onPublish={() => setDialog("publish")}
        onArchive={() =>
          void change(
            "archive",
            () => api.plans.update(plan.id, { version: plan.version, status: "archived" }),
            "方案已归档",
          )
        }
        onDelete={() =>
          void change("delete", async () => {
            await api.plans.remove(plan.id, plan.version);
            message.success(`已删除方案草稿「${plan.title}」`);
            navigate("/plans");
            return plan;
          })
        }
      />
      <DuplicateWarning plan={plan} />
      <ParseWarnings warnings={plan.warnings} onLocate={locate} />
      <ReadingPanel
        plan={plan}
        editable={editable && plan.status === "draft"}
        reading={busy === "reparse"}
        onReparse={(choices) => void reparse(choices)}
      />
      {editable && plan.status === "draft" && (
        <ReviewIssues
          plan={plan}
          showUnresolved={pane !== "unresolved"}
          onUnresolved={() => setPane("unresolved")}
          onTask={(taskId) => {
            setPane("tasks");
            select(taskId, "other");
          }}
          showDoubtful={pane !== "tasks" || order !== "doubtful"}
          onDoubtful={() => {
            setPane("tasks");
            setOrder("doubtful");
          }}
        />
      )}
      <Card style={{ flex: 1, minHeight: 0 }} styles={{ body: { height: "100%", padding: 0 } }}>
        {hasSource ? (
          <Splitter style={{ height: "100%" }}>
            <Splitter.Panel defaultSize="45%" min="25%" max="70%" collapsible>
              <SourcePane
                plan={plan}
                selectedTaskId={selectedTaskId}
                focus={focus}
                onSelect={(taskId) => select(taskId, "source")}
              />
            </Splitter.Panel>
            <Splitter.Panel>{rightPane}</Splitter.Panel>
          </Splitter>
        ) : (
          rightPane
        )}
      </Card>
      {editing && (
        <TaskEditDrawer
          key={"id" in editing ? editing.id : "new"}
          plan={plan}
          task={editing}
          registry={registry}
          onClose={() => setEditing(null)}
          onSaved={taskSaved}
          onStale={refetch}
        />
      )}
      {splitting && (
        <SplitTaskModal
          key={`${splitting.id}:${splitting.version}`}
          task={splitting}
          saving={busy === `split:${splitting.id}`}
          onClose={() => setSplittingId(null)}
          onSplit={(at) => void split(splitting, at)}
        />
      )}
      {dialog === "plan" && (
        <PlanEditDrawer
          plan={plan}
          onClose={() => setDialog(null)}
          onSaved={(next) => {
            setPlan(next);
            setDialog(null);
            message.success("已保存方案信息");
          }}
          onStale={refetch}
        />
      )}
      {dialog === "publish" && (
        <PublishModal plan={plan} saving={busy === "publish"} onClose={() => setDialog(null)} onPublish={publish} />
      )}
    </Flex>
  );
}

/** /plans/:id — the review screen: the document beside the tasks read from it, to correct, complete and publish. */
export default function PlanReviewPage() {
  const { id } = useParams();
  const planId = Number(id);
  if (!Number.isInteger(planId) || planId < 1) return <NotFound />;
  return <PlanReview key={planId} planId={planId} />;
}
