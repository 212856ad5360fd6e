import { afterEach, describe, expect, it } from "vitest";
import type {
  DurableRuntime,
  ExecutionStore,
  HistoryEvent,
  Integration,
  StateMachine,
  Worker,
} from "../src/index.js";
import {
  createActivities,
  createRuntime,
  ExecutionApiError,
  memoryStore,
  StatesError,
  systemClock,
  TaskTokenError,
  virtualClock,
} from "../src/index.js";

const workers: Worker[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop()));
});

function work(runtime: DurableRuntime, options: Parameters<DurableRuntime["work"]>[0] = {}): Worker {
  const worker = runtime.work({ pollMs: 10, ...options });
  workers.push(worker);
  return worker;
}

async function settledStatus(
  runtime: DurableRuntime,
  executionArn: string,
  timeoutMs = 5_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { status } = await runtime.describeExecution(executionArn);
    if (status !== "RUNNING" || Date.now() > deadline) return status;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const until = async (condition: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

const types = (events: readonly HistoryEvent[]): string[] => events.map((event) => event.type);

/** Milliseconds from the first event of type `from` to the first of type `to`, by their timestamps. */
function millisBetween(events: readonly HistoryEvent[], from: string, to: string): number {
  const at = (type: string) => new Date(events.find((event) => event.type === type)!.timestamp).getTime();
  return at(to) - at(from);
}

const echo: Integration = {
  resource: "arn:aws:states:::test:echo",
  patterns: ["request-response"],
  async invoke(request) {
    return request.parameters;
  },
};

/**
 * A durable runtime whose one machine asks for approval: a `.waitForTaskToken`
 * Task (with `askFields` added) sent to an integration that only keeps the
 * tokens it is given.
 */
function approvalRuntime(askFields: Record<string, unknown> = {}): {
  readonly tokens: string[];
  readonly runtime: DurableRuntime;
  readonly machine: StateMachine;
} {
  const tokens: string[] = [];
  const approval: Integration = {
    resource: "arn:aws:states:::test:approval",
    patterns: ["wait-for-task-token"],
    async invoke(request) {
      tokens.push(request.taskToken!);
      return {};
    },
  };
  const runtime = createRuntime({ store: memoryStore(), integrations: [approval] });
  const machine = runtime.load({
    StartAt: "Ask",
    States: {
      Ask: {
        Type: "Task",
        Resource: "arn:aws:states:::test:approval.waitForTaskToken",
        ...askFields,
        End: true,
      },
    },
  });
  return { tokens, runtime, machine };
}

const chain = {
  StartAt: "First",
  States: {
    First: { Type: "Pass", Result: { n: 1 }, Next: "Call" },
    Call: {
      Type: "Task",
      Resource: "arn:aws:states:::test:echo",
      Parameters: { "n.$": "$.n" },
      Next: "Done",
    },
    Done: { Type: "Succeed" },
  },
};

describe("durable runtime", () => {
  it("runs a started execution to the end in a worker and records AWS's history", async () => {
    const store = memoryStore();
    const runtime = createRuntime({ store, integrations: [echo] });
    const machine = runtime.load(chain, { name: "Chain" });
    const { executionArn } = await runtime.startExecution(machine, { name: "one", input: { a: 1 } });
    expect(executionArn).toBe("arn:aws:states:us-east-1:111111111111:execution:Chain:one");
    expect((await runtime.describeExecution(executionArn)).status).toBe("RUNNING");
    work(runtime);
    expect(await settledStatus(runtime, executionArn)).toBe("SUCCEEDED");
    const description = await runtime.describeExecution(executionArn);
    expect(description).toMatchObject({ name: "one", input: '{"a":1}', output: '{"n":1}', redriveCount: 0 });
    expect(description.stopDate).toBeInstanceOf(Date);

    // The same machine in memory writes the same history.
    const inMemory = createRuntime({ integrations: [echo] });
    const execution = inMemory.start(inMemory.load(chain, { name: "Chain" }), {
      name: "one",
      input: { a: 1 },
    });
    await execution.settled();
    const { events } = await runtime.getExecutionHistory(executionArn);
    expect(types(events)).toEqual(types(execution.history()));
    const withoutTime = (event: HistoryEvent) => ({ ...event, timestamp: "" });
    expect(events.map(withoutTime)).toEqual(execution.history().map(withoutTime));
  });

  it("writes the same history as in memory for Map, Parallel, Retry, Catch and Wait", async () => {
    let calls = 0;
    const flaky: Integration = {
      resource: "arn:aws:states:::test:flaky",
      patterns: ["request-response"],
      async invoke(request) {
        calls += 1;
        if (calls % 3 === 1) throw new StatesError("Flaky.Error", `call ${String(calls)}`);
        return request.parameters;
      },
    };
    const definition = {
      StartAt: "Fan",
      States: {
        Fan: {
          Type: "Parallel",
          Branches: [
            {
              StartAt: "Items",
              States: {
                Items: {
                  Type: "Map",
                  MaxConcurrency: 2,
                  ItemsPath: "$.items",
                  ItemProcessor: {
                    StartAt: "Call",
                    States: {
                      Call: {
                        Type: "Task",
                        Resource: "arn:aws:states:::test:flaky",
                        Retry: [{ ErrorEquals: ["Flaky.Error"], IntervalSeconds: 2, MaxAttempts: 1 }],
                        Catch: [{ ErrorEquals: ["States.ALL"], Next: "Caught" }],
                        Next: "Pause",
                      },
                      Caught: { Type: "Pass", Result: "caught", End: true },
                      Pause: { Type: "Wait", Seconds: 5, End: true },
                    },
                  },
                  End: true,
                },
              },
            },
            { StartAt: "Long", States: { Long: { Type: "Wait", Seconds: 3600, End: true } } },
          ],
          End: true,
        },
      },
    };
    const input = { items: [1, 2, 3, 4, 5] };
    const start = Date.UTC(2026, 0, 1);

    const inMemory = createRuntime({ clock: virtualClock({ start }), integrations: [flaky] });
    const execution = inMemory.start(inMemory.load(definition, { name: "Fan" }), { name: "x", input });
    const expected = await execution.settled();

    calls = 0;
    const durable = createRuntime({
      store: memoryStore(),
      clock: virtualClock({ start }),
      integrations: [flaky],
    });
    work(durable);
    const { executionArn } = await durable.startExecution(durable.load(definition, { name: "Fan" }), {
      name: "x",
      input,
    });
    expect(await settledStatus(durable, executionArn)).toBe("SUCCEEDED");
    expect(JSON.parse((await durable.describeExecution(executionArn)).output!)).toEqual(
      expected.status === "SUCCEEDED" ? expected.output : undefined,
    );
    const { events } = await durable.getExecutionHistory(executionArn);
    expect(events).toEqual(execution.history());
  });

  it("pages the history, oldest or newest first", async () => {
    const runtime = createRuntime({ store: memoryStore(), integrations: [echo] });
    work(runtime);
    const { executionArn } = await runtime.startExecution(runtime.load(chain));
    expect(await settledStatus(runtime, executionArn)).toBe("SUCCEEDED");
    const { events: all } = await runtime.getExecutionHistory(executionArn);
    const pages: number[][] = [];
    let nextToken: string | undefined;
    do {
      const page = await runtime.getExecutionHistory(executionArn, {
        maxResults: 4,
        reverseOrder: true,
        nextToken,
      });
      pages.push(page.events.map((event) => event.id));
      nextToken = page.nextToken;
    } while (nextToken !== undefined);
    expect(pages.flat()).toEqual(all.map((event) => event.id).reverse());
    expect(pages[0]).toHaveLength(4);
    await expect(runtime.getExecutionHistory(executionArn, { nextToken: "x" })).rejects.toMatchObject({
      name: "InvalidToken",
    });
  });

  it("pages by 100 events unless asked otherwise, at most 1,000, as AWS does", async () => {
    const runtime = createRuntime({ store: memoryStore() });
    work(runtime);
    // 60 Pass states: 122 events, more than one default page.
    const states: Record<string, unknown> = {};
    for (let i = 0; i < 60; i++)
      states[`P${i}`] = { Type: "Pass", ...(i === 59 ? { End: true } : { Next: `P${i + 1}` }) };
    const { executionArn } = await runtime.startExecution(runtime.load({ StartAt: "P0", States: states }));
    expect(await settledStatus(runtime, executionArn)).toBe("SUCCEEDED");
    const first = await runtime.getExecutionHistory(executionArn);
    expect(first.events).toHaveLength(100);
    expect(first.nextToken).toBeDefined();
    const rest = await runtime.getExecutionHistory(executionArn, { nextToken: first.nextToken });
    expect(rest.events.map((event) => event.id)).toEqual(Array.from({ length: 22 }, (_, i) => 101 + i));
    expect(rest.nextToken).toBeUndefined();
    expect((await runtime.getExecutionHistory(executionArn, { maxResults: 0 })).events).toHaveLength(100);
    expect((await runtime.getExecutionHistory(executionArn, { maxResults: 1000 })).events).toHaveLength(122);
    await expect(runtime.getExecutionHistory(executionArn, { maxResults: 1001 })).rejects.toMatchObject({
      name: "ValidationException",
      message:
        "1 validation error detected: Value '1001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000",
    });
    await expect(runtime.getExecutionHistory(executionArn, { maxResults: -1 })).rejects.toMatchObject({
      name: "ValidationException",
    });
    await expect(runtime.listExecutions({ maxResults: 1001 })).rejects.toBeInstanceOf(ExecutionApiError);
    const tiny = runtime.load({ StartAt: "Only", States: { Only: { Type: "Pass", End: true } } });
    for (let i = 0; i < 100; i++) await runtime.startExecution(tiny);
    const firstList = await runtime.listExecutions();
    expect(firstList.executions).toHaveLength(100);
    const restList = await runtime.listExecutions({ nextToken: firstList.nextToken });
    expect(restList.executions).toHaveLength(1);
    expect(restList.nextToken).toBeUndefined();
    const listed = [...firstList.executions, ...restList.executions].map((e) => e.executionArn);
    expect(new Set(listed).size).toBe(101);
    expect((await runtime.listExecutions({ maxResults: 1000 })).executions).toHaveLength(101);
    await expect(runtime.listExecutions({ nextToken: "not-a-token" })).rejects.toMatchObject({
      name: "InvalidToken",
    });
  });

  it("answers StartExecution idempotently for the same name and input, and refuses a taken name otherwise", async () => {
    const runtime = createRuntime({ store: memoryStore(), integrations: [echo] });
    const machine = runtime.load(chain);
    const first = await runtime.startExecution(machine, { name: "same", input: { x: 1 } });
    expect(await runtime.startExecution(machine, { name: "same", input: { x: 1 } })).toEqual(first);
    await expect(runtime.startExecution(machine, { name: "same", input: { x: 2 } })).rejects.toMatchObject({
      name: "ExecutionAlreadyExists",
    });
    await expect(runtime.describeExecution(`${first.executionArn}-nope`)).rejects.toBeInstanceOf(
      ExecutionApiError,
    );
    await expect(runtime.getExecutionHistory(`${first.executionArn}-nope`)).rejects.toMatchObject({
      name: "ExecutionDoesNotExist",
    });
  });

  it("runs an execution started without a role as the same made-up role as in memory", async () => {
    const runtime = createRuntime({ store: memoryStore() });
    const machine = runtime.load({
      StartAt: "Role",
      States: { Role: { Type: "Pass", Parameters: { "role.$": "$$.Execution.RoleArn" }, End: true } },
    });
    work(runtime);
    const { executionArn } = await runtime.startExecution(machine);
    expect(await settledStatus(runtime, executionArn)).toBe("SUCCEEDED");
    expect((await runtime.describeExecution(executionArn)).output).toBe(
      '{"role":"arn:aws:iam::111111111111:role/StepwiseExecutionRole"}',
    );
  });

  it("parks an execution waiting for a far timer and wakes it at its deadline", async () => {
    const runtime = createRuntime({ store: memoryStore() });
    const machine = runtime.load({
      StartAt: "Wait",
      States: { Wait: { Type: "Wait", Seconds: 1, Next: "Done" }, Done: { Type: "Succeed" } },
    });
    const worker = work(runtime, { holdMs: 100 });
    const { executionArn } = await runtime.startExecution(machine);
    await until(async () =>
      types((await runtime.getExecutionHistory(executionArn)).events).includes("WaitStateEntered"),
    );
    await until(() => worker.held === 0);
    expect(await settledStatus(runtime, executionArn)).toBe("SUCCEEDED");
    const { events } = await runtime.getExecutionHistory(executionArn);
    expect(millisBetween(events, "WaitStateEntered", "WaitStateExited")).toBeGreaterThanOrEqual(1_000);
  });

  it("skips time on a virtual clock: the worker keeps executions whose timers only it can fire", async () => {
    const clock = virtualClock({ start: Date.UTC(2026, 0, 1) });
    const runtime = createRuntime({ store: memoryStore(), clock });
    const machine = runtime.load({
      StartAt: "Wait",
      States: { Wait: { Type: "Wait", Seconds: 86_400 * 30, Next: "Done" }, Done: { Type: "Succeed" } },
    });
    work(runtime);
    const { executionArn } = await runtime.startExecution(machine);
    expect(await settledStatus(runtime, executionArn)).toBe("SUCCEEDED");
    const { stopDate } = await runtime.describeExecution(executionArn);
    expect(stopDate?.toISOString()).toBe("2026-01-31T00:00:00.000Z");
  });

  it("parks an execution waiting for its task token and takes the callback through the store", async () => {
    const { tokens, runtime, machine } = approvalRuntime({ Parameters: { "token.$": "$$.Task.Token" } });
    const worker = work(runtime);
    const { executionArn } = await runtime.startExecution(machine);
    await until(() => tokens.length === 1 && worker.held === 0);
    await expect(runtime.sendTaskSuccess("not a token!", "{}")).rejects.toMatchObject({
      name: "InvalidToken",
    });
    await expect(runtime.sendTaskSuccess("A".repeat(40), "{}")).rejects.toMatchObject({
      name: "TaskDoesNotExist",
    });
    await expect(runtime.sendTaskSuccess(tokens[0]!, "{")).rejects.toMatchObject({ name: "InvalidOutput" });
    await runtime.sendTaskSuccess(tokens[0]!, '{"approved":true}');
    expect(await settledStatus(runtime, executionArn)).toBe("SUCCEEDED");
    expect((await runtime.describeExecution(executionArn)).output).toBe('{"approved":true}');
    const late = runtime.sendTaskFailure(tokens[0]!, "Late");
    await expect(late).rejects.toBeInstanceOf(TaskTokenError);
    await expect(late).rejects.toMatchObject({ name: "TaskTimedOut" });
  });

  it("times a parked task out at its heartbeat deadline unless a heartbeat comes through the store", async () => {
    const { tokens, runtime, machine } = approvalRuntime({ HeartbeatSeconds: 3 });
    const worker = work(runtime, { holdMs: 100 });
    const { executionArn } = await runtime.startExecution(machine);
    await until(() => tokens.length === 1 && worker.held === 0);
    // A second in, a heartbeat: the task lives on past its first deadline (3 s), until about 4 s.
    const scheduledAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await runtime.sendTaskHeartbeat(tokens[0]!);
    await new Promise((resolve) => setTimeout(resolve, scheduledAt + 3_300 - Date.now()));
    expect((await runtime.describeExecution(executionArn)).status).toBe("RUNNING");
    expect(await settledStatus(runtime, executionArn)).toBe("FAILED");
    expect(await runtime.describeExecution(executionArn)).toMatchObject({ error: "States.Timeout" });
    const { events } = await runtime.getExecutionHistory(executionArn);
    expect(millisBetween(events, "TaskScheduled", "TaskTimedOut")).toBeGreaterThanOrEqual(3_900);
  });

  it("takes a callback sent before the integration has answered, after TaskSubmitted", async () => {
    const runtimes: DurableRuntime[] = [];
    const eager: Integration = {
      resource: "arn:aws:states:::test:eager",
      patterns: ["wait-for-task-token"],
      async invoke(request) {
        await runtimes[0]!.sendTaskSuccess(request.taskToken!, '"done"');
        await new Promise((resolve) => setTimeout(resolve, 50));
        return { accepted: true };
      },
    };
    const runtime = createRuntime({ store: memoryStore(), integrations: [eager] });
    runtimes.push(runtime);
    const machine = runtime.load({
      StartAt: "Ask",
      States: { Ask: { Type: "Task", Resource: "arn:aws:states:::test:eager.waitForTaskToken", End: true } },
    });
    work(runtime);
    const { executionArn } = await runtime.startExecution(machine);
    expect(await settledStatus(runtime, executionArn)).toBe("SUCCEEDED");
    const { events } = await runtime.getExecutionHistory(executionArn);
    expect(types(events).slice(-4)).toEqual([
      "TaskSubmitted",
      "TaskSucceeded",
      "TaskStateExited",
      "ExecutionSucceeded",
    ]);
  });

  it("keeps an activity task until a worker has taken it, then answers it through the store", async () => {
    const activities = createActivities({ clock: systemClock() });
    const runtime = createRuntime({ store: memoryStore(), integrations: [activities.integration] });
    const activityArn = "arn:aws:states:us-east-1:111111111111:activity:review";
    const machine = runtime.load({
      StartAt: "Review",
      States: { Review: { Type: "Task", Resource: activityArn, End: true } },
    });
    const worker = work(runtime);
    const { executionArn } = await runtime.startExecution(machine, { input: { doc: 1 } });
    const task = await activities.getActivityTask(activityArn, { workerName: "reviewer" });
    await until(async () =>
      types((await runtime.getExecutionHistory(executionArn)).events).includes("ActivityStarted"),
    );
    await until(() => worker.held === 0);
    await runtime.sendTaskSuccess(task!.taskToken, task!.input);
    expect(await settledStatus(runtime, executionArn)).toBe("SUCCEEDED");
    expect((await runtime.describeExecution(executionArn)).output).toBe('{"doc":1}');
  });

  it("stops an execution through its inbox", async () => {
    const runtime = createRuntime({ store: memoryStore() });
    const machine = runtime.load({
      StartAt: "Wait",
      States: { Wait: { Type: "Wait", Seconds: 3600, End: true } },
    });
    work(runtime);
    const { executionArn } = await runtime.startExecution(machine);
    await until(async () => (await runtime.getExecutionHistory(executionArn)).events.length >= 2);
    await runtime.stopExecution(executionArn, { error: "Halt", cause: "by test" });
    expect(await settledStatus(runtime, executionArn)).toBe("ABORTED");
    expect(await runtime.describeExecution(executionArn)).toMatchObject({ error: "Halt", cause: "by test" });
    expect(types((await runtime.getExecutionHistory(executionArn)).events).at(-1)).toBe("ExecutionAborted");
    // Stopping it again changes nothing; an unknown execution is AWS's error.
    await runtime.stopExecution(executionArn);
    expect((await runtime.describeExecution(executionArn)).status).toBe("ABORTED");
    await expect(runtime.stopExecution(`${executionArn}-nope`)).rejects.toMatchObject({
      name: "ExecutionDoesNotExist",
    });
  });

  it("lists executions newest first, by machine and status", async () => {
    const runtime = createRuntime({ store: memoryStore(), integrations: [echo] });
    const a = runtime.load(chain, { name: "A" });
    const b = runtime.load(
      { StartAt: "W", States: { W: { Type: "Wait", Seconds: 3600, End: true } } },
      { name: "B" },
    );
    await runtime.startExecution(a, { name: "a1" });
    await new Promise((resolve) => setTimeout(resolve, 2));
    await runtime.startExecution(b, { name: "b1" });
    work(runtime);
    await until(
      async () => (await runtime.listExecutions({ statusFilter: "SUCCEEDED" })).executions.length === 1,
    );
    expect((await runtime.listExecutions()).executions.map((e) => e.name)).toEqual(["b1", "a1"]);
    expect((await runtime.listExecutions({ stateMachineArn: b.arn })).executions).toMatchObject([
      { name: "b1", status: "RUNNING" },
    ]);
  });

  it("deletes ended executions with their history, on request or as a worker's retention runs out", async () => {
    const clock = virtualClock({ start: Date.UTC(2026, 0, 1) });
    const store = memoryStore();
    const runtime = createRuntime({ store, clock, integrations: [echo] });
    const machine = runtime.load(chain);
    const waiting = runtime.load({ StartAt: "W", States: { W: { Type: "Wait", Seconds: 3600, End: true } } });
    const first = await runtime.startExecution(machine, { name: "first" });
    const running = await runtime.startExecution(waiting, { name: "running" });
    const worker = work(runtime, { holdMs: 0 });
    expect(await settledStatus(runtime, first.executionArn)).toBe("SUCCEEDED");
    const { stopDate } = await runtime.describeExecution(first.executionArn);
    expect(await runtime.deleteEndedExecutions({ endedBefore: stopDate! })).toBe(0);
    expect(await runtime.deleteEndedExecutions({ endedBefore: stopDate!.getTime() + 1 })).toBe(1);
    await expect(runtime.describeExecution(first.executionArn)).rejects.toMatchObject({
      name: "ExecutionDoesNotExist",
    });
    await expect(runtime.getExecutionHistory(first.executionArn)).rejects.toMatchObject({
      name: "ExecutionDoesNotExist",
    });
    await worker.stop();

    // A worker with a retention deletes what ended longer ago than that, and only that.
    const second = await runtime.startExecution(machine, { name: "second" });
    const retaining = work(runtime, { retainEndedMs: 60_000, holdMs: 0 });
    expect(await settledStatus(runtime, second.executionArn)).toBe("SUCCEEDED");
    await retaining.stop();
    clock.advanceBy(60_001);
    work(runtime, { retainEndedMs: 60_000, holdMs: 0 });
    await until(async () => (await runtime.listExecutions()).executions.length === 1);
    expect((await runtime.listExecutions()).executions).toMatchObject([
      { name: "running", status: "RUNNING" },
    ]);
    expect((await store.history(running.executionArn)).length).toBeGreaterThan(0);
  });

  it("lets a worker whose lease ran out stop, and another finish, committing no transition twice", async () => {
    // A store the first worker reaches through a link that can be cut: its calls then never answer.
    const shared = memoryStore();
    let cut = false;
    const held: (() => void)[] = [];
    const cuttable = new Proxy(shared, {
      get(target, property: keyof ExecutionStore) {
        const call = (...args: unknown[]): Promise<unknown> =>
          (Reflect.get(target, property) as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        return (...args: unknown[]) =>
          cut ? new Promise((resolve) => held.push(() => void call(...args).then(resolve))) : call(...args);
      },
    });
    const invocations: string[] = [];
    let release: () => void = () => undefined;
    const slow: Integration = {
      resource: "arn:aws:states:::test:slow",
      patterns: ["request-response"],
      async invoke(_request, context) {
        invocations.push(context.idempotencyKey);
        if (invocations.length === 1) await new Promise<void>((resolve) => (release = resolve));
        return { ok: true };
      },
    };
    const definition = {
      StartAt: "Slow",
      States: {
        Slow: { Type: "Task", Resource: "arn:aws:states:::test:slow", Next: "After" },
        After: { Type: "Succeed" },
      },
    };
    const first = createRuntime({ store: cuttable, integrations: [slow] });
    const second = createRuntime({ store: shared, integrations: [slow] });
    const { executionArn } = await first.startExecution(first.load(definition, { name: "M" }), { name: "e" });
    const a = work(first, { leaseMs: 200, workerId: "a" });
    await until(() => invocations.length === 1);
    cut = true;
    // The first worker still runs its task; the second takes the execution once the lease has expired.
    work(second, { leaseMs: 200, workerId: "b" });
    expect(await settledStatus(second, executionArn)).toBe("SUCCEEDED");
    release();
    cut = false;
    for (const replay of held.splice(0)) replay();
    await until(() => a.held === 0);
    expect(invocations).toEqual([
      "arn:aws:states:us-east-1:111111111111:execution:M:e#Slow#0",
      "arn:aws:states:us-east-1:111111111111:execution:M:e#Slow#0",
    ]);
    const { events } = await second.getExecutionHistory(executionArn);
    expect(events.map((event) => event.id)).toEqual(events.map((_, index) => index + 1));
    expect(types(events).filter((type) => type === "TaskScheduled")).toHaveLength(1);
    expect(types(events).at(-1)).toBe("ExecutionSucceeded");
  });

  it("lets go of an execution whose commit failed, and takes it again once the lease has run out", async () => {
    const store = memoryStore();
    let failures = 1;
    const flaky: ExecutionStore = {
      ...store,
      commit: (workerId, commit) =>
        failures-- > 0 ? Promise.reject(new Error("connection reset")) : store.commit(workerId, commit),
    };
    const errors: unknown[] = [];
    const runtime = createRuntime({ store: flaky, integrations: [echo] });
    work(runtime, { leaseMs: 100, onError: (error) => errors.push(error) });
    const { executionArn } = await runtime.startExecution(runtime.load(chain));
    expect(await settledStatus(runtime, executionArn)).toBe("SUCCEEDED");
    expect(errors).toEqual([new Error("connection reset")]);
    const { events } = await runtime.getExecutionHistory(executionArn);
    expect(events.map((event) => event.id)).toEqual(events.map((_, index) => index + 1));
  });

  it("claims more as soon as it has room while a backlog waits, not at its next poll", async () => {
    const runtime = createRuntime({ store: memoryStore(), integrations: [echo] });
    const machine = runtime.load(chain);
    const arns: string[] = [];
    for (let i = 0; i < 40; i++) arns.push((await runtime.startExecution(machine)).executionArn);
    work(runtime, { maxExecutions: 4, pollMs: 60_000 });
    await until(
      async () => (await runtime.listExecutions({ statusFilter: "SUCCEEDED" })).executions.length === 40,
    );
  });

  it("lets a restarted worker with the same id take back its executions at once", async () => {
    const store = memoryStore();
    const hang: Integration = {
      resource: "arn:aws:states:::test:hang",
      patterns: ["request-response"],
      invoke: (_request, context) =>
        new Promise((resolve) => {
          if (context.idempotencyKey.endsWith("#1")) resolve({});
        }),
    };
    const runtime = createRuntime({ store, integrations: [hang] });
    const machine = runtime.load({
      StartAt: "Hang",
      States: {
        Hang: {
          Type: "Task",
          Resource: "arn:aws:states:::test:hang",
          Retry: [{ ErrorEquals: ["States.ALL"] }],
          End: true,
        },
      },
    });
    const { executionArn } = await runtime.startExecution(machine);
    // A worker that dies holding the execution: its lease (an hour) stays in the store.
    await store.claim("w", { now: Date.now(), leaseUntil: Date.now() + 3_600_000, limit: 1 });
    const before = Date.now();
    work(runtime, { workerId: "w", leaseMs: 3_600_000 });
    await until(async () => (await runtime.getExecutionHistory(executionArn)).events.length > 0);
    expect(Date.now() - before).toBeLessThan(1_000);
  });
});
