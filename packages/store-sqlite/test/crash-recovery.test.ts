import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ExecutionStore, HistoryEvent } from "@stepwise/core";
import { createRuntime } from "@stepwise/core";
import { afterEach, beforeEach, expect, it } from "vitest";
import { sqliteStore } from "../src/index.js";
import { crashExecutionArn, waitSeconds } from "./support/crash-machine.js";
import { lineFrom, spawnTs } from "./support/spawn-ts.js";

interface Invocation {
  readonly state: string;
  readonly idempotencyKey: string;
  readonly taskToken?: string;
  readonly pid: number;
  readonly at: number;
}

let directory: string;
let store: ExecutionStore;
const children: ChildProcess[] = [];

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), "stepwise-crash-"));
});
afterEach(async () => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await store.close();
  await rm(directory, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const until = async <T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 20_000,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
};
const time = (event: HistoryEvent): number => new Date(event.timestamp).getTime();

it(
  "continues an execution killed with SIGKILL from its last committed step, timers and task tokens included",
  { timeout: 120_000 },
  async () => {
    const path = join(directory, "store.db");
    const log = join(directory, "invocations.log");
    store = sqliteStore({ path });
    const history = async (): Promise<HistoryEvent[]> =>
      (await store.history(crashExecutionArn)).map(({ event }) => JSON.parse(event) as HistoryEvent);
    const invocations = async (): Promise<Invocation[]> =>
      (await readFile(log, "utf8").catch(() => ""))
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => JSON.parse(line) as Invocation);
    const eventOf = (type: string) => async () => (await history()).find((event) => event.type === type);

    const start = async (...flags: string[]) => {
      const spawnedAt = Date.now();
      const child = spawnTs("./crash-worker.ts", [path, log, ...flags]);
      children.push(child);
      child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(chunk));
      const readyAt = Number((await lineFrom(child, /^ready \d+$/)).split(" ")[1]);
      return { child, spawnedAt, startup: readyAt - spawnedAt };
    };
    const kill = async (child: ChildProcess) => {
      const killedAt = Date.now();
      child.kill("SIGKILL");
      await once(child, "exit");
      return { killedAt, committed: await history() };
    };
    /** Kill → the first event committed after it, by the new process. */
    const recovery = async (killedAt: number, committedBefore: number) =>
      time(await until(async () => (await history())[committedBefore], "a step after the restart")) -
      killedAt;

    // 1. Killed while the Charge task is in flight (invoked, its answer not committed).
    const first = await start("--start", "--hang-charge");
    await until(async () => (await invocations()).find((call) => call.state === "Charge"), "Charge");
    const crash1 = await kill(first.child);
    const second = await start();
    const recovery1 = await recovery(crash1.killedAt, crash1.committed.length);

    // 2. Killed in the middle of the Wait state.
    const entered = await until(eventOf("WaitStateEntered"), "WaitStateEntered");
    await sleep(1_000);
    const crash2 = await kill(second.child);
    const third = await start();
    const exited = await until(eventOf("WaitStateExited"), "WaitStateExited");

    // 3. Killed while it waits for the callback of a token it issued.
    const submitted = await until(eventOf("TaskSubmitted"), "TaskSubmitted");
    const token = (await invocations()).find((call) => call.state === "Approve")?.taskToken;
    expect(token).toBeDefined();
    const crash3 = await kill(third.child);
    const fourth = await start();
    const runtime = createRuntime({ store });
    const sentAt = Date.now();
    await runtime.sendTaskSuccess(token!, '{"approved":true}');
    const succeeded = await until(eventOf("ExecutionSucceeded"), "ExecutionSucceeded");
    fourth.child.kill("SIGTERM");
    const [code] = (await once(fourth.child, "exit")) as [number | null];
    expect(code).toBe(0);

    const events = await history();
    // Nothing committed before a crash is lost or rewritten, and nothing is committed twice.
    for (const crash of [crash1, crash2, crash3])
      expect(events.slice(0, crash.committed.length)).toEqual(crash.committed);
    expect(events.map((event) => event.id)).toEqual(events.map((_, index) => index + 1));
    const count = (type: string) => events.filter((event) => event.type === type).length;
    expect([count("ExecutionStarted"), count("PassStateEntered"), count("WaitStateEntered")]).toEqual([
      1, 2, 1,
    ]);
    expect([count("TaskScheduled"), count("TaskSucceeded"), count("TaskSubmitted")]).toEqual([3, 3, 1]);
    expect(await runtime.describeExecution(crashExecutionArn)).toMatchObject({
      status: "SUCCEEDED",
      output: JSON.stringify({
        order: 42,
        prepare: { prepared: true },
        charge: { charged: { order: 42, prepare: { prepared: true } } },
        approval: { approved: true },
        ship: { shipped: true },
      }),
    });

    // The attempt whose answer was lost is sent again, with the same idempotency key; nothing else is.
    const calls = await invocations();
    const charges = calls.filter((call) => call.state === "Charge");
    expect(charges.map((call) => call.pid)).toEqual([first.child.pid, second.child.pid]);
    expect(charges[1]!.idempotencyKey).toBe(charges[0]!.idempotencyKey);
    expect(calls.map((call) => call.state)).toEqual(["Charge", "Charge", "Approve", "Ship"]);

    // The timer kept its deadline: one started again by the new process could not end before respawn + Seconds.
    const deadline = time(entered) + waitSeconds * 1_000;
    expect(time(exited)).toBeGreaterThanOrEqual(deadline);
    expect(time(exited)).toBeLessThan(third.spawnedAt + waitSeconds * 1_000);

    const callbackLatency =
      time(events.find((event) => event.type === "TaskSucceeded" && event.id > submitted.id)!) - sentAt;
    console.log(
      [
        `restart (spawn → worker ready): ${[first, second, third, fourth].map((run) => run.startup).join(", ")} ms`,
        `SIGKILL during a task → its retry committed: ${recovery1} ms`,
        `SIGKILL during a ${waitSeconds} s Wait → WaitStateExited ${time(exited) - deadline} ms after the original deadline`,
        `SIGKILL while waiting for a callback → sendTaskSuccess applied ${callbackLatency} ms after it was sent`,
        `execution: ${time(succeeded) - time(events[0]!)} ms, ${events.length} events`,
      ].join("\n"),
    );
  },
);
