import { Alert, Button, Flex, Input, Typography } from "antd";
import { useState } from "react";
import type { ReportComment, ReportDetail } from "../../../shared/api";
import { api, errorMessage } from "../../api/client";
import { timeText } from "./labels";

type Props = {
  reportId: number;
  comments: readonly ReportComment[];
  /** whether the user may add a remark (the leader reads only) */
  mayPost: boolean;
  onPosted: (report: ReportDetail) => void;
};

/** 沟通记录: the remarks of the unit and its reviewers under a report, and a box to add one. */
export function CommentThread({ reportId, comments, mayPost, onPosted }: Props) {
  const [text, setText] = useState("");
  const [posting, setPosting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const post = async () => {
    setPosting(true);
    setError(null);
    try {
      onPosted(await api.reports.comment(reportId, { text: text.trim() }));
      setText("");
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setPosting(false);
    }
  };

  return (
    <Flex vertical gap={12} data-testid="comment-thread">
      {comments.length === 0 ? (
        <Typography.Text type="secondary">暂无留言</Typography.Text>
      ) : (
        comments.map((comment) => (
          <div key={comment.id} style={{ borderInlineStart: "3px solid #f0f0f0", paddingInlineStart: 12 }}>
            <Typography.Text strong>{comment.authorName}</Typography.Text>
            {comment.authorUnitName && <Typography.Text type="secondary">（{comment.authorUnitName}）</Typography.Text>}
            <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
              {timeText(comment.createdAt)}
            </Typography.Text>
            <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: "4px 0 0" }}>
              {comment.text}
            </Typography.Paragraph>
          </div>
        ))
      )}
      {error && <Alert type="error" showIcon title={error} />}
      {mayPost && (
        <>
          <Input.TextArea
            aria-label="留言"
            value={text}
            onChange={(event) => setText(event.target.value)}
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={2000}
            placeholder="对本期进展的说明或意见，报送单位和审核人都能看到"
            disabled={posting}
          />
          <Flex justify="end">
            <Button onClick={() => void post()} loading={posting} disabled={text.trim() === ""}>
              发表留言
            </Button>
          </Flex>
        </>
      )}
    </Flex>
  );
}
