/**
 * Workers in separate processes share one PostgreSQL database: executions
 * run to the end while workers are SIGKILLed at random and restarted, no
 * state transition is committed twice, and the figures (steps/s with one
 * and four workers, time to recover a killed worker's executions,
 * duplicated task invocations) are printed.
 *
 * The workers run test/distributed-worker.mjs on the built packages (dist):
 * `pnpm install` builds them; after changing sources run the packages'
 * `build` scripts first.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import type { HistoryEvent, Integration } from "@stepwise/core";
import { createRuntime, memoryStore } from "@stepwise/core";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { postgresStore } from "../src/index.js";
import { freshSchema } from "./schema-name.js";
import type { WorkerProcess } from "./worker-processes.js";
import { kill, liveWorkers, spawnWorker, workerStderr } from "./worker-processes.js";

const url = inject("postgresUrl");
/** Short, so that the chaos run sees its kills recovered within the test. */
const leaseMs = 1_000;
/**
 * Runs without kills must send no task twice: a lease long enough that a
 * worker starved of CPU on a busy CI machine never loses one it still works on.
 */
const calmLeaseMs = 15_000;
const executions = 200;
const stepsPerExecution = 10;
const tasksPerExecution = 5;

/** Ten states: five Tasks served by the recording integration, four Passes, and the end. */
const definition = {
  StartAt: "Step1",
  States: Object.fromEntries(
    Array.from({ length: stepsPerExecution }, (_, i) => {
      const step = i + 1;
      const next = step < stepsPerExecution ? { Next: `Step${step + 1}` } : { End: true };
      if (step === stepsPerExecution) return [`Step${step}`, { Type: "Succeed" }];
      if (step % 2 === 1)
        return [
          `Step${step}`,
          {
            Type: "Task",
            Resource: "arn:aws:states:::test:record",
            Parameters: { step, "n.$": "$.n" },
            ResultPath: "$.last",
            ...next,
          },
        ];
      return [`Step${step}`, { Type: "Pass", Result: step, ResultPath: "$.pass", ...next }];
    }),
  ),
};

/** The test process only starts executions; workers invoke this integration's twin. */
const recordStub: Integration = {
  resource: "arn:aws:states:::test:record",
  patterns: ["request-response"],
  async invoke(request) {
    return request.parameters;
  },
};

const figures: string[] = [];

const startWorker = (schema: string, lease: number): Promise<WorkerProcess> =>
  spawnWorker({ STEPWISE_POSTGRES_URL: url, STEPWISE_SCHEMA: schema, STEPWISE_LEASE_MS: String(lease) });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Run {
  readonly schema: string;
  readonly pool: pg.Pool;
  readonly arns: string[];
  readonly seconds: number;
  /** Store commits: a step, or several a worker applied together (a Pass and the Task after it). */
  readonly commits: number;
}

const throughput = ({ seconds, commits }: Run): string =>
  `${Math.round((executions * stepsPerExecution) / seconds)} steps/s, ${Math.round(commits / seconds)} commits/s ` +
  `(${seconds.toFixed(2)} s from the first start to the last end)`;

/**
 * Starts `executions` executions on a fresh schema served by `workers`
 * processes and waits for all of them to end; `chaos` runs beside the
 * wait (killing workers) until they have.
 */
async function run(
  workers: number,
  chaos?: (schema: string, pool: pg.Pool, done: () => boolean, workers: WorkerProcess[]) => Promise<void>,
): Promise<Run> {
  const schema = freshSchema();
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  pools.push(pool);
  const store = await postgresStore({ pool, schema });
  await pool.query(
    `CREATE TABLE "${schema}".invocations (idempotency_key TEXT NOT NULL, worker_id TEXT NOT NULL)`,
  );
  const lease = chaos ? leaseMs : calmLeaseMs;
  const processes = await Promise.all(Array.from({ length: workers }, () => startWorker(schema, lease)));

  const runtime = createRuntime({ store, integrations: [recordStub] });
  const machine = runtime.load(definition, { name: "TenSteps" });
  const started = performance.now();
  const arns = await Promise.all(
    Array.from({ length: executions }, async (_, n) => {
      const { executionArn } = await runtime.startExecution(machine, { name: `e${n}`, input: { n } });
      return executionArn;
    }),
  );
  let finished = false;
  const chaotic = chaos?.(schema, pool, () => finished, processes);
  try {
    const deadline = Date.now() + 45_000;
    for (;;) {
      const { rows } = await pool.query<{ running: string; failed: string }>(
        `SELECT count(*) FILTER (WHERE status = 'RUNNING') AS running,
                count(*) FILTER (WHERE status NOT IN ('RUNNING', 'SUCCEEDED')) AS failed
         FROM "${schema}".executions`,
      );
      const { running, failed } = rows[0]!;
      if (Number(failed) > 0)
        throw new Error(`${failed} executions did not succeed:\n${workerStderr.join("")}`);
      if (Number(running) === 0) break;
      if (Date.now() > deadline)
        throw new Error(`${running} executions still running:\n${workerStderr.join("")}`);
      await sleep(10);
    }
  } finally {
    finished = true;
    await chaotic;
  }
  const seconds = (performance.now() - started) / 1000;
  await Promise.all([...liveWorkers].map((worker) => kill(worker, "SIGTERM")));
  const { rows } = await pool.query<{ commits: string }>(
    `SELECT sum(version) AS commits FROM "${schema}".executions`,
  );
  return { schema, pool, arns, seconds, commits: Number(rows[0]!.commits) };
}

