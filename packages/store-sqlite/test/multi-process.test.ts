import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { sqliteStore } from "../src/index.js";
import { lineFrom, output, spawnTs } from "./support/spawn-ts.js";

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), "stepwise-sqlite-"));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

it(
  "lets processes sharing one file claim and commit every execution exactly once",
  { timeout: 120_000 },
  async () => {
    const path = join(directory, "store.db");
    const store = sqliteStore({ path });
    const count = 600;
    const arns: string[] = [];
    for (let i = 0; i < count; i++) {
      const executionArn = `arn:aws:states:us-east-1:111111111111:execution:M:e${i}`;
      arns.push(executionArn);
      await store.create({
        executionArn,
        machineId: "m1",
        stateMachineArn: "arn:aws:states:us-east-1:111111111111:stateMachine:M",
        name: `e${i}`,
        state: "{}",
        startDate: i,
      });
    }
    // Three processes claiming and committing in the same file at once.
    const children = ["p1", "p2", "p3"].map((workerId) => spawnTs("./claim-loop.ts", [path, workerId]));
    let printed: { stdout: string }[];
    try {
      const outputs = Promise.all(children.map((child) => output(child)));
      await Promise.all(children.map((child) => lineFrom(child, /^ready$/)));
      for (const child of children) child.stdin?.end("go\n");
      printed = await outputs;
    } finally {
      for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
    }
    const results = printed.map(
      ({ stdout }) =>
        JSON.parse(stdout.trim().split("\n").at(-1)!) as { committed: string[]; refused: string[] },
    );
    const committed = results.flatMap((result) => result.committed);
    // No commit refused (the claimer held its lease) and none lost to SQLITE_BUSY (the child would have failed).
    expect(results.flatMap((result) => result.refused)).toEqual([]);
    expect(committed.toSorted()).toEqual(arns.toSorted());
    const ended = await store.list({ status: "SUCCEEDED" });
    expect(ended).toHaveLength(count);
    for (const arn of arns) expect(await store.history(arn)).toHaveLength(1);
    await store.close();
  },
);
