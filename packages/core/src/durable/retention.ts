/**
 * Deleting ended executions from a store, as AWS Step Functions deletes a
 * closed execution (and its history) 90 days after it ends. Without it a
 * store keeps every execution it ever ran.
 */
import type { ExecutionStore } from "./execution-store.js";

/** Executions deleted per store call: each call is one transaction, short enough not to hold up workers. */
const DELETE_BATCH = 1_000;

/** Deletes every execution that ended before `endedBefore` (epoch ms), batch by batch; answers how many. */
export async function deleteEndedBefore(store: ExecutionStore, endedBefore: number): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await store.deleteEnded(endedBefore, DELETE_BATCH);
    total += deleted;
    if (deleted < DELETE_BATCH) return total;
  }
}
