/**
 * Task: InputPath → Parameters → invoke the integration → ResultSelector →
 * ResultPath → OutputPath. An attempt is scheduled by a command; its result
 * comes back as an activation (succeeded, failed, timed out, submitted,
 * heartbeat). Timeouts and heartbeats are timers with absolute deadlines.
 */
import type { CompiledTask } from "../definition/compiled.js";
import { StatesError, StatesErrorName, StateRuntimeError } from "../errors.js";
import type { JsonValue } from "../json.js";
import { exceedsJsonBytes } from "../json-size.js";
import { evalScope } from "../dataflow/eval-scope.js";
import type { ContextExtras } from "../execution/context-object.js";
import type { DataContext } from "../dataflow/data-template.js";
import { evaluateData, numberContext } from "../dataflow/data-template.js";
import { applyTemplate, selectFramePath } from "../dataflow/jsonpath-pipeline.js";
import { evaluatePayloadTemplate } from "../jsonpath/payload-template.js";
import { inspect } from "../execution/inspection.js";
import type { Frame, TaskRecord } from "../execution/execution-state.js";
import { retryCount } from "../execution/execution-state.js";
import { dataLimitExceeded } from "../execution/frame-runner.js";
import { MAX_PAYLOAD_BYTES } from "../execution/payload-quota.js";
import type { TaskInvocation } from "../execution/commands.js";
import type { StepSession } from "../execution/step-session.js";
import { cancelTimer, nextId, setTimer } from "../execution/step-session.js";
import { releaseTask } from "../execution/execution-end.js";
import { readInteger } from "./number-source.js";
import { exitWithResult } from "./result-outcome.js";
import type { StateOutcome } from "./state-outcome.js";
import { BLOCKED } from "./state-outcome.js";
import { emitFailed, emitScheduled, emitStarted, emitSubmitted, emitSucceeded } from "./task-events.js";

export function runTask(session: StepSession, frame: Frame, state: CompiledTask): StateOutcome {
  const resource = state.resource;
  const raw = frame.stateInput;
  const jsonata = state.queryLanguage === "JSONata";
  const effective = jsonata
    ? raw
    : inspect(session, "afterInputPath", selectFramePath(session, frame, state.inputPath, raw));
  // Recorded: `$$.Task.Token` is there for `.sync` tasks too, not only for callbacks.
  const needsToken = resource.pattern !== "request-response" || resource.family === "activity";
  const taskToken = needsToken ? newTaskToken(session) : undefined;
  const extras: ContextExtras = { taskToken, withRetryCount: true };
  const scope = evalScope(session, frame, effective, extras);
  const context: DataContext = { dollar: effective, input: raw, extras };
  const parameters = jsonata
    ? inspect(
        session,
        "afterArguments",
        state.arguments
          ? evaluateData(
              session,
              frame,
              { language: "JSONata", template: state.arguments },
              "Arguments",
              context,
            )
          : raw,
      )
    : inspect(session, "afterParameters", applyTemplate(state.parameters, scope));
  const credentials = state.credentials && evaluatePayloadTemplate(state.credentials, scope);
  let timeoutSeconds: number | undefined;
  let heartbeatSeconds: number | undefined;
  if (state.timeoutSeconds || state.heartbeatSeconds) {
    const numbers = numberContext(session, frame, context);
    timeoutSeconds =
      state.timeoutSeconds && positive(readInteger(state.timeoutSeconds, numbers), "TimeoutSeconds");
    heartbeatSeconds =
      state.heartbeatSeconds && positive(readInteger(state.heartbeatSeconds, numbers), "HeartbeatSeconds");
  }
  if (exceedsJsonBytes(parameters, MAX_PAYLOAD_BYTES)) throw dataLimitExceeded(state.name);

  const invocations = session.state.invocations;
  const invocationIndex = invocations[state.name] ?? 0;
  invocations[state.name] = invocationIndex + 1;
  const taskId = nextId(session);
  const invocation: TaskInvocation = {
    stateName: state.name,
    resource,
    parameters,
    credentials,
    taskToken,
    timeoutSeconds,
    heartbeatSeconds,
    invocationIndex,
    attempt: retryCount(frame),
    executionArn: session.state.identity.executionArn,
    stateMachineArn: session.state.identity.stateMachineArn,
    purpose: undefined,
  };
  const record: TaskRecord = {
    frameId: frame.id,
    invocation,
    stateName: state.name,
    resource: resource.arn,
    submitted: false,
    started: resource.family !== "activity",
    token: taskToken,
    timeoutTimerId:
      timeoutSeconds === undefined
        ? undefined
        : setTimer(session, {
            frameId: frame.id,
            at: session.now + timeoutSeconds * 1000,
            purpose: "task-timeout",
            taskId,
          }),
    heartbeatTimerId: undefined,
    heartbeatSeconds,
  };
  session.state.tasks.set(taskId, record);
  frame.waiting = { kind: "task", taskId };

  emitScheduled(session, frame, resource, {
    parameters,
    region: resource.region ?? session.state.identity.region,
    timeoutSeconds,
    heartbeatSeconds,
    credentials,
  });
  if (record.started) {
    emitStarted(session, frame, resource);
    armHeartbeat(session, taskId, record);
  }
  session.commands.push({ type: "invoke-task", taskId, invocation });
  return BLOCKED;
}

