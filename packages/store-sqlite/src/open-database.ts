import Database from "better-sqlite3";

/**
 * The tables of a store file, created on open when absent so that a new
 * file needs no migration step. Times are epoch milliseconds; payloads
 * (state, events, activations) are JSON text the store never reads.
 */
const schema = `
CREATE TABLE IF NOT EXISTS machines (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  arn TEXT NOT NULL,
  definition TEXT NOT NULL,
  allow_unserved INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS executions (
  execution_arn TEXT PRIMARY KEY,
  machine_id TEXT NOT NULL,
  state_machine_arn TEXT NOT NULL,
  name TEXT NOT NULL,
  status TEXT NOT NULL,
  start_date INTEGER NOT NULL,
  stop_date INTEGER,
  version INTEGER NOT NULL,
  state TEXT NOT NULL,
  -- NULL: parked until a callback arrives (or ended).
  wake_at INTEGER,
  lease_owner TEXT,
  lease_until INTEGER
);
CREATE INDEX IF NOT EXISTS executions_due ON executions (status, wake_at);
CREATE INDEX IF NOT EXISTS executions_started ON executions (start_date);
-- For deleteEnded: ended executions by stop date (running ones have none).
CREATE INDEX IF NOT EXISTS executions_stopped ON executions (stop_date) WHERE stop_date IS NOT NULL;
-- For releaseAll when a worker restarts: only executions held right now.
CREATE INDEX IF NOT EXISTS executions_leased ON executions (lease_owner) WHERE lease_owner IS NOT NULL;

-- The key makes writing one event twice impossible, whatever a worker does.
CREATE TABLE IF NOT EXISTS history_events (
  execution_arn TEXT NOT NULL,
  id INTEGER NOT NULL,
  event TEXT NOT NULL,
  PRIMARY KEY (execution_arn, id)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS tokens (
  token TEXT PRIMARY KEY,
  execution_arn TEXT NOT NULL,
  task_id TEXT NOT NULL,
  ended INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS tokens_execution ON tokens (execution_arn);

-- AUTOINCREMENT: an id is never reused after a delete, so a commit's
-- inboxApplied can never remove an item that arrived after the worker read it.
CREATE TABLE IF NOT EXISTS inbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  execution_arn TEXT NOT NULL,
  activation TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS inbox_execution ON inbox (execution_arn, id);
`;

/** Opens (or creates) a store file ready to be shared by several connections and processes. */
export function openDatabase(path: string, busyTimeoutMs: number): Database.Database {
  // `timeout` is SQLite's busy timeout: a write waits that long for another
  // connection's write transaction instead of failing at once with SQLITE_BUSY.
  // It is set before anything else so that even switching to WAL and creating
  // the schema wait for a process that is doing the same.
  const db = new Database(path, { timeout: busyTimeoutMs });
  try {
    // WAL: readers never block the writer nor each other, and a commit is one
    // append to the log.
    db.pragma("journal_mode = WAL");
    // NORMAL rather than FULL: in WAL mode a committed transaction is in the
    // log file once COMMIT returns, so a process crash (SIGKILL, OOM kill)
    // never loses a committed step — the OS still holds the written pages.
    // Only a power loss or kernel crash can roll back the last few commits
    // (never corrupt the file), because NORMAL fsyncs at checkpoints rather
    // than at every commit. A rolled-back step is then run again, which the
    // runtime must allow for anyway: a process crash between a task's
    // invocation and its commit runs that task again too. FULL would close
    // the power-loss window at the price of one fsync per step.
    db.pragma("synchronous = NORMAL");
    db.transaction(() => db.exec(schema)).immediate();
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
