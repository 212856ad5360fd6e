import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ExecutionStore } from "@stepwise/core";
import { commitOf, newExecutionRecord as newExecution } from "@stepwise/testing/store-contract";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sqliteStore } from "../src/index.js";

describe("sqliteStore", () => {
  let directory: string;
  let path: string;
  const opened: ExecutionStore[] = [];
  const open = (): ExecutionStore => {
    const store = sqliteStore({ path });
    opened.push(store);
    return store;
  };

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), "stepwise-sqlite-"));
    path = join(directory, "store.db");
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    await rm(directory, { recursive: true, force: true });
  });

  it("shares one file between two connections: each sees the other's commits", async () => {
    const a = open();
    const b = open();
    const { executionArn } = newExecution("x");
    await a.create(newExecution("x"));
    expect(await b.create(newExecution("x"))).toBe(false);
    const [claimed] = await b.claim("wb", { now: 2_000, leaseUntil: 60_000, limit: 1 });
    expect(claimed?.execution.executionArn).toBe(executionArn);
    // Leased through the other connection: not due for this one.
    expect(await a.claim("wa", { now: 2_000, leaseUntil: 60_000, limit: 1 })).toEqual([]);
    expect(
      await b.commit(
        "wb",
        commitOf(executionArn, 0, {
          events: [{ id: 1, event: '{"id":1}' }],
          tokensIssued: [{ token: "tok", taskId: "1" }],
          leaseUntil: undefined,
        }),
      ),
    ).toBe(true);
    expect(await a.describe(executionArn)).toMatchObject({ version: 1, state: '{"v":1}' });
    expect(await a.history(executionArn)).toEqual([{ id: 1, event: '{"id":1}' }]);
    expect(await a.findToken("tok")).toEqual({ executionArn, taskId: "1", ended: false });
    expect(await a.enqueue(executionArn, '{"type":"callback"}', 3_000)).toBe(true);
    const [woken] = await b.claim("wb", { now: 3_000, leaseUntil: 60_000, limit: 1 });
    expect(woken?.inbox.map((item) => item.activation)).toEqual(['{"type":"callback"}']);
  });

  it("hands each execution to one of several connections claiming in turn", async () => {
    const stores = [open(), open(), open()];
    for (let i = 0; i < 40; i++) await stores[0]!.create(newExecution(`e${i}`, 1_000 + i));
    const arns: string[] = [];
    for (;;) {
      const rounds = await Promise.all(
        stores.map((store, i) => store.claim(`w${i}`, { now: 5_000, leaseUntil: 60_000, limit: 3 })),
      );
      const claimed = rounds.flat().map((c) => c.execution.executionArn);
      if (claimed.length === 0) break;
      arns.push(...claimed);
    }
    expect(arns).toHaveLength(40);
    expect(new Set(arns).size).toBe(40);
  });

  it("keeps what was committed when the file is opened again", async () => {
    const first = open();
    const { executionArn } = newExecution("x");
    await first.create(newExecution("x"));
    await first.claim("w1", { now: 2_000, leaseUntil: 60_000, limit: 1 });
    await first.commit(
      "w1",
      commitOf(executionArn, 0, { events: [{ id: 1, event: "{}" }], wakeAt: 9_000, leaseUntil: undefined }),
    );
    await first.close();
    const again = open();
    expect(await again.describe(executionArn)).toEqual({
      ...newExecution("x"),
      state: '{"v":1}',
      status: "RUNNING",
      version: 1,
    });
    expect(await again.history(executionArn)).toEqual([{ id: 1, event: "{}" }]);
    // The timer deadline survived too: not due before it.
    expect(await again.claim("w2", { now: 8_999, leaseUntil: 60_000, limit: 1 })).toEqual([]);
    expect(await again.claim("w2", { now: 9_000, leaseUntil: 60_000, limit: 1 })).toHaveLength(1);
  });

  it("rejects a commit that would write an event id twice, and changes nothing", async () => {
    const store = open();
    const { executionArn } = newExecution("x");
    await store.create(newExecution("x"));
    await store.claim("w1", { now: 2_000, leaseUntil: 60_000, limit: 1 });
    await store.commit("w1", commitOf(executionArn, 0, { events: [{ id: 1, event: '{"id":1}' }] }));
    await expect(
      store.commit(
        "w1",
        commitOf(executionArn, 1, {
          events: [
            { id: 2, event: '{"id":2}' },
            { id: 1, event: '{"again":1}' },
          ],
          tokensIssued: [{ token: "tok", taskId: "2" }],
        }),
      ),
    ).rejects.toThrow(/UNIQUE constraint failed: history_events/);
    expect(await store.describe(executionArn)).toMatchObject({ version: 1 });
    expect(await store.history(executionArn)).toEqual([{ id: 1, event: '{"id":1}' }]);
    expect(await store.findToken("tok")).toBeUndefined();
  });

  it("drops the stop date of a running execution and keeps that of an ended one", async () => {
    const store = open();
    const { executionArn } = newExecution("x");
    await store.create(newExecution("x"));
    const [claimed] = await store.claim("w1", { now: 2_000, leaseUntil: 60_000, limit: 1 });
    expect(claimed?.execution).not.toHaveProperty("stopDate");
    await store.commit("w1", commitOf(executionArn, 0, { status: "ABORTED", stopDate: 2_100 }));
    expect(await store.describe(executionArn)).toHaveProperty("stopDate", 2_100);
    expect((await store.list({}))[0]).toHaveProperty("stopDate", 2_100);
  });

  it("opens the file in WAL mode so readers never wait for the writer", async () => {
    await open().create(newExecution("x"));
    const raw = new Database(path, { readonly: true });
    try {
      expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    } finally {
      raw.close();
    }
  });

  it("answers a closed store's calls with a rejection, not a throw", async () => {
    const store = sqliteStore({ path });
    await store.close();
    await store.close();
    await expect(store.describe("arn")).rejects.toThrow(/not open/);
  });
});
