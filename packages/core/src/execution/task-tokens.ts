/**
 * Task tokens of a runtime: which execution waits for which token, and the
 * AWS errors of SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat for
 * tokens that are malformed, unknown, or belong to a task that has ended.
 */
import type { Execution } from "./execution.js";

export type TaskTokenErrorName = "InvalidToken" | "TaskDoesNotExist" | "TaskTimedOut" | "InvalidOutput";

/** Thrown by `runtime.sendTask…` with the name of AWS's API error. */
export class TaskTokenError extends Error {
  override readonly name: TaskTokenErrorName;

  constructor(name: TaskTokenErrorName, message: string) {
    super(message);
    this.name = name;
  }
}

/** How many ended tasks' tokens are remembered, to answer TaskTimedOut instead of TaskDoesNotExist. */
const REMEMBERED_ENDED_TOKENS = 10_000;

// Our tokens: base64url text of at least one UUID (see states/task.ts).
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{16,2048}$/;

/** The InvalidToken error for text that cannot be one of our tokens, else nothing. */
export function checkTokenShape(token: string): void {
  if (typeof token !== "string" || !TOKEN_SHAPE.test(token)) {
    throw new TaskTokenError("InvalidToken", `Invalid Token: '${token}'`);
  }
}

export interface TaskTokenRegistry {
  register(token: string, execution: Execution, taskId: string): void;
  release(token: string): void;
  /** The execution and task a token belongs to, or the AWS error for it. */
  resolve(token: string): { readonly execution: Execution; readonly taskId: string };
}

export function createTaskTokenRegistry(): TaskTokenRegistry {
  const live = new Map<string, { execution: Execution; taskId: string }>();
  const ended = new Set<string>();
  return {
    register(token, execution, taskId) {
      ended.delete(token);
      live.set(token, { execution, taskId });
    },
    release(token) {
      if (!live.delete(token)) return;
      ended.add(token);
      if (ended.size > REMEMBERED_ENDED_TOKENS) ended.delete(ended.values().next().value!);
    },
    resolve(token) {
      checkTokenShape(token);
      const entry = live.get(token);
      if (entry) return entry;
      if (ended.has(token))
        throw new TaskTokenError("TaskTimedOut", "Task Timed Out: the task of this token has already ended");
      throw new TaskTokenError("TaskDoesNotExist", "Task does not exist anymore");
    },
  };
}
