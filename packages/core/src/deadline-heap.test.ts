import { describe, expect, it } from "vitest";
import type { HeapEntry } from "./deadline-heap.js";
import { DeadlineHeap } from "./deadline-heap.js";
import { seededRandom } from "./random.js";

interface Timer extends HeapEntry {
  readonly name: string;
}

function timer(name: string, at: number, seq: number): Timer {
  return { name, at, seq, index: -1 };
}

function drain(heap: DeadlineHeap<Timer>): string[] {
  const names: string[] = [];
  for (let next = heap.peek(); next; next = heap.peek()) {
    heap.remove(next);
    names.push(next.name);
  }
  return names;
}

describe("DeadlineHeap", () => {
  it("gives the earliest deadline first, equal deadlines in the order they were set", () => {
    const heap = new DeadlineHeap<Timer>();
    heap.push(timer("late", 300, 0));
    heap.push(timer("second at 100", 100, 2));
    heap.push(timer("first at 100", 100, 1));
    heap.push(timer("early", 50, 3));
    expect(drain(heap)).toEqual(["early", "first at 100", "second at 100", "late"]);
    expect(heap.size).toBe(0);
  });

  it("removes an entry from anywhere, once", () => {
    const heap = new DeadlineHeap<Timer>();
    const entries = [5, 3, 8, 1, 9, 2, 7].map((at, seq) => timer(`t${at}`, at, seq));
    for (const entry of entries) heap.push(entry);
    heap.remove(entries[2]!);
    heap.remove(entries[2]!);
    heap.remove(entries[3]!);
    expect(entries[2]!.index).toBe(-1);
    expect(drain(heap)).toEqual(["t2", "t3", "t5", "t7", "t9"]);
  });

  it("agrees with a sorted list over random pushes and removals", () => {
    const random = seededRandom(7);
    const heap = new DeadlineHeap<Timer>();
    let reference: Timer[] = [];
    for (let seq = 0; seq < 2_000; seq++) {
      const roll = random.next();
      if (roll < 0.55 || reference.length === 0) {
        const entry = timer(`t${seq}`, Math.floor(random.next() * 50), seq);
        heap.push(entry);
        reference.push(entry);
      } else if (roll < 0.8) {
        const victim = reference[Math.floor(random.next() * reference.length)]!;
        heap.remove(victim);
        reference = reference.filter((entry) => entry !== victim);
      } else {
        reference.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const first = reference.shift()!;
        expect(heap.peek()).toBe(first);
        heap.remove(first);
      }
      expect(heap.size).toBe(reference.length);
    }
    reference.sort((a, b) => a.at - b.at || a.seq - b.seq);
    expect(drain(heap)).toEqual(reference.map((entry) => entry.name));
  });
});
