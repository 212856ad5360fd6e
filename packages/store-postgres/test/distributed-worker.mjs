/**
 * One worker process of distributed-workers.test.ts: a durable runtime on
 * the shared PostgreSQL store, whose only integration writes every
 * invocation with its idempotency key into `invocations`. It imports the
 * built packages (dist), as a deployed worker would.
 *
 * Prints one JSON line `{"ready": <worker id>}` once it works; SIGTERM stops
 * it cleanly, SIGKILL is what the test uses to crash it.
 */
import { createRuntime } from "@stepwise/core";
import { postgresStore } from "@stepwise/store-postgres";
import pg from "pg";

const url = process.env.STEPWISE_POSTGRES_URL;
const schema = process.env.STEPWISE_SCHEMA;
const leaseMs = Number(process.env.STEPWISE_LEASE_MS ?? "1000");
if (!url || !schema) throw new Error("STEPWISE_POSTGRES_URL and STEPWISE_SCHEMA are required");

const pool = new pg.Pool({ connectionString: url, max: 8 });
pool.on("error", () => undefined);
const store = await postgresStore({ pool, schema });
let workerId = "";

/** @type {import("@stepwise/core").Integration} */
const record = {
  resource: "arn:aws:states:::test:record",
  patterns: ["request-response"],
  async invoke(request, context) {
    await pool.query(`INSERT INTO "${schema}".invocations (idempotency_key, worker_id) VALUES ($1, $2)`, [
      context.idempotencyKey,
      workerId,
    ]);
    return request.parameters;
  },
};

const runtime = createRuntime({ store, integrations: [record] });
const worker = runtime.work({
  leaseMs,
  pollMs: 20,
  onError: (error) => process.stderr.write(`worker ${workerId}: ${String(error)}\n`),
});
workerId = worker.id;
process.stdout.write(`${JSON.stringify({ ready: worker.id })}\n`);

process.once("SIGTERM", () => {
  void worker
    .stop()
    .then(() => store.close())
    .then(() => pool.end())
    .then(() => process.exit(0));
});
