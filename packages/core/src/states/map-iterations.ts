/**
 * A Map's iterations once its items are known: started one at a time while
 * MaxConcurrency allows, each result kept by index; a failure beyond the
 * tolerated ones aborts the others. At the end the results become the
 * state's result, or go to the ResultWriter first.
 */
import type { CompiledMap } from "../definition/compiled.js";
import { StatesError, StatesErrorName, StateRuntimeError } from "../errors.js";
import type { JsonObject, JsonValue } from "../json.js";
import { copyJsonObject, isJsonObject, setOwn } from "../json.js";
import { evalScope } from "../dataflow/eval-scope.js";
import { applyTemplate } from "../dataflow/jsonpath-pipeline.js";
import type { Frame, Join } from "../execution/execution-state.js";
import type { FrameResult } from "../execution/frame-runner.js";
import type { ReadyWork, StepSession } from "../execution/step-session.js";
import { emit, emitHeaded } from "../execution/step-session.js";
import {
  abortRunningChildren,
  endJoin,
  removeRunning,
  resumeOwner,
  startChildFrame,
} from "./child-frames.js";
import type { TaskAnswer } from "./map-io.js";
import { closeMapIo, mapIoFailure, requestMapIo } from "./map-io.js";
import { selectItem } from "./map.js";
import { exitWithResult } from "./result-outcome.js";
import type { StateOutcome } from "./state-outcome.js";
import { BLOCKED } from "./state-outcome.js";

function hasCapacity(join: Join): boolean {
  return join.maxConcurrency === 0 || join.running.size < join.maxConcurrency;
}

/** Queues the Map frame's launcher, unless it is queued already: it starts the next iteration. */
export function queueLauncher(session: StepSession, frame: Frame, state: CompiledMap): void {
  const launchers = (session.launchers ??= new Map<string, IterationLauncher>());
  let launcher = launchers.get(frame.id);
  // A frame may run one Map state after another within a step: a launcher serves one.
  if (launcher?.state !== state) {
    launcher = new IterationLauncher(session, frame, state);
    launchers.set(frame.id, launcher);
  }
  if (launcher.queued) return;
  launcher.queued = true;
  session.ready.push(launcher);
}

/** Starts the next iteration, then queues itself again while there is room (one per Map frame and step). */
class IterationLauncher implements ReadyWork {
  queued = false;
  readonly frameId: string;

  constructor(
    private readonly session: StepSession,
    private readonly frame: Frame,
    readonly state: CompiledMap,
  ) {
    this.frameId = frame.id;
  }

  run(): undefined {
    const { session, frame, state } = this;
    this.queued = false;
    const join = frame.join;
    if (!join?.items || session.state.frames.get(frame.id) !== frame) return undefined;
    // The Map failed and the frame went on to another Map state in the same step: that one has its own.
    if (frame.stateName !== state.name) return undefined;
    if (join.nextIndex >= join.items.length || !hasCapacity(join)) return undefined;
    try {
      launchIteration(session, frame, state, join);
    } catch (error) {
      failMap(
        session,
        frame,
        state,
        error instanceof StatesError ? error : new StateRuntimeError(String(error)),
        false,
      );
      return undefined;
    }
    if (join.nextIndex < join.items.length && hasCapacity(join)) queueLauncher(session, frame, state);
    return undefined;
  }
}

function launchIteration(session: StepSession, frame: Frame, state: CompiledMap, join: Join): void {
  const index = join.nextIndex;
  const value = join.items![index]!;
  const input = join.preselected ? value : selectItem(session, frame, state, index, value);
  join.nextIndex++;
  const distributed = state.mode === "DISTRIBUTED";
  // A distributed Map's iterations are child executions: out of this history, and blind to its variables.
  startChildFrame(session, frame, "iteration", state.processor, index, input, {
    silent: distributed,
    isolated: distributed,
    iterationStarted: state.iterationStarted,
  });
}