/** The history of an uninterrupted run, in one process, on the memory store. */
async function referenceHistory(): Promise<string[]> {
  const runtime = createRuntime({ store: memoryStore(), integrations: [recordStub] });
  const { executionArn } = await runtime.startExecution(runtime.load(definition, { name: "TenSteps" }), {
    input: { n: 0 },
  });
  const worker = runtime.work({ pollMs: 5 });
  try {
    while ((await runtime.describeExecution(executionArn)).status === "RUNNING") await sleep(5);
  } finally {
    await worker.stop();
  }
  return shape((await runtime.getExecutionHistory(executionArn)).events);
}

const shape = (events: readonly HistoryEvent[]): string[] =>
  events.map((event) => {
    const entered = event.stateEnteredEventDetails?.name;
    return typeof entered === "string" ? `${event.type} ${entered}` : event.type;
  });

/** Every execution succeeded with the history of an uninterrupted run: contiguous ids, each state entered once. */
async function expectCleanRun({ schema, pool, arns }: Run, reference: string[]): Promise<void> {
  const { rows } = await pool.query<{
    execution_arn: string;
    status: string;
    events: string[];
    ids: number[];
  }>(
    `SELECT e.execution_arn, e.status,
            array_agg(h.event ORDER BY h.id) AS events, array_agg(h.id ORDER BY h.id) AS ids
     FROM "${schema}".executions AS e JOIN "${schema}".history_events AS h USING (execution_arn)
     GROUP BY e.execution_arn, e.status`,
  );
  expect(rows.map((row) => row.execution_arn).sort()).toEqual([...arns].sort());
  for (const row of rows) {
    expect(row.status).toBe("SUCCEEDED");
    expect(row.ids).toEqual(row.ids.map((_, i) => i + 1));
    expect(shape(row.events.map((event) => JSON.parse(event) as HistoryEvent))).toEqual(reference);
  }
}

/** Task invocations: each attempt's key at least once; how many were sent again after a crash. */
async function invocations({
  schema,
  pool,
}: Run): Promise<{ keys: number; duplicated: number; extra: number }> {
  const { rows } = await pool.query<{ keys: string; duplicated: string; total: string }>(
    `SELECT count(*) AS keys, count(*) FILTER (WHERE times > 1) AS duplicated, coalesce(sum(times), 0) AS total
     FROM (SELECT count(*) AS times FROM "${schema}".invocations GROUP BY idempotency_key) AS per_key`,
  );
  const { keys, duplicated, total } = rows[0]!;
  return { keys: Number(keys), duplicated: Number(duplicated), extra: Number(total) - Number(keys) };
}

const pools: pg.Pool[] = [];
let reference: string[] = [];

beforeAll(async () => {
  const built = createRequire(import.meta.url);
  for (const name of ["@stepwise/core", "@stepwise/store-postgres"]) {
    const entry = built.resolve(name);
    if (!existsSync(entry)) throw new Error(`${name} is not built (${entry}): run its build script first`);
  }
  reference = await referenceHistory();
});

afterEach(async () => {
  await Promise.all([...liveWorkers].map((worker) => kill(worker, "SIGKILL")));
});

afterAll(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.end()));
  console.log(
    `\nDistributed workers on PostgreSQL (${executions} executions x ${stepsPerExecution} steps):\n${figures.join("\n")}`,
  );
});

