/**
 * The ExecutionStore protocol (leases, compare-and-swap commits, inbox,
 * tokens) on SQLite tables, through better-sqlite3.
 */
import type {
  ClaimedExecution,
  Commit,
  ExecutionStatus,
  ExecutionStore,
  ExecutionSummary,
  InboxItem,
  MachineRecord,
  NewExecutionRecord,
  StoredEvent,
  StoredExecution,
  TokenRecord,
} from "@stepwise/core";
import { openDatabase } from "./open-database.js";

export interface SqliteStoreOptions {
  /** The database file, created with its tables when absent. */
  readonly path: string;
  /**
   * How long a write waits for another connection's transaction before
   * failing with SQLITE_BUSY (default 5000). better-sqlite3 waits
   * synchronously: the whole process pauses meanwhile, which transactions
   * of a few milliseconds make rare and short.
   */
  readonly busyTimeoutMs?: number | undefined;
}

/** A record as SQL returns it: an optional field is a column that may be NULL. */
type Nullable<T> = { [K in keyof T]-?: undefined extends T[K] ? Exclude<T[K], undefined> | null : T[K] };
type ExecutionRow = Nullable<StoredExecution>;
type SummaryRow = Nullable<ExecutionSummary>;

const summaryColumns = `execution_arn AS executionArn, state_machine_arn AS stateMachineArn, name, status,
  start_date AS startDate, stop_date AS stopDate`;
const executionColumns = `${summaryColumns}, machine_id AS machineId, version, state`;

function withoutNullStop<Row extends { readonly stopDate: number | null }>(
  row: Row,
): Omit<Row, "stopDate"> & { stopDate?: number } {
  const { stopDate, ...rest } = row;
  return stopDate === null ? rest : { ...rest, stopDate };
}

/**
 * better-sqlite3 is synchronous: every method does its work at once (a
 * transaction never spans an await, so connections in one process cannot
 * wait on each other) and answers a settled promise, errors as rejections.
 */
function settle<T>(work: () => T): Promise<T> {
  return new Promise<T>((resolve) => {
    resolve(work());
  });
}

/**
 * An ExecutionStore in one SQLite file, no server: durable executions
 * survive a restart of the process (or a SIGKILL), and several worker
 * processes on one machine can share the file — leases and
 * compare-and-swap commits keep them from advancing one execution twice.
 *
 * @example
 * import { createRuntime } from "@stepwise/core";
 * import { sqliteStore } from "@stepwise/store-sqlite";
 * const runtime = createRuntime({ store: sqliteStore({ path: "stepwise.db" }) });
 * const worker = runtime.work({ workerId: "host-1" });
 */
