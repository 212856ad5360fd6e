/**
 * The synchronous heart of the engine: `step` advances an execution's data
 * by one activation and returns the history events it wrote and the
 * commands the driver must carry out. It never awaits, never reads a clock
 * and never draws randomness except through what it is given.
 */
import type { CompiledMachine } from "../definition/compiled.js";
import type { Random } from "../random.js";
import {
  onTaskFailed,
  onTaskHeartbeat,
  onTaskStarted,
  onTaskSubmitted,
  onTaskSucceeded,
  onTaskTimedOut,
} from "../states/task.js";
import { resumeWait } from "../states/wait.js";
import type { TaskAnswer } from "../states/map-io.js";
import { onItemsRead } from "../states/map.js";
import { onResultsWritten } from "../states/map-iterations.js";
import type { StateOutcome } from "../states/state-outcome.js";
import type { Activation } from "./activation.js";
import type { Command } from "./commands.js";
import { failForHistoryLimit, stopExecution, timeOutExecution } from "./execution-end.js";
import type { ExecutionState, Frame } from "./execution-state.js";
import { asStatesError, runFrame, runState, settleState, stateOf } from "./frame-runner.js";
import type { HistoryLog } from "./history-log.js";
import type { Inspector } from "./inspection.js";
import type { StepSession, Transition } from "./step-session.js";
import { emit, setTimer } from "./step-session.js";
import { DeferredJson, NOT_TRUNCATED } from "./deferred-json.js";
import { emptyQuotaMemo } from "./payload-quota.js";

export interface StepEnvironment {
  /** Epoch ms of the activation. */
  readonly now: number;
  readonly random: Random;
  readonly inspector: Inspector | undefined;
  /** Where the step records the history events it writes. */
  readonly log: HistoryLog;
}

export interface StepResult {
  readonly commands: readonly Command[];
}

export function step(
  machine: CompiledMachine,
  state: ExecutionState,
  activation: Activation,
  env: StepEnvironment,
): StepResult {
  const session: StepSession = {
    machine,
    state,
    now: env.now,
    random: env.random,
    log: env.log,
    commands: [],
    ready: [],
    launchers: undefined,
    quota: emptyQuotaMemo(),
    inspector: env.inspector,
  };
  if (state.status === "RUNNING") {
    dispatch(session, activation);
    drain(session);
  }
  return { commands: session.commands };
}

function dispatch(session: StepSession, activation: Activation): void {
  switch (activation.type) {
    case "start":
      start(session);
      return;
    case "stop":
      stopExecution(session, activation.error, activation.cause);
      return;
    case "timer-fired":
      timerFired(session, activation.timerId);
      return;
    case "task-started":
      withTask(session, activation.taskId, (frame, state) => {
        onTaskStarted(session, frame, state, activation.taskId, activation.workerName);
        return undefined;
      });
      return;
    case "task-heartbeat":
      onTaskHeartbeat(session, activation.taskId);
      return;
    case "task-submitted":
      withTask(session, activation.taskId, (frame, state) => {
        onTaskSubmitted(session, frame, state, activation.taskId, activation.output);
        return undefined;
      });
      return;
    case "task-succeeded":
      if (withMapIo(session, activation.taskId, { kind: "succeeded", output: activation.output })) return;
      withTask(session, activation.taskId, (frame, state) =>
        onTaskSucceeded(session, frame, state, activation.taskId, activation.output),
      );
      return;
    case "task-failed": {
      const failure = {
        kind: "failed",
        ...(activation.error === undefined ? {} : { error: activation.error }),
        ...(activation.cause === undefined ? {} : { cause: activation.cause }),
      } as const;
      if (withMapIo(session, activation.taskId, failure)) return;
      withTask(session, activation.taskId, (frame, state) =>
        onTaskFailed(session, frame, state, activation.taskId, activation.error, activation.cause),
      );
      return;
    }
    case "task-timed-out":
      if (withMapIo(session, activation.taskId, { kind: "failed", error: "States.Timeout" })) return;
      withTask(session, activation.taskId, (frame, state) =>
        onTaskTimedOut(session, frame, state, activation.taskId),
      );
      return;
  }
}

