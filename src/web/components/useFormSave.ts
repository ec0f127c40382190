import type { FormInstance } from "antd";
import { useState } from "react";
import { ApiError, errorMessage } from "../api/client";
import { showFieldErrors } from "./formErrors";
import type { ConflictOffer } from "./SaveErrorAlert";

type SaveFailureHandlers<Latest> = {
  /** Also say the failure where the user looks (a toast), when the action ran away from the form. */
  onError?: (message: string) => void;
  /** After a 409 version conflict: refresh what is shown and return the record as it now stands, to offer it. */
  onConflict?: () => Promise<Latest | null>;
};

/**
 * Saving a form: the busy state, the server's validation issues under their fields (`fields`), any other failure as
 * the form's error, and on a version conflict the latest record, kept aside until the user chooses to load it.
 */
export function useFormSave<Latest = never>(form: FormInstance, fields: readonly string[]) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [latest, setLatest] = useState<Latest | null>(null);

  /** Runs `request`: what it answered when it succeeded (as `{ value }`), null when it failed. */
  const save = async <Answer>(
    request: () => Promise<Answer>,
    handlers: SaveFailureHandlers<Latest> = {},
  ): Promise<{ value: Answer } | null> => {
    setSaving(true);
    setError(null);
    try {
      return { value: await request() };
    } catch (failure) {
      if (showFieldErrors(form, failure, fields)) return null;
      setError(errorMessage(failure));
      handlers.onError?.(errorMessage(failure));
      if (handlers.onConflict && failure instanceof ApiError && failure.code === "version_conflict") {
        setLatest(await handlers.onConflict());
      }
      return null;
    } finally {
      setSaving(false);
    }
  };

  /**
   * After a version conflict, the offer SaveErrorAlert shows: the typed values stay, and a button hands the kept
   * latest record to `apply` (which puts it in the form) and clears the conflict. Null while there is no conflict.
   */
  const conflictOffer = (apply: (record: Latest) => void): ConflictOffer | null =>
    latest && {
      kept: "您填写的内容仍保留在表单中。可以先记下需要的修改，再载入最新内容后重新修改。",
      onLoadLatest: () => {
        apply(latest);
        setLatest(null);
        setError(null);
      },
    };

  return { saving, error, save, conflictOffer };
}
