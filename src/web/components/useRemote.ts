import { useCallback, useEffect, useState } from "react";
import { errorMessage } from "../api/client";

/**
 * Data read from the server: loaded when `fetch` changes (memoize it with useCallback), with the spinner state, the
 * failure's message, and `reload` for after a change. A failed reload keeps what was shown before. `setData` puts in
 * what a change answered with, when the server sends the changed record back.
 */
export function useRemote<T>(fetch: () => Promise<T>, initial: T) {
  const [data, setData] = useState<T>(initial);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setData(await fetch());
      setError(null);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setLoading(false);
    }
  }, [fetch]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, loading, error, reload, setData };
}
