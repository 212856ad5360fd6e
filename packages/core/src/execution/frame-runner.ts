/**
 * The life of a state inside a frame: entered → run → exited (or failed,
 * retried, caught), and the transition to the next state. One place for
 * Retry, Catch, the entered/exited events and the payload limit, whatever
 * the state type.
 */
import type { CompiledState } from "../definition/compiled.js";
import { StatesError, StatesErrorName, StateRuntimeError } from "../errors.js";
import type { JsonObject, JsonValue } from "../json.js";
import { evaluateAssign, storeVariables } from "../dataflow/assign.js";
import { jsonataOutcome } from "../dataflow/data-template.js";
import { placeResult } from "../dataflow/jsonpath-pipeline.js";
import { enterStateType } from "../states/dispatch.js";
import { onChildFinished } from "../states/join.js";
import type { StateOutcome } from "../states/state-outcome.js";
import { errorMatches } from "./error-matching.js";
import { withinPayloadQuota } from "./payload-quota.js";
import type { Frame } from "./execution-state.js";
import { NO_RETRIES } from "./execution-state.js";
import { completeExecution, failForHistoryLimit } from "./execution-end.js";
import { retryDelayMs } from "./retry.js";
import type { StepSession, Transition } from "./step-session.js";
import { emit, emitHeaded, setTimer } from "./step-session.js";
import { DeferredJson, NOT_TRUNCATED } from "./deferred-json.js";

/** How a frame ended: its output, or the error that escaped it. */
export type FrameResult =
  | { readonly ok: true; readonly output: JsonValue }
  | { readonly ok: false; readonly error?: string; readonly cause?: string };

export function stateOf(session: StepSession, frame: Frame, name: string = frame.stateName): CompiledState {
  const state = session.machine.scopes.get(frame.scope)?.states.get(name);
  if (!state) throw new Error(`Unknown state '${name}' in scope '${frame.scope}'`);
  return state;
}

/** Runs a frame from a transition until it blocks or ends. */
export function runFrame(session: StepSession, frame: Frame, transition: Transition | undefined): void {
  let next = transition;
  while (next !== undefined && isLive(session, frame)) {
    next = enterState(session, frame, next);
  }
}

function isLive(session: StepSession, frame: Frame): boolean {
  return (
    session.state.status === "RUNNING" &&
    session.state.frames.get(frame.id) === frame &&
    !failForHistoryLimit(session)
  );
}

function enterState(session: StepSession, frame: Frame, transition: Transition): Transition | undefined {
  const name = transition.next;
  const input = transition.input;
  const state = transition.state ?? stateOf(session, frame, name);
  frame.stateName = name;
  frame.stateInput = input;
  frame.enteredTime = session.now;
  // The shared empty list again only when the last state retried: most never do.
  if (frame.retryCounts.length > 0) frame.retryCounts = NO_RETRIES;
  frame.effectiveInput = undefined;
  emitHeaded(session, frame, state.enteredEvent, input);
  frame.enteredEventId = frame.lastEventId;
  return runState(session, frame, state);
}

/** Runs the current state (on entry, or again for a retry). */
export function runState(session: StepSession, frame: Frame, state: CompiledState): Transition | undefined {
  let outcome: StateOutcome;
  try {
    outcome = enterStateType(session, frame, state);
  } catch (error) {
    outcome = { kind: "fail", error: asStatesError(error) };
  }
  return settleState(session, frame, state, outcome);
}

/** Applies a state's outcome: exit towards the next state, handle a failure, or keep waiting. */
export function settleState(
  session: StepSession,
  frame: Frame,
  state: CompiledState,
  outcome: StateOutcome,
): Transition | undefined {
  switch (outcome.kind) {
    case "blocked":
      return undefined;
    case "fail":
      return handleError(session, frame, state, outcome.error, outcome.childFailed ?? false);
    case "exit":
      return exitState(
        session,
        frame,
        state,
        outcome.output,
        outcome.next,
        outcome.assigned,
        outcome.nextState,
      );
  }
}

/**
 * `next` is the state to go to instead of the state's own Next (a Choice
 * rule, a Catcher); `nextState` is that state when already at hand.
 */
function exitState(
  session: StepSession,
  frame: Frame,
  state: CompiledState,
  output: JsonValue,
  next: string | undefined,
  assigned?: JsonObject,
  nextState?: CompiledState,
): Transition | undefined {
  if (!withinPayloadQuota(session.quota, output)) {
    return handleError(session, frame, state, dataLimitExceeded(state.name));
  }
  if (assigned) {
    emit(session, frame, state.exitedEvent.type, {
      name: state.name,
      output: new DeferredJson(output),
      outputDetails: NOT_TRUNCATED,
      assignedVariables: storeVariables(frame, assigned),
      assignedVariablesDetails: { truncated: false },
    });
  } else {
    emitHeaded(session, frame, state.exitedEvent, output);
  }
  const target = next ?? state.next;
  if (target === undefined || state.type === "Succeed") {
    finishFrame(session, frame, { ok: true, output });
    return undefined;
  }
  return { next: target, input: output, state: next === undefined ? state.nextState : nextState };
}

export function dataLimitExceeded(subject: string): StatesError {
  return new StatesError(
    StatesErrorName.DataLimitExceeded,
    `The state/task '${subject}' returned a result with a size exceeding the maximum number of bytes service limit.`,
  );
}

/**
 * A state failed: the first Retrier whose ErrorEquals matches retries while
 * it has attempts left; otherwise the first matching Catcher handles it;
 * otherwise the frame fails. Only the first matching Retrier counts.
 */
