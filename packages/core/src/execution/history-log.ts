/**
 * The history of an execution as the step records it, written in AWS's
 * shape only when read. Writing that shape on the hot path — an ISO-8601
 * timestamp, every payload as JSON text, a details object per event — costs
 * more than running most states, and most histories are never read in full.
 *
 * The log is columnar, so that recording an event allocates nothing of its
 * own and keeps as little as it can: two values per event. For entered and
 * exited events, nearly all of any history, and a Map's iteration events,
 * they are the compiled state's EventHead (type and state name, made once)
 * and the payload (which exists anyway) or the iteration's index; the
 * other events keep their type and details. Times and previous event ids
 * are mostly predictable, so only the exceptions are kept: all events of
 * one step share a time, and in a sequential run each event follows the
 * one before. What the history keeps alive is what the young generation
 * copies, twice, until the execution ends: a Map over 10,000 items took
 * 45 % longer with history "full" than "none" when the log kept three
 * values per event and a details object per iteration, about 25 % since.
 *
 * Those values go into chunks of a fixed number of events rather than into
 * arrays that grow without end: an array that grows by copying becomes,
 * past some ten thousand events, a large object that V8 maps afresh at
 * each growth — page faults and zeroed pages were a tenth of a Map state's
 * time over 10,000 items.
 */
import type { JsonObject, JsonValue } from "../json.js";
import type { RecordedDetails } from "./deferred-json.js";
import { DeferredJson, NOT_TRUNCATED } from "./deferred-json.js";
import type { EventHead, HistoryEvent, HistoryEventType } from "./history-event.js";
import { detailsKeyOf } from "./history-event.js";
import { isoTimestamp } from "./iso-timestamp.js";

/**
 * An event's two values, one after another: its head (or, for the rarer
 * events, its type) and its data (the payload or index the head says, or
 * the details).
 */
type EventChunk = (EventHead | JsonValue | RecordedDetails | undefined)[];

const SLOTS_PER_EVENT = 2;
/** 1,024 events: 2,048 slots, 16 KiB, well below V8's large-object size. */
const CHUNK_EVENTS = 1024;
const CHUNK_SLOTS = CHUNK_EVENTS * SLOTS_PER_EVENT;
/** 16 events: a short execution's whole history (a five-state one writes 12). */
const FIRST_CHUNK_SLOTS = 16 * SLOTS_PER_EVENT;

/**
 * A list of numbers kept in chunks, for the same reason as the events: in
 * a Map state's iterations nearly every event's previous id is an
 * exception, and a list of them grew into a large object too. The events
 * keep chunks of their own rather than a generic list shared with these:
 * one `push` site serving numbers and objects alike is polymorphic, and a
 * bare Map iteration ran 30–40 % slower with it.
 *
 * The first number is kept in a field: most executions are short and
 * their lists hold one number (the time of a run that did not wait), and
 * the arrays for it were a seventh of what a five-state execution
 * allocated.
 */
class NumberList {
  #first = 0;
  /** The numbers after the first. */
  #chunks: number[][] | undefined = undefined;
  #chunk: number[] | undefined = undefined;
  #length = 0;

