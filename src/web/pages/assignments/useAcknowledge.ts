import { App } from "antd";
import { useState } from "react";
import type { Assignment } from "../../../shared/api";
import { ApiError, api, errorMessage } from "../../api/client";

type Handlers = {
  onAcknowledged: (assignment: Assignment) => void;
  /** Someone else signed first, or the assignment changed: read it again. */
  onStale: () => Promise<void> | void;
};

/** 签收 of an assignment by its unit, with the answer when another of the unit's people was quicker. */
export function useAcknowledge({ onAcknowledged, onStale }: Handlers) {
  const { message } = App.useApp();
  const [acknowledging, setAcknowledging] = useState<number | null>(null);

  const acknowledge = async (assignment: Pick<Assignment, "id" | "version">) => {
    setAcknowledging(assignment.id);
    try {
      const done = await api.assignments.acknowledge(assignment.id, assignment.version);
      onAcknowledged(done);
      message.success(`已签收任务 ${done.taskNumber}`);
    } catch (failure) {
      if (
        failure instanceof ApiError &&
        (failure.code === "already_acknowledged" || failure.code === "version_conflict")
      ) {
        message.info(failure.code === "already_acknowledged" ? "该任务已由本单位其他人员签收" : errorMessage(failure));
        await onStale();
      } else {
        message.error(errorMessage(failure));
      }
    } finally {
      setAcknowledging(null);
    }
  };

  return { acknowledging, acknowledge };
}
