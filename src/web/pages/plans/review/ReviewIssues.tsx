import { Alert, Button, Flex } from "antd";
import { useMemo } from "react";
import type { PlanDetail } from "../../../../shared/api";
import { isDoubtful } from "./doubts";
import { publishSummary } from "./publishSummary";

type Props = {
  plan: PlanDetail;
  /** false while the phrases are on screen anyway */
  showUnresolved: boolean;
  onUnresolved: () => void;
  onTask: (taskId: number) => void;
  /** false while the doubtful tasks are listed first anyway */
  showDoubtful: boolean;
  onDoubtful: () => void;
};

/**
 * What still stands between the draft and 交办: phrases without a unit, tasks without any unit; and the tasks the
 * parser was unsure of, to check first.
 */
export function ReviewIssues({ plan, showUnresolved, onUnresolved, onTask, showDoubtful, onDoubtful }: Props) {
  const bare = useMemo(() => publishSummary(plan).withoutUnits, [plan]);
  const doubtful = useMemo(() => plan.tasks.filter(isDoubtful).length, [plan]);
  const unresolved = plan.unresolved.length;

  return (
    <>
      {showDoubtful && doubtful > 0 && (
        <Alert
          type="info"
          showIcon
          data-testid="doubtful-issue"
          title={`有 ${doubtful} 项任务识别把握不大（标为“待核对”），建议先对照原文核对。`}
          action={
            <Button size="small" onClick={onDoubtful}>
              先看存疑的
            </Button>
          }
        />
      )}
      {showUnresolved && unresolved > 0 && (
        <Alert
          type="error"
          showIcon
          title={`还有 ${unresolved} 个单位表述没有对应到单位，处理完毕后才能交办。`}
          action={
            <Button size="small" danger onClick={onUnresolved}>
              去处理
            </Button>
          }
        />
      )}
      {bare.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={`有 ${bare.length} 项任务还没有指定单位，交办前请为每项任务至少指定一个单位：`}
          description={
            <Flex wrap gap={4}>
              {bare.map((task) => (
                <Button
                  key={task.id}
                  size="small"
                  type="link"
                  style={{ padding: "0 4px" }}
                  onClick={() => onTask(task.id)}
                >
                  任务 {task.number}
                </Button>
              ))}
            </Flex>
          }
        />
      )}
    </>
  );
}
