/**
 * The history of an execution as the step records it, written in AWS's
 * shape only when read. Writing that shape on the hot path — an ISO-8601
 * timestamp, every payload as JSON text, a details object per event — costs
 * more than running most states, and most histories are never read in full.
 *
 * The log is columnar, so that recording an event allocates nothing of its
 * own: ids, times and types go into arrays of plain numbers (small integers
 * and unboxed doubles, which the garbage collector does not trace); entered
 * and exited events, nearly all of any history, keep the state's name and a
 * reference to their payload (which exists anyway); the other events keep
 * their details. Plain arrays rather than typed ones: a typed array above 64
 * bytes keeps its memory outside the heap, and allocating that for every new
 * execution cost more than running a small one (measured: no loss on long
 * executions).
 */
import type { JsonObject, JsonValue } from "../json.js";
import type { RecordedDetails } from "./deferred-json.js";
import { DeferredJson, NOT_TRUNCATED } from "./deferred-json.js";
import type { HistoryEvent, HistoryEventType } from "./history-event.js";
import { detailsKeyOf } from "./history-event.js";
import { isoTimestamp } from "./iso-timestamp.js";

/** Event types as small numbers, assigned on first use (there are a few dozen). */
const typeCodes = new Map<HistoryEventType, number>();
const typesByCode: HistoryEventType[] = [];

function typeCode(type: HistoryEventType): number {
  let code = typeCodes.get(type);
  if (code === undefined) {
    code = typesByCode.push(type) - 1;
    typeCodes.set(type, code);
  }
  return code;
}

export class HistoryLog {
  /** A log that records nothing: the execution keeps no history and nobody observes it. */
  readonly #recording: boolean;
  readonly #previousEventIds: number[] = [];
  /** Epoch milliseconds. */
  readonly #times: number[] = [];
  readonly #types: number[] = [];
  /** Entered and exited events: the state's name; undefined for the others. */
  readonly #stateNames: (string | undefined)[] = [];
  /** Entered and exited events: the payload; the others: their details, if any. */
  readonly #data: (JsonValue | RecordedDetails | undefined)[] = [];

  constructor(recording = true) {
    this.#recording = recording;
  }

  get length(): number {
    return this.#types.length;
  }

  record(previousEventId: number, time: number, type: HistoryEventType, details?: RecordedDetails): void {
    if (!this.#recording) return;
    this.#append(previousEventId, time, type);
    this.#stateNames.push(undefined);
    this.#data.push(details);
  }

  /** A `…StateEntered` (payload: the input) or `…StateExited` (payload: the output) event. */
  recordState(
    previousEventId: number,
    time: number,
    type: HistoryEventType,
    stateName: string,
    payload: JsonValue,
  ): void {
    if (!this.#recording) return;
    this.#append(previousEventId, time, type);
    this.#stateNames.push(stateName);
    this.#data.push(payload);
  }

  #append(previousEventId: number, time: number, type: HistoryEventType): void {
    this.#previousEventIds.push(previousEventId);
    this.#times.push(time);
    this.#types.push(typeCode(type));
  }

  /** Writes every event in AWS's shape; `firstId` is the id of the first. */
  write(firstId: number): HistoryEvent[] {
    const written: HistoryEvent[] = [];
    let lastPayload: JsonValue | undefined;
    let lastText = "";
    for (let i = 0; i < this.#types.length; i++) {
      const type = typesByCode[this.#types[i]!]!;
      const event: { -readonly [K in keyof HistoryEvent]: HistoryEvent[K] } = {
        id: firstId + i,
        previousEventId: this.#previousEventIds[i]!,
        timestamp: isoTimestamp(this.#times[i]!),
        type,
      };
      const key = detailsKeyOf(type);
      const stateName = this.#stateNames[i];
      if (stateName !== undefined) {
        // An exited state's output is usually the next entered event's input: one text for both.
        const payload = this.#data[i] as JsonValue;
        if (payload !== lastPayload || i === 0) {
          lastPayload = payload;
          lastText = JSON.stringify(payload);
        }
        const field = type.endsWith("Entered") ? "input" : "output";
        event[key!] = { name: stateName, [field]: lastText, [`${field}Details`]: { truncated: false } };
      } else if (key !== undefined) {
        event[key] = writtenDetails(this.#data[i] as RecordedDetails | undefined);
      }
      written.push(event);
    }
    return written;
  }

  /** Forgets every event (once written, the caller keeps them). */
  clear(): void {
    this.#previousEventIds.length = 0;
    this.#times.length = 0;
    this.#types.length = 0;
    this.#stateNames.length = 0;
    this.#data.length = 0;
  }
}

function writtenDetails(details: RecordedDetails | undefined): JsonObject {
  const written: JsonObject = {};
  if (details === undefined) return written;
  for (const field of Object.keys(details)) {
    const value = details[field]!;
    written[field] =
      value instanceof DeferredJson ? value.text : value === NOT_TRUNCATED ? { truncated: false } : value;
  }
  return written;
}
