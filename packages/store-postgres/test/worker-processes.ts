/**
 * Worker processes for distributed-workers.test.ts: each runs
 * distributed-worker.mjs and reports its worker id once it works.
 */
import type { ChildProcess } from "node:child_process";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export interface WorkerProcess {
  /** The id its leases are held under. */
  readonly id: string;
  readonly child: ChildProcess;
  readonly exited: Promise<void>;
}

const script = fileURLToPath(new URL("./distributed-worker.mjs", import.meta.url));

/** Every worker started and not yet exited. */
export const liveWorkers = new Set<WorkerProcess>();

/** What the workers wrote to stderr, for the message of a failing test. */
export const workerStderr: string[] = [];

export function spawnWorker(env: Readonly<Record<string, string>>): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => {
    child.once("exit", () => {
      resolve();
    });
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => workerStderr.push(chunk));
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
      const line = out.split("\n").find((candidate) => candidate.startsWith('{"ready"'));
      if (line === undefined) return;
      const worker = { id: (JSON.parse(line) as { ready: string }).ready, child, exited };
      liveWorkers.add(worker);
      void exited.then(() => liveWorkers.delete(worker));
      resolve(worker);
    });
    // After "ready" this changes nothing: the promise is settled.
    void exited.then(() => {
      reject(new Error(`a worker exited before it was ready:\n${workerStderr.join("")}`));
    });
  });
}

export async function kill(worker: WorkerProcess, signal: NodeJS.Signals): Promise<void> {
  worker.child.kill(signal);
  await worker.exited;
}
