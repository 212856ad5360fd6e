/**
 * The working set of one call of `step`: the execution data being advanced,
 * the time and randomness of this activation, and what the step produces
 * (history events and commands). Also the small operations every state
 * module shares: writing an event, allocating ids, arming timers.
 */
import type { CompiledMachine, CompiledMap, CompiledState } from "../definition/compiled.js";
import type { JsonValue } from "../json.js";
import type { Random } from "../random.js";
import type { Command } from "./commands.js";
import type { ExecutionState, Frame, TimerRecord } from "./execution-state.js";
import type { EventHead, HistoryEventType } from "./history-event.js";
import type { Inspector } from "./inspection.js";
import type { RecordedDetails } from "./deferred-json.js";
import { DeferredJson, NOT_TRUNCATED } from "./deferred-json.js";
import type { HistoryLog } from "./history-log.js";
import type { QuotaMemo } from "./payload-quota.js";

/** Where a frame goes next: the state to enter and its input. */
export interface Transition {
  readonly next: string;
  readonly input: JsonValue;
  /** The state named by `next` when already at hand (the state's own Next): no lookup by name. */
  readonly state: CompiledState | undefined;
}

/** Work queued within one step: a frame to continue, in FIFO order. */
export interface ReadyWork {
  readonly frameId: string;
  run(): Transition | undefined;
}

export interface StepSession {
  readonly machine: CompiledMachine;
  readonly state: ExecutionState;
  /** Epoch ms of this activation. */
  readonly now: number;
  readonly random: Random;
  /** The execution's history: the step records its events here. */
  readonly log: HistoryLog;
  readonly commands: Command[];
  readonly ready: ReadyWork[];
  /** The iteration launcher of each Map frame that ran one in this step (states/map-iterations.ts); made on first use. */
  launchers: Map<string, ReadyWork & { queued: boolean; readonly state: CompiledMap }> | undefined;
  /** What this step knows of its payloads' sizes, for the quota check (payload-quota.ts). */
  readonly quota: QuotaMemo;
  /** Listens to the data of each step (runtime.testState only). */
  readonly inspector: Inspector | undefined;
}

/** Writes a history event on behalf of a frame (or of the execution itself). */
export function emit(
  session: StepSession,
  frame: Frame | undefined,
  type: HistoryEventType,
  details?: RecordedDetails,
): void {
  if (frame?.silent) return;
  const id = ++session.state.lastEventId;
  session.log.record(frame ? frame.lastEventId : id - 1, session.now, type, details);
  if (frame) frame.lastEventId = id;
}

/**
 * Writes an event whose head the compiled state made: a frame's
 * `…StateEntered` (data: the state's input), `…StateExited` (its output),
 * or a Map iteration's start or success (the iteration's index).
 */
export function emitHeaded(session: StepSession, frame: Frame, head: EventHead, data: JsonValue): void {
  if (frame.silent) return;
  const id = ++session.state.lastEventId;
  session.log.recordHeaded(frame.lastEventId, session.now, head, data);
  frame.lastEventId = id;
}

/**
 * A new id for a frame, timer or task: a decimal number as a string, unique
 * within the execution, the key of the execution's tables (IdTable) and of
 * their written-out records.
 */
export function nextId(session: StepSession): string {
  return String(session.state.nextId++);
}

export function setTimer(session: StepSession, record: TimerRecord): string {
  const timerId = nextId(session);
  session.state.timers.set(timerId, record);
  session.commands.push({ type: "set-timer", timerId, at: record.at });
  return timerId;
}

export function cancelTimer(session: StepSession, timerId: string | undefined): void {
  if (timerId === undefined || !session.state.timers.has(timerId)) return;
  session.state.timers.delete(timerId);
  session.commands.push({ type: "cancel-timer", timerId });
}

/** A state's or task's output, as history events carry it: `output` and `outputDetails`. */
export function outputDetails(value: JsonValue): RecordedDetails {
  return { output: new DeferredJson(value), outputDetails: NOT_TRUNCATED };
}
