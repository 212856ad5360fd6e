/**
 * An ExecutionStore on PostgreSQL: workers in any number of processes share
 * executions through leases taken with `FOR UPDATE SKIP LOCKED`, and every
 * step is one compare-and-swap transaction (see `commit_step` in schema.ts).
 */
import { createHash } from "node:crypto";
import pg from "pg";
import type { Pool, QueryConfig, QueryResultRow } from "pg";
import type { ClaimedExecution, ExecutionStore, ListFilter } from "@stepwise/core";
import type { ExecutionRow, InboxRow, MachineRow, SummaryRow } from "./rows.js";
import { executionColumns, summaryColumns, toExecution, toInboxItem, toMachine, toSummary } from "./rows.js";
import { dueListener } from "./due-listener.js";
import { ensureSchema, quoteIdentifier } from "./schema.js";

export type PostgresStoreOptions = (
  | {
      /** A pool the application owns: the store uses it and leaves it open on `close()`. */
      readonly pool: Pool;
    }
  | {
      /** The store opens its own pool, and ends it on `close()`. */
      readonly connectionString: string;
      /** The most connections the store's pool opens (pg's default: 10). */
      readonly max?: number;
    }
) & {
  /** Where the tables live, created when absent. Default: "stepwise". */
  readonly schema?: string;
};

/**
 * Opens a store on PostgreSQL, creating its tables first when they are
 * absent (safe when several processes start at once).
 *
 * @example
 * const store = await postgresStore({ connectionString: process.env.DATABASE_URL! });
 * const runtime = createRuntime({ store, integrations });
 * const worker = runtime.work();
 */
