/**
 * The execution API of a runtime with a store, shaped like AWS Step
 * Functions' own (StartExecution, DescribeExecution, ListExecutions,
 * GetExecutionHistory, StopExecution, SendTask*): executions are records in
 * the store, advanced by whichever worker (`runtime.work()`) holds them.
 */
import { createHash } from "node:crypto";
import type { Clock } from "../clock.js";
import type { ExecutionEnvironment } from "../execution/execution.js";
import type { ExecutionStatus, WrittenExecutionState } from "../execution/execution-state.js";
import type { HistoryEvent } from "../execution/history-event.js";
import type { Activation } from "../execution/activation.js";
import { newExecutionState } from "../execution/new-execution.js";
import { checkTokenShape, TaskTokenError } from "../execution/task-tokens.js";
import type { JsonValue } from "../json.js";
import { cloneJson } from "../json.js";
import type { Random } from "../random.js";
import type { LoadOptions, StartOptions, StateMachine } from "../runtime.js";
import { ExecutionApiError } from "./api-error.js";
import { deleteEndedBefore } from "./retention.js";
import type { ExecutionStore, ListCursor, MachineRecord, StoredExecution } from "./execution-store.js";
import type { WorkOptions, Worker } from "./worker.js";
import { startWorker } from "./worker.js";

/** One entry of ListExecutions' answer. */
export interface ExecutionListItem {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  readonly status: ExecutionStatus;
  readonly startDate: Date;
  readonly stopDate?: Date;
}

/** DescribeExecution's answer. */
export interface ExecutionDescription extends ExecutionListItem {
  /** JSON text, as AWS answers it. */
  readonly input: string;
  readonly output?: string;
  readonly error?: string;
  readonly cause?: string;
  readonly redriveCount: number;
}

export interface HistoryPageOptions {
  readonly reverseOrder?: boolean | undefined;
  readonly maxResults?: number | undefined;
  /** The `nextToken` of the previous page. */
  readonly nextToken?: string | undefined;
}

export interface ListExecutionsOptions {
  readonly stateMachineArn?: string;
  readonly statusFilter?: ExecutionStatus;
  readonly maxResults?: number;
  /** The `nextToken` of the previous page. */
  readonly nextToken?: string | undefined;
}

/** The durable part of a runtime created with a store. */
export interface DurableApi {
  readonly store: ExecutionStore;
  /**
   * Records a new execution in the store, like StartExecution: a worker
   * (`work()`, in this process or another) runs it. Starting again with the
   * same name and input while it runs answers the same execution;
   * otherwise a taken name is `ExecutionAlreadyExists`.
   */
  startExecution(
    machine: StateMachine,
    options?: StartOptions,
  ): Promise<{ readonly executionArn: string; readonly startDate: Date }>;
  /** Starts a worker loop in this process: it claims due executions and advances them until stopped. */
  work(options?: WorkOptions): Worker;
  describeExecution(executionArn: string): Promise<ExecutionDescription>;
  /**
   * Newest first, a page at a time as AWS gives it: `maxResults` executions
   * (100 when absent or 0, at most 1,000) and the `nextToken` of the next
   * page while there is one. Executions started since the first page do not
   * show up on later ones.
   */
  listExecutions(
    options?: ListExecutionsOptions,
  ): Promise<{ readonly executions: readonly ExecutionListItem[]; readonly nextToken?: string }>;
  /**
   * The history, oldest event first (`reverseOrder`: newest first), a page
   * at a time as AWS gives it: `maxResults` events (100 when absent or 0, at
   * most 1,000) and the `nextToken` of the next page while there is one.
   */
  getExecutionHistory(
    executionArn: string,
    options?: HistoryPageOptions,
  ): Promise<{ readonly events: readonly HistoryEvent[]; readonly nextToken?: string }>;
  /**
   * Deletes the executions that ended before `endedBefore` (a Date or epoch
   * ms on the runtime's clock), with their history, tokens and queued
   * callbacks — what AWS does by itself 90 days after an execution closes;
   * answers how many. Workers can do it as they go: `work({ retainEndedMs })`.
   */
  deleteEndedExecutions(options: { readonly endedBefore: Date | number }): Promise<number>;
  /** Like StopExecution: the execution ends ABORTED once its worker applies the request. */
  stopExecution(
    executionArn: string,
    options?: { readonly error?: string; readonly cause?: string },
  ): Promise<void>;
  sendTaskSuccess(taskToken: string, output: string): Promise<void>;
  sendTaskFailure(taskToken: string, error?: string, cause?: string): Promise<void>;
  sendTaskHeartbeat(taskToken: string): Promise<void>;
}

export interface DurableDeps {
  readonly store: ExecutionStore;
  readonly env: ExecutionEnvironment;
  readonly clock: Clock;
  readonly random: Random;
  readonly account: string;
  readonly region: string;
  readonly historyLimit: number;
  readonly load: (definition: object, options: LoadOptions) => StateMachine;
}