function positive(value: number, field: string): number {
  if (value <= 0)
    throw new StateRuntimeError(`The ${field} value must be a positive integer, but was ${value}.`);
  return value;
}

function newTaskToken(session: StepSession): string {
  // Opaque to users, unique per attempt; drawn from the execution's Random.
  return Buffer.from(`${session.random.uuid()}:${session.random.uuid()}`).toString("base64url");
}

function armHeartbeat(session: StepSession, taskId: string, record: TaskRecord): void {
  if (record.heartbeatSeconds === undefined) return;
  cancelTimer(session, record.heartbeatTimerId);
  record.heartbeatTimerId = setTimer(session, {
    frameId: record.frameId,
    at: session.now + record.heartbeatSeconds * 1000,
    purpose: "task-heartbeat",
    taskId,
  });
}

/** Activity tasks start when a worker takes them; the others start when scheduled. */
export function onTaskStarted(
  session: StepSession,
  frame: Frame,
  state: CompiledTask,
  taskId: string,
  workerName?: string,
): void {
  const record = session.state.tasks.get(taskId);
  if (!record || record.started) return;
  record.started = true;
  emitStarted(session, frame, state.resource, workerName);
  armHeartbeat(session, taskId, record);
}

export function onTaskHeartbeat(session: StepSession, taskId: string): void {
  const record = session.state.tasks.get(taskId);
  if (record) armHeartbeat(session, taskId, record);
}

export function onTaskSubmitted(
  session: StepSession,
  frame: Frame,
  state: CompiledTask,
  taskId: string,
  output: JsonValue,
): void {
  const record = session.state.tasks.get(taskId);
  if (!record || record.submitted) return;
  record.submitted = true;
  // An activity waits for its worker without a TaskSubmitted event.
  if (state.resource.family !== "activity") emitSubmitted(session, frame, state.resource, output);
}

export function onTaskSucceeded(
  session: StepSession,
  frame: Frame,
  state: CompiledTask,
  taskId: string,
  output: JsonValue,
): StateOutcome {
  const record = session.state.tasks.get(taskId);
  if (!record) return BLOCKED;
  onTaskStarted(session, frame, state, taskId);
  closeTask(session, frame, taskId);
  if (exceedsJsonBytes(output, MAX_PAYLOAD_BYTES)) {
    const subject = state.resource.family === "service" ? state.resource.resourceType : state.resource.arn;
    const error = dataLimitExceeded(subject);
    emitFailed(session, frame, state.resource, "Failed", error.name, error.cause);
    return { kind: "fail", error };
  }
  emitSucceeded(session, frame, state.resource, output);
  return exitWithResult(session, frame, state, output);
}

export function onTaskFailed(
  session: StepSession,
  frame: Frame,
  state: CompiledTask,
  taskId: string,
  error: string | undefined,
  cause: string | undefined,
): StateOutcome {
  const record = session.state.tasks.get(taskId);
  if (!record) return BLOCKED;
  onTaskStarted(session, frame, state, taskId);
  closeTask(session, frame, taskId);
  emitFailed(session, frame, state.resource, "Failed", error, cause);
  return { kind: "fail", error: new StatesError(error ?? "", cause) };
}

/** TimeoutSeconds or HeartbeatSeconds ran out, or a mock answered `States.Timeout`. */
export function onTaskTimedOut(
  session: StepSession,
  frame: Frame,
  state: CompiledTask,
  taskId: string,
  cause?: string,
): StateOutcome {
  const record = session.state.tasks.get(taskId);
  if (!record) return BLOCKED;
  // An activity no worker took times out without ever having started.
  releaseTask(session, taskId, "timed-out");
  frame.waiting = undefined;
  emitFailed(session, frame, state.resource, "TimedOut", StatesErrorName.Timeout, cause);
  return { kind: "fail", error: new StatesError(StatesErrorName.Timeout, cause) };
}

function closeTask(session: StepSession, frame: Frame, taskId: string): void {
  releaseTask(session, taskId, "completed");
  frame.waiting = undefined;
}
