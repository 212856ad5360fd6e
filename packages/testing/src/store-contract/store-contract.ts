/**
 * The behaviour every ExecutionStore must have, as a Vitest suite: run it
 * against a new store to check leases, compare-and-swap commits, the inbox
 * and tokens work as the runtime's workers rely on.
 *
 * @example
 * import { describeExecutionStore } from "@stepwise/testing/store-contract";
 * describeExecutionStore("sqlite", async () => sqliteStore({ path: ":memory:" }));
 */
import type { Commit, ExecutionStore, ListCursor, NewExecutionRecord } from "@stepwise/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

/** The machine ARN of the records below. */
export const STORE_TEST_MACHINE_ARN = "arn:aws:states:us-east-1:111111111111:stateMachine:M";

/** A new execution of machine "M" for store tests: its ARN ends in `name`. */
export function newExecutionRecord(name: string, startDate = 1_000): NewExecutionRecord {
  return {
    executionArn: `arn:aws:states:us-east-1:111111111111:execution:M:${name}`,
    machineId: "m1",
    stateMachineArn: STORE_TEST_MACHINE_ARN,
    name,
    state: JSON.stringify({ name }),
    startDate,
  };
}

/** A commit of a RUNNING execution at `expectedVersion`, keeping the lease, with `changes` over it. */
export function commitOf(
  executionArn: string,
  expectedVersion: number,
  changes: Partial<Commit> = {},
): Commit {
  return {
    executionArn,
    expectedVersion,
    state: JSON.stringify({ v: expectedVersion + 1 }),
    status: "RUNNING",
    events: [],
    wakeAt: undefined,
    leaseUntil: 60_000,
    tokensIssued: [],
    tokensEnded: [],
    inboxApplied: [],
    ...changes,
  };
}

