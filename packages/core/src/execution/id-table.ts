/**
 * An execution's tables of frames, timers and tasks, by id. A Map (or, for
 * a lone entry, two fields) while the execution runs, the plain record
 * `{ [id]: value }` when it is written out: `toJSON` gives the record
 * (snapshots, durable stores) and `IdTable.from` reads one back;
 * `liveExecutionState` does so for a whole execution.
 *
 * Not a plain object at run time: each Map iteration adds a frame and
 * removes it, each task attempt a task and each retry a timer, and ids are
 * decimal numbers, which V8 keeps as an object's elements — once they are
 * sparse, in a number dictionary that hashes the key on every lookup,
 * insert and delete (`halfsiphash`) and rehashes as it grows and shrinks.
 * An iteration of a bare Pass state in a Map state over 10,000 items took
 * 2.0–2.3 µs with a record for the frames and 1.3–1.6 µs with a table
 * (Node 20, warm).
 */
import type {
  ExecutionState,
  Frame,
  TaskRecord,
  TimerRecord,
  WrittenExecutionState,
  WrittenFrame,
} from "./execution-state.js";
import type { JsonObject } from "../json.js";
import { setOwn } from "../json.js";
import { RunningChildren } from "./running-children.js";

export class IdTable<T> {
  /*
   * Most tables never hold more than one entry at a time — the frames of an
   * execution without Parallel or Map, the task of a Task state, the timer of
   * a Wait — and a Map costs at each turn: allocated with the execution,
   * given a new backing store when its last entry is deleted (V8 shrinks it)
   * and again when cleared. So a lone entry sits in two fields; the Map is
   * made for a second one and kept from then on (insertion order stays the
   * Map's, the lone entry moving into it first).
   */
  #loneId: string | undefined = undefined;
  #loneValue: T | undefined = undefined;
  #entries: Map<string, T> | undefined = undefined;

  /** The table of a written-out record (a snapshot's or a store's); a table is returned as it is. */
  static from<T>(entries: IdTable<T> | Readonly<Record<string, T>>): IdTable<T> {
    if (entries instanceof IdTable) return entries;
    const table = new IdTable<T>();
    for (const id of Object.keys(entries)) table.set(id, entries[id]!);
    return table;
  }

  get size(): number {
    if (this.#entries !== undefined) return this.#entries.size;
    return this.#loneId === undefined ? 0 : 1;
  }

  get(id: string): T | undefined {
    if (this.#entries !== undefined) return this.#entries.get(id);
    return id === this.#loneId ? this.#loneValue : undefined;
  }

  has(id: string): boolean {
    if (this.#entries !== undefined) return this.#entries.has(id);
    return id === this.#loneId;
  }

  set(id: string, value: T): void {
    if (this.#entries !== undefined) {
      this.#entries.set(id, value);
    } else if (this.#loneId === undefined || this.#loneId === id) {
      this.#loneId = id;
      this.#loneValue = value;
    } else {
      this.#entries = new Map([[this.#loneId, this.#loneValue!]]);
      this.#entries.set(id, value);
      this.#loneId = undefined;
      this.#loneValue = undefined;
    }
  }

  delete(id: string): void {
    if (this.#entries !== undefined) {
      this.#entries.delete(id);
    } else if (id === this.#loneId) {
      this.#loneId = undefined;
      this.#loneValue = undefined;
    }
  }

  ids(): IterableIterator<string> {
    if (this.#entries !== undefined) return this.#entries.keys();
    return (this.#loneId === undefined ? [] : [this.#loneId]).values();
  }

  values(): IterableIterator<T> {
    if (this.#entries !== undefined) return this.#entries.values();
    return (this.#loneId === undefined ? [] : [this.#loneValue!]).values();
  }

  entries(): IterableIterator<[string, T]> {
    if (this.#entries !== undefined) return this.#entries.entries();
    return (this.#loneId === undefined ? [] : [[this.#loneId, this.#loneValue!] as [string, T]]).values();
  }

  clear(): void {
    if (this.#entries !== undefined && this.#entries.size > 0) this.#entries.clear();
    this.#loneId = undefined;
    this.#loneValue = undefined;
  }

  /** The record a snapshot or store holds: `{ [id]: value }`. */
  toJSON(): Record<string, T> {
    const record: JsonObject = {};
    for (const [id, value] of this.entries()) setOwn(record, id, value as unknown as JsonObject);
    return record as unknown as Record<string, T>;
  }
}

/**
 * An execution's data ready to run: a written-out one (a snapshot's copy,
 * a store's parse, owned by the caller) gets its records turned into tables
 * in place; a live one is returned as it is.
 */
export function liveExecutionState(state: ExecutionState | WrittenExecutionState): ExecutionState {
  const writable = state as {
    frames: IdTable<Frame> | Readonly<Record<string, WrittenFrame>>;
    timers: IdTable<TimerRecord> | Readonly<Record<string, TimerRecord>>;
    tasks: IdTable<TaskRecord> | Readonly<Record<string, TaskRecord>>;
  };
  if (!(writable.frames instanceof IdTable)) {
    for (const frame of Object.values(writable.frames)) {
      const join = frame.join as { running: RunningChildren | readonly string[] } | undefined;
      if (join) join.running = RunningChildren.from(join.running);
    }
  }
  writable.frames = IdTable.from(writable.frames as Readonly<Record<string, Frame>>);
  writable.timers = IdTable.from(writable.timers);
  writable.tasks = IdTable.from(writable.tasks);
  return state as ExecutionState;
}
