/**
 * What `harness.run()` gives back: the execution's result and history,
 * with the questions tests ask of them one call away.
 */
import type { Execution, ExecutionResult, HistoryEvent, JsonValue } from "@stepwise/core";
import { lastStateOutput, visitedStates } from "./history-queries.js";
import type { TaskCall } from "./task-calls.js";

const RUN = Symbol.for("@stepwise/testing.HarnessRun");

export interface HarnessRun {
  readonly execution: Execution;
  readonly result: ExecutionResult;
  readonly status: ExecutionResult["status"];
  /** The output of a SUCCEEDED execution. */
  readonly output: JsonValue | undefined;
  readonly error: string | undefined;
  readonly cause: string | undefined;
  /** AWS GetExecutionHistory events. */
  readonly history: readonly HistoryEvent[];
  /** State names in the order they were entered (a state entered twice appears twice). */
  readonly visited: readonly string[];
  /** The Task calls of this execution, optionally those of one state or Resource. */
  calls(target?: string): readonly TaskCall[];
  /** What the last exit of a state put out; undefined when it never exited. */
  stateOutput(stateName: string): JsonValue | undefined;
}

/**
 * The history is written in AWS's shape when first asked for (`history`,
 * `visited`, `stateOutput`, a history matcher), not for every run: a test
 * that checks only the output of a long run would otherwise pay for events
 * it never reads (40–60 ms for the 80,000 of a Map over 10,000 items).
 */
export function createRun(
  execution: Execution,
  result: ExecutionResult,
  calls: (target?: string) => readonly TaskCall[],
): HarnessRun {
  let visited: readonly string[] | undefined;
  const run: HarnessRun = {
    execution,
    result,
    status: result.status,
    output: result.status === "SUCCEEDED" ? result.output : undefined,
    error: result.status === "SUCCEEDED" ? undefined : result.error,
    cause: result.status === "SUCCEEDED" ? undefined : result.cause,
    // The execution has ended: its history no longer grows, and every read gives the same array.
    get history() {
      return execution.history();
    },
    get visited() {
      return (visited ??= visitedStates(execution.history()));
    },
    calls: (target) => calls(target).filter((call) => call.executionArn === execution.executionArn),
    stateOutput: (stateName) => lastStateOutput(execution.history(), stateName),
  };
  Object.defineProperty(run, RUN, { value: true });
  return run;
}

export function isHarnessRun(value: unknown): value is HarnessRun {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[RUN] === true;
}
