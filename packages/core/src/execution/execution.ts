/**
 * The handle of one execution and its async shell: it feeds activations to
 * the synchronous `step`, records the history, and carries out the commands
 * (timers on the injected clock, tasks through the integrations). This and
 * `task-driver.ts` are the only code that awaits.
 */
import type { CancelTimer, Clock, VirtualClock } from "../clock.js";
import { taskClock } from "../clock.js";
import type { CompiledMachine } from "../definition/compiled.js";
import type { IntegrationRegistry } from "../integrations/registry.js";
import type { TaskInterceptor, TaskOutcome } from "../integrations/types.js";
import type { JsonValue } from "../json.js";
import { cloneJson } from "../json.js";
import type { Random } from "../random.js";
import type { Activation } from "./activation.js";
import type { Command } from "./commands.js";
import type {
  ExecutionSnapshot,
  ExecutionState,
  ExecutionStatus,
  WrittenExecutionState,
} from "./execution-state.js";
import { IdTable, liveExecutionState } from "./id-table.js";
import type { HistoryEvent } from "./history-event.js";
import type { Inspector } from "./inspection.js";
import type { ExecutionJournal } from "./execution-journal.js";
import { HistoryLog } from "./history-log.js";
import { step } from "./step.js";
import type { StepResult } from "./step.js";
import { TaskAttempt } from "./task-attempt.js";
import { driveTask } from "./task-driver.js";

export type ExecutionResult =
  | { readonly status: "SUCCEEDED"; readonly output: JsonValue }
  | { readonly status: "FAILED" | "TIMED_OUT" | "ABORTED"; readonly error?: string; readonly cause?: string };

/** Called for every history event as it is written. */
export type HistoryObserver = (event: HistoryEvent, execution: Execution) => void;

/** What an execution needs from its runtime. */
/**
 * How much history an execution keeps: `"full"` (the default) keeps every
 * event; `"none"` keeps none — events are still numbered (the event quota
 * applies) and observers still see each one as it is written, but
 * `history()` stays empty and snapshots carry none. For executions whose
 * history nobody reads: a Map over 100,000 items then holds only its results.
 */
export type HistoryMode = "full" | "none";

export interface ExecutionOptions {
  readonly history?: HistoryMode;
  /** @internal Durable executions: every step is committed before its commands are carried out. */
  readonly journal?: ExecutionJournal;
}

export interface ExecutionEnvironment {
  readonly clock: Clock;
  readonly random: Random;
  readonly registry: IntegrationRegistry;
  readonly interceptors: readonly TaskInterceptor[];
  readonly observers: readonly HistoryObserver[];
  /** Task tokens: the runtime routes SendTask* calls to the execution holding the token. */
  readonly tokens: {
    register(token: string, execution: Execution, taskId: string): void;
    release(token: string): void;
  };
  readonly inspector?: Inspector;
}

export class Execution {
  readonly #machine: CompiledMachine;
  readonly #state: ExecutionState;
  /** The history as written so far (AWS-shaped). */
  readonly #history: HistoryEvent[];
  /** Events recorded after those, written when the history is next read. */
  readonly #log: HistoryLog;
  /** False when the history is not kept (observers still see every event). */
  readonly #keepHistory: boolean;
  readonly #env: ExecutionEnvironment;
  /** What this process arms and runs for the execution, by the ids of the execution's own tables. */
  readonly #timers = new IdTable<CancelTimer>();
  readonly #tasks = new IdTable<TaskAttempt>();
  readonly #queue: Activation[] = [];
  #applying = false;
  readonly #journal: ExecutionJournal | undefined;
  /** A durable execution's step is being committed: activations wait in the queue. */
  #committing = false;
  /** Dropped from this process (parked or lost): nothing more is applied. */
  #dropped = false;
  readonly #settled: Promise<ExecutionResult>;
  #resolveSettled!: (result: ExecutionResult) => void;

