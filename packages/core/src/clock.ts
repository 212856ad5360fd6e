/**
 * Time, injected. This file and `random.ts` are the only places allowed to
 * touch Date.now, timers or Math.random: state logic reads time from the
 * activation it is given, so executions replay and tests skip time.
 */

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

interface PendingTimer {
  readonly at: number;
  readonly seq: number;
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
  const timers = new Map<number, PendingTimer>();

  const earliest = (): PendingTimer | undefined => {
    let best: PendingTimer | undefined;
    for (const timer of timers.values()) {
      if (!best || timer.at < best.at || (timer.at === best.at && timer.seq < best.seq)) best = timer;
    }
    return best;
  };

  const fireDue = (until: number): void => {
    for (let timer = earliest(); timer && timer.at <= until; timer = earliest()) {
      timers.delete(timer.seq);
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
    const next = earliest();
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
      const timer: PendingTimer = { at, seq: seq++, fire };
      timers.set(timer.seq, timer);
      scheduleCheck();
      return () => {
        timers.delete(timer.seq);
      };
    },
    advanceTo(at) {
      fireDue(at);
    },
    advanceBy(ms) {
      fireDue(current + ms);
    },
    nextDeadline: () => earliest()?.at,
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
export function taskClock(clock: VirtualClock): { readonly clock: Clock; done(): void } {
  let release: (() => void) | undefined = clock.hold();
  let waiting = 0;
  let finished = false;
  const reacquire = (): void => {
    if (!finished && release === undefined) release = clock.hold();
  };
  return {
    clock: {
      now: () => clock.now(),
      setTimer(at, fire) {
        waiting++;
        if (waiting === 1) {
          release?.();
          release = undefined;
        }
        let settled = false;
        const settle = (): void => {
          if (settled) return;
          settled = true;
          waiting--;
          if (waiting === 0) reacquire();
        };
        const cancel = clock.setTimer(at, () => {
          settle();
          fire();
        });
        return () => {
          cancel();
          settle();
        };
      },
    },
    done() {
      finished = true;
      release?.();
      release = undefined;
    },
  };
}
