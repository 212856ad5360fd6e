import type { ExecutionStore } from "@stepwise/core";
import { createRuntime } from "@stepwise/core";
import { commitOf, newExecutionRecord, STORE_TEST_MACHINE_ARN } from "@stepwise/testing/store-contract";
import pg from "pg";
import { afterEach, describe, expect, inject, it } from "vitest";
import type { PostgresStoreOptions } from "../src/index.js";
import { postgresStore } from "../src/index.js";
import { freshSchema } from "./schema-name.js";

const url = inject("postgresUrl");
const machineArn = STORE_TEST_MACHINE_ARN;
const arn = newExecutionRecord("a").executionArn;

const pools: pg.Pool[] = [];
const stores: ExecutionStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
  await Promise.all(pools.splice(0).map((pool) => pool.end()));
});
const newPool = (max = 4): pg.Pool => {
  const pool = new pg.Pool({ connectionString: url, max });
  pools.push(pool);
  return pool;
};
const open = async (options: PostgresStoreOptions): Promise<ExecutionStore> => {
  const store = await postgresStore(options);
  stores.push(store);
  return store;
};

describe("postgresStore", () => {
  it("creates its tables once when several processes open the same schema at once", async () => {
    const schema = freshSchema();
    const opened = await Promise.all(Array.from({ length: 6 }, () => open({ pool: newPool(1), schema })));
    await opened[0]!.create(newExecutionRecord("a", 1));
    expect(await opened[5]!.describe(arn)).toMatchObject({ executionArn: arn, version: 0 });
  });

  it("opens a schema made earlier with a role that may not create anything", async () => {
    const schema = freshSchema();
    await (await open({ pool: newPool(1), schema })).close();
    const role = `r_${schema}`;
    const admin = newPool(1);
    await admin.query(`CREATE ROLE "${role}" LOGIN PASSWORD 'worker'`);
    await admin.query(`GRANT USAGE ON SCHEMA "${schema}" TO "${role}"`);
    await admin.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "${schema}" TO "${role}"`,
    );
    await admin.query(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA "${schema}" TO "${role}"`);
    const asRole = new URL(url);
    asRole.username = role;
    asRole.password = "worker";
    // The DDL would fail here: CREATE SCHEMA needs CREATE on the database, CREATE OR REPLACE FUNCTION ownership.
    const store = await open({ connectionString: asRole.href, max: 1, schema });
    await store.create(newExecutionRecord("a", 1));
    expect(await store.claim("w1", { now: 2, leaseUntil: 60_000, limit: 1 })).toHaveLength(1);
  });

  it("leaves a pool it was given open, and ends the pool it opened", async () => {
    const schema = freshSchema();
    const pool = newPool();
    const given = await postgresStore({ pool, schema });
    await given.close();
    expect((await pool.query<{ one: number }>("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);

    const owned = await postgresStore({ connectionString: url, schema });
    await owned.putMachine({
      id: "m",
      name: "M",
      arn: machineArn,
      definition: "{}",
      allowUnservedResources: false,
    });
    await owned.close();
    await expect(owned.getMachine("m")).rejects.toThrow(/pool/i);
  });

  it("keeps a callback due when it was enqueued while a commit waited for the row", async () => {
    const schema = freshSchema();
    const pool = newPool();
    const store = await open({ pool, schema });
    await store.create(newExecutionRecord("a", 1_000));
    await store.claim("w1", { now: 2_000, leaseUntil: 60_000, limit: 1 });

    // An enqueue caught half-way: it has woken the execution (locking its row) and queued its item, not committed yet.
    const enqueuing = await pool.connect();
    try {
      await enqueuing.query("BEGIN");
      await enqueuing.query(
        `UPDATE "${schema}".executions SET wake_at = LEAST(wake_at, 3000) WHERE execution_arn = $1`,
        [arn],
      );
      await enqueuing.query(
        `INSERT INTO "${schema}".inbox (execution_arn, activation) VALUES ($1, '{"type":"late"}')`,
        [arn],
      );
      const committing = store.commit(
        "w1",
        commitOf(arn, 0, { state: "{}", events: [{ id: 1, event: "{}" }], leaseUntil: undefined }),
      );
      await waitUntilBlocked(pool, schema);
      await enqueuing.query("COMMIT");
      expect(await committing).toBe(true);
    } finally {
      enqueuing.release();
    }
    const [claimed] = await store.claim("w2", { now: 3_001, leaseUntil: 60_000, limit: 1 });
    expect(claimed?.inbox.map((item) => item.activation)).toEqual(['{"type":"late"}']);
  });

  it("wakes a worker of another store on the database at once, not at its next poll", async () => {
    const schema = freshSchema();
    // One connection: listening must not take the one the worker's queries need.
    const workerSide = await open({ pool: newPool(1), schema });
    const clientSide = await open({ pool: newPool(), schema });
    const worker = createRuntime({ store: workerSide }).work({ pollMs: 60_000 });
    try {
      const client = createRuntime({ store: clientSide });
      const machine = client.load({ StartAt: "Done", States: { Done: { Type: "Succeed" } } });
      // The worker's first poll finds nothing; the next is a minute away.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const startedAt = Date.now();
      const { executionArn } = await client.startExecution(machine);
      while ((await client.describeExecution(executionArn)).status === "RUNNING") {
        expect(Date.now() - startedAt).toBeLessThan(5_000);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect((await client.describeExecution(executionArn)).status).toBe("SUCCEEDED");
    } finally {
      await worker.stop();
    }
  });
});

/** Until a commit_step call on this schema waits for a row lock. */
async function waitUntilBlocked(pool: pg.Pool, schema: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const { rows } = await pool.query(
      `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE $1`,
      [`%"${schema}".commit_step%`],
    );
    if (rows.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("the commit never waited for the row");
}
