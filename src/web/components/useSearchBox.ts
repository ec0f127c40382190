import { type ChangeEvent, useEffect, useRef, useState } from "react";

/** How long after the typing stops a list follows its search box. */
const SETTLE_MS = 300;

/**
 * A list's search box: what it says, and `onSettled` called with its words (trimmed; undefined when blank) a moment
 * after the typing stops, so that the list is not asked again at every key. `typed` is what it says now, for an
 * export pressed before the list has caught up.
 */
export function useSearchBox(onSettled: (q: string | undefined) => void) {
  const [text, setText] = useState("");
  const settled = useRef(onSettled);
  settled.current = onSettled;
  useEffect(() => {
    const q = text.trim() || undefined;
    const timer = window.setTimeout(() => settled.current(q), SETTLE_MS);
    return () => window.clearTimeout(timer);
  }, [text]);
  return {
    typed: text.trim() || undefined,
    /** the props of an Input.Search */
    input: {
      allowClear: true,
      value: text,
      onChange: (event: ChangeEvent<HTMLInputElement>) => setText(event.target.value),
      onSearch: setText,
    },
  };
}
