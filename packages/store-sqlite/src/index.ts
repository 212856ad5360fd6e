/**
 * @stepwise/store-sqlite — durable Stepwise executions in one SQLite file.
 */
export type { SqliteStoreOptions } from "./sqlite-store.js";
export { sqliteStore } from "./sqlite-store.js";
