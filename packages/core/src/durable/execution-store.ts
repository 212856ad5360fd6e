/**
 * Where durable executions live: the contract between the runtime's
 * workers and a database (SQLite, PostgreSQL, or memory for tests).
 *
 * The store never interprets payloads: execution state, history events and
 * callbacks cross this interface as JSON text written and read by the
 * runtime. What the store guarantees is the concurrency protocol:
 *
 * - an execution is advanced only by the worker holding its **lease**
 *   (`claim` takes it, `renew` extends it, a commit may release it);
 * - every step is committed as a **compare-and-swap** on the execution's
 *   version and the lease: a worker whose lease was lost (expired and taken
 *   by another) fails its commit and stops advancing that execution, so no
 *   state transition is ever committed twice;
 * - a commit writes, in one transaction, the new state, the history events
 *   it produced, the task tokens it issued or ended, and removes the inbox
 *   items (callbacks, stop requests) it applied — a crash before the commit
 *   loses none of them, a crash after it repeats none of them.
 *
 * All times are epoch milliseconds of the runtime's clock.
 */
import type { ExecutionStatus } from "../execution/execution-state.js";

/** A state machine definition, as executions started from it will run it. */
export interface MachineRecord {
  /** Content address of (name, definition, options): the same machine always gets the same id. */
  readonly id: string;
  readonly name: string;
  readonly arn: string;
  /** The definition as JSON text. */
  readonly definition: string;
  readonly allowUnservedResources: boolean;
}

/** A new execution, before any worker has taken it (its state has no event yet). */
export interface NewExecutionRecord {
  readonly executionArn: string;
  readonly machineId: string;
  readonly stateMachineArn: string;
  readonly name: string;
  /** The execution state as JSON text. */
  readonly state: string;
  readonly startDate: number;
}

/** What `listExecutions` shows of an execution. */
export interface ExecutionSummary {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  readonly status: ExecutionStatus;
  readonly startDate: number;
  readonly stopDate?: number | undefined;
}

/** An execution as last committed. */
export interface StoredExecution extends ExecutionSummary {
  readonly machineId: string;
  readonly version: number;
  /** The execution state as JSON text. */
  readonly state: string;
}

/** A callback or stop request waiting to be applied by the worker holding the execution. */
export interface InboxItem {
  readonly id: number;
  readonly executionArn: string;
  /** The activation as JSON text. */
  readonly activation: string;
}

/** An execution a worker has just leased, with what waits in its inbox. */
export interface ClaimedExecution {
  readonly execution: StoredExecution;
  readonly inbox: readonly InboxItem[];
}

export interface StoredEvent {
  readonly id: number;
  /** The AWS-shaped history event as JSON text. */
  readonly event: string;
}

/** One committed step (or several applied together) of an execution. */
export interface Commit {
  readonly executionArn: string;
  /** The version the worker last read or committed: the commit succeeds only if the store still has it. */
  readonly expectedVersion: number;
  readonly state: string;
  readonly status: ExecutionStatus;
  readonly stopDate?: number | undefined;
  /** History events written by this step, in id order. */
  readonly events: readonly StoredEvent[];
  /**
   * When the execution next needs a worker: the earliest timer deadline,
   * or undefined (it waits only for callbacks, or has ended). Inbox items
   * this commit did not apply keep the execution due (wakeAt 0).
   */
  readonly wakeAt: number | undefined;
  /** Keep the lease until then, or release it (undefined): the execution is parked until `wakeAt` or a callback. */
  readonly leaseUntil: number | undefined;
  readonly tokensIssued: readonly { readonly token: string; readonly taskId: string }[];
  readonly tokensEnded: readonly string[];
  /** Inbox items this step applied: removed with the commit. */
  readonly inboxApplied: readonly number[];
}

export interface TokenRecord {
  readonly executionArn: string;
  readonly taskId: string;
  /** The task has ended: SendTask* answers TaskTimedOut. */
  readonly ended: boolean;
}

/**
 * Where a page of `list` ends: the next page holds the executions listed
 * after this one — started earlier, or at the same time with a smaller ARN.
 */
export interface ListCursor {
  readonly startDate: number;
  readonly executionArn: string;
}

export interface ListFilter {
  readonly stateMachineArn?: string | undefined;
  readonly status?: ExecutionStatus | undefined;
  readonly limit?: number | undefined;
  /** Only the executions listed after this one. */
  readonly after?: ListCursor | undefined;
}

export interface ExecutionStore {
  /** Saves a machine unless one with its id is there. */
  putMachine(machine: MachineRecord): Promise<void>;
  getMachine(id: string): Promise<MachineRecord | undefined>;
  /**
   * Adds a RUNNING execution, due now and unleased, at version 0.
   * False when an execution with that ARN exists (nothing is changed).
   */
  create(execution: NewExecutionRecord): Promise<boolean>;
  /**
   * Leases up to `limit` RUNNING executions that are due (`wakeAt <= now`)
   * and not leased (or whose lease expired before `now`), oldest due first;
   * each with its inbox. Two workers never get the same execution while a
   * lease holds.
   */
  claim(
    workerId: string,
    options: { readonly now: number; readonly leaseUntil: number; readonly limit: number },
  ): Promise<ClaimedExecution[]>;
  /**
   * Compare-and-swap: applies the commit and bumps the version when the
   * execution is at `expectedVersion` and leased to `workerId`; otherwise
   * changes nothing and answers false (the lease was lost).
   */
  commit(workerId: string, commit: Commit): Promise<boolean>;
  /** Extends the worker's leases on these executions; answers the ARNs it still holds. */
  renew(workerId: string, executionArns: readonly string[], leaseUntil: number): Promise<string[]>;
  /** Drops every lease of this worker id (a restarted worker taking back what its previous run held). */
  releaseAll(workerId: string): Promise<void>;
  /** Queues a callback or stop request and makes the execution due now. False when no such execution runs. */
  enqueue(executionArn: string, activation: string, now: number): Promise<boolean>;
  /** Inbox items of these executions (not removed: a commit that applies them does that). */
  inbox(executionArns: readonly string[]): Promise<InboxItem[]>;
  findToken(token: string): Promise<TokenRecord | undefined>;
  describe(executionArn: string): Promise<StoredExecution | undefined>;
  /** Newest first: by start date, then by ARN, both descending (so that pages never overlap). */
  list(filter: ListFilter): Promise<ExecutionSummary[]>;
  /** The history events in id order. */
  history(executionArn: string): Promise<StoredEvent[]>;
  /**
   * Deletes up to `limit` ended executions whose stop date is before
   * `endedBefore`, the oldest first, with their history, tokens and inbox
   * (machines stay); answers how many.
   */
  deleteEnded(endedBefore: number, limit: number): Promise<number>;
  /**
   * Optional: calls `onDue` soon after an execution is created or a
   * callback is queued — by any process on the store — so that workers
   * need not wait for their next poll. Answers a function that stops it.
   * Without it, workers in other processes see such changes when they poll.
   */
  watch?(onDue: () => void): () => void;
  close(): Promise<void>;
}
