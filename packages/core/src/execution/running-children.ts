/**
 * The children of a Parallel or Map state still running, in the order they
 * started (the order they are aborted in). Children end in any order — a
 * Map of Waits or Tasks ends its iterations as their answers come — so the
 * ids are a Set, not an array searched and spliced at each end: with 20,000
 * iterations at once, that made a Map quadratic. Written out (snapshots,
 * durable stores) as the array of ids.
 */
export class RunningChildren {
  /*
   * Most joins hold one running child at a time (a Map's iterations that do
   * not wait run one after another), and V8 gives a Set a new backing store
   * each time its last entry is deleted: 12.5 MB a run (in Set.delete) for
   * a Map over 100,000 items. So a lone child sits in a field; a Set is made for a second one
   * and kept from then on (the lone child moving into it first).
   */
  #lone: string | undefined = undefined;
  #ids: Set<string> | undefined = undefined;

  constructor(ids: Iterable<string> = []) {
    for (const id of ids) this.add(id);
  }

  /** The set of a written-out join (an array of ids); a live one is returned as it is. */
  static from(written: RunningChildren | readonly string[]): RunningChildren {
    return written instanceof RunningChildren ? written : new RunningChildren(written);
  }

  get size(): number {
    if (this.#ids !== undefined) return this.#ids.size;
    return this.#lone === undefined ? 0 : 1;
  }

  add(id: string): void {
    if (this.#ids !== undefined) {
      this.#ids.add(id);
    } else if (this.#lone === undefined || this.#lone === id) {
      this.#lone = id;
    } else {
      this.#ids = new Set([this.#lone, id]);
      this.#lone = undefined;
    }
  }

  delete(id: string): void {
    if (this.#ids !== undefined) this.#ids.delete(id);
    else if (this.#lone === id) this.#lone = undefined;
  }

  /** A copy of the ids, in start order: safe to iterate while children are removed. */
  ids(): string[] {
    if (this.#ids !== undefined) return [...this.#ids];
    return this.#lone === undefined ? [] : [this.#lone];
  }

  toJSON(): string[] {
    return this.ids();
  }
}
