/**
 * Wakes workers in every process at once when an execution becomes due
 * through a new execution or a queued callback: the store sends a NOTIFY
 * on the schema's channel with those writes, and this keeps one pooled
 * connection LISTENing while anyone watches. A lost connection is replaced
 * after a pause; meanwhile workers still poll, so nothing is missed, only
 * later.
 */
import type { Pool, PoolClient } from "pg";

const RECONNECT_MS = 1_000;

export interface DueListener {
  watch(onDue: () => void): () => void;
  close(): Promise<void>;
}

/** `channel` is the quoted identifier the store's writes notify. */
export function dueListener(pool: Pool, channel: string): DueListener {
  const watchers = new Set<() => void>();
  let running: Promise<void> | undefined;
  let hangUp: (() => void) | undefined;
  let closed = false;

  const listening = (): boolean => watchers.size > 0 && !closed;

  const listen = async (): Promise<void> => {
    while (listening()) {
      let client: PoolClient | undefined;
      let failed = false;
      try {
        client = await pool.connect();
        const connection = client;
        await new Promise<void>((resolve, reject) => {
          hangUp = resolve;
          connection.on("error", reject);
          connection.on("notification", () => {
            for (const onDue of watchers) onDue();
          });
          connection.query(`LISTEN ${channel}`).catch(reject);
        });
      } catch {
        failed = true;
      } finally {
        hangUp = undefined;
        // The connection carries a LISTEN: it is closed, never handed back to the pool.
        client?.release(true);
      }
      if (failed && listening()) await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS));
    }
    running = undefined;
  };

  const stopListening = (): void => {
    hangUp?.();
  };

  return {
    watch(onDue) {
      watchers.add(onDue);
      running ??= listen();
      return () => {
        watchers.delete(onDue);
        if (watchers.size === 0) stopListening();
      };
    },
    async close() {
      closed = true;
      stopListening();
      await running;
    },
  };
}
