import { Alert, Button } from "antd";

/** Given after a version conflict: what happened to the typed values, and how to load the other person's change. */
export type ConflictOffer = { kept: string; onLoadLatest: () => void };

type Props = {
  error: string | null;
  conflict?: ConflictOffer | null;
};

/** Why a form's save failed, above the form. */
export function SaveErrorAlert({ error, conflict }: Props) {
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={error}
      description={conflict?.kept}
      action={
        conflict ? (
          <Button size="small" onClick={conflict.onLoadLatest}>
            载入最新内容
          </Button>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}
