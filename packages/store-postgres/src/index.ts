/**
 * @stepwise/store-postgres — durable Stepwise executions on PostgreSQL:
 * workers in many processes share them through leases.
 */
export type { PostgresStoreOptions } from "./postgres-store.js";
export { postgresStore } from "./postgres-store.js";
