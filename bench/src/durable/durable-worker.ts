/**
 * One worker process of the durable benchmark: a runtime on the store named
 * by its arguments, serving the benchmark's task, running `work()` until
 * SIGTERM. Prints "ready" once it polls.
 *
 *   node dist/durable/durable-worker.js <sqlite|postgres> <path or URL> <worker id> <lease ms>
 */
import { createRuntime } from "@stepwise/core";
import { openStore } from "./stores.js";
import { benchTask } from "./step-machine.js";

const [kind, location, workerId, leaseMs] = process.argv.slice(2);
if (kind === undefined || location === undefined || workerId === undefined || leaseMs === undefined)
  throw new Error("usage: durable-worker.js <sqlite|postgres> <location> <worker id> <lease ms>");

const store = await openStore(kind, location);
const runtime = createRuntime({ store, integrations: [benchTask] });
const worker = runtime.work({
  workerId,
  leaseMs: Number(leaseMs),
  pollMs: 10,
  maxExecutions: 64 /* durable-main.ts's MAX_EXECUTIONS */,
});
process.on("SIGTERM", () => {
  void worker
    .stop()
    .then(() => store.close())
    .then(() => process.exit(0));
});
process.stdout.write("ready\n");