export function durableApi(deps: DurableDeps): DurableApi {
  const { store, clock, random } = deps;
  const workers = new Set<Worker>();
  const machines = new Map<string, Promise<StateMachine>>();
  const pokeWorkers = (): void => {
    for (const worker of workers) worker.poke();
  };

  const machineFor = (machineId: string): Promise<StateMachine> => {
    let machine = machines.get(machineId);
    if (!machine) {
      machine = store.getMachine(machineId).then((record) => {
        if (!record) throw new Error(`The store has no state machine ${machineId}.`);
        return deps.load(JSON.parse(record.definition) as object, {
          name: record.name,
          allowUnservedResources: record.allowUnservedResources,
        });
      });
      // A failed load is tried again by the next claim, not cached.
      machine.catch(() => machines.delete(machineId));
      machines.set(machineId, machine);
    }
    return machine;
  };

  /** Machines by loaded object, each saved in the store once per runtime (its record is content-addressed). */
  const saved = new WeakMap<StateMachine, Promise<MachineRecord>>();
  const savedMachine = (machine: StateMachine): Promise<MachineRecord> => {
    let record = saved.get(machine);
    if (!record) {
      const definition = JSON.stringify(machine.definition);
      const { allowUnservedResources } = machine;
      const made: MachineRecord = {
        id: createHash("sha256")
          .update(JSON.stringify([machine.name, definition, allowUnservedResources]))
          .digest("hex"),
        name: machine.name,
        arn: machine.arn,
        definition,
        allowUnservedResources,
      };
      record = store.putMachine(made).then(() => made);
      // A failed save is tried again by the next start.
      record.catch(() => saved.delete(machine));
      saved.set(machine, record);
    }
    return record;
  };

  const described = async (executionArn: string): Promise<StoredExecution> => {
    const stored = await store.describe(executionArn);
    if (!stored)
      throw new ExecutionApiError("ExecutionDoesNotExist", `Execution Does Not Exist: '${executionArn}'`);
    return stored;
  };

  /** Queues a callback for the task of a token, with SendTask*'s errors for tokens that are not live. */
  const answer = async (taskToken: string, activation: (taskId: string) => Activation): Promise<void> => {
    checkTokenShape(taskToken);
    const token = await store.findToken(taskToken);
    if (!token) throw new TaskTokenError("TaskDoesNotExist", "Task does not exist anymore");
    const taskEnded = (): TaskTokenError =>
      new TaskTokenError("TaskTimedOut", "Task Timed Out: the task of this token has already ended");
    if (token.ended) throw taskEnded();
    const queued = await store.enqueue(
      token.executionArn,
      JSON.stringify(activation(token.taskId)),
      clock.now(),
    );
    if (!queued) throw taskEnded();
    pokeWorkers();
  };

  return {
    store,
    async startExecution(machine, options = {}) {
      const record = await savedMachine(machine);
      const now = clock.now();
      const input = options.input === undefined ? {} : cloneJson(options.input);
      const state = newExecutionState({
        compiled: machine.compiled,
        stateMachineName: machine.name,
        stateMachineArn: machine.arn,
        name: options.name ?? random.uuid(),
        input,
        roleArn: options.roleArn,
        region: deps.region,
        account: deps.account,
        now,
        historyLimit: deps.historyLimit,
      });
      const { executionArn, name } = state.identity;
      const created = await store.create({
        executionArn,
        machineId: record.id,
        stateMachineArn: machine.arn,
        name,
        state: JSON.stringify(state),
        startDate: now,
      });
      if (!created) {
        // StartExecution is idempotent for the same name and input while the execution runs.
        const existing = await described(executionArn);
        const existingInput = (JSON.parse(existing.state) as WrittenExecutionState).input;
        if (existing.status !== "RUNNING" || JSON.stringify(existingInput) !== JSON.stringify(input)) {
          throw new ExecutionApiError(
            "ExecutionAlreadyExists",
            `Execution Already Exists: '${executionArn}'`,
          );
        }
        return { executionArn, startDate: new Date(existing.startDate) };
      }
      pokeWorkers();
      return { executionArn, startDate: new Date(now) };
    },
    work(options) {
      const worker = startWorker(
        {
          store,
          clock,
          env: deps.env,
          newWorkerId: () => random.uuid(),
          machine: machineFor,
          retire: (stopped) => workers.delete(stopped),
        },
        options,
      );
      workers.add(worker);
      return worker;
    },
    async describeExecution(executionArn) {
      const stored = await described(executionArn);
      const state = JSON.parse(stored.state) as WrittenExecutionState;
      return {
        executionArn,
        stateMachineArn: stored.stateMachineArn,
        name: stored.name,
        status: stored.status,
        startDate: new Date(stored.startDate),
        ...(stored.stopDate === undefined ? {} : { stopDate: new Date(stored.stopDate) }),
        input: JSON.stringify(state.input),
        ...(state.output === undefined ? {} : { output: JSON.stringify(state.output) }),
        ...(state.error === undefined ? {} : { error: state.error }),
        ...(state.cause === undefined ? {} : { cause: state.cause }),
        redriveCount: state.identity.redriveCount,
      };
    },
    async listExecutions(options = {}) {
      const size = pageSize(options.maxResults);
      // One more than the page: whether it is there says whether a next page is.
      const summaries = await store.list({
        stateMachineArn: options.stateMachineArn,
        status: options.statusFilter,
        limit: size + 1,
        after: options.nextToken === undefined ? undefined : listCursorOf(options.nextToken),
      });
      const page = summaries.slice(0, size);
      const last = page.at(-1);
      return {
        executions: page.map((summary) => ({
          executionArn: summary.executionArn,
          stateMachineArn: summary.stateMachineArn,
          name: summary.name,
          status: summary.status,
          startDate: new Date(summary.startDate),
          ...(summary.stopDate === undefined ? {} : { stopDate: new Date(summary.stopDate) }),
        })),
        ...(summaries.length > size && last ? { nextToken: listTokenOf(last) } : {}),
      };
    },
    async getExecutionHistory(executionArn, options = {}) {
      const size = pageSize(options.maxResults);
      const stored = await store.history(executionArn);
      // No event yet: it may have started but not been taken by a worker, or not exist.
      if (stored.length === 0) await described(executionArn);
      if (options.reverseOrder) stored.reverse();
      const from = options.nextToken === undefined ? 0 : pageStart(options.nextToken, stored.length);
      const to = from + size;
      const events = stored.slice(from, to).map((entry) => JSON.parse(entry.event) as HistoryEvent);
      return to < stored.length ? { events, nextToken: String(to) } : { events };
    },
    deleteEndedExecutions({ endedBefore }) {
      return deleteEndedBefore(store, typeof endedBefore === "number" ? endedBefore : endedBefore.getTime());
    },
    async stopExecution(executionArn, options = {}) {
      const stop: Activation = {
        type: "stop",
        ...(options.error === undefined ? {} : { error: options.error }),
        ...(options.cause === undefined ? {} : { cause: options.cause }),
      };
      if (await store.enqueue(executionArn, JSON.stringify(stop), clock.now())) {
        pokeWorkers();
        return;
      }
      // Not running. Stopping an ended execution changes nothing (what AWS
      // answers then is not in our recordings; we answer as for a running
      // one); an unknown one is ExecutionDoesNotExist.
      await described(executionArn);
    },
    sendTaskSuccess(taskToken, output) {
      let parsed: JsonValue;
      try {
        parsed = JSON.parse(output) as JsonValue;
      } catch {
        return Promise.reject(
          new TaskTokenError("InvalidOutput", "Invalid Output: the output must be a valid JSON text"),
        );
      }
      return answer(taskToken, (taskId) => ({ type: "task-succeeded", taskId, output: parsed }));
    },
    sendTaskFailure(taskToken, error, cause) {
      return answer(taskToken, (taskId) => ({
        type: "task-failed",
        taskId,
        ...(error === undefined ? {} : { error }),
        ...(cause === undefined ? {} : { cause }),
      }));
    },
    sendTaskHeartbeat(taskToken) {
      return answer(taskToken, (taskId) => ({ type: "task-heartbeat", taskId }));
    },
  };
}

