/**
 * Starting the child frames of Parallel and Map states: a branch or an
 * iteration is a frame of its own, with its own variable scope, run by the
 * same step loop as the root.
 */
import type { CompiledMap, CompiledParallel, CompiledScope, CompiledState } from "../definition/compiled.js";
import type { JsonValue } from "../json.js";
import { abortFrame } from "../execution/execution-end.js";
import type { Frame } from "../execution/execution-state.js";
import { NO_RETRIES, NO_VARIABLES } from "../execution/execution-state.js";
import { asStatesError, settleState } from "../execution/frame-runner.js";
import type { StepSession } from "../execution/step-session.js";
import type { ReadyWork, Transition } from "../execution/step-session.js";
import { emitHeaded, nextId } from "../execution/step-session.js";
import type { EventHead } from "../execution/history-event.js";
import type { StateOutcome } from "./state-outcome.js";

export function startChildFrame(
  session: StepSession,
  parent: Frame,
  kind: "branch" | "iteration",
  scopeKey: string,
  index: number,
  input: JsonValue,
  options: {
    /** The frame's events stay out of the history (and so do its children's). */
    readonly silent?: boolean;
    /** Outer variables are not visible from the frame. */
    readonly isolated?: boolean;
    /** The frame is an iteration of a Map state: it starts with this MapIterationStarted. */
    readonly iterationStarted?: EventHead;
  } = {},
): Frame {
  const scope = session.machine.scopes.get(scopeKey);
  if (!scope) throw new Error(`Unknown scope '${scopeKey}'`);
  const child: Frame = {
    id: nextId(session),
    parentId: parent.id,
    scope: scopeKey,
    kind,
    index,
    stateName: scope.startAt,
    stateInput: input,
    enteredEventId: 0,
    enteredTime: session.now,
    lastEventId: parent.lastEventId,
    retryCounts: NO_RETRIES,
    variables: NO_VARIABLES,
    waiting: undefined,
    join: undefined,
    effectiveInput: undefined,
    silent: parent.silent || (options.silent ?? false),
    isolated: options.isolated ?? false,
  };
  session.state.frames.set(child.id, child);
  parent.join?.running.add(child.id);
  // Queued, not run now: branches and iterations start in order, each
  // running until it blocks or ends before the next one starts.
  session.ready.push(new ChildStart(session, child, scope, input, options.iterationStarted));
  return child;
}

/** The queued start of a child frame, and the transition to its first state: one object per branch or iteration. */
class ChildStart implements ReadyWork, Transition {
  readonly frameId: string;
  readonly next: string;
  readonly state: CompiledState | undefined;

  constructor(
    private readonly session: StepSession,
    private readonly child: Frame,
    scope: CompiledScope,
    readonly input: JsonValue,
    private readonly iterationStarted: EventHead | undefined,
  ) {
    this.frameId = child.id;
    this.next = scope.startAt;
    this.state = scope.startState;
  }

  run(): Transition {
    if (this.iterationStarted !== undefined)
      emitHeaded(this.session, this.child, this.iterationStarted, this.child.index!);
    return this;
  }
}

/** Drops a finished child from its parent's join. */
export function removeRunning(parent: Frame, childId: string): void {
  parent.join?.running.delete(childId);
}

/**
 * Continues a Parallel or Map state's frame from the step loop, after the
 * child that just ended: the outcome is computed then (it may throw, e.g. a
 * ResultSelector path that selects nothing) and settled like any state's.
 */
export function resumeOwner(
  session: StepSession,
  frame: Frame,
  state: CompiledParallel | CompiledMap,
  outcome: () => StateOutcome,
): void {
  session.ready.push({
    frameId: frame.id,
    run: () => {
      let resolved: StateOutcome;
      try {
        resolved = outcome();
      } catch (error) {
        resolved = { kind: "fail", error: asStatesError(error) };
      }
      return settleState(session, frame, state, resolved);
    },
  });
}

/** Clears a finished join from its frame. */
export function endJoin(frame: Frame): void {
  frame.join = undefined;
  frame.waiting = undefined;
}

/** Aborts every child still running (a sibling failed, or the state is being stopped). */
export function abortRunningChildren(session: StepSession, frame: Frame): void {
  for (const id of frame.join?.running.ids() ?? []) {
    const child = session.state.frames.get(id);
    if (child) abortFrame(session, child);
  }
}
