/**
 * How an execution ends: its root frame finished (succeeded or failed), it
 * was stopped (ABORTED), or it ran past its TimeoutSeconds (TIMED_OUT). The
 * last two abort every frame still running, with the events AWS writes.
 */
import { StatesErrorName } from "../errors.js";
import type { Frame } from "./execution-state.js";
import type { FrameResult } from "./frame-runner.js";
import { stateOf } from "./frame-runner.js";
import type { StepSession } from "./step-session.js";
import { cancelTimer, emit, outputDetails } from "./step-session.js";

export function completeExecution(session: StepSession, root: Frame, result: FrameResult): void {
  const state = session.state;
  if (result.ok) {
    state.status = "SUCCEEDED";
    state.output = result.output;
    emit(session, root, "ExecutionSucceeded", outputDetails(result.output));
  } else {
    state.status = "FAILED";
    if (result.error !== undefined) state.error = result.error;
    if (result.cause !== undefined) state.cause = result.cause;
    emit(session, root, "ExecutionFailed", errorDetails(result.error, result.cause));
  }
  releaseEverything(session);
}

export function stopExecution(
  session: StepSession,
  error: string | undefined,
  cause: string | undefined,
): void {
  const state = session.state;
  if (state.status !== "RUNNING") return;
  const root = state.frames.get(state.rootFrameId);
  if (root) abortFrame(session, root);
  state.status = "ABORTED";
  if (error !== undefined) state.error = error;
  if (cause !== undefined) state.cause = cause;
  emit(session, undefined, "ExecutionAborted", errorDetails(error, cause));
  releaseEverything(session);
}

export function timeOutExecution(session: StepSession): void {
  const state = session.state;
  if (state.status !== "RUNNING") return;
  const root = state.frames.get(state.rootFrameId);
  if (root) abortFrame(session, root);
  state.status = "TIMED_OUT";
  state.error = StatesErrorName.Timeout;
  emit(session, undefined, "ExecutionTimedOut", { error: StatesErrorName.Timeout });
  releaseEverything(session);
}

/**
 * AWS fails an execution whose history would grow past its quota (25,000
 * events): the last event it writes is ExecutionFailed. The recordings do
 * not show that error's name or cause; `States.Runtime` with a cause naming
 * the limit is our choice. Returns true when the execution ended here.
 */
export function failForHistoryLimit(session: StepSession): boolean {
  const state = session.state;
  if (state.status !== "RUNNING" || state.lastEventId < state.historyLimit - 1) return false;
  state.status = "FAILED";
  state.error = StatesErrorName.Runtime;
  state.cause = `The execution reached the maximum number of history events (${state.historyLimit}).`;
  emit(session, undefined, "ExecutionFailed", errorDetails(state.error, state.cause));
  releaseEverything(session);
  return true;
}

/**
 * Aborts a frame and everything below it: running tasks are cancelled
 * (their AbortSignal fires) and get `TaskStateAborted`, Wait states
 * `WaitStateAborted`, Parallel and Map states abort their children first,
 * and a Map iteration ends with `MapIterationAborted`.
 */
export function abortFrame(session: StepSession, frame: Frame): void {
  const frames = session.state.frames;
  if (frames.get(frame.id) !== frame) return;
  if (frame.join) {
    for (const childId of frame.join.running.ids()) {
      const child = frames.get(childId);
      if (child) abortFrame(session, child);
    }
  }
  const waiting = frame.waiting;
  const state = stateOf(session, frame);
  if (waiting) {
    switch (waiting.kind) {
      case "task":
        releaseTask(session, waiting.taskId, "aborted");
        // A Task's attempt, or a distributed Map reading or writing through an integration.
        emit(session, frame, state.type === "Map" ? "MapStateAborted" : "TaskStateAborted");
        break;
      case "wait-state":
        cancelTimer(session, waiting.timerId);
        emit(session, frame, "WaitStateAborted");
        break;
      case "retry":
        cancelTimer(session, waiting.timerId);
        if (state.type === "Task") emit(session, frame, "TaskStateAborted");
        break;
      case "children":
        emit(session, frame, state.type === "Map" ? "MapStateAborted" : "ParallelStateAborted");
        break;
    }
  }
  frames.delete(frame.id);
  if (frame.kind === "iteration" && frame.parentId !== undefined) {
    const parent = frames.get(frame.parentId);
    if (parent)
      emit(session, frame, "MapIterationAborted", { name: parent.stateName, index: frame.index ?? 0 });
  }
}

/** Forgets a task and tells the driver to release it (and cancel it if it still runs). */
export function releaseTask(
  session: StepSession,
  taskId: string,
  reason: "completed" | "timed-out" | "aborted",
): void {
  const task = session.state.tasks.get(taskId);
  if (!task) return;
  cancelTimer(session, task.timeoutTimerId);
  cancelTimer(session, task.heartbeatTimerId);
  session.state.tasks.delete(taskId);
  session.commands.push({ type: "release-task", taskId, reason, token: task.token });
}

function errorDetails(error: string | undefined, cause: string | undefined): Record<string, string> {
  const details: Record<string, string> = {};
  if (error !== undefined) details["error"] = error;
  if (cause !== undefined) details["cause"] = cause;
  return details;
}

/** Once the execution has ended nothing may stay armed: timers and tasks are cancelled. */
function releaseEverything(session: StepSession): void {
  const state = session.state;
  // Copied first: releasing deletes from the tables. Usually both are empty.
  if (state.tasks.size > 0)
    for (const taskId of [...state.tasks.ids()]) releaseTask(session, taskId, "aborted");
  if (state.timers.size > 0) for (const timerId of [...state.timers.ids()]) cancelTimer(session, timerId);
  state.frames.clear();
}
