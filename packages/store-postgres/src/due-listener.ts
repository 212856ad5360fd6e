/**
 * Wakes workers in every process at once when an execution becomes due
 * through a new execution or a queued callback: the store sends a NOTIFY
 * on the schema's channel with those writes, and this keeps a connection
 * of its own LISTENing while anyone watches — made with the pool's settings
 * but outside it, so that it never takes a connection the pool's queries
 * need. A lost connection is replaced after a pause; meanwhile workers
 * still poll, so nothing is missed, only later.
 */
import pg from "pg";
import type { Pool } from "pg";

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

  /** Holds one LISTENing connection until it fails or nobody watches; answers whether it failed. */
  const listenOnce = async (): Promise<boolean> => {
    const connection = new pg.Client(pool.options);
    const ended = new Promise<boolean>((resolve) => {
      hangUp = () => {
        resolve(false);
      };
      connection.on("error", () => {
        resolve(true);
      });
      connection.on("end", () => {
        resolve(true);
      });
    });
    connection.on("notification", () => {
      for (const onDue of watchers) onDue();
    });
    try {
      const listened = connection
        .connect()
        .then(() => connection.query(`LISTEN ${channel}`))
        .then(
          () => undefined,
          () => true,
        );
      // The last watcher may leave, or the connection fail, at any point.
      return (await Promise.race([listened, ended])) ?? (listening() ? await ended : false);
    } finally {
      hangUp = undefined;
      await connection.end().catch(() => undefined);
    }
  };

  const listen = async (): Promise<void> => {
    while (listening()) {
      const failed = await listenOnce();
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
