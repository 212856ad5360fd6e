/**
 * The process the crash-recovery test kills and starts again: a durable
 * runtime on a SQLite file with one worker (always the same worker id, as a
 * restarted service would have). Every task invocation is appended to a log
 * file before the integration answers, so the test sees what ran even in a
 * process it killed. Prints "ready" once the worker runs; SIGTERM stops it.
 *
 *   node ... crash-worker.ts <store path> <log path> [--start] [--hang-charge]
 *
 * --start        loads the machine and starts the execution first
 * --hang-charge  the Charge task never answers (the test kills the process meanwhile)
 */
import { appendFileSync } from "node:fs";
import type { Integration, JsonValue, TaskContext, TaskRequest } from "@stepwise/core";
import { createRuntime } from "@stepwise/core";
import { sqliteStore } from "@stepwise/store-sqlite";
import { crashMachine, crashExecutionName, crashMachineName, crashTestResource } from "./crash-machine.js";

const [path, log, ...flags] = process.argv.slice(2);
if (path === undefined || log === undefined) throw new Error("usage: crash-worker.ts <store> <log> [flags]");

/** Synchronous: the line is with the OS before the process can be killed. */
const record = (request: TaskRequest, context: TaskContext): void => {
  const entry = {
    state: request.stateName,
    idempotencyKey: context.idempotencyKey,
    taskToken: request.taskToken,
    pid: process.pid,
    at: Date.now(),
  };
  appendFileSync(log, `${JSON.stringify(entry)}\n`);
};

const task = (name: string, answer: (request: TaskRequest) => Promise<JsonValue>): Integration => ({
  resource: crashTestResource(name),
  patterns: ["request-response"],
  async invoke(request, context) {
    record(request, context);
    return answer(request);
  },
});

const integrations: Integration[] = [
  task("charge", async (request) => {
    if (flags.includes("--hang-charge")) await new Promise(() => undefined);
    return { charged: request.parameters };
  }),
  task("ship", async () => ({ shipped: true })),
  {
    resource: crashTestResource("approve"),
    patterns: ["wait-for-task-token"],
    async invoke(request, context) {
      record(request, context);
      return { submitted: true };
    },
  },
];

const store = sqliteStore({ path });
const runtime = createRuntime({ store, integrations });
if (flags.includes("--start")) {
  const machine = runtime.load(crashMachine, { name: crashMachineName });
  await runtime.startExecution(machine, { name: crashExecutionName, input: { order: 42 } });
}
const worker = runtime.work({ workerId: "crash-worker", pollMs: 20 });
process.on("SIGTERM", () => {
  void worker
    .stop()
    .then(() => store.close())
    .then(() => process.exit(0));
});
console.log(`ready ${Date.now()}`);
