import type { ExecutionStore, NewExecutionRecord } from "@stepwise/core";
import { afterEach, expect, inject, it } from "vitest";
import { postgresStore } from "../src/index.js";
import { freshSchema } from "./schema-name.js";

const stores: ExecutionStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

const executions = 200;
const steps = 5;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it("never commits a step twice with four pools claiming at once and leases running out under them", async () => {
  const schema = freshSchema();
  const url = inject("postgresUrl");
  for (let i = 0; i < 4; i++) stores.push(await postgresStore({ connectionString: url, max: 3, schema }));
  const [first] = stores;
  const records = Array.from({ length: executions }, (_, i): NewExecutionRecord => ({
    executionArn: `arn:aws:states:us-east-1:111111111111:execution:M:e${i}`,
    machineId: "m",
    stateMachineArn: "arn:aws:states:us-east-1:111111111111:stateMachine:M",
    name: `e${i}`,
    state: JSON.stringify({ step: 0 }),
    startDate: 1_000 + i,
  }));
  for (const record of records) await first!.create(record);

  let committed = 0;
  let lost = 0;
  const stalled = new Set<string>();
  const work = async (store: ExecutionStore, workerId: string): Promise<void> => {
    for (;;) {
      const now = Date.now();
      // Short leases: a worker that dawdles loses the execution to another and must fail its commit.
      const claimed = await store.claim(workerId, { now, leaseUntil: now + 30, limit: 4 });
      if (claimed.length === 0) {
        if ((await store.list({ status: "RUNNING", limit: 1 })).length === 0) return;
        await sleep(5);
        continue;
      }
      await Promise.all(
        claimed.map(async ({ execution }) => {
          // Every 20th execution stalls once, long past its lease, while the others poll: it is taken over.
          if (execution.version === 2 && Number(execution.name.slice(1)) % 20 === 0) {
            if (!stalled.has(execution.name)) {
              stalled.add(execution.name);
              await sleep(150);
            }
          } else if (Math.random() < 0.05) await sleep(40);
          const next = execution.version + 1;
          const done = next === steps;
          const ok = await store.commit(workerId, {
            executionArn: execution.executionArn,
            expectedVersion: execution.version,
            state: JSON.stringify({ step: next }),
            status: done ? "SUCCEEDED" : "RUNNING",
            stopDate: done ? Date.now() : undefined,
            events: [{ id: next, event: JSON.stringify({ by: workerId }) }],
            wakeAt: done ? undefined : 0,
            leaseUntil: undefined,
            tokensIssued: [],
            tokensEnded: [],
            inboxApplied: [],
          });
          if (ok) committed++;
          else lost++;
        }),
      );
    }
  };
  await Promise.all(stores.map((store, i) => work(store, `w${i}`)));

  expect(committed).toBe(executions * steps);
  expect(lost).toBeGreaterThan(0);
  for (const { executionArn } of records) {
    expect(await first!.describe(executionArn)).toMatchObject({ status: "SUCCEEDED", version: steps });
    expect((await first!.history(executionArn)).map((event) => event.id)).toEqual([1, 2, 3, 4, 5]);
  }
}, 60_000);
