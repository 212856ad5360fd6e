/**
 * History events in the shape of AWS `GetExecutionHistory`: `{ id,
 * previousEventId, timestamp, type, <type>EventDetails }`, with AWS's type
 * and field names and payloads as JSON strings, so a history can be diffed
 * against a real run.
 */
import type { JsonObject } from "../json.js";

export type HistoryEventType =
  | "ExecutionStarted"
  | "ExecutionSucceeded"
  | "ExecutionFailed"
  | "ExecutionTimedOut"
  | "ExecutionAborted"
  | `${StateTypeName}StateEntered`
  | `${StateTypeName}StateExited`
  | "TaskStateAborted"
  | "WaitStateAborted"
  | "ParallelStateStarted"
  | "ParallelStateSucceeded"
  | "ParallelStateFailed"
  | "ParallelStateAborted"
  | "MapStateStarted"
  | "MapStateSucceeded"
  | "MapStateFailed"
  | "MapStateAborted"
  | "MapIterationStarted"
  | "MapIterationSucceeded"
  | "MapIterationFailed"
  | "MapIterationAborted"
  | "MapRunStarted"
  | "MapRunSucceeded"
  | "MapRunFailed"
  | "MapRunAborted"
  | "TaskScheduled"
  | "TaskStarted"
  | "TaskSubmitted"
  | "TaskSucceeded"
  | "TaskFailed"
  | "TaskTimedOut"
  | "LambdaFunctionScheduled"
  | "LambdaFunctionStarted"
  | "LambdaFunctionSucceeded"
  | "LambdaFunctionFailed"
  | "LambdaFunctionTimedOut"
  | "ActivityScheduled"
  | "ActivityStarted"
  | "ActivitySucceeded"
  | "ActivityFailed"
  | "ActivityTimedOut"
  | "EvaluationFailed";

export type StateTypeName = "Pass" | "Task" | "Choice" | "Wait" | "Succeed" | "Fail" | "Parallel" | "Map";

export interface HistoryEvent {
  readonly id: number;
  readonly previousEventId: number;
  /** ISO-8601 with milliseconds, UTC. */
  readonly timestamp: string;
  readonly type: HistoryEventType;
  readonly [details: `${string}EventDetails`]: JsonObject | undefined;
}

/** AWS writes these events without a details object. */
const WITHOUT_DETAILS: ReadonlySet<HistoryEventType> = new Set<HistoryEventType>([
  "TaskStateAborted",
  "WaitStateAborted",
  "ParallelStateStarted",
  "ParallelStateSucceeded",
  "ParallelStateFailed",
  "ParallelStateAborted",
  "MapStateSucceeded",
  "MapStateFailed",
  "MapStateAborted",
  "MapRunSucceeded",
  "MapRunAborted",
  "LambdaFunctionStarted",
]);

const detailsKeys = new Map<HistoryEventType, `${string}EventDetails` | undefined>();

/**
 * The name of the details field AWS uses for an event type, or undefined
 * when AWS writes the event without one: entered and exited events of every
 * state type share `stateEnteredEventDetails` / `stateExitedEventDetails`;
 * the others are named after their type.
 */
export function detailsKeyOf(type: HistoryEventType): `${string}EventDetails` | undefined {
  if (detailsKeys.has(type)) return detailsKeys.get(type);
  let key: `${string}EventDetails` | undefined;
  if (WITHOUT_DETAILS.has(type)) key = undefined;
  else if (type.endsWith("StateEntered")) key = "stateEnteredEventDetails";
  else if (type.endsWith("StateExited")) key = "stateExitedEventDetails";
  else key = `${type.charAt(0).toLowerCase()}${type.slice(1)}EventDetails`;
  detailsKeys.set(type, key);
  return key;
}

/** Entered and exited event types by state type, as constants (no string is built per state). */
export const STATE_ENTERED: { readonly [T in StateTypeName]: `${T}StateEntered` } = {
  Pass: "PassStateEntered",
  Task: "TaskStateEntered",
  Choice: "ChoiceStateEntered",
  Wait: "WaitStateEntered",
  Succeed: "SucceedStateEntered",
  Fail: "FailStateEntered",
  Parallel: "ParallelStateEntered",
  Map: "MapStateEntered",
};

export const STATE_EXITED: { readonly [T in StateTypeName]: `${T}StateExited` } = {
  Pass: "PassStateExited",
  Task: "TaskStateExited",
  Choice: "ChoiceStateExited",
  Wait: "WaitStateExited",
  Succeed: "SucceedStateExited",
  Fail: "FailStateExited",
  Parallel: "ParallelStateExited",
  Map: "MapStateExited",
};

/**
 * What the history's most frequent events are, made once per compiled
 * state rather than per event: the type, the state named in the details,
 * and what the event's data holds — the state's input (entered), its
 * output (exited) or, for a Map's iterations, the iteration's index. The
 * log keeps a reference to the head and the data, and writes the details
 * from them when the history is read.
 */
export type EventHead =
  | { readonly type: `${StateTypeName}StateEntered`; readonly name: string; readonly holds: "input" }
  | { readonly type: `${StateTypeName}StateExited`; readonly name: string; readonly holds: "output" }
  | {
      readonly type: "MapIterationStarted" | "MapIterationSucceeded";
      readonly name: string;
      readonly holds: "index";
    };

export function eventHead(type: `${StateTypeName}StateEntered`, name: string, holds: "input"): EventHead;
export function eventHead(type: `${StateTypeName}StateExited`, name: string, holds: "output"): EventHead;
export function eventHead(
  type: "MapIterationStarted" | "MapIterationSucceeded",
  name: string,
  holds: "index",
): EventHead;
export function eventHead(type: EventHead["type"], name: string, holds: EventHead["holds"]): EventHead {
  return Object.freeze({ type, name, holds }) as EventHead;
}