export function onIterationFinished(
  session: StepSession,
  frame: Frame,
  state: CompiledMap,
  child: Frame,
  result: FrameResult,
): void {
  const join = frame.join;
  if (!join?.items) return;
  removeRunning(frame, child.id);
  const index = child.index ?? 0;
  if (result.ok) {
    emitHeaded(session, child, state.iterationSucceeded, index);
    join.results[index] = result.output;
  } else {
    emit(session, child, "MapIterationFailed", { name: state.name, index });
    join.failures++;
    if (!isTolerated(join)) {
      const error =
        join.toleratedFailureCount !== undefined || join.toleratedFailurePercentage !== undefined
          ? new StatesError(
              StatesErrorName.ExceedToleratedFailureThreshold,
              "The specified tolerated failure threshold was exceeded",
            )
          : new StatesError(result.error ?? "", result.cause);
      failMap(session, frame, state, error, true);
      return;
    }
    join.results[index] = { Error: result.error ?? null, Cause: result.cause ?? null };
  }
  if (join.nextIndex >= join.items.length && join.running.size === 0) {
    succeedMap(session, frame, state);
  } else if (join.nextIndex < join.items.length && hasCapacity(join)) {
    queueLauncher(session, frame, state);
  }
}

function isTolerated(join: Join): boolean {
  const total = join.items?.length ?? 0;
  if (join.toleratedFailureCount !== undefined && join.failures <= join.toleratedFailureCount) return true;
  if (
    join.toleratedFailurePercentage !== undefined &&
    total > 0 &&
    (join.failures / total) * 100 <= join.toleratedFailurePercentage
  ) {
    return true;
  }
  return false;
}

export function succeedMap(session: StepSession, frame: Frame, state: CompiledMap): void {
  const outputs = (frame.join?.results ?? []).map((r) => r ?? null);
  const runArn = frame.join?.mapRunArn;
  endJoin(frame);
  if (state.mode === "DISTRIBUTED") emit(session, frame, "MapRunSucceeded");
  const writer = state.resultWriter;
  if (writer) {
    // The results go to the writer; the state's result is where they went.
    const effective = frame.effectiveInput ?? frame.stateInput;
    const parameters = applyTemplate(writer.parameters, evalScope(session, frame, effective));
    const request = isJsonObject(parameters) ? copyJsonObject(parameters) : {};
    setOwn(request, "MapRunArn", runArn ?? null);
    setOwn(request, "Results", outputs);
    session.ready.push({
      frameId: frame.id,
      run: () => {
        requestMapIo(session, frame, state, "result-writer", writer.resource, request);
        return undefined;
      },
    });
    return;
  }
  finishMap(session, frame, state, outputs);
}

/** The ResultWriter answered: the state's result is `{ MapRunArn, ResultWriterDetails }`. */
export function onResultsWritten(
  session: StepSession,
  frame: Frame,
  state: CompiledMap,
  taskId: string,
  outcome: TaskAnswer,
): StateOutcome {
  const request = session.state.tasks.get(taskId)?.invocation.parameters;
  closeMapIo(session, frame, taskId);
  if (outcome.kind === "failed") return mapIoFailure(outcome, StatesErrorName.ResultWriterFailed);
  const mapRunArn = isJsonObject(request ?? null) ? ((request as JsonObject)["MapRunArn"] ?? null) : null;
  finishMap(session, frame, state, { MapRunArn: mapRunArn, ResultWriterDetails: outcome.output });
  return BLOCKED;
}

function finishMap(session: StepSession, frame: Frame, state: CompiledMap, outputs: JsonValue): void {
  emit(session, frame, "MapStateSucceeded");
  resumeOwner(session, frame, state, () => exitWithResult(session, frame, state, outputs));
}

function failMap(
  session: StepSession,
  frame: Frame,
  state: CompiledMap,
  error: StatesError,
  childFailed: boolean,
): void {
  abortRunningChildren(session, frame);
  endJoin(frame);
  if (state.mode === "DISTRIBUTED" && childFailed) {
    emit(
      session,
      frame,
      "MapRunFailed",
      error.cause === undefined ? { error: error.name } : { error: error.name, cause: error.cause },
    );
  }
  resumeOwner(session, frame, state, () => ({ kind: "fail", error, childFailed }));
}
