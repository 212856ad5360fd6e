/**
 * The worker loop of a durable runtime: claim due executions from the
 * store, advance them in this process committing every step, keep their
 * leases alive, feed them the callbacks that arrive in their inbox, and let
 * go of them (park) when they only wait — for a far timer or a callback.
 */
import type { Clock, VirtualClock } from "../clock.js";
import { systemClock } from "../clock.js";
import type { Activation } from "../execution/activation.js";
import type { ExecutionEnvironment } from "../execution/execution.js";
import type { ExecutionJournal, StepBatch } from "../execution/execution-journal.js";
import { Execution } from "../execution/execution.js";
import { liveExecutionState } from "../execution/id-table.js";
import type { ExecutionState, WrittenExecutionState } from "../execution/execution-state.js";
import type { StateMachine } from "../runtime.js";
import type { ClaimedExecution, ExecutionStore, InboxItem } from "./execution-store.js";
import { deleteEndedBefore } from "./retention.js";

export interface WorkOptions {
  /**
   * Who holds the leases (default: a new UUID). Give a stable id to a
   * worker that restarts (one per process): it then takes back at once what
   * its previous run held instead of waiting for those leases to expire.
   * Two live workers must never share an id.
   */
  readonly workerId?: string;
  /** How long a claim or renewal holds an execution (default 30 s); a dead worker's executions wait this long. */
  readonly leaseMs?: number;
  /** How often the store is asked for due executions and callbacks (default 200 ms). */
  readonly pollMs?: number;
  /** At most this many executions advanced at once (default 64). */
  readonly maxExecutions?: number;
  /**
   * An execution whose next timer is further than this is parked rather
   * than kept (default: half the lease; on a virtual clock, never — its
   * time only moves to the deadlines of timers armed in this process).
   */
  readonly holdMs?: number;
  /**
   * Deletes ended executions (with their history) this long after they
   * ended, on the runtime's clock, checking once a minute; AWS keeps a
   * closed execution 90 days (7,776,000,000 ms). Default: they are kept
   * until `deleteEndedExecutions` deletes them.
   */
  readonly retainEndedMs?: number;
  /**
   * Hears what goes wrong in the loop (a store that fails, a definition
   * that no longer loads); the loop goes on and tries again at the next
   * poll. Default: a process warning.
   */
  readonly onError?: (error: unknown) => void;
}

/** A running worker loop. */
export interface Worker {
  readonly id: string;
  /** Executions this worker advances right now. */
  readonly held: number;
  /** Looks for work now instead of at the next poll. */
  poke(): void;
  /** Stops claiming, lets go of every execution (their leases released) and resolves when done. */
  stop(): Promise<void>;
}

/** How often a worker with `retainEndedMs` looks for ended executions to delete (wall time). */
const DELETION_EVERY_MS = 60_000;

export interface WorkerHost {
  readonly store: ExecutionStore;
  readonly clock: Clock;
  readonly env: ExecutionEnvironment;
  readonly newWorkerId: () => string;
  /** The machine an execution runs, compiled once per worker. */
  readonly machine: (machineId: string) => Promise<StateMachine>;
  /** The worker has stopped. */
  readonly retire: (worker: Worker) => void;
}

interface Held {
  readonly execution: Execution;
  version: number;
  /** Tokens of the tasks in the last committed state. */
  tokens: Map<string, string>;
  /** Inbox items handed to the execution, by the activation made of them. */
  readonly inbox: Map<Activation, number>;
  readonly delivered: Set<number>;
}