export function describeExecutionStore(name: string, open: () => Promise<ExecutionStore>): void {
  describe(`ExecutionStore contract: ${name}`, () => {
    let store: ExecutionStore;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it("keeps machines by id, the first one saved winning", async () => {
      const machine = {
        id: "m1",
        name: "M",
        arn: STORE_TEST_MACHINE_ARN,
        definition: '{"StartAt":"A"}',
        allowUnservedResources: false,
      };
      await store.putMachine(machine);
      await store.putMachine({ ...machine, definition: "{}" });
      expect(await store.getMachine("m1")).toEqual(machine);
      expect(await store.getMachine("m2")).toBeUndefined();
    });

    it("creates an execution once, RUNNING at version 0", async () => {
      const record = newExecutionRecord("a");
      expect(await store.create(record)).toBe(true);
      expect(await store.create({ ...record, state: "{}" })).toBe(false);
      const stored = await store.describe(record.executionArn);
      expect(stored).toMatchObject({ ...record, status: "RUNNING", version: 0 });
      expect(stored?.stopDate ?? undefined).toBeUndefined();
      expect(await store.describe("arn:nothing")).toBeUndefined();
    });

    it("leases a due execution to one worker until the lease expires", async () => {
      const record = newExecutionRecord("a");
      await store.create(record);
      expect(await store.claim("w1", { now: 500, leaseUntil: 10_000, limit: 10 })).toEqual([]);
      const claimed = await store.claim("w1", { now: 2_000, leaseUntil: 10_000, limit: 10 });
      expect(claimed.map((c) => c.execution.executionArn)).toEqual([record.executionArn]);
      expect(claimed[0]?.execution.state).toBe(record.state);
      expect(await store.claim("w2", { now: 5_000, leaseUntil: 20_000, limit: 10 })).toEqual([]);
      const taken = await store.claim("w2", { now: 10_001, leaseUntil: 20_000, limit: 10 });
      expect(taken).toHaveLength(1);
      // The first worker's lease is gone: its commit fails and changes nothing.
      expect(await store.commit("w1", commitOf(record.executionArn, 0))).toBe(false);
      expect(await store.commit("w2", commitOf(record.executionArn, 0))).toBe(true);
      expect((await store.describe(record.executionArn))?.version).toBe(1);
    });

    it("claims at most `limit`, the longest due first", async () => {
      await store.create(newExecutionRecord("late", 3_000));
      await store.create(newExecutionRecord("early", 1_000));
      await store.create(newExecutionRecord("middle", 2_000));
      const claimed = await store.claim("w1", { now: 5_000, leaseUntil: 9_000, limit: 2 });
      expect(claimed.map((c) => c.execution.name)).toEqual(["early", "middle"]);
    });

    it("commits as a compare-and-swap on the version", async () => {
      const { executionArn } = newExecutionRecord("a");
      await store.create(newExecutionRecord("a"));
      await store.claim("w1", { now: 2_000, leaseUntil: 60_000, limit: 1 });
      const first = commitOf(executionArn, 0, {
        events: [
          { id: 1, event: '{"id":1}' },
          { id: 2, event: '{"id":2}' },
        ],
      });
      expect(await store.commit("w1", first)).toBe(true);
      // The same step again (a stale worker, or a retry): refused.
      expect(await store.commit("w1", first)).toBe(false);
      expect(
        await store.commit("w1", commitOf(executionArn, 1, { events: [{ id: 3, event: '{"id":3}' }] })),
      ).toBe(true);
      expect(await store.history(executionArn)).toEqual([
        { id: 1, event: '{"id":1}' },
        { id: 2, event: '{"id":2}' },
        { id: 3, event: '{"id":3}' },
      ]);
      const stored = await store.describe(executionArn);
      expect(stored).toMatchObject({ version: 2, state: JSON.stringify({ v: 2 }) });
    });

    it("parks a released execution until its wake time", async () => {
      const { executionArn } = newExecutionRecord("a");
      await store.create(newExecutionRecord("a"));
      await store.claim("w1", { now: 2_000, leaseUntil: 60_000, limit: 1 });
      expect(
        await store.commit("w1", commitOf(executionArn, 0, { leaseUntil: undefined, wakeAt: 30_000 })),
      ).toBe(true);
      expect(await store.claim("w2", { now: 29_999, leaseUntil: 90_000, limit: 1 })).toEqual([]);
      expect(await store.claim("w2", { now: 30_000, leaseUntil: 90_000, limit: 1 })).toHaveLength(1);
    });

    it("wakes a parked execution for a callback, hands it the inbox and removes what a commit applied", async () => {
      const { executionArn } = newExecutionRecord("a");
      await store.create(newExecutionRecord("a"));
      await store.claim("w1", { now: 2_000, leaseUntil: 60_000, limit: 1 });
      await store.commit("w1", commitOf(executionArn, 0, { leaseUntil: undefined, wakeAt: undefined }));
      expect(await store.claim("w1", { now: 1e12, leaseUntil: 2e12, limit: 1 })).toEqual([]);
      expect(await store.enqueue(executionArn, '{"type":"one"}', 3_000)).toBe(true);
      expect(await store.enqueue(executionArn, '{"type":"two"}', 3_001)).toBe(true);
      const [claimed] = await store.claim("w2", { now: 3_002, leaseUntil: 60_000, limit: 1 });
      expect(claimed?.inbox.map((item) => item.activation)).toEqual(['{"type":"one"}', '{"type":"two"}']);
      const [one, two] = claimed?.inbox ?? [];
      expect(await store.inbox([executionArn])).toHaveLength(2);
      // Applying only the first and releasing: the second keeps it due.
      expect(
        await store.commit(
          "w2",
          commitOf(executionArn, 1, { inboxApplied: [one!.id], leaseUntil: undefined, wakeAt: undefined }),
        ),
      ).toBe(true);
      expect(await store.inbox([executionArn])).toEqual([two]);
      const [again] = await store.claim("w3", { now: 3_003, leaseUntil: 60_000, limit: 1 });
      expect(again?.inbox).toEqual([two]);
    });

    it("answers tokens issued and ended by commits", async () => {
      const { executionArn } = newExecutionRecord("a");
      await store.create(newExecutionRecord("a"));
      await store.claim("w1", { now: 2_000, leaseUntil: 60_000, limit: 1 });
      await store.commit(
        "w1",
        commitOf(executionArn, 0, { tokensIssued: [{ token: "tok-1", taskId: "7" }] }),
      );
      expect(await store.findToken("tok-1")).toEqual({ executionArn, taskId: "7", ended: false });
      await store.commit("w1", commitOf(executionArn, 1, { tokensEnded: ["tok-1"] }));
      expect(await store.findToken("tok-1")).toEqual({ executionArn, taskId: "7", ended: true });
      expect(await store.findToken("tok-2")).toBeUndefined();
    });

    it("renews only the worker's own leases, and lets a restarted worker drop them", async () => {
      const a = newExecutionRecord("a");
      const b = newExecutionRecord("b");
      await store.create(a);
      await store.create(b);
      await store.claim("w1", { now: 2_000, leaseUntil: 5_000, limit: 1 });
      await store.claim("w2", { now: 2_000, leaseUntil: 5_000, limit: 1 });
      expect(await store.renew("w1", [a.executionArn, b.executionArn], 50_000)).toEqual([a.executionArn]);
      expect(await store.claim("w3", { now: 6_000, leaseUntil: 60_000, limit: 5 })).toHaveLength(1);
      await store.releaseAll("w1");
      const [reclaimed] = await store.claim("w1", { now: 6_000, leaseUntil: 60_000, limit: 5 });
      expect(reclaimed?.execution.executionArn).toBe(a.executionArn);
    });

    it("ends an execution: not claimable, no inbox, stop date kept", async () => {
      const { executionArn } = newExecutionRecord("a");
      await store.create(newExecutionRecord("a"));
      await store.claim("w1", { now: 2_000, leaseUntil: 60_000, limit: 1 });
      await store.commit(
        "w1",
        commitOf(executionArn, 0, {
          status: "SUCCEEDED",
          stopDate: 2_500,
          leaseUntil: undefined,
          wakeAt: undefined,
        }),
      );
      expect(await store.describe(executionArn)).toMatchObject({ status: "SUCCEEDED", stopDate: 2_500 });
      expect(await store.enqueue(executionArn, "{}", 3_000)).toBe(false);
      expect(await store.claim("w1", { now: 1e12, leaseUntil: 2e12, limit: 1 })).toEqual([]);
      expect(await store.renew("w1", [executionArn], 90_000)).toEqual([]);
    });

    it("deletes ended executions that stopped before a date, oldest first, with their history, tokens and inbox", async () => {
      const arn = (name: string): string => newExecutionRecord(name).executionArn;
      const names = ["a", "b", "c", "d"];
      for (const name of names) await store.create(newExecutionRecord(name));
      await store.claim("w1", { now: 1_500, leaseUntil: 60_000, limit: 4 });
      for (const name of names) {
        await store.commit(
          "w1",
          commitOf(arn(name), 0, {
            events: [{ id: 1, event: '{"id":1}' }],
            tokensIssued: [{ token: `tok-${name}`, taskId: "1" }],
          }),
        );
      }
      expect(await store.enqueue(arn("a"), '{"type":"late"}', 1_600)).toBe(true);
      // a, b and c end at 2,000, 3,000 and 4,000 (a's callback never applied); d runs on.
      for (const [i, name] of ["a", "b", "c"].entries()) {
        await store.commit(
          "w1",
          commitOf(arn(name), 1, { status: "SUCCEEDED", stopDate: 2_000 + i * 1_000, leaseUntil: undefined }),
        );
      }
      expect(await store.deleteEnded(4_000, 1)).toBe(1);
      expect(await store.describe(arn("a"))).toBeUndefined();
      expect(await store.history(arn("a"))).toEqual([]);
      expect(await store.findToken("tok-a")).toBeUndefined();
      expect(await store.inbox([arn("a")])).toEqual([]);
      // b ended before 4,000; c ended at 4,000, not before.
      expect(await store.deleteEnded(4_000, 10)).toBe(1);
      expect((await store.list({})).map((e) => e.name)).toEqual(["d", "c"]);
      expect(await store.history(arn("c"))).toHaveLength(1);
      expect(await store.deleteEnded(1e12, 10)).toBe(1);
      expect(await store.findToken("tok-d")).toEqual({ executionArn: arn("d"), taskId: "1", ended: false });
      expect(await store.describe(arn("d"))).toMatchObject({ status: "RUNNING" });
      expect(await store.deleteEnded(1e12, 10)).toBe(0);
    });

    it("lists executions newest first, filtered by machine and status", async () => {
      await store.create(newExecutionRecord("a", 1_000));
      await store.create(newExecutionRecord("b", 2_000));
      await store.create({
        ...newExecutionRecord("c", 3_000),
        stateMachineArn: `${STORE_TEST_MACHINE_ARN}2`,
      });
      await store.claim("w1", { now: 1_500, leaseUntil: 60_000, limit: 1 });
      await store.commit(
        "w1",
        commitOf(newExecutionRecord("a").executionArn, 0, {
          status: "FAILED",
          stopDate: 1_600,
          leaseUntil: undefined,
        }),
      );
      expect((await store.list({})).map((e) => e.name)).toEqual(["c", "b", "a"]);
      expect((await store.list({ stateMachineArn: STORE_TEST_MACHINE_ARN })).map((e) => e.name)).toEqual([
        "b",
        "a",
      ]);
      expect((await store.list({ status: "FAILED" })).map((e) => [e.name, e.status, e.stopDate])).toEqual([
        ["a", "FAILED", 1_600],
      ]);
      expect((await store.list({ limit: 1 })).map((e) => e.name)).toEqual(["c"]);
    });

    it("lists the executions after a cursor: started earlier, or at the same time with a smaller ARN", async () => {
      for (const name of ["a", "b", "c", "d"]) await store.create(newExecutionRecord(name, 1_000));
      await store.create(newExecutionRecord("e", 2_000));
      await store.create(newExecutionRecord("f", 500));
      // Ties in start date are listed by ARN, descending.
      expect((await store.list({})).map((e) => e.name)).toEqual(["e", "d", "c", "b", "a", "f"]);
      const pages: string[][] = [];
      let after: ListCursor | undefined;
      for (;;) {
        const page = await store.list({ limit: 2, after });
        if (page.length === 0) break;
        pages.push(page.map((e) => e.name));
        const last = page.at(-1)!;
        after = { startDate: last.startDate, executionArn: last.executionArn };
      }
      expect(pages).toEqual([
        ["e", "d"],
        ["c", "b"],
        ["a", "f"],
      ]);
      const afterB = { startDate: 1_000, executionArn: newExecutionRecord("b").executionArn };
      expect(
        (await store.list({ after: afterB, stateMachineArn: STORE_TEST_MACHINE_ARN })).map((e) => e.name),
      ).toEqual(["a", "f"]);
    });

    it("tells its watchers (when it has any) of new executions and queued callbacks, until they stop", async () => {
      if (!store.watch) return;
      let calls = 0;
      const heard = async (atLeast: number): Promise<void> => {
        const deadline = Date.now() + 5_000;
        while (calls < atLeast) {
          if (Date.now() > deadline)
            throw new Error(`watcher called ${String(calls)} times, not ${String(atLeast)}`);
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      };
      const unwatch = store.watch(() => (calls += 1));
      // A watch that listens through a connection may need a moment to start.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const { executionArn } = newExecutionRecord("a");
      await store.create(newExecutionRecord("a"));
      await heard(1);
      const afterCreate = calls;
      await store.enqueue(executionArn, "{}", 2_000);
      await heard(afterCreate + 1);
      unwatch();
      const afterStop = calls;
      await store.create(newExecutionRecord("b"));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(calls).toBe(afterStop);
    });

    it("never leases one execution to two workers claiming at once", async () => {
      for (let i = 0; i < 20; i++) await store.create(newExecutionRecord(`e${i}`));
      const claims = await Promise.all(
        ["w1", "w2", "w3", "w4"].map((worker) =>
          store.claim(worker, { now: 2_000, leaseUntil: 60_000, limit: 8 }),
        ),
      );
      const arns = claims.flat().map((c) => c.execution.executionArn);
      expect(new Set(arns).size).toBe(arns.length);
      expect(arns.length).toBe(20);
    });
  });
}
