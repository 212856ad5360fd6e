import { describe, expect, it } from "vitest";
import { createRuntime, seededRandom, virtualClock } from "../src/index.js";

const START = Date.UTC(2024, 0, 1);

function runtime() {
  return createRuntime({ clock: virtualClock({ start: START }), random: seededRandom(1) });
}

describe("engine", () => {
  it("runs a chain of Pass states with Parameters and ResultPath", async () => {
    const rt = runtime();
    const machine = rt.load({
      StartAt: "A",
      States: {
        A: { Type: "Pass", Parameters: { "v.$": "$.x" }, ResultPath: "$.a", Next: "B" },
        B: { Type: "Pass", Result: { done: true }, ResultPath: "$.b", End: true },
      },
    });
    const execution = rt.start(machine, { input: { x: 1 } });
    await expect(execution.settled()).resolves.toEqual({
      status: "SUCCEEDED",
      output: { x: 1, a: { v: 1 }, b: { done: true } },
    });
    expect(execution.history().map((e) => e.type)).toEqual([
      "ExecutionStarted",
      "PassStateEntered",
      "PassStateExited",
      "PassStateEntered",
      "PassStateExited",
      "ExecutionSucceeded",
    ]);
  });

  it("waits on the virtual clock and resumes a snapshot taken during the wait in a fresh runtime", async () => {
    const definition = {
      StartAt: "W",
      States: { W: { Type: "Wait", Seconds: 3600, Next: "P" }, P: { Type: "Pass", End: true } },
    };
    const clock = virtualClock({ start: START, autoAdvance: false });
    const first = createRuntime({ clock, random: seededRandom(1) });
    const execution = first.start(first.load(definition), { input: { n: 1 } });
    expect(execution.status).toBe("RUNNING");
    const snapshot = JSON.parse(JSON.stringify(execution.snapshot())) as ReturnType<
      typeof execution.snapshot
    >;

    const second = createRuntime({ clock: virtualClock({ start: START }), random: seededRandom(1) });
    const resumed = second.resume(second.load(definition), snapshot);
    await expect(resumed.settled()).resolves.toEqual({ status: "SUCCEEDED", output: { n: 1 } });
    expect(resumed.history().map((e) => e.type)).toEqual([
      "ExecutionStarted",
      "WaitStateEntered",
      "WaitStateExited",
      "PassStateEntered",
      "PassStateExited",
      "ExecutionSucceeded",
    ]);
    expect(resumed.history()[2]!.timestamp).toBe(new Date(START + 3_600_000).toISOString());
  });

  it("runs a Map and a Parallel", async () => {
    const rt = runtime();
    const machine = rt.load({
      StartAt: "M",
      States: {
        M: {
          Type: "Map",
          ItemProcessor: {
            StartAt: "I",
            States: { I: { Type: "Pass", Parameters: { "v.$": "$" }, End: true } },
          },
          Next: "P",
        },
        P: {
          Type: "Parallel",
          Branches: [
            { StartAt: "B1", States: { B1: { Type: "Pass", End: true } } },
            { StartAt: "B2", States: { B2: { Type: "Wait", Seconds: 5, End: true } } },
          ],
          End: true,
        },
      },
    });
    const result = await rt.start(machine, { input: [1, 2] }).settled();
    expect(result).toEqual({
      status: "SUCCEEDED",
      output: [
        [{ v: 1 }, { v: 2 }],
        [{ v: 1 }, { v: 2 }],
      ],
    });
  });

  it("shows the role an execution runs as in $$.Execution.RoleArn, a made-up one by default", async () => {
    const rt = runtime();
    const machine = rt.load({
      StartAt: "Role",
      States: { Role: { Type: "Pass", Parameters: { "role.$": "$$.Execution.RoleArn" }, End: true } },
    });
    await expect(rt.start(machine).settled()).resolves.toEqual({
      status: "SUCCEEDED",
      output: { role: "arn:aws:iam::111111111111:role/StepwiseExecutionRole" },
    });
    const roleArn = "arn:aws:iam::111111111111:role/OrderProcessing";
    await expect(rt.start(machine, { roleArn }).settled()).resolves.toEqual({
      status: "SUCCEEDED",
      output: { role: roleArn },
    });
  });
});
