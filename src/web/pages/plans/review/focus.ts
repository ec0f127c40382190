/**
 * What the review screen points at: a task (from a click in the source, in the list, or a link elsewhere) or a place
 * in the source text (a parser warning). A new nonce scrolls to it again even when it is the same task.
 */
export type Focus = {
  taskId?: number;
  offset?: number;
  /** the pane the click came from does not scroll: the user is looking at what they clicked */
  origin: "source" | "list" | "other";
  nonce: number;
};

/** Scrolls `container` so that `element` sits a little below its top edge. */
export function scrollWithin(container: HTMLElement, element: HTMLElement): void {
  const top = element.getBoundingClientRect().top - container.getBoundingClientRect().top + container.scrollTop;
  container.scrollTo({ top: Math.max(0, top - 72), behavior: "smooth" });
}
