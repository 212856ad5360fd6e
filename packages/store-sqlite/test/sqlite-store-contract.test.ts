import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describeExecutionStore } from "@stepwise/testing/store-contract";
import { afterEach } from "vitest";
import { sqliteStore } from "../src/index.js";

const directories: string[] = [];

afterEach(async () => {
  await Promise.all(
    directories.splice(0).map((directory) => rm(directory, { recursive: true, force: true })),
  );
});

describeExecutionStore("sqlite", async () => {
  const directory = await mkdtemp(join(tmpdir(), "stepwise-sqlite-"));
  directories.push(directory);
  return sqliteStore({ path: join(directory, "store.db") });
});
