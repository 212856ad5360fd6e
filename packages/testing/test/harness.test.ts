/**
 * The harness through its public API: loading, time (auto and manual),
 * seeded randomness, mocks and their precedence, MockConfigFile files,
 * recorded calls, and the failure of a Task nobody mocked.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import type { Integration } from "@stepwise/core";
import { DefinitionError, MockConfigError, StatesError } from "@stepwise/core";
import { createHarness, DEFAULT_START_TIME, HarnessError } from "../src/index.js";

const DAY = 86_400_000;

const task = (resource: string, extra: object = {}) => ({ Type: "Task", Resource: resource, ...extra });
const single = (state: object) => ({ StartAt: "Only", States: { Only: { ...state, End: true } } });

const order = {
  StartAt: "Validate",
  States: {
    Validate: { Type: "Pass", Next: "Charge" },
    Charge: task("arn:aws:states:::lambda:invoke", {
      Parameters: { "orderId.$": "$.orderId", "amount.$": "$.amount" },
      ResultSelector: { "chargeId.$": "$.chargeId" },
      ResultPath: "$.charge",
      Next: "Ship",
    }),
    Ship: task("arn:aws:states:::sqs:sendMessage", {
      Parameters: { "orderId.$": "$.orderId" },
      ResultPath: null,
      End: true,
    }),
  },
};

describe("loading definitions", () => {
  it("loads an object, JSON text and YAML text", async () => {
    const harness = createHarness();
    const yaml = "StartAt: Hi\nStates:\n  Hi:\n    Type: Pass\n    Result: yaml\n    End: true\n";
    expect((await harness.run(harness.load(single({ Type: "Pass", Result: "object" })))).output).toBe(
      "object",
    );
    expect(
      (await harness.run(harness.load(JSON.stringify(single({ Type: "Pass", Result: "json" }))))).output,
    ).toBe("json");
    expect((await harness.run(harness.load(yaml))).output).toBe("yaml");
  });

  it("fills ${KEY} placeholders in text and in objects, as SAM's DefinitionSubstitutions", async () => {
    const harness = createHarness();
    const substitutions = {
      Greeting: 'say "hi"',
      Fn: "arn:aws:lambda:us-east-1:111111111111:function:greet",
    };
    const yaml = harness.load(
      "StartAt: A\nStates:\n  A:\n    Type: Pass\n    Result: ${Fn}\n    End: true\n",
      { substitutions },
    );
    const object = harness.load(
      single({ Type: "Pass", Result: { text: "${Greeting}", unknown: "${Other}" } }),
      { substitutions },
    );
    expect((await harness.run(yaml)).output).toBe(substitutions.Fn);
    expect((await harness.run(object)).output).toEqual({ text: 'say "hi"', unknown: "${Other}" });
  });

  it("names the state machine in its ARN", () => {
    const machine = createHarness().load(single({ Type: "Pass" }), { name: "Orders" });
    expect(machine.arn).toBe("arn:aws:states:us-east-1:111111111111:stateMachine:Orders");
  });

  it("reports invalid YAML and invalid JSON as a DefinitionError", () => {
    const harness = createHarness();
    expect(() => harness.load("StartAt: A\nStartAt: B\n")).toThrow(DefinitionError);
    expect(() => harness.load("StartAt: A\nStartAt: B\n")).toThrow(
      "/: The definition is not valid YAML: Map keys must be unique at line 2, column 1:",
    );
    const jsonError = (() => {
      try {
        harness.load('{"StartAt": }');
      } catch (error) {
        return error as DefinitionError;
      }
      return undefined;
    })();
    expect(jsonError?.diagnostics[0]?.code).toBe("INVALID_JSON_DESCRIPTION");
  });
});

describe("time", () => {
  const month = single({ Type: "Wait", Seconds: 30 * 86_400 });

  it("finishes a 30-day Wait at once in auto mode, with the clock 30 days on", async () => {
    const harness = createHarness();
    const started = performance.now();
    const run = await harness.run(harness.load(month));
    expect(run.status).toBe("SUCCEEDED");
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(harness.clock.now()).toBe(DEFAULT_START_TIME + 30 * DAY);
    expect(run.history.at(-1)?.timestamp).toBe("2025-01-31T00:00:00.000Z");
  });

  it("finishes a 30-day Wait in manual mode only once the clock is advanced", async () => {
    const harness = createHarness({ time: "manual" });
    const execution = harness.start(harness.load(month));
    await harness.clock.runUntilIdle();
    expect(execution.status).toBe("RUNNING");
    expect(harness.clock.nextDeadline()).toBe(DEFAULT_START_TIME + 30 * DAY);
    await harness.clock.advance({ days: 29, hours: 23, minutes: 59, seconds: 59 });
    expect(execution.status).toBe("RUNNING");
    await harness.clock.advance(1_000);
    expect(execution.status).toBe("SUCCEEDED");
  });

  it("lets each fired timer's work finish before the next one fires when advancing", async () => {
    const harness = createHarness({ time: "manual" });
    harness.mock.state("Only").failsOnce("Busy").failsOnce("Busy").returns("done");
    const machine = harness.load(
      single(
        task("arn:aws:states:::lambda:invoke", {
          Retry: [{ ErrorEquals: ["Busy"], IntervalSeconds: 10, BackoffRate: 2 }],
        }),
      ),
    );
    const execution = harness.start(machine);
    // Retries after 10 s, then 20 s: both deadlines are set only once the previous attempt failed.
    await harness.clock.advanceTo(new Date(DEFAULT_START_TIME + 30_000));
    expect(await execution.settled()).toEqual({ status: "SUCCEEDED", output: "done" });
    expect(harness.calls("Only").map((call) => call.attempt)).toEqual([0, 1, 2]);
  });

  it("refuses to move time back or by a negative amount", async () => {
    const harness = createHarness({ time: "manual", startTime: "2030-06-01T00:00:00Z" });
    await expect(harness.clock.advanceTo("2030-05-31T00:00:00Z")).rejects.toThrow(RangeError);
    await expect(harness.clock.advance(-1)).rejects.toThrow(RangeError);
    expect(harness.clock.now()).toBe(Date.UTC(2030, 5, 1));
  });

  it("rejects run() under manual time when the execution waits for a timer", async () => {
    const harness = createHarness({ time: "manual" });
    await expect(harness.run(harness.load(month), {}, { name: "monthly" })).rejects.toThrow(
      new HarnessError(
        "harness.run(): the execution 'monthly' cannot finish on its own: it waits for time to pass (next deadline 2025-01-31T00:00:00.000Z) and the harness clock is manual. Use harness.start() and harness.clock.advance(...), or createHarness({ time: \"auto\" }).",
      ),
    );
  });
});

describe("randomness", () => {
  const uuids = single({
    Type: "Pass",
    Parameters: { "a.$": "States.UUID()", "b.$": "States.UUID()", "n.$": "States.MathRandom(1, 1000000)" },
  });

  it("gives the same UUIDs, random numbers and execution names in every harness with the same seed", async () => {
    const first = createHarness({ seed: 42 });
    const second = createHarness({ seed: 42 });
    const a = await first.run(first.load(uuids));
    const b = await second.run(second.load(uuids));
    expect(a.output).toEqual(b.output);
    expect(a.execution.name).toBe(b.execution.name);
    const other = createHarness({ seed: 43 });
    expect((await other.run(other.load(uuids))).output).not.toEqual(a.output);
  });
});

describe("runs", () => {
  it("writes a run's history when it is first read, as the execution's own", async () => {
    const harness = createHarness();
    harness.mock.state("Charge").returns({ chargeId: "ch-1" });
    harness.mock.state("Ship").returns({ MessageId: "m-1" });
    const run = await harness.run(harness.load(order), { orderId: "o-1", amount: 5 });
    expect(run.history).toBe(run.execution.history());
    expect(run.history.map((event) => event.type)).toContain("ExecutionSucceeded");
    expect(run.visited).toBe(run.visited);
    expect(run).toMatchObject({ status: "SUCCEEDED", visited: ["Validate", "Charge", "Ship"] });
  });
});

describe("mocks", () => {
  it("answers by state name and records each call", async () => {
    const harness = createHarness();
    harness.mock.state("Charge").returns({ chargeId: "ch-1", extra: true });
    harness.mock.state("Ship").returns({ MessageId: "m-1" });
    const run = await harness.run(harness.load(order), { orderId: "o-1", amount: 5 });
    expect(run.output).toEqual({ orderId: "o-1", amount: 5, charge: { chargeId: "ch-1" } });
    expect(run.visited).toEqual(["Validate", "Charge", "Ship"]);
    expect(run.stateOutput("Charge")).toEqual({ orderId: "o-1", amount: 5, charge: { chargeId: "ch-1" } });
    expect(run.calls("Charge")).toMatchObject([
      {
        stateName: "Charge",
        resource: "arn:aws:states:::lambda:invoke",
        parameters: { orderId: "o-1", amount: 5 },
        attempt: 0,
        source: "mock",
      },
    ]);
    expect(harness.calls("arn:aws:states:::sqs:sendMessage").map((call) => call.stateName)).toEqual(["Ship"]);
  });

  it("uses one-time answers first, in order, then the default", async () => {
    const harness = createHarness();
    harness.mock.state("Only").returnsOnce(1).returnsOnce(2).returns(3);
    const machine = harness.load(single(task("arn:aws:states:::lambda:invoke")));
    const outputs = [];
    for (let i = 0; i < 4; i++) outputs.push((await harness.run(machine)).output);
    expect(outputs).toEqual([1, 2, 3, 3]);
  });

  it("fails a task with an error and cause that Retry and Catch see", async () => {
    const harness = createHarness();
    harness.mock.state("Only").failsOnce("Busy", "try later").fails("Card.Declined", "insufficient funds");
    const machine = harness.load({
      StartAt: "Only",
      States: {
        Only: task("arn:aws:states:::lambda:invoke", {
          Retry: [{ ErrorEquals: ["Busy"], MaxAttempts: 1 }],
          Catch: [{ ErrorEquals: ["Card.Declined"], Next: "Declined" }],
          End: true,
        }),
        Declined: { Type: "Pass", End: true },
      },
    });
    const run = await harness.run(machine, {});
    expect(run.output).toEqual({ Error: "Card.Declined", Cause: "insufficient funds" });
    expect(run.calls().map((call) => call.outcome)).toEqual([
      { kind: "failed", error: "Busy", cause: "try later" },
      { kind: "failed", error: "Card.Declined", cause: "insufficient funds" },
    ]);
  });

  it("times the task out when the mocked error is States.Timeout", async () => {
    const harness = createHarness();
    harness.mock.state("Only").fails("States.Timeout");
    const run = await harness.run(harness.load(single(task("arn:aws:states:::lambda:invoke"))));
    expect(run.error).toBe("States.Timeout");
    expect(run.history.map((event) => event.type)).toContain("TaskTimedOut");
  });

  it("computes answers with a handler; a thrown StatesError fails the task with its name, any other error as States.TaskFailed", async () => {
    const harness = createHarness();
    const machine = harness.load(
      single(task("arn:aws:states:::lambda:invoke", { Parameters: { "n.$": "$.n" } })),
    );
    harness.mock.state("Only").calls((parameters, request) => ({
      doubled: (parameters as { n: number }).n * 2,
      attempt: request.attempt,
    }));
    expect((await harness.run(machine, { n: 21 })).output).toEqual({ doubled: 42, attempt: 0 });
    harness.mock.state("Only").calls(() => {
      throw new StatesError("Inventory.Empty", "no stock");
    });
    expect((await harness.run(machine, { n: 1 })).result).toEqual({
      status: "FAILED",
      error: "Inventory.Empty",
      cause: "no stock",
    });
    harness.mock.state("Only").calls(async () => Promise.reject(new Error("socket hang up")));
    expect((await harness.run(machine, { n: 1 })).result).toEqual({
      status: "FAILED",
      error: "States.TaskFailed",
      cause: "socket hang up",
    });
  });

  it("prefers an input-matched mock, and a state mock over a Resource mock", async () => {
    const harness = createHarness();
    const machine = harness.load(
      single(task("arn:aws:states:::lambda:invoke", { Parameters: { "sku.$": "$.sku", qty: 1 } })),
    );
    harness.mock.resource("arn:aws:states:::lambda:invoke").returns("by resource");
    expect((await harness.run(machine, { sku: "a" })).output).toBe("by resource");
    harness.mock
      .resource("arn:aws:states:::lambda:invoke")
      .withInput({ sku: "b" })
      .returns("by resource and input");
    expect((await harness.run(machine, { sku: "b" })).output).toBe("by resource and input");
    harness.mock.state("Only").returns("by state");
    expect((await harness.run(machine, { sku: "b" })).output).toBe("by state");
    harness.mock
      .state("Only")
      .withInput((parameters) => (parameters as { sku: string }).sku === "c")
      .returns("by state and predicate");
    expect((await harness.run(machine, { sku: "c" })).output).toBe("by state and predicate");
    expect((await harness.run(machine, { sku: "a" })).output).toBe("by state");
  });

  it("lets a spent input-matched mock give way to a less specific one", async () => {
    const harness = createHarness();
    const machine = harness.load(single(task("arn:aws:states:::lambda:invoke")));
    harness.mock.state("Only").returns("default");
    harness.mock.state("Only").withInput({}).returnsOnce("first");
    expect((await harness.run(machine)).output).toBe("first");
    expect((await harness.run(machine)).output).toBe("default");
  });

  it("serves callback and .sync tasks as the MockConfigFile interceptor does: submitted, then the mocked result", async () => {
    const harness = createHarness();
    harness.mock.resource("arn:aws:states:::sqs:sendMessage").returns({ approved: true });
    harness.mock.resource("arn:aws:states:::ecs:runTask.sync").returns({ exitCode: 0 });
    const machine = harness.load({
      StartAt: "Approve",
      States: {
        Approve: task("arn:aws:states:::sqs:sendMessage.waitForTaskToken", {
          Parameters: { "token.$": "$$.Task.Token" },
          Next: "Job",
        }),
        Job: task("arn:aws:states:::ecs:runTask.sync", { End: true }),
      },
    });
    const run = await harness.run(machine);
    expect(run.output).toEqual({ exitCode: 0 });
    expect(run.stateOutput("Approve")).toEqual({ approved: true });
    expect(run.history.filter((event) => event.type === "TaskSubmitted")).toHaveLength(2);
    expect(run.calls("Approve")[0]?.taskToken).toBe(
      (run.calls("Approve")[0]?.parameters as { token: string }).token,
    );
  });

  it("matches a full Resource only for that integration pattern", async () => {
    const harness = createHarness();
    harness.mock.resource("arn:aws:states:::sqs:sendMessage.waitForTaskToken").returns("callback");
    const machine = harness.load(single(task("arn:aws:states:::sqs:sendMessage")));
    expect((await harness.run(machine)).error).toBe("States.Runtime");
  });

  it("hands the Tasks no mock answers to the registered integrations", async () => {
    const greeter: Integration = {
      resource: "arn:aws:states:::greeter:hello",
      patterns: ["request-response"],
      invoke: async (request) => Promise.resolve(`hello ${(request.parameters as { name: string }).name}`),
    };
    const harness = createHarness({ integrations: [greeter] });
    const machine = harness.load(
      single(task("arn:aws:states:::greeter:hello", { Parameters: { "name.$": "$.name" } })),
    );
    expect((await harness.run(machine, { name: "Ada" })).output).toBe("hello Ada");
    expect(harness.calls("Only")[0]?.source).toBe("integration");
    harness.mock.state("Only").returns("mocked");
    expect((await harness.run(machine, { name: "Ada" })).output).toBe("mocked");
  });
});

describe("a Task nobody mocked", () => {
  const guarded = {
    StartAt: "Charge",
    States: {
      Charge: task("arn:aws:states:::lambda:invoke", {
        Catch: [{ ErrorEquals: ["States.ALL"], Next: "Recover" }],
        End: true,
      }),
      Recover: { Type: "Pass", End: true },
    },
  };

  it("fails the execution with a message that names the state and Resource and shows the mock to add, past a Catch on States.ALL", async () => {
    const harness = createHarness();
    const run = await harness.run(harness.load(guarded));
    expect(run.result).toEqual({
      status: "FAILED",
      error: "States.Runtime",
      cause: `Task state 'Charge' (arn:aws:states:::lambda:invoke) has no mock. Add one: harness.mock.state("Charge").returns({...})`,
    });
    expect(run.visited).toEqual(["Charge"]);
    expect(run.calls()[0]?.source).toBe("unmocked");
  });

  it("says so when the state has mocks but none answers this call", async () => {
    const harness = createHarness();
    harness.mock.state("Charge").withInput({ orderId: "o-2" }).returns({});
    const run = await harness.run(harness.load(guarded), { orderId: "o-1" });
    expect(run.cause).toBe(
      `Task state 'Charge' (arn:aws:states:::lambda:invoke) has no mock for this call: its mocks expect other input or have used up their one-time answers (invocation 0, parameters {"orderId":"o-1"}). Add one: harness.mock.state("Charge").returns({...})`,
    );
  });
});

describe("MockConfigFile", () => {
  const config = {
    StateMachines: {
      Orders: {
        TestCases: {
          HappyPath: { Charge: "ChargeOk", Ship: "ShipOk" },
          Declined: { Charge: "ChargeDeclined" },
        },
      },
    },
    MockedResponses: {
      ChargeOk: { "0": { Return: { chargeId: "ch-file" } } },
      ChargeDeclined: { "0": { Throw: { Error: "Card.Declined", Cause: "no funds" } } },
      ShipOk: { "0": { Return: {} } },
    },
  };

  it("serves a test case loaded from an object, a file path, a file URL or JSON text", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stepwise-harness-"));
    const file = join(dir, "MockConfigFile.json");
    writeFileSync(file, JSON.stringify(config));
    for (const source of [config, file, pathToFileURL(file), JSON.stringify(config)]) {
      const harness = createHarness();
      harness.loadMockConfig(source, "HappyPath");
      const run = await harness.run(harness.load(order, { name: "Orders" }), { orderId: "o-1", amount: 5 });
      expect(run.output).toEqual({ orderId: "o-1", amount: 5, charge: { chargeId: "ch-file" } });
      expect(run.calls().map((call) => call.source)).toEqual(["mock-config", "mock-config"]);
    }
  });

  it("lets harness mocks win over the file, and the file's failures reach the execution", async () => {
    const harness = createHarness();
    harness.loadMockConfig(config, "Declined", "Orders");
    const machine = harness.load(order);
    expect((await harness.run(machine, { orderId: "o-1", amount: 5 })).result).toEqual({
      status: "FAILED",
      error: "Card.Declined",
      cause: "no funds",
    });
    harness.mock.state("Charge").returns({ chargeId: "ch-mock" });
    harness.mock.state("Ship").returns({});
    expect((await harness.run(machine, { orderId: "o-1", amount: 5 })).output).toMatchObject({
      charge: { chargeId: "ch-mock" },
    });
  });

  it("names a missing test case", () => {
    expect(() => {
      createHarness().loadMockConfig(config, "Nope");
    }).toThrow(
      new MockConfigError("State machine 'Orders' has no test case 'Nope' (it has: HappyPath, Declined)."),
    );
  });
});

describe("lifecycle", () => {
  it("forgets mocks, MockConfigFiles and calls on reset", async () => {
    const harness = createHarness();
    const machine = harness.load(single(task("arn:aws:states:::lambda:invoke")));
    const builder = harness.mock.state("Only").returns("mocked");
    await harness.run(machine);
    harness.reset();
    expect(harness.calls()).toEqual([]);
    expect((await harness.run(machine)).error).toBe("States.Runtime");
    builder.returns("again");
    expect((await harness.run(machine)).output).toBe("again");
  });

  it("stops running executions on dispose and starts no more", async () => {
    const harness = createHarness({ time: "manual" });
    const machine = harness.load(single({ Type: "Wait", Seconds: 60 }));
    const execution = harness.start(machine);
    harness.dispose();
    expect(await execution.settled()).toMatchObject({ status: "ABORTED" });
    expect(() => harness.start(machine)).toThrow(HarnessError);
  });

  it("rejects run() when the execution waits for a callback nothing will send", async () => {
    const queue: Integration = {
      resource: "arn:aws:states:::sqs:sendMessage",
      patterns: ["wait-for-task-token"],
      invoke: async () => Promise.resolve({}),
    };
    const harness = createHarness({ integrations: [queue] });
    const machine = harness.load(
      single(
        task("arn:aws:states:::sqs:sendMessage.waitForTaskToken", { Parameters: { "t.$": "$$.Task.Token" } }),
      ),
    );
    await expect(harness.run(machine, {}, { name: "waiting" })).rejects.toThrow(
      "harness.run(): the execution 'waiting' cannot finish on its own: Task state 'Only' waits for a task token callback and nothing else is pending. Mock the state, or use harness.start() and harness.runtime.sendTaskSuccess(token, output).",
    );
  });

  it("lets a test answer a callback itself after start()", async () => {
    const queue: Integration = {
      resource: "arn:aws:states:::sqs:sendMessage",
      patterns: ["wait-for-task-token"],
      invoke: async () => Promise.resolve({}),
    };
    const harness = createHarness({ integrations: [queue] });
    const machine = harness.load(
      single(
        task("arn:aws:states:::sqs:sendMessage.waitForTaskToken", { Parameters: { "t.$": "$$.Task.Token" } }),
      ),
    );
    const execution = harness.start(machine);
    await harness.clock.runUntilIdle();
    harness.runtime.sendTaskSuccess(harness.calls("Only")[0]!.taskToken!, '{"approved":true}');
    expect(await execution.settled()).toEqual({ status: "SUCCEEDED", output: { approved: true } });
  });
});
