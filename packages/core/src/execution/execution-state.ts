/**
 * An execution as plain data: everything needed to continue it, in a form
 * that survives `JSON.stringify` → `JSON.parse`. The synchronous step reads
 * and advances it; nothing in here is a closure or a Date, and the two
 * classes — the IdTable of frames, timers and tasks, and the
 * RunningChildren of a join — are written out as a plain record and an
 * array (`WrittenExecutionState`) and made live again by
 * `liveExecutionState`.
 */
import type { JsonObject, JsonValue } from "../json.js";
import type { TaskInvocation } from "./commands.js";
import type { HistoryEvent } from "./history-event.js";
import type { IdTable } from "./id-table.js";
import type { RunningChildren } from "./running-children.js";

export const SNAPSHOT_VERSION = 1;

export type ExecutionStatus = "RUNNING" | "SUCCEEDED" | "FAILED" | "TIMED_OUT" | "ABORTED";

export interface ExecutionIdentity {
  readonly executionArn: string;
  readonly name: string;
  readonly stateMachineArn: string;
  readonly stateMachineName: string;
  readonly roleArn: string;
  readonly region: string;
  readonly account: string;
  /** ISO-8601 start time, as `$$.Execution.StartTime` shows it. */
  readonly startTime: string;
  readonly redriveCount: number;
}

export interface ExecutionState {
  readonly version: typeof SNAPSHOT_VERSION;
  readonly identity: ExecutionIdentity;
  readonly input: JsonValue;
  status: ExecutionStatus;
  output?: JsonValue;
  error?: string;
  cause?: string;
  /** Live frames by id; a frame is removed once it has finished. */
  readonly frames: IdTable<Frame>;
  readonly rootFrameId: string;
  /** Pending timers by id, with absolute deadlines. */
  readonly timers: IdTable<TimerRecord>;
  /** Tasks in flight by id. */
  readonly tasks: IdTable<TaskRecord>;
  /** Counter for frame, timer and task ids. */
  nextId: number;
  lastEventId: number;
  /** Invocations so far per Task state name, counting retries and Map iterations (mock numbering). */
  readonly invocations: Record<string, number>;
  /** Events beyond this count fail the execution, as AWS's 25,000-event quota does. */
  readonly historyLimit: number;
  /** Fields of `$$` given by the caller instead of the made-up ones (runtime.testState). */
  readonly contextOverrides?: JsonObject;
}

/**
 * One thread of control inside a (sub)machine: the execution's root, a
 * Parallel branch or a Map iteration. Every member is always there (unset
 * ones are undefined, which JSON leaves out) so that frames keep one shape:
 * they are read on every state.
 */
export interface Frame {
  readonly id: string;
  /** The frame that waits for this one (a Parallel or Map state's frame). */
  readonly parentId: string | undefined;
  /** The compiled scope this frame runs: "" for the root, a JSON pointer for a branch or item processor. */
  readonly scope: string;
  readonly kind: "root" | "branch" | "iteration";
  /** Branch index or iteration index. */
  readonly index: number | undefined;
  /** Name of the current state. */
  stateName: string;
  /** The current state's raw input. */
  stateInput: JsonValue;
  /** Id of the current state's entered event, quoted by States.Runtime causes. */
  enteredEventId: number;
  /** Epoch ms when the current state was entered. */
  enteredTime: number;
  /** Id of the last event this frame wrote (previousEventId of its next event). */
  lastEventId: number;
  /** Attempts made so far per retrier of the current state. */
  retryCounts: number[];
  /** Variables declared in this frame's scope. */
  variables: JsonObject;
  /** What the frame waits for, when it is blocked. */
  waiting: Waiting | undefined;
  /** The join of a Parallel or Map state running in this frame. */
  join: Join | undefined;
  /** Input of the current state after InputPath, kept while a Wait or Map state waits. */
  effectiveInput: JsonValue | undefined;
  /** Events of this frame are not part of the history (a distributed Map's child executions). */
  readonly silent: boolean;
  /** Outer variables are not visible from this frame (a distributed Map's child executions). */
  readonly isolated: boolean;
}

export type Waiting =
  | { readonly kind: "wait-state"; readonly timerId: string }
  | { readonly kind: "retry"; readonly timerId: string }
  | { readonly kind: "task"; readonly taskId: string }
  | { readonly kind: "children" };

/** Children of a Parallel or Map state and their results so far. */
export interface Join {
  readonly kind: "parallel" | "map";
  /** Results by branch or item index; holes are still running or not started. */
  readonly results: (JsonValue | undefined)[];
  /** Ids of the child frames still running, in start order. */
  readonly running: RunningChildren;
  /** Map: the items still to start from, and the next index to start. */
  readonly items?: JsonValue[];
  nextIndex: number;
  /** Map: at most this many iterations at once (0 = no limit). */
  readonly maxConcurrency: number;
  failures: number;
  /** Map: how many failed iterations are tolerated before the state fails. */
  readonly toleratedFailureCount?: number;
  readonly toleratedFailurePercentage?: number;
  /** Map: the items are batches already built from selected items (ItemBatcher). */
  readonly preselected?: boolean;
  /** Distributed Map: the ARN of its map run. */
  mapRunArn?: string;
}

export interface TimerRecord {
  readonly frameId: string;
  /** Epoch ms. */
  readonly at: number;
  readonly purpose: "wait-state" | "retry" | "task-timeout" | "task-heartbeat" | "execution-timeout";
  readonly taskId?: string;
}

export interface TaskRecord {
  readonly frameId: string;
  /** What was sent to the integration: a resumed execution re-sends it if no answer came yet. */
  readonly invocation: TaskInvocation;
  readonly stateName: string;
  readonly resource: string;
  /** The callback token, for `.waitForTaskToken` and activities. */
  readonly token?: string | undefined;
  readonly timeoutTimerId?: string | undefined;
  heartbeatTimerId?: string | undefined;
  readonly heartbeatSeconds?: number | undefined;
  /** Activity tasks start when a worker takes them; the others when scheduled. */
  started: boolean;
  /** True once the integration reported the task submitted (waiting for its callback). */
  submitted: boolean;
}

/** A frame as written out: the running children of its join an array of ids. */
export type WrittenFrame = Omit<Frame, "join"> & {
  readonly join: (Omit<Join, "running"> & { readonly running: readonly string[] }) | undefined;
};

/** An execution's data as written out (snapshots, durable stores): its tables plain records. */
export type WrittenExecutionState = Omit<ExecutionState, "frames" | "timers" | "tasks"> & {
  readonly frames: Readonly<Record<string, WrittenFrame>>;
  readonly timers: Readonly<Record<string, TimerRecord>>;
  readonly tasks: Readonly<Record<string, TaskRecord>>;
};

/** A snapshot as handed to users: the execution data and its history so far. */
export interface ExecutionSnapshot {
  readonly state: WrittenExecutionState;
  readonly history: readonly HistoryEvent[];
}

/**
 * What a new frame starts with, shared: most frames never retry or assign
 * (a Map's iterations especially, one frame each), so the array and the
 * object are made on the first write (`frame-runner.ts`, `assign.ts`).
 */
export const NO_RETRIES: number[] = Object.freeze([]) as unknown as number[];
export const NO_VARIABLES: JsonObject = Object.freeze({});

/** Retries so far of a frame's current state, over all its retriers (`$$.State.RetryCount`). */
export function retryCount(frame: Frame): number {
  let total = 0;
  for (const attempts of frame.retryCounts) total += attempts ?? 0;
  return total;
}
