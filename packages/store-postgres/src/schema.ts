/**
 * The tables a PostgreSQL store keeps executions in, created when absent,
 * and `commit_step`, the function that applies one commit in a single round
 * trip.
 *
 * Payloads (state, events, activations) are TEXT, not JSONB: the store never
 * looks inside them, and JSONB would cost a parse on every write and
 * reorder keys on the way back.
 */
import { createHash } from "node:crypto";
import type { Pool } from "pg";

/** `"name"`, with embedded quotes doubled: any schema name is safe to splice into SQL. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The DDL for schema `s` (quoted): idempotent, every statement IF NOT EXISTS or OR REPLACE. */
export function schemaDdl(s: string): string {
  return `
CREATE SCHEMA IF NOT EXISTS ${s};

CREATE TABLE IF NOT EXISTS ${s}.machines (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  arn TEXT NOT NULL,
  definition TEXT NOT NULL,
  allow_unserved BOOLEAN NOT NULL
);

CREATE TABLE IF NOT EXISTS ${s}.executions (
  execution_arn TEXT PRIMARY KEY,
  machine_id TEXT NOT NULL,
  state_machine_arn TEXT NOT NULL,
  name TEXT NOT NULL,
  status TEXT NOT NULL,
  start_date BIGINT NOT NULL,
  stop_date BIGINT,
  version INTEGER NOT NULL,
  state TEXT NOT NULL,
  wake_at BIGINT,
  lease_owner TEXT,
  lease_until BIGINT NOT NULL
);
-- claim: the due executions in wake order, ended ones left out of the index.
CREATE INDEX IF NOT EXISTS executions_due ON ${s}.executions (wake_at) WHERE status = 'RUNNING';
-- list: newest first, overall or for one machine.
CREATE INDEX IF NOT EXISTS executions_started ON ${s}.executions (start_date, execution_arn);
CREATE INDEX IF NOT EXISTS executions_machine_started
  ON ${s}.executions (state_machine_arn, start_date, execution_arn);
-- deleteEnded: ended executions by stop date (running ones have none).
CREATE INDEX IF NOT EXISTS executions_stopped ON ${s}.executions (stop_date) WHERE stop_date IS NOT NULL;

-- The key makes committing the same event twice impossible, whatever a worker believes.
CREATE TABLE IF NOT EXISTS ${s}.history_events (
  execution_arn TEXT NOT NULL,
  id INTEGER NOT NULL,
  event TEXT NOT NULL,
  PRIMARY KEY (execution_arn, id)
);

CREATE TABLE IF NOT EXISTS ${s}.tokens (
  token TEXT PRIMARY KEY,
  execution_arn TEXT NOT NULL,
  task_id TEXT NOT NULL,
  ended BOOLEAN NOT NULL
);
CREATE INDEX IF NOT EXISTS tokens_execution ON ${s}.tokens (execution_arn);

CREATE TABLE IF NOT EXISTS ${s}.inbox (
  id BIGSERIAL PRIMARY KEY,
  execution_arn TEXT NOT NULL,
  activation TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS inbox_execution ON ${s}.inbox (execution_arn, id);

CREATE OR REPLACE FUNCTION ${s}.commit_step(
  p_arn TEXT, p_worker TEXT, p_expected INTEGER,
  p_state TEXT, p_status TEXT, p_stop_date BIGINT, p_wake_at BIGINT, p_lease_until BIGINT,
  p_event_ids INTEGER[], p_events TEXT[],
  p_tokens TEXT[], p_task_ids TEXT[], p_tokens_ended TEXT[], p_inbox_applied BIGINT[]
) RETURNS BOOLEAN LANGUAGE plpgsql AS $commit$
BEGIN
  -- The compare-and-swap: it also locks the row until the commit ends, so an
  -- enqueue arriving meanwhile waits for it.
  UPDATE ${s}.executions SET
    state = p_state,
    status = p_status,
    stop_date = p_stop_date,
    version = version + 1,
    wake_at = CASE WHEN p_status = 'RUNNING' THEN p_wake_at END,
    lease_owner = CASE WHEN p_lease_until IS NULL THEN NULL ELSE lease_owner END,
    lease_until = COALESCE(p_lease_until, 0)
  WHERE execution_arn = p_arn AND version = p_expected AND lease_owner = p_worker;
  IF NOT FOUND THEN
    RETURN false;
  END IF;

  IF cardinality(p_event_ids) > 0 THEN
    INSERT INTO ${s}.history_events (execution_arn, id, event)
      SELECT p_arn, e.id, e.event FROM unnest(p_event_ids, p_events) AS e(id, event);
  END IF;
  IF cardinality(p_tokens) > 0 THEN
    INSERT INTO ${s}.tokens (token, execution_arn, task_id, ended)
      SELECT t.token, p_arn, t.task_id, false FROM unnest(p_tokens, p_task_ids) AS t(token, task_id)
      ON CONFLICT (token) DO UPDATE
        SET execution_arn = excluded.execution_arn, task_id = excluded.task_id, ended = false;
  END IF;
  IF cardinality(p_tokens_ended) > 0 THEN
    UPDATE ${s}.tokens SET ended = true WHERE token = ANY (p_tokens_ended);
  END IF;
  IF cardinality(p_inbox_applied) > 0 THEN
    DELETE FROM ${s}.inbox WHERE id = ANY (p_inbox_applied) AND execution_arn = p_arn;
  END IF;

  -- A callback that arrived meanwhile keeps the execution due. This must be
  -- its own statement: in a plpgsql function each statement reads a fresh
  -- snapshot, which sees an enqueue the UPDATE above had to wait for; the
  -- UPDATE's own snapshot was taken before that enqueue committed.
  IF p_status = 'RUNNING' AND EXISTS (SELECT 1 FROM ${s}.inbox WHERE execution_arn = p_arn) THEN
    UPDATE ${s}.executions SET wake_at = 0 WHERE execution_arn = p_arn;
  END IF;
  RETURN true;
END
$commit$;
`;
}

/** The commit function's signature: how its mark is found. */
function commitStepSignature(s: string): string {
  return `${s}.commit_step(text, text, integer, text, text, bigint, bigint, bigint, integer[], text[], text[], text[], text[], bigint[])`;
}

/**
 * Creates the schema's tables and function unless they are there. Several
 * processes starting at once would race even with IF NOT EXISTS (two
 * CREATE TABLEs both pass the check, one then fails on pg_type's unique
 * index), so the DDL runs under a transaction-scoped advisory lock.
 *
 * The DDL's hash, left as the commit function's comment, says it has run:
 * a store opening a schema made by the same version reads it and does no DDL,
 * so its role needs no right to create anything and a fleet of workers
 * starting together does not queue on the lock.
 */
export async function ensureSchema(pool: Pool, schema: string): Promise<void> {
  const s = quoteIdentifier(schema);
  const ddl = schemaDdl(s);
  const mark = `stepwise-store ${createHash("sha256").update(ddl).digest("hex").slice(0, 32)}`;
  const signature = commitStepSignature(s);
  const { rows } = await pool.query<{ mark: string | null }>(
    "SELECT obj_description(to_regprocedure($1), 'pg_proc') AS mark",
    [signature],
  );
  if (rows[0]?.mark === mark) return;

  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [`stepwise-store:${schema}`]);
    await client.query(`${ddl}\nCOMMENT ON FUNCTION ${signature} IS '${mark}';`);
    await client.query("COMMIT");
  } catch (error) {
    // A connection that cannot even roll back goes back to the pool destroyed.
    await client.query("ROLLBACK").catch((rollbackError: unknown) => {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
