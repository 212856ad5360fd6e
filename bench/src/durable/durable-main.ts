/**
 * The durable benchmark: how many committed steps per second worker
 * processes get through on SQLite and PostgreSQL (200 executions of ten
 * Task states, 1 and 4 workers), and how long an execution stands still
 * after its worker is killed with SIGKILL (a restarted worker with the same
 * id; another worker once the lease expires). Prints a Markdown table, then
 * one JSON line.
 *
 * @example
 * // from bench/, after a build
 * // node dist/durable/durable-main.js --executions 200 --workers 1,4 --stores sqlite,postgres
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { DurableRuntime, ExecutionStore } from "@stepwise/core";
import { createRuntime } from "@stepwise/core";
import type { PostgresServer } from "./embedded-postgres.js";
import { startPostgres } from "./embedded-postgres.js";
import { benchTask, stepMachine, STEPS } from "./step-machine.js";
import type { StoreKind } from "./stores.js";
import { openStore, STORE_KINDS } from "./stores.js";

const WORKER = fileURLToPath(new URL("./durable-worker.js", import.meta.url));
const LEASE_MS = 2_000;
/** What a worker process holds at once (durable-worker.ts). */
const MAX_EXECUTIONS = 64;

interface Throughput {
  readonly store: StoreKind;
  readonly workers: number;
  readonly executions: number;
  readonly seconds: number;
  readonly stepsPerSecond: number;
}

interface Recovery {
  readonly store: StoreKind;
  readonly restartedAs: "same worker id" | "another worker";
  /** From the SIGKILL to the next execution finished by the new worker. */
  readonly milliseconds: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function startWorker(kind: StoreKind, location: string, workerId: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [WORKER, kind, location, workerId, String(LEASE_MS)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      if (chunk.includes("ready")) resolve(child);
    });
    child.on("exit", (code) => {
      reject(new Error(`worker ${workerId} exited with ${String(code)}`));
    });
  });
}

async function stop(children: readonly ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      await once(child, "exit");
    }),
  );
}

async function succeeded(store: ExecutionStore): Promise<number> {
  return (await store.list({ status: "SUCCEEDED" })).length;
}

async function startExecutions(runtime: DurableRuntime, count: number): Promise<void> {
  const machine = runtime.load(stepMachine(), { name: "Steps" });
  for (let i = 0; i < count; i++)
    await runtime.startExecution(machine, { name: `e${String(i)}`, input: { count: 0 } });
}

/**
 * Checks what the workers committed — every history whole, every state
 * entered once, the right output — and answers the milliseconds from the
 * first execution's start to the last one's end.
 */
async function verify(runtime: DurableRuntime, store: ExecutionStore, count: number): Promise<number> {
  const executions = await store.list({});
  if (executions.length !== count)
    throw new Error(`${String(executions.length)} executions, not ${String(count)}`);
  let first = Infinity;
  let last = -Infinity;
  for (const { executionArn } of executions) {
    const { events } = await runtime.getExecutionHistory(executionArn);
    first = Math.min(first, new Date(events[0]!.timestamp).getTime());
    last = Math.max(last, new Date(events.at(-1)!.timestamp).getTime());
    const entered = events.filter((event) => event.type === "TaskStateEntered").length;
    const contiguous = events.every((event, index) => event.id === index + 1);
    const { status, output } = await runtime.describeExecution(executionArn);
    if (status !== "SUCCEEDED" || output !== `{"count":${String(STEPS)}}` || entered !== STEPS || !contiguous)
      throw new Error(
        `${executionArn}: ${status}, output ${String(output)}, ${String(entered)} states entered`,
      );
  }
  return last - first;
}