export function sqliteStore(options: SqliteStoreOptions): ExecutionStore {
  const db = openDatabase(options.path, options.busyTimeoutMs ?? 5_000);

  const insertMachine = db.prepare<
    [Omit<MachineRecord, "allowUnservedResources"> & { allowUnserved: number }]
  >(
    `INSERT INTO machines (id, name, arn, definition, allow_unserved)
     VALUES (@id, @name, @arn, @definition, @allowUnserved) ON CONFLICT (id) DO NOTHING`,
  );
  const selectMachine = db.prepare<
    [string],
    Omit<MachineRecord, "allowUnservedResources"> & { allowUnserved: number }
  >(`SELECT id, name, arn, definition, allow_unserved AS allowUnserved FROM machines WHERE id = ?`);
  const insertExecution = db.prepare<[NewExecutionRecord]>(
    `INSERT INTO executions (execution_arn, machine_id, state_machine_arn, name, status, start_date, version, state, wake_at)
     VALUES (@executionArn, @machineId, @stateMachineArn, @name, 'RUNNING', @startDate, 0, @state, @startDate)
     ON CONFLICT (execution_arn) DO NOTHING`,
  );
  const selectDue = db.prepare<[{ now: number; limit: number }], ExecutionRow>(
    `SELECT ${executionColumns} FROM executions
     WHERE status = 'RUNNING' AND wake_at <= @now AND (lease_owner IS NULL OR lease_until <= @now)
     ORDER BY wake_at, rowid LIMIT @limit`,
  );
  const lease = db.prepare<[{ executionArn: string; workerId: string; leaseUntil: number }]>(
    `UPDATE executions SET lease_owner = @workerId, lease_until = @leaseUntil WHERE execution_arn = @executionArn`,
  );
  const selectInboxOf = db.prepare<[string], InboxItem>(
    `SELECT id, execution_arn AS executionArn, activation FROM inbox WHERE execution_arn = ? ORDER BY id`,
  );
  // One statement for any number of executions: the ARNs go in as a JSON array.
  const selectInboxOfMany = db.prepare<[string], InboxItem>(
    `SELECT id, execution_arn AS executionArn, activation FROM inbox
     WHERE execution_arn IN (SELECT value FROM json_each(?)) ORDER BY id`,
  );
  const compareAndSwap = db.prepare<
    [
      {
        executionArn: string;
        expectedVersion: number;
        workerId: string;
        state: string;
        status: ExecutionStatus;
        stopDate: number | null;
        wakeAt: number | null;
        leaseUntil: number | null;
      },
    ]
  >(
    `UPDATE executions SET state = @state, status = @status, stop_date = @stopDate, version = version + 1,
       wake_at = @wakeAt, lease_until = @leaseUntil,
       lease_owner = CASE WHEN @leaseUntil IS NULL THEN NULL ELSE lease_owner END
     WHERE execution_arn = @executionArn AND version = @expectedVersion AND lease_owner = @workerId`,
  );
  const insertEvent = db.prepare<[string, number, string]>(
    `INSERT INTO history_events (execution_arn, id, event) VALUES (?, ?, ?)`,
  );
  const upsertToken = db.prepare<[string, string, string]>(
    `INSERT INTO tokens (token, execution_arn, task_id, ended) VALUES (?, ?, ?, 0)
     ON CONFLICT (token) DO UPDATE SET execution_arn = excluded.execution_arn, task_id = excluded.task_id, ended = 0`,
  );
  const endToken = db.prepare<[string]>(`UPDATE tokens SET ended = 1 WHERE token = ?`);
  const deleteInboxItem = db.prepare<[number, string]>(
    `DELETE FROM inbox WHERE id = ? AND execution_arn = ?`,
  );
  // A callback that arrived while the step ran keeps the execution due.
  const wakeForInbox = db.prepare<[{ executionArn: string }]>(
    `UPDATE executions SET wake_at = 0
     WHERE execution_arn = @executionArn AND status = 'RUNNING'
       AND EXISTS (SELECT 1 FROM inbox WHERE execution_arn = @executionArn)`,
  );
  const renewOne = db.prepare<[{ executionArn: string; workerId: string; leaseUntil: number }]>(
    `UPDATE executions SET lease_until = @leaseUntil
     WHERE execution_arn = @executionArn AND lease_owner = @workerId AND status = 'RUNNING'`,
  );
  const releaseLeases = db.prepare<[string]>(
    `UPDATE executions SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ?`,
  );
  const wakeNow = db.prepare<[{ executionArn: string; now: number }]>(
    `UPDATE executions SET wake_at = CASE WHEN wake_at IS NULL OR wake_at > @now THEN @now ELSE wake_at END
     WHERE execution_arn = @executionArn AND status = 'RUNNING'`,
  );
  const insertInboxItem = db.prepare<[string, string]>(
    `INSERT INTO inbox (execution_arn, activation) VALUES (?, ?)`,
  );
  const selectToken = db.prepare<[string], { executionArn: string; taskId: string; ended: number }>(
    `SELECT execution_arn AS executionArn, task_id AS taskId, ended FROM tokens WHERE token = ?`,
  );
  const selectExecution = db.prepare<[string], ExecutionRow>(
    `SELECT ${executionColumns} FROM executions WHERE execution_arn = ?`,
  );
  // LIMIT -1 is no limit; the ARN breaks ties in start date, so a page ends at a well-defined row.
  const selectSummaries = db.prepare<
    [
      {
        stateMachineArn: string | null;
        status: ExecutionStatus | null;
        limit: number;
        afterStart: number | null;
        afterArn: string | null;
      },
    ],
    SummaryRow
  >(
    `SELECT ${summaryColumns} FROM executions
     WHERE (@stateMachineArn IS NULL OR state_machine_arn = @stateMachineArn) AND (@status IS NULL OR status = @status)
       AND (@afterStart IS NULL OR start_date < @afterStart OR (start_date = @afterStart AND execution_arn < @afterArn))
     ORDER BY start_date DESC, execution_arn DESC LIMIT @limit`,
  );
  const selectHistory = db.prepare<[string], StoredEvent>(
    `SELECT id, event FROM history_events WHERE execution_arn = ? ORDER BY id`,
  );
  const selectEndedBefore = db.prepare<[number, number], { executionArn: string }>(
    `SELECT execution_arn AS executionArn FROM executions
     WHERE stop_date IS NOT NULL AND stop_date < ? ORDER BY stop_date LIMIT ?`,
  );
  const deleteExecutionRows = [
    "DELETE FROM history_events WHERE execution_arn = ?",
    "DELETE FROM tokens WHERE execution_arn = ?",
    "DELETE FROM inbox WHERE execution_arn = ?",
    "DELETE FROM executions WHERE execution_arn = ?",
  ].map((text) => db.prepare<[string]>(text));

  // Every write runs in an IMMEDIATE transaction: it takes the write lock
  // first (waiting up to the busy timeout), so it never fails half-way with
  // SQLITE_BUSY after reading a snapshot another connection has since changed.
  const write = <Args extends unknown[], Result>(fn: (...args: Args) => Result) => {
    const tx = db.transaction(fn);
    return (...args: Args): Result => tx.immediate(...args);
  };
  const claimTx = write(
    (workerId: string, now: number, leaseUntil: number, limit: number): ClaimedExecution[] =>
      selectDue.all({ now, limit }).map((row) => {
        lease.run({ executionArn: row.executionArn, workerId, leaseUntil });
        return { execution: withoutNullStop(row), inbox: selectInboxOf.all(row.executionArn) };
      }),
  );

  const commitTx = write((workerId: string, commit: Commit): boolean => {
    const { executionArn } = commit;
    const swapped = compareAndSwap.run({
      executionArn,
      expectedVersion: commit.expectedVersion,
      workerId,
      state: commit.state,
      status: commit.status,
      stopDate: commit.stopDate ?? null,
      wakeAt: commit.status === "RUNNING" ? (commit.wakeAt ?? null) : null,
      leaseUntil: commit.leaseUntil ?? null,
    });
    if (swapped.changes === 0) return false;
    for (const { id, event } of commit.events) insertEvent.run(executionArn, id, event);
    for (const { token, taskId } of commit.tokensIssued) upsertToken.run(token, executionArn, taskId);
    for (const token of commit.tokensEnded) endToken.run(token);
    for (const id of commit.inboxApplied) deleteInboxItem.run(id, executionArn);
    wakeForInbox.run({ executionArn });
    return true;
  });

  const renewTx = write((workerId: string, executionArns: readonly string[], leaseUntil: number) =>
    executionArns.filter((executionArn) => renewOne.run({ executionArn, workerId, leaseUntil }).changes > 0),
  );

  const enqueueTx = write((executionArn: string, activation: string, now: number): boolean => {
    if (wakeNow.run({ executionArn, now }).changes === 0) return false;
    insertInboxItem.run(executionArn, activation);
    return true;
  });

  const putMachineTx = write(({ allowUnservedResources, ...machine }: MachineRecord) =>
    insertMachine.run({ ...machine, allowUnserved: allowUnservedResources ? 1 : 0 }),
  );
  const createTx = write((record: NewExecutionRecord) => insertExecution.run(record).changes > 0);
  const releaseAllTx = write((workerId: string) => releaseLeases.run(workerId));
  const deleteEndedTx = write((endedBefore: number, limit: number): number => {
    const ended = selectEndedBefore.all(endedBefore, limit);
    for (const { executionArn } of ended) for (const remove of deleteExecutionRows) remove.run(executionArn);
    return ended.length;
  });

  return {
    putMachine: (machine) =>
      settle(() => {
        putMachineTx(machine);
      }),
    getMachine: (id) =>
      settle((): MachineRecord | undefined => {
        const row = selectMachine.get(id);
        if (row === undefined) return undefined;
        const { allowUnserved, ...machine } = row;
        return { ...machine, allowUnservedResources: allowUnserved !== 0 };
      }),
    create: (record) => settle(() => createTx(record)),
    claim: (workerId, { now, leaseUntil, limit }) =>
      settle(() => claimTx(workerId, now, leaseUntil, Math.max(0, limit))),
    commit: (workerId, commit) => settle(() => commitTx(workerId, commit)),
    renew: (workerId, executionArns, leaseUntil) =>
      settle(() => renewTx(workerId, executionArns, leaseUntil)),
    releaseAll: (workerId) =>
      settle(() => {
        releaseAllTx(workerId);
      }),
    enqueue: (executionArn, activation, now) => settle(() => enqueueTx(executionArn, activation, now)),
    inbox: (executionArns) => settle(() => selectInboxOfMany.all(JSON.stringify(executionArns))),
    findToken: (token) =>
      settle((): TokenRecord | undefined => {
        const row = selectToken.get(token);
        return row && { ...row, ended: row.ended !== 0 };
      }),
    describe: (executionArn) =>
      settle((): StoredExecution | undefined => {
        const row = selectExecution.get(executionArn);
        return row && withoutNullStop(row);
      }),
    list: ({ stateMachineArn, status, limit, after }) =>
      settle(() =>
        selectSummaries
          .all({
            stateMachineArn: stateMachineArn ?? null,
            status: status ?? null,
            limit: limit === undefined ? -1 : Math.max(0, limit),
            afterStart: after?.startDate ?? null,
            afterArn: after?.executionArn ?? null,
          })
          .map((row): ExecutionSummary => withoutNullStop(row)),
      ),
    history: (executionArn) => settle(() => selectHistory.all(executionArn)),
    deleteEnded: (endedBefore, limit) => settle(() => deleteEndedTx(endedBefore, Math.max(0, limit))),
    close: () =>
      settle(() => {
        if (db.open) db.close();
      }),
  };
}
