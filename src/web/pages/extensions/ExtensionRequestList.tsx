import { Flex, Typography } from "antd";
import type { ExtensionRequest } from "../../../shared/api";
import { chineseDate } from "../../components/deadlines";
import { ExtensionStatusTag, timeText } from "../reports/labels";
import { ExtensionDecisionButtons } from "./ExtensionDecisionButtons";

type Props = {
  requests: readonly ExtensionRequest[];
  /** the coordinating office decides pending requests right here */
  decides: boolean;
  onDecided: () => void;
};

/** An assignment's extension requests: which period, from when to when, why, and what was decided. */
export function ExtensionRequestList({ requests, decides, onDecided }: Props) {
  return (
    <Flex vertical gap={12} data-testid="extension-requests">
      {requests.map((request) => (
        <Flex
          key={request.id}
          vertical
          gap={2}
          style={{ borderInlineStart: "3px solid #f0f0f0", paddingInlineStart: 12 }}
        >
          <Flex gap={8} align="center" wrap>
            <Typography.Text strong>{request.period}</Typography.Text>
            <ExtensionStatusTag status={request.status} />
            {decides && request.status === "pending" && (
              <ExtensionDecisionButtons request={request} onDecided={onDecided} />
            )}
          </Flex>
          <Typography.Text>
            {chineseDate(request.currentDueOn)} → {chineseDate(request.requestedDueOn)}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ whiteSpace: "pre-wrap" }}>
            理由：{request.reason}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {request.requestedByName} 申请于 {timeText(request.createdAt)}
            {request.decidedAt && `，${request.decidedByName ?? ""} 审批于 ${timeText(request.decidedAt)}`}
            {request.decisionComment && `：${request.decisionComment}`}
          </Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}
