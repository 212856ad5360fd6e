import { describe, expect, it } from "vitest";
import { DefinitionError } from "../src/index.js";
import { testRuntime } from "./support.js";

const charge = {
  Type: "Task",
  Resource: "arn:aws:states:::lambda:invoke",
  InputPath: "$.order",
  Parameters: { FunctionName: "charge", "Payload.$": "$" },
  ResultSelector: { "chargeId.$": "$.Payload.id" },
  ResultPath: "$.charge",
  Retry: [
    { ErrorEquals: ["Lambda.TooManyRequestsException"], IntervalSeconds: 2, BackoffRate: 3, MaxAttempts: 2 },
  ],
  Catch: [{ ErrorEquals: ["Declined"], ResultPath: "$.error", Next: "Refund" }],
  Next: "Ship",
};

describe("runtime.testState", () => {
  it("runs a Task with a mocked result and shows each step of its data flow", async () => {
    const result = await testRuntime().testState(charge, {
      input: { order: { id: 7, total: 12 } },
      mock: { result: { StatusCode: 200, Payload: { id: "ch_1" } } },
    });
    expect(result).toEqual({
      status: "SUCCEEDED",
      output: { order: { id: 7, total: 12 }, charge: { chargeId: "ch_1" } },
      nextState: "Ship",
      inspectionData: {
        input: { order: { id: 7, total: 12 } },
        afterInputPath: { id: 7, total: 12 },
        afterParameters: { FunctionName: "charge", Payload: { id: 7, total: 12 } },
        result: { StatusCode: 200, Payload: { id: "ch_1" } },
        afterResultSelector: { chargeId: "ch_1" },
        afterResultPath: { order: { id: 7, total: 12 }, charge: { chargeId: "ch_1" } },
      },
    });
  });

  it("answers RETRIABLE with the retrier and its back-off when a retrier matches", async () => {
    const result = await testRuntime().testState(charge, {
      input: { order: {} },
      mock: { errorOutput: { error: "Lambda.TooManyRequestsException", cause: "slow down" } },
    });
    expect(result).toMatchObject({
      status: "RETRIABLE",
      error: "Lambda.TooManyRequestsException",
      cause: "slow down",
      inspectionData: { errorDetails: { retryIndex: 0, retryBackoffIntervalSeconds: 2 } },
    });
  });

  it("answers CAUGHT_ERROR with the catcher's next state and output", async () => {
    const result = await testRuntime().testState(charge, {
      input: { order: {} },
      mock: { errorOutput: { error: "Declined", cause: "no funds" } },
    });
    expect(result).toMatchObject({
      status: "CAUGHT_ERROR",
      nextState: "Refund",
      error: "Declined",
      cause: "no funds",
      output: { order: {}, error: { Error: "Declined", Cause: "no funds" } },
      inspectionData: { errorDetails: { catchIndex: 0 } },
    });
  });

  it("answers FAILED for an error nothing handles", async () => {
    await expect(testRuntime().testState(charge, { input: {}, mock: { result: {} } })).resolves.toMatchObject(
      {
        status: "FAILED",
        error: "States.Runtime",
        cause:
          "An error occurred while executing the state 'TestState' (entered at the event id #2). Invalid path '$.order' : No results for path: $['order']",
      },
    );
  });

  it("tests one state of a whole machine with variables and a context, and shows what it assigned", async () => {
    const machine = {
      QueryLanguage: "JSONata",
      StartAt: "First",
      States: {
        First: { Type: "Pass", Next: "Greet" },
        Greet: {
          Type: "Pass",
          Output: { greeting: "{% 'Hello ' & $name & ' from ' & $states.context.Execution.Name %}" },
          Assign: { greeted: "{% $name %}" },
          End: true,
        },
      },
    };
    const result = await testRuntime().testState(machine, {
      stateName: "Greet",
      variables: { name: "Ada" },
      context: { Execution: { Name: "run-42" } },
    });
    expect(result).toEqual({
      status: "SUCCEEDED",
      output: { greeting: "Hello Ada from run-42" },
      inspectionData: { input: {}, variables: { greeted: "Ada" } },
    });
  });

  it("reads a member of $$ as the whole context object has it, overrides included", async () => {
    // The members are read before the whole object (built once read, then kept): each is built alone.
    const result = await testRuntime().testState(
      {
        Type: "Pass",
        Parameters: {
          "execution.$": "$$.Execution",
          "name.$": "$$.Execution.Name",
          "state.$": "$$.State",
          "machine.$": "$$.StateMachine.Name",
          "flag.$": "$$.Custom.Flag",
          "whole.$": "$$",
        },
        End: true,
      },
      { input: {}, context: { Execution: { Name: "run-42" }, Custom: { Flag: true } } },
    );
    const output = result.output as Record<string, Record<string, Record<string, unknown>>>;
    const whole = output["whole"]!;
    expect(output["execution"]).toEqual(whole["Execution"]);
    expect(output["name"]).toBe("run-42");
    expect(output["state"]).toEqual(whole["State"]);
    expect(output["machine"]).toBe(whole["StateMachine"]!["Name"]);
    expect(output["flag"]).toBe(true);
  });

  it("reports an invalid state definition as a DefinitionError", async () => {
    await expect(testRuntime().testState({ Type: "Pass", Next: "X", End: true })).rejects.toBeInstanceOf(
      DefinitionError,
    );
  });
});
