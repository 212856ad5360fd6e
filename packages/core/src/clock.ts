/**
 * Time, injected. This file and `random.ts` are the only places allowed to
 * touch Date.now, timers or Math.random: state logic reads time from the
 * activation it is given, so executions replay and tests skip time.
 */
import type { HeapEntry } from "./deadline-heap.js";
import { DeadlineHeap } from "./deadline-heap.js";

/** Cancels a timer; calling it after the timer fired does nothing. */
export type CancelTimer = () => void;

export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** Calls `fire` once when the clock reaches `at` (epoch milliseconds). */
  setTimer(at: number, fire: () => void): CancelTimer;
}

/** Node cannot hold a timer longer than 2^31-1 ms (about 24.8 days); longer waits are sliced. */
const MAX_TIMER_SLICE_MS = 2_147_483_647;

/** The real clock: wall time and Node timers, long waits scheduled in slices. */
export function systemClock(): Clock {
  return {
    now: () => Date.now(),
    setTimer(at, fire) {
      let handle: ReturnType<typeof setTimeout> | undefined;
      let cancelled = false;
      const arm = (): void => {
        const remaining = at - Date.now();
        if (remaining <= 0) {
          handle = undefined;
          if (!cancelled) fire();
          return;
        }
        handle = setTimeout(arm, Math.min(remaining, MAX_TIMER_SLICE_MS));
      };
      // Always fire asynchronously, even for a deadline already past.
      handle = setTimeout(arm, Math.max(0, Math.min(at - Date.now(), MAX_TIMER_SLICE_MS)));
      return () => {
        cancelled = true;
        if (handle !== undefined) clearTimeout(handle);
      };
    },
  };
}

/**
 * A clock whose time only moves when told to. With `autoAdvance` (the
 * default) it jumps to the next deadline whenever nothing else is in flight:
 * the runtime marks in-flight work with `hold()`, and once every hold is
 * released and the microtask queue is drained, the earliest timer fires.
 */
export interface VirtualClock extends Clock {
  readonly virtual: true;
  /** Moves time forward to `at`, firing every timer due on the way, in deadline order. */
  advanceTo(at: number): void;
  /** Moves time forward by `ms`. */
  advanceBy(ms: number): void;
  /** The earliest pending deadline, if any. */
  nextDeadline(): number | undefined;
  /** Marks work in flight (a running task); automatic advancing waits for its release. */
  hold(): () => void;
  /** Whether time jumps automatically when only timers are pending. */
  autoAdvance: boolean;
}

/** Automatic advances checked per turn of the event loop, at most. */
const CHECKS_PER_TURN = 32;

interface PendingTimer extends HeapEntry {
  readonly fire: () => void;
}

export interface VirtualClockOptions {
  /** Start time, epoch milliseconds (default: the real time when created). */
  readonly start?: number;
  readonly autoAdvance?: boolean;
}

export function virtualClock(options: VirtualClockOptions = {}): VirtualClock {
  let current = options.start ?? Date.now();
  let seq = 0;
  let holds = 0;
  const timers = new DeadlineHeap<PendingTimer>();

  const fireDue = (until: number): void => {
    for (let timer = timers.peek(); timer && timer.at <= until; timer = timers.peek()) {
      timers.remove(timer);
      current = Math.max(current, timer.at);
      timer.fire();
    }
    current = Math.max(current, until);
  };

  // An immediate runs after the microtask queue is drained, so promise chains
  // started by a fired timer get to register their own timers or holds first.
  // Node drains the queue between the immediates of one turn too, so checks
  // are queued by the batch: a turn of the event loop costs several
  // microseconds of system calls (on this project's VMs), and a Retry loop
  // or a run of short Waits would otherwise pay one turn per timer. The
  // batch is bounded so that I/O still gets its turn.
  let queuedChecks = 0;
  const check = (): void => {
    queuedChecks--;
    if (!clock.autoAdvance || holds > 0) return;
    const next = timers.peek();
    if (!next) return;
    fireDue(next.at);
    scheduleCheck();
  };
  const scheduleCheck = (): void => {
    // With no timer pending there is nothing to advance to; setting one schedules the check.
    if (queuedChecks > 0 || !clock.autoAdvance || timers.size === 0) return;
    queuedChecks = CHECKS_PER_TURN;
    for (let i = 0; i < CHECKS_PER_TURN; i++) setImmediate(check);
  };

  const clock: VirtualClock = {
    virtual: true,
    autoAdvance: options.autoAdvance ?? true,
    now: () => current,
    setTimer(at, fire) {
      const timer: PendingTimer = { at, seq: seq++, fire, index: -1 };
      timers.push(timer);
      scheduleCheck();
      return () => {
        timers.remove(timer);
      };
    },
    advanceTo(at) {
      fireDue(at);
    },
    advanceBy(ms) {
      fireDue(current + ms);
    },
    nextDeadline: () => timers.peek()?.at,
    hold() {
      holds++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holds--;
        if (holds === 0) scheduleCheck();
      };
    },
  };
  return clock;
}

/**
 * The clock an in-flight task sees under virtual time. The task holds the
 * clock (time stands still while it works), except while it waits on a
 * timer of this clock: then it is idle like everything else, and time may
 * jump to its deadline. `done()` releases the hold for good.
 */
export function taskClock(clock: VirtualClock): TaskClock {
  return new TaskClock(clock);
}

/** A class, its methods on the prototype: one is made per task attempt, and most never set a timer. */
class TaskClock implements Clock {
  readonly #clock: VirtualClock;
  #release: (() => void) | undefined;
  #waiting = 0;
  #finished = false;

  constructor(clock: VirtualClock) {
    this.#clock = clock;
    this.#release = clock.hold();
  }

  now(): number {
    return this.#clock.now();
  }

  setTimer(at: number, fire: () => void): CancelTimer {
    this.#waiting++;
    if (this.#waiting === 1) {
      this.#release?.();
      this.#release = undefined;
    }
    let settled = false;
    const settle = (): void => {
      if (settled) return;
      settled = true;
      this.#waiting--;
      if (this.#waiting === 0 && !this.#finished && this.#release === undefined)
        this.#release = this.#clock.hold();
    };
    const cancel = this.#clock.setTimer(at, () => {
      settle();
      fire();
    });
    return () => {
      cancel();
      settle();
    };
  }

  /** The attempt is over: the hold is released for good. */
  done(): void {
    this.#finished = true;
    this.#release?.();
    this.#release = undefined;
  }
}
