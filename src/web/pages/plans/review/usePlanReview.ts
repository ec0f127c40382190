import { App } from "antd";
import { useCallback, useRef, useState } from "react";
import type { PlanDetail } from "../../../../shared/api";
import { ApiError, api, errorMessage } from "../../../api/client";
import { useRemote } from "../../../components/useRemote";

/**
 * One plan under review: loaded once, then replaced by what every change answers (the server sends the whole plan
 * back), so tasks, phrases and counts always agree with each other.
 */
export function usePlanReview(planId: number) {
  const { message } = App.useApp();
  const load = useCallback(() => api.plans.get(planId), [planId]);
  const { data: plan, loading, error, setData } = useRemote<PlanDetail | null>(load, null);
  /** What is being changed right now (a key per action), for the buttons' spinners; one change at a time. */
  const [busy, setBusy] = useState<string | null>(null);
  const running = useRef(false);
  /** Every answer that shows a plan takes a number; an answer older than the one shown is dropped. */
  const asked = useRef(0);
  const shown = useRef(0);

  const show = useCallback(
    (ticket: number, next: PlanDetail) => {
      if (ticket < shown.current) return;
      shown.current = ticket;
      setData(next);
    },
    [setData],
  );

  /** Shows a plan that a save elsewhere (the task or plan drawer) answered with. */
  const setPlan = useCallback((next: PlanDetail) => show(++asked.current, next), [show]);

  /** Reads the plan again and returns it (null when that failed too). */
  const refetch = useCallback(async (): Promise<PlanDetail | null> => {
    const ticket = ++asked.current;
    try {
      const latest = await api.plans.get(planId);
      show(ticket, latest);
      return latest;
    } catch (failure) {
      message.error(errorMessage(failure));
      return null;
    }
  }, [planId, show, message]);

  /**
   * Runs a change that answers with the plan and shows it; the failure as a toast. After a version conflict the
   * latest plan is shown, since the user acted on a stale one. Returns the new plan, or null when it failed.
   */
  const change = async (key: string, action: () => Promise<PlanDetail>, success?: string) => {
    if (running.current) {
      message.info("正在保存上一项修改，请稍候再操作");
      return null;
    }
    running.current = true;
    setBusy(key);
    const ticket = ++asked.current;
    try {
      const next = await action();
      show(ticket, next);
      if (success) message.success(success);
      return next;
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === "version_conflict") {
        message.warning("方案内容已被他人修改，已载入最新内容，请核对后重新操作");
        await refetch();
      } else {
        message.error(errorMessage(failure));
      }
      return null;
    } finally {
      running.current = false;
      setBusy(null);
    }
  };

  return { plan, loading, error, refetch, setPlan, change, busy };
}
