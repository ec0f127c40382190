import type { Task } from "../../../../shared/api";

/** Below this confidence a task is marked 待核对 and listed first when asked. */
export const DOUBTFUL_BELOW = 0.8;

/** The parser was unsure of the task and nobody has changed it by hand since. */
export const isDoubtful = (task: Task) => task.confidence < DOUBTFUL_BELOW && task.editedFields.length === 0;
