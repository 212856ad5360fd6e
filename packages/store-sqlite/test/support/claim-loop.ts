/**
 * A child process for the multi-process test: opens the store file, says
 * "ready" and waits for a line on stdin (so that all children start at
 * once), then claims executions one at a time and ends each with one
 * commit until none is due; prints what it committed as JSON on its last line.
 *
 *   node ... claim-loop.ts <path> <workerId>
 */
import { once } from "node:events";
import { sqliteStore } from "@stepwise/store-sqlite";

const [path, workerId] = process.argv.slice(2);
if (path === undefined || workerId === undefined) throw new Error("usage: claim-loop.ts <path> <workerId>");
const store = sqliteStore({ path });
const committed: string[] = [];
const refused: string[] = [];
console.log("ready");
await once(process.stdin, "data");
process.stdin.destroy();
for (;;) {
  const now = Date.now();
  const [claimed] = await store.claim(workerId, { now, leaseUntil: now + 60_000, limit: 1 });
  if (claimed === undefined) break;
  const { executionArn, version } = claimed.execution;
  const ok = await store.commit(workerId, {
    executionArn,
    expectedVersion: version,
    state: JSON.stringify({ by: workerId }),
    status: "SUCCEEDED",
    stopDate: now,
    events: [{ id: 1, event: JSON.stringify({ by: workerId }) }],
    wakeAt: undefined,
    leaseUntil: undefined,
    tokensIssued: [],
    tokensEnded: [],
    inboxApplied: [],
  });
  (ok ? committed : refused).push(executionArn);
}
await store.close();
console.log(JSON.stringify({ committed, refused }));
