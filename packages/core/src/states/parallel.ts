/**
 * Parallel: every branch runs as a child frame on the same input; the
 * output is the array of branch outputs in branch order. When a branch
 * fails, the others are aborted and the state fails with that error (and
 * may then be retried or caught like a Task).
 */
import type { CompiledParallel } from "../definition/compiled.js";
import { StatesError } from "../errors.js";
import type { JsonValue } from "../json.js";
import { evalScope } from "../dataflow/eval-scope.js";
import { evaluateData } from "../dataflow/data-template.js";
import { applyTemplate, selectFramePath } from "../dataflow/jsonpath-pipeline.js";
import { inspect } from "../execution/inspection.js";
import type { Frame } from "../execution/execution-state.js";
import type { FrameResult } from "../execution/frame-runner.js";
import type { StepSession } from "../execution/step-session.js";
import { emit } from "../execution/step-session.js";
import {
  abortRunningChildren,
  endJoin,
  removeRunning,
  resumeOwner,
  startChildFrame,
} from "./child-frames.js";
import { exitWithResult } from "./result-outcome.js";
import type { StateOutcome } from "./state-outcome.js";
import { BLOCKED } from "./state-outcome.js";
import { RunningChildren } from "../execution/running-children.js";

export function runParallel(session: StepSession, frame: Frame, state: CompiledParallel): StateOutcome {
  const raw = frame.stateInput;
  const branchInput =
    state.queryLanguage === "JSONata"
      ? state.arguments
        ? evaluateData(session, frame, { language: "JSONata", template: state.arguments }, "Arguments", {
            dollar: raw,
            input: raw,
          })
        : raw
      : inspect(
          session,
          "afterParameters",
          applyTemplate(
            state.parameters,
            evalScope(
              session,
              frame,
              inspect(session, "afterInputPath", selectFramePath(session, frame, state.inputPath, raw)),
            ),
          ),
        );
  emit(session, frame, "ParallelStateStarted");
  frame.join = {
    kind: "parallel",
    results: new Array<JsonValue | undefined>(state.branches.length),
    running: new RunningChildren(),
    nextIndex: state.branches.length,
    maxConcurrency: 0,
    failures: 0,
  };
  frame.waiting = { kind: "children" };
  state.branches.forEach((scopeKey, index) =>
    startChildFrame(session, frame, "branch", scopeKey, index, branchInput),
  );
  return BLOCKED;
}

export function onBranchFinished(
  session: StepSession,
  frame: Frame,
  state: CompiledParallel,
  child: Frame,
  result: FrameResult,
): void {
  const join = frame.join;
  if (!join) return;
  removeRunning(frame, child.id);
  if (!result.ok) {
    abortRunningChildren(session, frame);
    endJoin(frame);
    const error = new StatesError(result.error ?? "", result.cause);
    resumeOwner(session, frame, state, () => ({ kind: "fail", error, childFailed: true }));
    return;
  }
  join.results[child.index ?? 0] = result.output;
  if (join.running.size > 0) return;
  const outputs = join.results.map((r) => r ?? null);
  endJoin(frame);
  emit(session, frame, "ParallelStateSucceeded");
  resumeOwner(session, frame, state, () => exitWithResult(session, frame, state, outputs));
}
