/**
 * A distributed Map's reads and writes: its ItemReader and ResultWriter go
 * through the integration registered for their Resource (e.g. a local S3
 * stand-in serving `arn:aws:states:::s3:getObject`), as invocations of the
 * Map's frame that write no Task events. Their answers come back as task
 * activations and are routed here by the step.
 */
import type { CompiledMap } from "../definition/compiled.js";
import type { ResourceInfo } from "../integrations/arn.js";
import type { JsonValue } from "../json.js";
import type { TaskInvocation } from "../execution/commands.js";
import type { Frame, TaskRecord } from "../execution/execution-state.js";
import { retryCount } from "../execution/execution-state.js";
import type { StepSession } from "../execution/step-session.js";
import { nextId } from "../execution/step-session.js";
import { releaseTask } from "../execution/execution-end.js";
import { StatesError } from "../errors.js";
import type { StateOutcome } from "./state-outcome.js";

export function requestMapIo(
  session: StepSession,
  frame: Frame,
  state: CompiledMap,
  purpose: "item-reader" | "result-writer",
  resource: ResourceInfo,
  parameters: JsonValue,
): void {
  const identity = session.state.identity;
  const invocation: TaskInvocation = {
    stateName: state.name,
    resource,
    parameters,
    invocationIndex: 0,
    attempt: retryCount(frame),
    executionArn: identity.executionArn,
    stateMachineArn: identity.stateMachineArn,
    purpose,
  };
  const taskId = nextId(session);
  const record: TaskRecord = {
    frameId: frame.id,
    invocation,
    stateName: state.name,
    resource: resource.arn,
    started: true,
    submitted: false,
  };
  session.state.tasks.set(taskId, record);
  frame.waiting = { kind: "task", taskId };
  session.commands.push({ type: "invoke-task", taskId, invocation });
}

/** A task activation for an ItemReader or ResultWriter: its output, or the failure. */
export type TaskAnswer =
  | { readonly kind: "succeeded"; readonly output: JsonValue }
  | { readonly kind: "failed"; readonly error?: string; readonly cause?: string };

/** The reader or writer answered: its invocation is released and the Map stops waiting on it. */
export function closeMapIo(session: StepSession, frame: Frame, taskId: string): void {
  releaseTask(session, taskId, "completed");
  frame.waiting = undefined;
}

/** A failed reader or writer fails the Map with `errorName`, carrying the integration's cause. */
export function mapIoFailure(
  answer: Extract<TaskAnswer, { kind: "failed" }>,
  errorName: string,
): StateOutcome {
  return { kind: "fail", error: new StatesError(errorName, answer.cause ?? answer.error) };
}