export function handleError(
  session: StepSession,
  frame: Frame,
  state: CompiledState,
  raw: StatesError,
  childFailed = false,
): Transition | undefined {
  const error = withStatePrefix(inQueryLanguage(raw, state), state, frame);
  const evaluationFailed = error.name === StatesErrorName.QueryEvaluationError;
  if (evaluationFailed) emitEvaluationFailed(session, frame, state, error);
  if (state.type === "Task" || state.type === "Parallel" || state.type === "Map") {
    const index = state.retriers.findIndex((r) => errorMatches(r.errorEquals, error.name));
    const retrier = state.retriers[index];
    if (retrier) {
      const attempts = frame.retryCounts[index] ?? 0;
      if (attempts < retrier.maxAttempts) {
        if (frame.retryCounts === NO_RETRIES) frame.retryCounts = [];
        frame.retryCounts[index] = attempts + 1;
        const delay = retryDelayMs(retrier, attempts, session.random);
        session.inspector?.retry(index, delay / 1000);
        const at = session.now + delay;
        const timerId = setTimer(session, { frameId: frame.id, at, purpose: "retry" });
        frame.waiting = { kind: "retry", timerId };
        return undefined;
      }
    }
    // Recorded: ParallelStateFailed / MapStateFailed only once the failure is final (not before a retry).
    // Recorded too: a Map whose Items fail to evaluate writes MapStateFailed after EvaluationFailed.
    if ((childFailed || evaluationFailed) && state.type !== "Task") {
      emit(session, frame, state.type === "Map" ? "MapStateFailed" : "ParallelStateFailed");
    }
    const catcherIndex = state.catchers.findIndex((c) => errorMatches(c.errorEquals, error.name));
    const catcher = state.catchers[catcherIndex];
    if (catcher) {
      session.inspector?.caught(catcherIndex);
      const errorOutput = { Error: error.name, Cause: error.cause ?? null };
      const raw = frame.stateInput;
      let output: JsonValue;
      let assigned: JsonObject | undefined;
      try {
        if (state.queryLanguage === "JSONata") {
          // JSONata: the catcher's Output (by default the error output) and Assign see $states.errorOutput.
          const ending = jsonataOutcome(
            session,
            frame,
            catcher,
            { dollar: errorOutput, input: raw, errorOutput },
            errorOutput,
            `Catch[${catcherIndex}]/`,
          );
          output = ending.output;
          assigned = ending.assigned;
        } else {
          output = placeResult(catcher.resultPath, raw, errorOutput);
          assigned = evaluateAssign(session, frame, catcher.assign, {
            dollar: errorOutput,
            input: raw,
            errorOutput,
          });
        }
      } catch (placeError) {
        failFrame(session, frame, state, withStatePrefix(asStatesError(placeError), state, frame));
        return undefined;
      }
      return exitState(session, frame, state, output, catcher.next, assigned);
    }
  }
  failFrame(session, frame, state, error);
}

function failFrame(session: StepSession, frame: Frame, state: CompiledState, error: StatesError): undefined {
  // Recorded: an uncaught Task failure inside a branch or an iteration is
  // followed by TaskStateAborted before the branch or iteration fails.
  if (frame.kind !== "root" && state.type === "Task") emit(session, frame, "TaskStateAborted");
  finishFrame(session, frame, failureResult(error));
  return undefined;
}

/** A Fail state without Error fails with no error name: StatesError carries it as "". */
export function failureResult(error: StatesError): FrameResult {
  return {
    ok: false,
    ...(error.name === "" ? {} : { error: error.name }),
    ...(error.cause === undefined ? {} : { cause: error.cause }),
  };
}

/** Ends a frame: the root ends the execution, a child reports to the Parallel or Map waiting for it. */
export function finishFrame(session: StepSession, frame: Frame, result: FrameResult): void {
  session.state.frames.delete(frame.id);
  if (frame.parentId === undefined) {
    completeExecution(session, frame, result);
    return;
  }
  const parent = session.state.frames.get(frame.parentId);
  if (parent) onChildFinished(session, parent, frame, result);
}

/** In a JSONata state every runtime failure is a States.QueryEvaluationError, as recorded. */
function inQueryLanguage(error: StatesError, state: CompiledState): StatesError {
  if (
    state.queryLanguage !== "JSONata" ||
    error.name !== StatesErrorName.Runtime ||
    !(error instanceof StateRuntimeError)
  )
    return error;
  return new StateRuntimeError(error.detail, StatesErrorName.QueryEvaluationError);
}

/**
 * AWS writes EvaluationFailed (with the state and the field) before a
 * JSONata evaluation failure is handled. The field is read from the cause,
 * which names it ("… specified for the field 'Output/result' …").
 */
function emitEvaluationFailed(
  session: StepSession,
  frame: Frame,
  state: CompiledState,
  error: StatesError,
): void {
  const location = /specified for the field '([^']+)'/.exec(error.cause ?? "")?.[1];
  emit(session, frame, "EvaluationFailed", {
    error: error.name,
    ...(error.cause === undefined ? {} : { cause: error.cause }),
    ...(location === undefined ? {} : { location }),
    state: state.name,
  });
}

/**
 * Runtime errors name the state and its entered event, as AWS writes them:
 * "An error occurred while executing the state 'X' (entered at the event id #2). …"
 */
function withStatePrefix(error: StatesError, state: CompiledState, frame: Frame): StatesError {
  if (!(error instanceof StateRuntimeError)) return error;
  return new StatesError(
    error.name,
    `An error occurred while executing the state '${state.name}' (entered at the event id #${frame.enteredEventId}). ${error.detail}`,
  );
}

export function asStatesError(error: unknown): StatesError {
  if (error instanceof StatesError) return error;
  // Anything else is a bug of ours or of a helper: fail the state, never the process.
  const message = error instanceof Error ? error.message : String(error);
  return new StateRuntimeError(message);
}