export function startWorker(host: WorkerHost, options: WorkOptions = {}): Worker {
  const id = options.workerId ?? host.newWorkerId();
  const leaseMs = options.leaseMs ?? 30_000;
  const pollMs = options.pollMs ?? 200;
  const maxExecutions = options.maxExecutions ?? 64;
  const holdMs =
    options.holdMs ?? ((host.clock as Partial<VirtualClock>).virtual === true ? Infinity : leaseMs / 2);
  const { store, clock } = host;
  const onError =
    options.onError ??
    ((error: unknown) => {
      process.emitWarning(`Stepwise worker ${id}: ${error instanceof Error ? error.message : String(error)}`);
    });
  // The store's times (deadlines, leases) are the runtime clock's; the loop
  // itself sleeps on the wall clock, so that a virtual clock is not moved by polling.
  const wall = systemClock();
  const held = new Map<string, Held>();
  const commits = new Set<Promise<unknown>>();
  let stopping = false;
  let wake: (() => void) | undefined;
  /** Work was announced while the loop was busy: it looks again before sleeping. */
  let poked = false;
  const poke = (): void => {
    poked = true;
    wake?.();
  };
  let lastRenewal = clock.now();
  const retainEndedMs = options.retainEndedMs;
  /** Wall time of the next deletion of ended executions; one runs at a time, beside the loop. */
  let nextDeletionAt = wall.now();
  let deletion: Promise<void> | undefined;
  const deleteExpired = (): void => {
    if (retainEndedMs === undefined || deletion !== undefined || wall.now() < nextDeletionAt) return;
    nextDeletionAt = wall.now() + DELETION_EVERY_MS;
    // Not awaited by the loop: a large backlog must not hold up lease renewals.
    deletion = deleteEndedBefore(store, clock.now() - retainEndedMs)
      .then(() => undefined, onError)
      .finally(() => {
        deletion = undefined;
      });
  };
  /** The last claim took all it had room for: more may be due, and is claimed as soon as room frees. */
  let backlog = false;

  const journalOf = (arn: string): ExecutionJournal => ({
    commit(batch) {
      const entry = held.get(arn);
      if (!entry || stopping) return Promise.resolve("lost");
      const pending = commitBatch(arn, entry, batch).catch((error: unknown) => {
        // Committed or not, this worker cannot tell: it lets go, and whoever
        // claims the execution when the lease has run out reads what the store has.
        onError(error);
        forget(arn, entry);
        return "lost" as const;
      });
      commits.add(pending);
      void pending.finally(() => commits.delete(pending));
      return pending;
    },
  });

  /** Stops holding an execution, unless it was claimed again meanwhile (a newer entry). */
  const forget = (arn: string, entry: Held): void => {
    if (held.get(arn) === entry) held.delete(arn);
  };

  const commitBatch = async (
    arn: string,
    entry: Held,
    batch: StepBatch,
  ): Promise<"hold" | "park" | "lost"> => {
    const { state } = batch;
    // Serialized before the first await: the execution goes on changing its state.
    const stateText = JSON.stringify(state);
    const now = clock.now();
    const running = state.status === "RUNNING";
    const nextTimer = earliestDeadline(state);
    const keep = running && (batch.busy || (nextTimer !== undefined && nextTimer - now <= holdMs));
    const tokens = tokensOf(state);
    const inboxApplied: number[] = [];
    for (const activation of batch.activations) {
      const inboxId = entry.inbox.get(activation);
      if (inboxId !== undefined) inboxApplied.push(inboxId);
    }
    const committed = await store.commit(id, {
      executionArn: arn,
      expectedVersion: entry.version,
      state: stateText,
      status: state.status,
      stopDate: running ? undefined : now,
      events: batch.events.map((event) => ({ id: event.id, event: JSON.stringify(event) })),
      // Work in flight is due at once should this worker die; otherwise the next timer.
      wakeAt: running ? (batch.busy ? now : nextTimer) : undefined,
      leaseUntil: keep ? now + leaseMs : undefined,
      tokensIssued: [...tokens]
        .filter(([token]) => !entry.tokens.has(token))
        .map(([token, taskId]) => ({ token, taskId })),
      tokensEnded: [...entry.tokens.keys()].filter((token) => !tokens.has(token)),
      inboxApplied,
    });
    if (!committed) {
      forget(arn, entry);
      return "lost";
    }
    entry.version += 1;
    entry.tokens = tokens;
    for (const activation of batch.activations) entry.inbox.delete(activation);
    if (!keep) {
      forget(arn, entry);
      if (backlog) poke();
    }
    return keep ? "hold" : "park";
  };

  const deliver = (entry: Held, item: InboxItem): void => {
    if (entry.delivered.has(item.id)) return;
    entry.delivered.add(item.id);
    const activation = JSON.parse(item.activation) as Activation;
    entry.inbox.set(activation, item.id);
    entry.execution.deliver(activation);
  };

  const adopt = async ({ execution: stored, inbox }: ClaimedExecution): Promise<void> => {
    const machine = await host.machine(stored.machineId);
    const state = liveExecutionState(JSON.parse(stored.state) as WrittenExecutionState);
    const arn = stored.executionArn;
    // Our own lease ran out and we took the execution again: the old copy stops.
    held.get(arn)?.execution.drop();
    const execution = new Execution(machine.compiled, state, [], host.env, {
      history: "none",
      journal: journalOf(arn),
    });
    const entry: Held = {
      execution,
      version: stored.version,
      tokens: tokensOf(state),
      inbox: new Map(),
      delivered: new Set(),
    };
    held.set(arn, entry);
    if (state.lastEventId === 0) execution.begin();
    else execution.revive();
    for (const item of inbox) deliver(entry, item);
  };

  const tick = async (): Promise<void> => {
    deleteExpired();
    if (held.size > 0 && clock.now() - lastRenewal >= leaseMs / 3) {
      lastRenewal = clock.now();
      const arns = [...held.keys()];
      const kept = new Set(await store.renew(id, arns, lastRenewal + leaseMs));
      for (const arn of arns) {
        if (kept.has(arn)) continue;
        held.get(arn)?.execution.drop();
        held.delete(arn);
      }
    }
    if (held.size > 0) {
      for (const item of await store.inbox([...held.keys()])) {
        const entry = held.get(item.executionArn);
        if (entry) deliver(entry, item);
      }
    }
    const room = maxExecutions - held.size;
    if (room <= 0 || stopping) return;
    const now = clock.now();
    const claimed = await store.claim(id, { now, leaseUntil: now + leaseMs, limit: room });
    backlog = claimed.length === room;
    for (const execution of claimed) {
      if (stopping) break;
      try {
        await adopt(execution);
      } catch (error) {
        // Its definition no longer loads here (say, an integration this worker lacks):
        // the lease runs out and a worker that can run it takes it.
        onError(error);
      }
    }
  };

  const loop = async (): Promise<void> => {
    if (options.workerId !== undefined) await store.releaseAll(id);
    while (!stopping) {
      poked = false;
      try {
        await tick();
      } catch (error) {
        onError(error);
      }
      if (stopping) break;
      if (poked) continue;
      await new Promise<void>((resolve) => {
        const cancel = wall.setTimer(wall.now() + pollMs, () => {
          wake = undefined;
          resolve();
        });
        wake = () => {
          cancel();
          wake = undefined;
          resolve();
        };
      });
    }
  };
  const unwatch = store.watch?.(poke);
  const running = loop().catch(onError);

  const worker: Worker = {
    id,
    get held() {
      return held.size;
    },
    poke,
    async stop() {
      if (stopping) return running;
      stopping = true;
      unwatch?.();
      wake?.();
      await running;
      for (const entry of held.values()) entry.execution.drop();
      held.clear();
      await Promise.allSettled([...commits]);
      await deletion;
      await store.releaseAll(id);
      host.retire(worker);
    },
  };
  return worker;
}

function earliestDeadline(state: ExecutionState): number | undefined {
  let earliest: number | undefined;
  for (const timer of state.timers.values())
    if (earliest === undefined || timer.at < earliest) earliest = timer.at;
  return earliest;
}

function tokensOf(state: ExecutionState): Map<string, string> {
  const tokens = new Map<string, string>();
  for (const [taskId, task] of state.tasks.entries())
    if (task.token !== undefined) tokens.set(task.token, taskId);
  return tokens;
}