function start(session: StepSession): void {
  const state = session.state;
  const root = state.frames.get(state.rootFrameId);
  if (!root || state.lastEventId > 0) return;
  emit(session, root, "ExecutionStarted", {
    input: new DeferredJson(state.input),
    inputDetails: NOT_TRUNCATED,
    roleArn: state.identity.roleArn,
  });
  const timeoutSeconds = session.machine.timeoutSeconds;
  if (timeoutSeconds !== undefined) {
    setTimer(session, {
      frameId: root.id,
      at: session.now + timeoutSeconds * 1000,
      purpose: "execution-timeout",
    });
  }
  // The first state is linked to the root scope, as every Next is to its state: no lookup by name.
  const scope = session.machine.root;
  const first = root.stateName === scope.startAt ? scope.startState : undefined;
  runFrame(session, root, { next: root.stateName, input: state.input, state: first });
}

function timerFired(session: StepSession, timerId: string): void {
  const timer = session.state.timers.get(timerId);
  if (!timer) return;
  session.state.timers.delete(timerId);
  if (timer.purpose === "execution-timeout") {
    timeOutExecution(session);
    return;
  }
  if (timer.purpose === "task-timeout" || timer.purpose === "task-heartbeat") {
    if (timer.taskId !== undefined) {
      withTask(session, timer.taskId, (frame, state) => onTaskTimedOut(session, frame, state, timer.taskId!));
    }
    return;
  }
  const frame = session.state.frames.get(timer.frameId);
  if (!frame) return;
  const state = stateOf(session, frame);
  if (timer.purpose === "wait-state" && state.type === "Wait") {
    continueFrame(session, frame, settleState(session, frame, state, resumeWait(session, frame, state)));
  } else if (timer.purpose === "retry") {
    frame.waiting = undefined;
    continueFrame(session, frame, runState(session, frame, state));
  }
}

/** Routes a task activation to the Task state waiting for it; stale activations are ignored. */
function withTask(
  session: StepSession,
  taskId: string,
  handle: (
    frame: Frame,
    state: Extract<ReturnType<typeof stateOf>, { type: "Task" }>,
  ) => StateOutcome | undefined,
): void {
  const record = session.state.tasks.get(taskId);
  if (!record) return;
  const frame = session.state.frames.get(record.frameId);
  if (!frame) return;
  const state = stateOf(session, frame);
  if (state.type !== "Task") return;
  let outcome: StateOutcome | undefined;
  try {
    outcome = handle(frame, state);
  } catch (error) {
    outcome = { kind: "fail", error: asStatesError(error) };
  }
  if (outcome) continueFrame(session, frame, settleState(session, frame, state, outcome));
}

/** Routes the answer of a distributed Map's ItemReader or ResultWriter; false for a Task's attempt. */
function withMapIo(session: StepSession, taskId: string, answer: TaskAnswer): boolean {
  const record = session.state.tasks.get(taskId);
  const purpose = record?.invocation.purpose;
  if (!record || purpose === undefined) return false;
  const frame = session.state.frames.get(record.frameId);
  const state = frame && stateOf(session, frame);
  if (!frame || state?.type !== "Map") return true;
  let outcome: StateOutcome;
  try {
    outcome =
      purpose === "item-reader"
        ? onItemsRead(session, frame, state, taskId, answer)
        : onResultsWritten(session, frame, state, taskId, answer);
  } catch (error) {
    outcome = { kind: "fail", error: asStatesError(error) };
  }
  continueFrame(session, frame, settleState(session, frame, state, outcome));
  return true;
}

function continueFrame(session: StepSession, frame: Frame, transition: Transition | undefined): void {
  if (transition) runFrame(session, frame, transition);
}

/** Runs queued work (branches, iterations, joins) until every frame is blocked or ended. */
function drain(session: StepSession): void {
  const ready = session.ready;
  for (let i = 0; i < ready.length; i++) {
    if (session.state.status !== "RUNNING" || failForHistoryLimit(session)) break;
    const work = ready[i]!;
    const frame = session.state.frames.get(work.frameId);
    if (!frame) continue;
    continueFrame(session, frame, work.run());
    if (i > 1024) {
      ready.splice(0, i + 1);
      i = -1;
    }
  }
  // Setting an array's length is a runtime call in V8, even to the length it has: most steps queue nothing.
  if (ready.length > 0) ready.length = 0;
}