async function throughput(
  kind: StoreKind,
  location: string,
  workers: number,
  count: number,
): Promise<Throughput> {
  const store = await openStore(kind, location);
  const runtime = createRuntime({ store, integrations: [benchTask] });
  // Every execution waits in the store before the workers start; the time
  // is the workers' own: from the first ExecutionStarted to the last ExecutionSucceeded.
  await startExecutions(runtime, count);
  const children = await Promise.all(
    Array.from({ length: workers }, (_, i) => startWorker(kind, location, `w${String(i + 1)}`)),
  );
  try {
    while ((await succeeded(store)) < count) await sleep(10);
    const span = await verify(runtime, store, count);
    const seconds = span / 1000;
    return { store: kind, workers, executions: count, seconds, stepsPerSecond: (count * STEPS) / seconds };
  } finally {
    await stop(children);
    await store.close();
  }
}

async function recovery(
  kind: StoreKind,
  location: string,
  restartedAs: Recovery["restartedAs"],
  count: number,
): Promise<Recovery> {
  const store = await openStore(kind, location);
  const runtime = createRuntime({ store, integrations: [benchTask] });
  // Fewer executions than a worker holds at once: the first worker has them all when it is killed.
  await startExecutions(runtime, count);
  const first = await startWorker(kind, location, "r1");
  const children = [first];
  try {
    while ((await succeeded(store)) < count / 4) await sleep(5);
    first.kill("SIGKILL");
    await once(first, "exit");
    const killedAt = performance.now();
    const before = await succeeded(store);
    children.push(await startWorker(kind, location, restartedAs === "same worker id" ? "r1" : "r2"));
    while ((await succeeded(store)) === before) await sleep(5);
    const milliseconds = performance.now() - killedAt;
    while ((await succeeded(store)) < count) await sleep(10);
    await verify(runtime, store, count);
    return { store: kind, restartedAs, milliseconds };
  } finally {
    await stop(children);
    await store.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      executions: { type: "string", default: "200" },
      workers: { type: "string", default: "1,4" },
      stores: { type: "string", default: STORE_KINDS.join(",") },
    },
  });
  const count = Number(values.executions);
  const workerCounts = values.workers.split(",").map(Number);
  const kinds = values.stores.split(",") as StoreKind[];
  let postgres: PostgresServer | undefined;
  const directory = await mkdtemp(join(tmpdir(), "stepwise-bench-durable-"));
  let runs = 0;
  const location = async (kind: StoreKind): Promise<string> => {
    runs += 1;
    if (kind === "sqlite") return join(directory, `run${String(runs)}.db`);
    postgres ??= await startPostgres();
    return postgres.database(`run${String(runs)}`);
  };
  const throughputs: Throughput[] = [];
  const recoveries: Recovery[] = [];
  try {
    for (const kind of kinds) {
      for (const workers of workerCounts) {
        process.stderr.write(`${kind}: ${String(workers)} worker(s)…\n`);
        throughputs.push(await throughput(kind, await location(kind), workers, count));
      }
      for (const restartedAs of ["same worker id", "another worker"] as const) {
        process.stderr.write(`${kind}: recovery, ${restartedAs}…\n`);
        recoveries.push(
          await recovery(kind, await location(kind), restartedAs, Math.min(count, MAX_EXECUTIONS)),
        );
      }
    }
  } finally {
    await postgres?.stop();
  }
  console.log("| store | workers | executions × steps | wall time | steps/s |");
  console.log("|---|---:|---:|---:|---:|");
  for (const t of throughputs)
    console.log(
      `| ${t.store} | ${String(t.workers)} | ${String(t.executions)} × ${String(STEPS)} | ${t.seconds.toFixed(2)} s | ${t.stepsPerSecond.toFixed(0)} |`,
    );
  console.log("");
  console.log(
    `| store | after SIGKILL, restarted as | until the next execution ends (lease ${String(LEASE_MS)} ms) |`,
  );
  console.log("|---|---|---:|");
  for (const r of recoveries)
    console.log(`| ${r.store} | ${r.restartedAs} | ${r.milliseconds.toFixed(0)} ms |`);
  console.log(JSON.stringify({ throughputs, recoveries }));
}

await main();