  push(value: number): void {
    if (this.#length === 0) {
      this.#first = value;
      this.#length = 1;
      return;
    }
    let chunk = this.#chunk;
    if (chunk === undefined || chunk.length === NUMBER_CHUNK) {
      chunk = [];
      (this.#chunks ??= []).push(chunk);
      this.#chunk = chunk;
    }
    chunk.push(value);
    this.#length++;
  }

  at(index: number): number | undefined {
    if (index >= this.#length) return undefined;
    if (index === 0) return this.#first;
    const rest = index - 1;
    return this.#chunks![(rest / NUMBER_CHUNK) | 0]![rest % NUMBER_CHUNK];
  }

  clear(): void {
    this.#chunks = undefined;
    this.#chunk = undefined;
    this.#length = 0;
  }
}

/** 4,096 numbers: 32 KiB at most. */
const NUMBER_CHUNK = 4096;

export class HistoryLog {
  /** A log that records nothing: the execution keeps no history and nobody observes it. */
  readonly #recording: boolean;
  /**
   * Per event its head (a type, or the head a compiled state made) and its
   * data, in chunks of CHUNK_EVENTS events: the first in a field, the
   * others, once a history is long, in a list (most histories fit the
   * first: a list per log was a third of what it allocated).
   */
  #firstChunk: EventChunk | undefined = undefined;
  #laterChunks: EventChunk[] | undefined = undefined;
  /** The chunk being filled. */
  #chunk: EventChunk | undefined = undefined;
  #length = 0;
  /** Where the time changes: the index of the first event at each time, and that time (epoch ms). */
  readonly #timeChanges = new NumberList();
  readonly #times = new NumberList();
  /**
   * Where an event's previous event id is not one more than the last
   * event's: pairs of the event's index and its previous event id.
   */
  readonly #previousIdBreaks = new NumberList();
  #lastTime = Number.NaN;
  /** -1: the first event's previous id is 0, as predicted, so a log with no exception keeps no list. */
  #lastPreviousEventId = -1;

  constructor(recording = true) {
    this.#recording = recording;
  }

  get length(): number {
    return this.#length;
  }

  record(previousEventId: number, time: number, type: HistoryEventType, details?: RecordedDetails): void {
    if (!this.#recording) return;
    this.#append(previousEventId, time, type, details);
  }

  /** An event whose head is made once: a state's entered or exited event, a Map's iteration event. */
  recordHeaded(previousEventId: number, time: number, head: EventHead, data: JsonValue): void {
    if (!this.#recording) return;
    this.#append(previousEventId, time, head, data);
  }

  #append(
    previousEventId: number,
    time: number,
    head: EventHead | HistoryEventType,
    data: JsonValue | RecordedDetails | undefined,
  ): void {
    const index = this.#length++;
    const slot = (index % CHUNK_EVENTS) * SLOTS_PER_EVENT;
    let chunk = this.#chunk;
    if (slot === 0) {
      // The first chunk is made for a short history and grows as events come (written from
      // `[]`, it was made for 8 events, then copied into room for 20); the next ones, once a
      // history is long, are made at their full size rather than grown by copying.
      if (index === 0) {
        chunk = this.#firstChunk = new Array<EventChunk[number]>(FIRST_CHUNK_SLOTS);
      } else {
        chunk = new Array<EventChunk[number]>(CHUNK_SLOTS);
        (this.#laterChunks ??= []).push(chunk);
      }
      this.#chunk = chunk;
    }
    chunk![slot] = head;
    chunk![slot + 1] = data;
    if (time !== this.#lastTime) {
      this.#lastTime = time;
      this.#timeChanges.push(index);
      this.#times.push(time);
    }
    if (previousEventId !== this.#lastPreviousEventId + 1) {
      this.#previousIdBreaks.push(index);
      this.#previousIdBreaks.push(previousEventId);
    }
    this.#lastPreviousEventId = previousEventId;
  }

  /** Writes every event in AWS's shape; `firstId` is the id of the first. */
  write(firstId: number): HistoryEvent[] {
    const written = new Array<HistoryEvent>(this.#length);
    let lastPayload: JsonValue | undefined;
    let lastText = "";
    let timestamp = "";
    let nextTimeChange = 0;
    let previousEventId = -1;
    let nextBreak = 0;
    for (let i = 0; i < this.#length; i++) {
      const chunk = i < CHUNK_EVENTS ? this.#firstChunk! : this.#laterChunks![((i / CHUNK_EVENTS) | 0) - 1]!;
      const slot = (i % CHUNK_EVENTS) * SLOTS_PER_EVENT;
      const head = chunk[slot] as EventHead | HistoryEventType;
      const data = chunk[slot + 1];
      const type = typeof head === "string" ? head : head.type;
      if (this.#timeChanges.at(nextTimeChange) === i)
        timestamp = isoTimestamp(this.#times.at(nextTimeChange++)!);
      if (this.#previousIdBreaks.at(nextBreak) === i) {
        previousEventId = this.#previousIdBreaks.at(nextBreak + 1)!;
        nextBreak += 2;
      } else {
        previousEventId++;
      }
      const id = firstId + i;
      if (typeof head === "string") {
        const event: { -readonly [K in keyof HistoryEvent]: HistoryEvent[K] } = {
          id,
          previousEventId,
          timestamp,
          type,
        };
        const key = detailsKeyOf(type);
        if (key !== undefined) event[key] = writtenDetails(data as RecordedDetails | undefined);
        written[i] = event;
      } else if (head.holds === "index") {
        written[i] = iterationEvent(id, previousEventId, timestamp, head, data as number);
      } else {
        // An exited state's output is usually the next entered event's input: one text for both.
        const payload = data as JsonValue;
        if (payload !== lastPayload || i === 0) {
          lastPayload = payload;
          lastText = JSON.stringify(payload);
        }
        written[i] = stateEvent(id, previousEventId, timestamp, head, lastText);
      }
    }
    return written;
  }

  /** Forgets every event (once written, the caller keeps them). */
  clear(): void {
    this.#firstChunk = undefined;
    this.#laterChunks = undefined;
    this.#chunk = undefined;
    this.#length = 0;
    this.#timeChanges.clear();
    this.#times.clear();
    this.#previousIdBreaks.clear();
    // The next event starts the columns afresh: its time and previous id are recorded.
    this.#lastTime = Number.NaN;
    this.#lastPreviousEventId = Number.NaN;
  }
}

/*
 * Most events of a history are a state's entered and exited events and a
 * Map's iteration events. They are written as literals, one per details
 * field, rather than by storing a details key into a fresh object: the
 * keyed store sees every type's key, and writing a long history took longer
 * than the run that recorded it.
 */

function stateEvent(
  id: number,
  previousEventId: number,
  timestamp: string,
  head: Exclude<EventHead, { holds: "index" }>,
  text: string,
): HistoryEvent {
  return head.holds === "input"
    ? {
        id,
        previousEventId,
        timestamp,
        type: head.type,
        stateEnteredEventDetails: { name: head.name, input: text, inputDetails: { truncated: false } },
      }
    : {
        id,
        previousEventId,
        timestamp,
        type: head.type,
        stateExitedEventDetails: { name: head.name, output: text, outputDetails: { truncated: false } },
      };
}

function iterationEvent(
  id: number,
  previousEventId: number,
  timestamp: string,
  head: Extract<EventHead, { holds: "index" }>,
  index: number,
): HistoryEvent {
  return head.type === "MapIterationStarted"
    ? {
        id,
        previousEventId,
        timestamp,
        type: head.type,
        mapIterationStartedEventDetails: { name: head.name, index },
      }
    : {
        id,
        previousEventId,
        timestamp,
        type: head.type,
        mapIterationSucceededEventDetails: { name: head.name, index },
      };
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