export async function postgresStore(options: PostgresStoreOptions): Promise<ExecutionStore> {
  const ownsPool = !("pool" in options);
  const pool =
    "pool" in options
      ? options.pool
      : new pg.Pool({
          connectionString: options.connectionString,
          ...(options.max === undefined ? {} : { max: options.max }),
        });
  // An idle connection the server drops (restart, idle timeout) is reported on
  // the pool and replaced on the next query; unhandled, the event would end the process.
  if (ownsPool) pool.on("error", () => undefined);
  const schema = options.schema ?? "stepwise";
  try {
    await ensureSchema(pool, schema);
  } catch (error) {
    if (ownsPool) await pool.end();
    throw error;
  }
  const s = quoteIdentifier(schema);
  const channel = `stepwise_due:${schema}`;
  const due = dueListener(pool, quoteIdentifier(channel));

  // Named statements are parsed and planned once per connection; the name
  // follows from the text, so stores on other schemas sharing a pool never clash.
  const names = new Map<string, string>();
  const query = <Row extends QueryResultRow>(
    text: string,
    values: unknown[],
  ): Promise<pg.QueryResult<Row>> => {
    let name = names.get(text);
    if (name === undefined) {
      name = `stepwise_${createHash("sha1").update(text).digest("hex").slice(0, 24)}`;
      names.set(text, name);
    }
    const config: QueryConfig = { name, text, values };
    return pool.query<Row>(config);
  };
  let closed = false;

  return {
    async putMachine(machine) {
      await query(
        `INSERT INTO ${s}.machines (id, name, arn, definition, allow_unserved) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO NOTHING`,
        [machine.id, machine.name, machine.arn, machine.definition, machine.allowUnservedResources],
      );
    },

    async getMachine(id) {
      const { rows } = await query<MachineRow>(
        `SELECT id, name, arn, definition, allow_unserved FROM ${s}.machines WHERE id = $1`,
        [id],
      );
      const row = rows[0];
      return row && toMachine(row);
    },

    async create(record) {
      // The notification goes out with the insert's commit, and only if it inserted.
      const { rowCount } = await query(
        `WITH created AS (
           INSERT INTO ${s}.executions
             (execution_arn, machine_id, state_machine_arn, name, status, start_date, version, state, wake_at, lease_until)
           VALUES ($1, $2, $3, $4, 'RUNNING', $5, 0, $6, $5, 0)
           ON CONFLICT (execution_arn) DO NOTHING
           RETURNING 1
         )
         SELECT pg_notify($7, '') FROM created`,
        [
          record.executionArn,
          record.machineId,
          record.stateMachineArn,
          record.name,
          record.startDate,
          record.state,
          channel,
        ],
      );
      return rowCount === 1;
    },

    async claim(workerId, { now, leaseUntil, limit }) {
      // One statement: SKIP LOCKED passes over rows another claim is taking,
      // and a row another claim has just leased fails the re-check of the
      // WHERE clause, so two workers never take the same execution.
      const { rows } = await query<ExecutionRow & { inbox: [number, string][] }>(
        `WITH due AS (
           SELECT execution_arn FROM ${s}.executions
           WHERE status = 'RUNNING' AND wake_at <= $2 AND (lease_owner IS NULL OR lease_until <= $2)
           ORDER BY wake_at
           LIMIT $4
           FOR UPDATE SKIP LOCKED
         ), claimed AS (
           UPDATE ${s}.executions AS e SET lease_owner = $1, lease_until = $3
           FROM due WHERE e.execution_arn = due.execution_arn
           RETURNING e.*
         )
         SELECT ${executionColumns},
           COALESCE((SELECT json_agg(json_build_array(i.id, i.activation) ORDER BY i.id)
                     FROM ${s}.inbox AS i WHERE i.execution_arn = claimed.execution_arn), '[]') AS inbox
         FROM claimed
         ORDER BY wake_at`,
        [workerId, now, leaseUntil, limit],
      );
      // An inbox item enqueued while this statement ran may be missing here:
      // the commit that follows finds it and keeps the execution due.
      return rows.map((row): ClaimedExecution => ({
        execution: toExecution(row),
        inbox: row.inbox.map(([id, activation]) => ({ id, executionArn: row.execution_arn, activation })),
      }));
    },

    async commit(workerId, commit) {
      const { rows } = await query<{ ok: boolean }>(
        `SELECT ${s}.commit_step($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) AS ok`,
        [
          commit.executionArn,
          workerId,
          commit.expectedVersion,
          commit.state,
          commit.status,
          commit.stopDate ?? null,
          commit.wakeAt ?? null,
          commit.leaseUntil ?? null,
          commit.events.map((event) => event.id),
          commit.events.map((event) => event.event),
          commit.tokensIssued.map((issued) => issued.token),
          commit.tokensIssued.map((issued) => issued.taskId),
          commit.tokensEnded,
          commit.inboxApplied,
        ],
      );
      return rows[0]?.ok === true;
    },

    async renew(workerId, executionArns, leaseUntil) {
      if (executionArns.length === 0) return [];
      const { rows } = await query<{ execution_arn: string }>(
        `UPDATE ${s}.executions SET lease_until = $3
         WHERE execution_arn = ANY ($2) AND lease_owner = $1 AND status = 'RUNNING'
         RETURNING execution_arn`,
        [workerId, executionArns, leaseUntil],
      );
      const held = new Set(rows.map((row) => row.execution_arn));
      return executionArns.filter((arn) => held.has(arn));
    },

    async releaseAll(workerId) {
      // Only a RUNNING execution can be claimed: the condition lets the claim index serve this.
      await query(
        `UPDATE ${s}.executions SET lease_owner = NULL, lease_until = 0 WHERE status = 'RUNNING' AND lease_owner = $1`,
        [workerId],
      );
    },

    async enqueue(executionArn, activation, now) {
      // Waking the execution first locks its row: a commit in flight finishes
      // before the item lands, and then sees it (see commit_step).
      const { rowCount } = await query(
        `WITH woken AS (
           UPDATE ${s}.executions SET wake_at = LEAST(wake_at, $3)
           WHERE execution_arn = $1 AND status = 'RUNNING'
           RETURNING execution_arn
         ), queued AS (
           INSERT INTO ${s}.inbox (execution_arn, activation) SELECT execution_arn, $2 FROM woken RETURNING 1
         )
         SELECT pg_notify($4, '') FROM queued`,
        [executionArn, activation, now, channel],
      );
      return rowCount === 1;
    },

    async inbox(executionArns) {
      if (executionArns.length === 0) return [];
      const { rows } = await query<InboxRow>(
        `SELECT id, execution_arn, activation FROM ${s}.inbox WHERE execution_arn = ANY ($1) ORDER BY id`,
        [executionArns],
      );
      return rows.map(toInboxItem);
    },

    async findToken(token) {
      const { rows } = await query<{ execution_arn: string; task_id: string; ended: boolean }>(
        `SELECT execution_arn, task_id, ended FROM ${s}.tokens WHERE token = $1`,
        [token],
      );
      const row = rows[0];
      return row && { executionArn: row.execution_arn, taskId: row.task_id, ended: row.ended };
    },

    async describe(executionArn) {
      const { rows } = await query<ExecutionRow>(
        `SELECT ${executionColumns} FROM ${s}.executions WHERE execution_arn = $1`,
        [executionArn],
      );
      const row = rows[0];
      return row && toExecution(row);
    },

    async list(filter) {
      const { text, values } = listQuery(s, filter);
      const { rows } = await query<SummaryRow>(text, values);
      return rows.map(toSummary);
    },

    async history(executionArn) {
      const { rows } = await query<{ id: number; event: string }>(
        `SELECT id, event FROM ${s}.history_events WHERE execution_arn = $1 ORDER BY id`,
        [executionArn],
      );
      return rows.map((row) => ({ id: row.id, event: row.event }));
    },

    async deleteEnded(endedBefore, limit) {
      // One statement: the ended executions are locked (skipping those another
      // caller is deleting) and removed with everything that refers to them.
      const { rowCount } = await query(
        `WITH doomed AS (
           SELECT execution_arn FROM ${s}.executions
           WHERE stop_date IS NOT NULL AND stop_date < $1
           ORDER BY stop_date LIMIT $2 FOR UPDATE SKIP LOCKED
         ), events AS (
           DELETE FROM ${s}.history_events WHERE execution_arn IN (SELECT execution_arn FROM doomed)
         ), issued AS (
           DELETE FROM ${s}.tokens WHERE execution_arn IN (SELECT execution_arn FROM doomed)
         ), queued AS (
           DELETE FROM ${s}.inbox WHERE execution_arn IN (SELECT execution_arn FROM doomed)
         )
         DELETE FROM ${s}.executions WHERE execution_arn IN (SELECT execution_arn FROM doomed)`,
        [endedBefore, Math.max(0, limit)],
      );
      return rowCount ?? 0;
    },

    watch: (onDue) => due.watch(onDue),

    async close() {
      if (closed) return;
      closed = true;
      await due.close();
      if (ownsPool) await pool.end();
    },
  };
}

/** Only the filters given become conditions, so each combination gets a plan that uses its index. */
function listQuery(
  s: string,
  { stateMachineArn, status, limit, after }: ListFilter,
): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const conditions: string[] = [];
  if (stateMachineArn !== undefined) conditions.push(`state_machine_arn = $${values.push(stateMachineArn)}`);
  if (status !== undefined) conditions.push(`status = $${values.push(status)}`);
  if (after !== undefined) {
    conditions.push(
      `(start_date, execution_arn) < ($${values.push(after.startDate)}, $${values.push(after.executionArn)})`,
    );
  }
  const where = conditions.length === 0 ? "" : `WHERE ${conditions.join(" AND ")}`;
  const limitClause = limit === undefined ? "" : `LIMIT $${values.push(limit)}`;
  return {
    text: `SELECT ${summaryColumns} FROM ${s}.executions
           ${where} ORDER BY start_date DESC, execution_arn DESC ${limitClause}`,
    values,
  };
}
