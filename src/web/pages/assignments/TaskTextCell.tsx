import { Typography } from "antd";
import { useState } from "react";
import type { AssignmentListItem } from "../../../shared/api";
import { api, errorMessage } from "../../api/client";

/**
 * 任务内容 in a list row: the excerpt the list carries and, when it is cut, 展开 to read the whole text, fetched from the
 * assignment's detail (a list row does not carry a task's full text).
 */
export function TaskTextCell({
  assignment,
}: {
  assignment: Pick<AssignmentListItem, "id" | "taskExcerpt" | "taskExcerptCut">;
}) {
  const [whole, setWhole] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const expand = async () => {
    setOpen(true);
    if (whole !== null) return;
    setLoading(true);
    try {
      setWhole((await api.assignments.get(assignment.id)).taskText);
      setFailure(null);
    } catch (error) {
      setFailure(errorMessage(error));
      setOpen(false);
    } finally {
      setLoading(false);
    }
  };

  const toggle = assignment.taskExcerptCut && (
    <Typography.Link style={{ marginInlineStart: 4 }} onClick={() => (open ? setOpen(false) : void expand())}>
      {loading ? "加载中…" : open ? "收起" : "展开"}
    </Typography.Link>
  );
  return (
    <Typography.Paragraph style={{ margin: 0, whiteSpace: "pre-wrap" }}>
      {open && whole !== null ? whole : assignment.taskExcerpt}
      {toggle}
      {failure && (
        <Typography.Text type="danger" style={{ display: "block" }}>
          {failure}
        </Typography.Text>
      )}
    </Typography.Paragraph>
  );
}
