import { Alert, Flex } from "antd";
import { Link } from "react-router-dom";
import type { PlanDetail, PlanDuplicate } from "../../../../shared/api";
import { PlanStatusTag } from "../labels";

const why = (d: PlanDuplicate) => (d.sameFile ? "文件相同" : "标题相同");

/** Says that the plan repeats others (the same file or title), each linked, so that nobody sends a plan out twice. */
export function DuplicateWarning({ plan }: { plan: PlanDetail }) {
  if (plan.status !== "draft" || plan.duplicates.length === 0) return null;
  const published = plan.duplicates.some((d) => d.status !== "draft");
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="duplicate-warning"
      title={
        published
          ? "已有相同的方案已交办：再次交办会让各单位重复收到任务，请核对后再决定交办或删除本草稿"
          : "已有相同的方案草稿：如为重复导入，可删除本草稿"
      }
      description={
        <Flex vertical gap={2}>
          {plan.duplicates.map((d) => (
            <span key={d.id}>
              <Link to={`/plans/${d.id}`}>{d.title}</Link>（{why(d)}） <PlanStatusTag status={d.status} />
            </span>
          ))}
        </Flex>
      }
    />
  );
}
