/**
 * The history of an execution as the step records it, written in AWS's
 * shape only when read. Writing that shape on the hot path — an ISO-8601
 * timestamp, every payload as JSON text, a details object per event — costs
 * more than running most states, and most histories are never read in full.
 *
 * The log is columnar, so that recording an event allocates nothing of its
 * own and pushes as little as it can: the type (an interned string), and
 * for entered and exited events, nearly all of any history, the state's name
 * and a reference to the payload (which exists anyway); the other events
 * keep their details. Times and previous event ids are mostly predictable,
 * so only the exceptions are kept: all events of one step share a time, and
 * in a sequential run each event follows the one before.
 */
import type { JsonObject, JsonValue } from "../json.js";
import type { RecordedDetails } from "./deferred-json.js";
import { DeferredJson, NOT_TRUNCATED } from "./deferred-json.js";
import type { HistoryEvent, HistoryEventType } from "./history-event.js";
import { detailsKeyOf } from "./history-event.js";
import { isoTimestamp } from "./iso-timestamp.js";

export class HistoryLog {
  /** A log that records nothing: the execution keeps no history and nobody observes it. */
  readonly #recording: boolean;
  readonly #types: HistoryEventType[] = [];
  /** Where the time changes: the index of the first event at each time, and that time (epoch ms). */
  readonly #timeChanges: number[] = [];
  readonly #times: number[] = [];
  /**
   * Where an event's previous event id is not one more than the last
   * event's: pairs of the event's index and its previous event id.
   */
  readonly #previousIdBreaks: number[] = [];
  #lastTime = Number.NaN;
  #lastPreviousEventId = Number.NaN;
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
    const index = this.#types.push(type) - 1;
    if (time !== this.#lastTime) {
      this.#lastTime = time;
      this.#timeChanges.push(index);
      this.#times.push(time);
    }
    if (previousEventId !== this.#lastPreviousEventId + 1)
      this.#previousIdBreaks.push(index, previousEventId);
    this.#lastPreviousEventId = previousEventId;
  }

  /** Writes every event in AWS's shape; `firstId` is the id of the first. */
  write(firstId: number): HistoryEvent[] {
    const written: HistoryEvent[] = [];
    let lastPayload: JsonValue | undefined;
    let lastText = "";
    let timestamp = "";
    let nextTimeChange = 0;
    let previousEventId = 0;
    let nextBreak = 0;
    for (let i = 0; i < this.#types.length; i++) {
      const type = this.#types[i]!;
      if (this.#timeChanges[nextTimeChange] === i) timestamp = isoTimestamp(this.#times[nextTimeChange++]!);
      if (this.#previousIdBreaks[nextBreak] === i) {
        previousEventId = this.#previousIdBreaks[nextBreak + 1]!;
        nextBreak += 2;
      } else {
        previousEventId++;
      }
      const event: { -readonly [K in keyof HistoryEvent]: HistoryEvent[K] } = {
        id: firstId + i,
        previousEventId,
        timestamp,
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
    this.#types.length = 0;
    this.#timeChanges.length = 0;
    this.#times.length = 0;
    this.#previousIdBreaks.length = 0;
    // The next event starts the columns afresh: its time and previous id are recorded.
    this.#lastTime = Number.NaN;
    this.#lastPreviousEventId = Number.NaN;
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
