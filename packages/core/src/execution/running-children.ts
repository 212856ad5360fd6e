/**
 * The children of a Parallel or Map state still running, in the order they
 * started (the order they are aborted in). Children end in any order — a
 * Map of Waits or Tasks ends its iterations as their answers come — so the
 * ids are a Set, not an array searched and spliced at each end: with 20,000
 * iterations at once, that made a Map quadratic. Written out (snapshots,
 * durable stores) as the array of ids.
 */
export class RunningChildren {
  readonly #ids: Set<string>;

  constructor(ids: Iterable<string> = []) {
    this.#ids = new Set(ids);
  }

  /** The set of a written-out join (an array of ids); a live one is returned as it is. */
  static from(written: RunningChildren | readonly string[]): RunningChildren {
    return written instanceof RunningChildren ? written : new RunningChildren(written);
  }

  get size(): number {
    return this.#ids.size;
  }

  add(id: string): void {
    this.#ids.add(id);
  }

  delete(id: string): void {
    this.#ids.delete(id);
  }

  /** A copy of the ids, in start order: safe to iterate while children are removed. */
  ids(): string[] {
    return [...this.#ids];
  }

  toJSON(): string[] {
    return this.ids();
  }
}
