/** The stores the durable benchmark measures, opened by name. */
import type { ExecutionStore } from "@stepwise/core";
import { postgresStore } from "@stepwise/store-postgres";
import { sqliteStore } from "@stepwise/store-sqlite";

export const STORE_KINDS = ["sqlite", "postgres"] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

export function openStore(kind: string, location: string): Promise<ExecutionStore> {
  switch (kind) {
    case "sqlite":
      return Promise.resolve(sqliteStore({ path: location }));
    case "postgres":
      return postgresStore({ connectionString: location, max: 4 });
    default:
      throw new Error(`Unknown store '${kind}' (known: ${STORE_KINDS.join(", ")}).`);
  }
}