/** AWS's page size: 100 unless asked for another, and 0 means the default. */
const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 1000;

/** The page size asked for, or AWS's ValidationException for one it refuses. */
function pageSize(maxResults: number | undefined): number {
  if (maxResults === undefined || maxResults === 0) return DEFAULT_PAGE_SIZE;
  if (Number.isInteger(maxResults) && maxResults > 0 && maxResults <= MAX_PAGE_SIZE) return maxResults;
  // AWS's wording for a value out of the member's range; a fraction, which its SDKs cannot send, gets ours.
  const constraint = !Number.isInteger(maxResults)
    ? "Member must be an integer"
    : maxResults > MAX_PAGE_SIZE
      ? `Member must have value less than or equal to ${MAX_PAGE_SIZE}`
      : "Member must have value greater than or equal to 0";
  throw new ExecutionApiError(
    "ValidationException",
    `1 validation error detected: Value '${maxResults}' at 'maxResults' failed to satisfy constraint: ${constraint}`,
  );
}

/** A ListExecutions token: where its page ends, as opaque text. */
function listTokenOf({ startDate, executionArn }: ListCursor): string {
  return Buffer.from(JSON.stringify([startDate, executionArn])).toString("base64url");
}

/** The cursor of a ListExecutions token; AWS's error for a token it did not give. */
function listCursorOf(nextToken: string): ListCursor {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(nextToken, "base64url").toString("utf8"));
  } catch {
    decoded = undefined;
  }
  if (
    !Array.isArray(decoded) ||
    decoded.length !== 2 ||
    !Number.isSafeInteger(decoded[0]) ||
    typeof decoded[1] !== "string"
  ) {
    throw new ExecutionApiError("InvalidToken", `Invalid Token: '${nextToken}'`);
  }
  return { startDate: decoded[0] as number, executionArn: decoded[1] };
}

/** Where the page of a GetExecutionHistory token starts; AWS's error for a token it did not give. */
function pageStart(nextToken: string, length: number): number {
  const start = /^[0-9]{1,9}$/.test(nextToken) ? Number(nextToken) : NaN;
  if (!(start > 0 && start < length))
    throw new ExecutionApiError("InvalidToken", `Invalid Token: '${nextToken}'`);
  return start;
}