  /** @internal Use `runtime.start()` or `runtime.resume()`. */
  constructor(
    machine: CompiledMachine,
    state: ExecutionState | WrittenExecutionState,
    history: HistoryEvent[],
    env: ExecutionEnvironment,
    options: ExecutionOptions = {},
  ) {
    this.#machine = machine;
    this.#state = liveExecutionState(state);
    this.#history = history;
    this.#env = env;
    this.#keepHistory = (options.history ?? "full") === "full";
    this.#journal = options.journal;
    this.#log = new HistoryLog(this.#keepHistory || env.observers.length > 0 || this.#journal !== undefined);
    this.#settled = new Promise((resolve) => {
      this.#resolveSettled = resolve;
    });
  }

  get executionArn(): string {
    return this.#state.identity.executionArn;
  }

  get name(): string {
    return this.#state.identity.name;
  }

  get status(): ExecutionStatus {
    return this.#state.status;
  }

  /** Resolves once the execution has ended; a failed execution is a result, not a rejection. */
  settled(): Promise<ExecutionResult> {
    return this.#settled;
  }

  /**
   * The history so far, in the shape of AWS GetExecutionHistory. The same
   * array grows as the execution goes on; each call brings it up to date.
   */
  history(): readonly HistoryEvent[] {
    if (this.#keepHistory) this.#writeLog();
    return this.#history;
  }

  /**
   * Everything needed to continue this execution elsewhere: plain JSON data
   * (no closures); `runtime.resume(machine, snapshot)` picks it up.
   */
  snapshot(): ExecutionSnapshot {
    return cloneJson({
      state: this.#state,
      history: this.history(),
    } as unknown as JsonValue) as unknown as ExecutionSnapshot;
  }

  /** Stops the execution: running tasks are cancelled and it ends ABORTED. */
  stop(options: { readonly error?: string; readonly cause?: string } = {}): void {
    this.#apply({ type: "stop", ...options });
  }

  /** @internal Starts a new execution. */
  begin(): void {
    this.#apply({ type: "start" });
  }

  /** @internal Re-arms the timers and tasks of a resumed execution. */
  revive(): void {
    const state = this.#state;
    if (state.status !== "RUNNING") {
      this.#finish();
      return;
    }
    for (const [timerId, timer] of state.timers.entries())
      this.#execute({ type: "set-timer", timerId, at: timer.at });
    for (const [taskId, task] of state.tasks.entries()) {
      // An activity task waits for its worker once one has taken it; until
      // then it lived only in the old runtime's queue and is queued again.
      const awaitsCallback = task.invocation.resource.family === "activity" ? task.started : task.submitted;
      if (awaitsCallback) {
        // The service has the request; only the callback is still to come.
        this.#tasks.set(taskId, new TaskAttempt(false));
        if (task.token !== undefined) this.#env.tokens.register(task.token, this, taskId);
      } else {
        // No answer was recorded: the attempt is sent again (at least once).
        this.#execute({ type: "invoke-task", taskId, invocation: task.invocation });
      }
    }
  }

  /** @internal A SendTask* call for one of this execution's tokens. */
  deliverCallback(taskId: string, activation: Activation): void {
    const inFlight = this.#tasks.get(taskId);
    if (inFlight?.invoking) inFlight.pendingCallback = activation;
    else this.#apply(activation);
  }

  /** @internal A callback or stop request taken from a durable execution's inbox. */
  deliver(activation: Activation): void {
    if ("taskId" in activation) this.deliverCallback(activation.taskId, activation);
    else this.#apply(activation);
  }

  /**
   * @internal Forgets a durable execution in this process (it was parked, its
   * lease was lost, or the worker stops): timers are cancelled, running
   * tasks aborted, their answers ignored. The store keeps the execution.
   */
  drop(): void {
    this.#dropped = true;
    this.#queue.length = 0;
    this.#releaseLocalWork();
  }

  #apply(activation: Activation): void {
    if (this.#applying || this.#committing) {
      this.#queue.push(activation);
      return;
    }
    if (this.#journal) {
      this.#applyDurably(activation, this.#journal);
      return;
    }
    this.#applying = true;
    try {
      for (let next: Activation | undefined = activation; next; next = this.#queue.shift()) {
        const result = this.#step(next);
        const observers = this.#env.observers;
        if (observers.length > 0) {
          for (const event of this.#writeLog()) for (const observe of observers) observe(event, this);
        }
        for (const command of result.commands) this.#execute(command);
      }
    } finally {
      this.#applying = false;
    }
    if (this.#state.status !== "RUNNING") this.#finish();
  }

  #step(activation: Activation): StepResult {
    return step(this.#machine, this.#state, activation, {
      now: this.#env.clock.now(),
      random: this.#env.random,
      log: this.#log,
      inspector: this.#env.inspector,
    });
  }

  /**
   * Steps what is queued, then commits before carrying out any command: a
   * task is invoked, a timer armed, only once the step that asked for it is
   * in the store, so a crash repeats no committed transition.
   */
  #applyDurably(activation: Activation, journal: ExecutionJournal): void {
    if (this.#dropped) return;
    const applied: Activation[] = [];
    const commands: Command[] = [];
    this.#applying = true;
    try {
      for (let next: Activation | undefined = activation; next; next = this.#queue.shift()) {
        applied.push(next);
        for (const command of this.#step(next).commands) commands.push(command);
      }
    } finally {
      this.#applying = false;
    }
    const events = this.#writeLog();
    for (const event of events) for (const observe of this.#env.observers) observe(event, this);
    let busy = commands.some((command) => command.type === "invoke-task");
    for (const task of this.#tasks.values()) busy ||= task.invoking;
    // An activity task waits in this process's queue until a worker takes it.
    for (const task of this.#state.tasks.values())
      busy ||= task.invocation.resource.family === "activity" && !task.started;
    this.#committing = true;
    const committed = journal
      .commit({ state: this.#state, events, activations: applied, busy })
      .catch(() => "lost" as const);
    void committed.then((outcome) => {
      this.#committing = false;
      if (outcome === "lost" || this.#dropped) {
        this.drop();
        return;
      }
      for (const command of commands) this.#execute(command);
      if (this.#state.status !== "RUNNING") {
        this.#finish();
        return;
      }
      if (outcome === "park") {
        this.drop();
        return;
      }
      const next = this.#queue.shift();
      if (next) this.#apply(next);
    });
  }

  /** Writes the events recorded since the last call in AWS's shape (kept, if the history is). */
  #writeLog(): readonly HistoryEvent[] {
    const log = this.#log;
    if (log.length === 0) return [];
    // The log holds the latest events, up to the last id written.
    const events = log.write(this.#state.lastEventId - log.length + 1);
    log.clear();
    if (this.#keepHistory) for (const event of events) this.#history.push(event);
    return events;
  }

  #execute(command: Command): void {
    switch (command.type) {
      case "set-timer": {
        const cancel = this.#env.clock.setTimer(command.at, () => {
          this.#timers.delete(command.timerId);
          this.#apply({ type: "timer-fired", timerId: command.timerId });
        });
        this.#timers.set(command.timerId, cancel);
        return;
      }
      case "cancel-timer":
        this.#timers.get(command.timerId)?.();
        this.#timers.delete(command.timerId);
        return;
      case "invoke-task":
        this.#invoke(command.taskId, command.invocation);
        return;
      case "release-task": {
        const task = this.#tasks.get(command.taskId);
        this.#tasks.delete(command.taskId);
        task?.releaseHold();
        if (command.reason !== "completed") task?.abort(new Error(`Task ${command.reason}`));
        if (command.token !== undefined) this.#env.tokens.release(command.token);
        return;
      }
    }
  }

  #invoke(taskId: string, invocation: Extract<Command, { type: "invoke-task" }>["invocation"]): void {
    const envClock = this.#env.clock;
    // Under virtual time the attempt holds the clock while it works (see taskClock).
    const lease = isVirtualClock(envClock) ? taskClock(envClock) : undefined;
    const clock = lease ?? envClock;
    const inFlight = new TaskAttempt(true, lease);
    this.#tasks.set(taskId, inFlight);
    if (invocation.taskToken !== undefined) this.#env.tokens.register(invocation.taskToken, this, taskId);
    const live = (): boolean => this.#tasks.get(taskId) === inFlight;
    void driveTask(invocation, clock, this.#env.random, this.#env.registry, this.#env.interceptors, {
      attempt: inFlight,
      heartbeat: () => {
        if (live()) this.#apply({ type: "task-heartbeat", taskId });
      },
      submitted: (output) => {
        if (live()) this.#apply({ type: "task-submitted", taskId, output });
      },
      started: (workerName) => {
        if (live())
          this.#apply({
            type: "task-started",
            taskId,
            ...(workerName === undefined ? {} : { workerName }),
          });
      },
    }).then((outcome) => {
      inFlight.invoking = false;
      inFlight.releaseHold();
      if (!live()) return;
      this.#apply(activationOf(taskId, outcome));
      const pending = inFlight.pendingCallback;
      if (pending) {
        inFlight.pendingCallback = undefined;
        this.#apply(pending);
      }
    });
  }

  #finish(): void {
    this.#releaseLocalWork();
    const state = this.#state;
    if (state.status === "SUCCEEDED") {
      // The caller gets its own copy: the history refers to the execution's payloads, written when read.
      this.#resolveSettled({ status: "SUCCEEDED", output: cloneJson(state.output ?? null) });
    } else if (state.status !== "RUNNING") {
      this.#resolveSettled({
        status: state.status,
        ...(state.error === undefined ? {} : { error: state.error }),
        ...(state.cause === undefined ? {} : { cause: state.cause }),
      });
    }
  }

  /** Cancels the timers and aborts the tasks this process runs for the execution. */
  #releaseLocalWork(): void {
    if (this.#timers.size > 0) {
      for (const cancel of this.#timers.values()) cancel();
      this.#timers.clear();
    }
    if (this.#tasks.size > 0) {
      for (const task of this.#tasks.values()) {
        task.releaseHold();
        task.abort(new Error("Execution ended"));
      }
      this.#tasks.clear();
    }
  }
}

function activationOf(taskId: string, outcome: TaskOutcome): Activation {
  switch (outcome.kind) {
    case "succeeded":
      return { type: "task-succeeded", taskId, output: outcome.output };
    case "submitted":
      return { type: "task-submitted", taskId, output: outcome.output };
    case "failed":
      return {
        type: "task-failed",
        taskId,
        ...(outcome.error === undefined ? {} : { error: outcome.error }),
        ...(outcome.cause === undefined ? {} : { cause: outcome.cause }),
      };
    case "timed-out":
      return { type: "task-timed-out", taskId };
  }
}

function isVirtualClock(clock: Clock): clock is VirtualClock {
  return (clock as Partial<VirtualClock>).virtual === true;
}