describe("workers in separate processes on one database", () => {
  for (const workers of [1, 4]) {
    it(`runs every execution once with ${workers} worker process${workers === 1 ? "" : "es"}`, async () => {
      const result = await run(workers);
      await expectCleanRun(result, reference);
      expect(await invocations(result)).toEqual({
        keys: executions * tasksPerExecution,
        duplicated: 0,
        extra: 0,
      });
      figures.push(`  ${workers} worker(s): ${throughput(result)}`);
    }, 60_000);
  }

  it("commits no transition twice while workers are SIGKILLed at random and restarted", async () => {
    const recoveries: Recovery[] = [];
    let kills = 0;
    const chaos = async (schema: string, pool: pg.Pool, done: () => boolean, initial: WorkerProcess[]) => {
      const killable = new Set(initial);
      const pending: Promise<unknown>[] = [];
      const holds = async (worker: WorkerProcess): Promise<boolean> => {
        const { rowCount } = await pool.query(
          `SELECT 1 FROM "${schema}".executions WHERE lease_owner = $1 AND status = 'RUNNING' LIMIT 1`,
          [worker.id],
        );
        return rowCount === 1;
      };
      for (let first = true; !done(); first = false) {
        // The first kill comes as soon as its victim holds executions, however fast the machine.
        if (!first) await sleep(150 + Math.random() * 350);
        // Two workers at least keep working while the others restart.
        if (done() || killable.size <= 2) continue;
        const victim = [...killable][Math.floor(Math.random() * killable.size)]!;
        while (first && !done() && !(await holds(victim))) await sleep(5);
        killable.delete(victim);
        const killedAt = performance.now();
        await kill(victim, "SIGKILL");
        kills++;
        // What it held is orphaned until its leases run out and another worker takes it.
        const { rows: orphans } = await pool.query<Orphan>(
          `SELECT execution_arn, version FROM "${schema}".executions WHERE lease_owner = $1 AND status = 'RUNNING'`,
          [victim.id],
        );
        if (orphans.length > 0)
          pending.push(watchRecovery(schema, pool, victim.id, orphans, killedAt, recoveries));
        // The restarted worker has a new id: it does not take back the old leases; they expire.
        pending.push(startWorker(schema, leaseMs).then((worker) => killable.add(worker)));
      }
      await Promise.all(pending);
    };
    const result = await run(4, chaos);
    await expectCleanRun(result, reference);
    const { keys, duplicated, extra } = await invocations(result);
    expect(keys).toBe(executions * tasksPerExecution);
    expect(kills).toBeGreaterThan(0);
    const spread = (values: number[]): string => {
      const sorted = [...values].sort((a, b) => a - b);
      const at = (q: number) =>
        sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(0);
      return `median ${at(0.5)} ms, min ${at(0)} ms, max ${at(1)} ms`;
    };
    figures.push(
      `  4 workers, ${kills} SIGKILLs, lease ${leaseMs} ms: ${throughput(result)}`,
      recoveries.length === 0
        ? "    no kill orphaned an execution"
        : `    after a kill, until every execution it held was taken by another worker: ${spread(recoveries.map((r) => r.takenMs))}; ` +
            `until each had committed a step again: ${spread(recoveries.map((r) => r.movedMs))} (${recoveries.length} kills, ` +
            `${recoveries.reduce((sum, r) => sum + r.orphans, 0)} executions orphaned)`,
      `    task invocations sent again after a crash (same idempotency key): ${duplicated} of ${keys} keys, ${extra} extra sends`,
    );
  }, 60_000);
});

interface Orphan {
  readonly execution_arn: string;
  readonly version: number;
}

interface Recovery {
  readonly orphans: number;
  readonly takenMs: number;
  readonly movedMs: number;
}

/** Follows a killed worker's executions until each is leased by another worker, then until each has committed a step. */
async function watchRecovery(
  schema: string,
  pool: pg.Pool,
  victim: string,
  orphans: readonly Orphan[],
  killedAt: number,
  recoveries: Recovery[],
): Promise<void> {
  const untaken = new Set(orphans.map((orphan) => orphan.execution_arn));
  const unmoved = new Map(orphans.map((orphan) => [orphan.execution_arn, orphan.version]));
  let takenMs: number | undefined;
  const deadline = killedAt + 20_000;
  while (unmoved.size > 0 && performance.now() < deadline) {
    const { rows } = await pool.query<Orphan & { lease_owner: string | null }>(
      `SELECT execution_arn, version, lease_owner FROM "${schema}".executions WHERE execution_arn = ANY ($1)`,
      [[...unmoved.keys()]],
    );
    const now = performance.now();
    for (const row of rows) {
      const moved = row.version > unmoved.get(row.execution_arn)!;
      if (moved || (row.lease_owner !== null && row.lease_owner !== victim))
        untaken.delete(row.execution_arn);
      if (moved) unmoved.delete(row.execution_arn);
    }
    if (untaken.size === 0) takenMs ??= now - killedAt;
    if (unmoved.size > 0) await sleep(5);
  }
  if (unmoved.size === 0 && takenMs !== undefined)
    recoveries.push({ orphans: orphans.length, takenMs, movedMs: performance.now() - killedAt });
}
