/**
 * One state in isolation, like the AWS TestState API: the state runs once on
 * the given input (with an optional mocked task result or error, context and
 * variables) and the answer says how it ended — SUCCEEDED (with its output
 * and next state), FAILED, RETRIABLE (a retrier would run it again) or
 * CAUGHT_ERROR (a catcher handled the error) — with what it did to its data
 * at each step.
 *
 * The state runs inside a one-state machine whose transition targets are
 * terminal stand-ins, on a virtual clock, and the run stops as soon as the
 * state has been left or will be retried.
 */
import { virtualClock } from "./clock.js";
import type { Diagnostic } from "./definition/diagnostics.js";
import { DefinitionError, StatesErrorName } from "./errors.js";
import { Execution } from "./execution/execution.js";
import type { ExecutionEnvironment } from "./execution/execution.js";
import type { InspectionKey, Inspector } from "./execution/inspection.js";
import { newExecutionState } from "./execution/new-execution.js";
import type { TaskInterceptor } from "./integrations/types.js";
import type { JsonObject, JsonValue } from "./json.js";
import { cloneJson, isJsonObject, setOwn } from "./json.js";
import type { StateMachine } from "./runtime.js";

export interface TestStateOptions {
  readonly input?: JsonValue;
  /** When the definition is a whole state machine: the state to test (default: its StartAt). */
  readonly stateName?: string;
  /** The task's answer instead of calling its integration: a result, or an error. */
  readonly mock?:
    | { readonly result: JsonValue }
    | { readonly errorOutput: { readonly error: string; readonly cause?: string } };
  /** Fields of the context object `$$` (`Execution`, `State`, `Task`, …), merged over the made-up ones. */
  readonly context?: JsonObject;
  /** Workflow variables the state can read. */
  readonly variables?: JsonObject;
}

export type TestStateStatus = "SUCCEEDED" | "FAILED" | "RETRIABLE" | "CAUGHT_ERROR";

export interface TestStateResult {
  readonly status: TestStateStatus;
  readonly output?: JsonValue;
  readonly nextState?: string;
  readonly error?: string;
  readonly cause?: string;
  readonly inspectionData: InspectionData;
}

export type InspectionData = { readonly input: JsonValue } & Partial<Record<InspectionKey, JsonValue>> & {
    /** Variables after the state, when it assigned any. */
    readonly variables?: JsonObject;
    readonly errorDetails?: {
      readonly retryIndex?: number;
      readonly retryBackoffIntervalSeconds?: number;
      readonly catchIndex?: number;
    };
  };

/** What the runtime gives testState: how it loads a machine and what its executions need. */
export interface TestStateHost {
  load(definition: object, name: string, mockedStates: ReadonlySet<string>): StateMachine;
  readonly env: ExecutionEnvironment;
  readonly account: string;
  readonly region: string;
}

const STANDALONE_NAME = "TestState";

export async function runTestState(
  host: TestStateHost,
  definition: string | object,
  options: TestStateOptions = {},
): Promise<TestStateResult> {
  const parsed = typeof definition === "string" ? parseJson(definition) : definition;
  const { machineDefinition, stateName } = isolate(parsed, options.stateName);
  const machine = host.load(
    machineDefinition,
    STANDALONE_NAME,
    options.mock ? new Set([stateName]) : new Set(),
  );
  const input = cloneJson(options.input ?? {});

  const inspection: Record<string, JsonValue> = { input };
  const errorDetails: { retryIndex?: number; retryBackoffIntervalSeconds?: number; catchIndex?: number } = {};
  let retriable = false;
  // The inspector stops the execution it watches; it exists before the execution does.
  const running: { execution?: Execution } = {};
  const inspector: Inspector = {
    value: (key, value) => {
      inspection[key] = value;
    },
    retry: (retryIndex, seconds) => {
      errorDetails.retryIndex = retryIndex;
      errorDetails.retryBackoffIntervalSeconds = seconds;
      retriable = true;
      running.execution?.stop();
    },
    caught: (catchIndex) => {
      errorDetails.catchIndex = catchIndex;
    },
  };

  let left: { output: JsonValue; variables?: JsonObject } | undefined;
  let nextState: string | undefined;
  const observe = (event: ReturnType<Execution["history"]>[number], running: Execution): void => {
    const details =
      Object.values(event).find((value): value is JsonObject => isJsonObject(value as JsonValue)) ?? {};
    if (!left && event.type.endsWith("StateExited") && details["name"] === stateName) {
      left = { output: JSON.parse(details["output"] as string) as JsonValue };
      const assigned = details["assignedVariables"];
      if (isJsonObject(assigned ?? null)) left.variables = parseAssigned(assigned as JsonObject);
    } else if (left && nextState === undefined && event.type.endsWith("StateEntered")) {
      nextState = details["name"] as string;
      running.stop();
    }
  };

  const clock = virtualClock({ start: host.env.clock.now() });
  const interceptors: readonly TaskInterceptor[] = options.mock
    ? [mockFor(stateName, options.mock), ...host.env.interceptors]
    : host.env.interceptors;
  const env: ExecutionEnvironment = Object.assign({}, host.env, {
    clock,
    interceptors,
    observers: [observe],
    inspector,
  });
  const state = newExecutionState({
    compiled: machine.compiled,
    stateMachineName: machine.name,
    stateMachineArn: machine.arn,
    name: STANDALONE_NAME,
    input,
    roleArn: undefined,
    region: host.region,
    account: host.account,
    now: clock.now(),
    historyLimit: Number.MAX_SAFE_INTEGER,
    ...(options.variables ? { variables: cloneJson(options.variables) } : {}),
    ...(options.context ? { contextOverrides: cloneJson(options.context) } : {}),
  });
  const execution = new Execution(machine.compiled, state, [], env);
  running.execution = execution;
  execution.begin();
  const settled = await execution.settled();

  const base = {
    inspectionData: Object.assign(
      {},
      inspection,
      left?.variables ? { variables: left.variables } : {},
      Object.keys(errorDetails).length ? { errorDetails } : {},
    ) as InspectionData,
  };
  if (retriable) return { status: "RETRIABLE", ...errorOf(execution), ...base };
  if (left) {
    const caught = errorDetails.catchIndex !== undefined;
    return {
      status: caught ? "CAUGHT_ERROR" : "SUCCEEDED",
      output: left.output,
      ...(nextState === undefined ? {} : { nextState }),
      ...(caught ? errorOf(execution) : {}),
      ...base,
    };
  }
  if (settled.status === "SUCCEEDED") return { status: "SUCCEEDED", output: settled.output, ...base };
  return {
    status: "FAILED",
    ...(settled.error === undefined ? {} : { error: settled.error }),
    ...(settled.cause === undefined ? {} : { cause: settled.cause }),
    ...base,
  };
}

/** A one-state machine: the state under test, and a terminal stand-in for every state it can go to. */
function isolate(
  definition: object,
  wanted: string | undefined,
): { machineDefinition: JsonObject; stateName: string } {
  const given = definition as JsonObject;
  const isMachine = isJsonObject(given["States"] ?? null);
  const states = isMachine ? (given["States"] as JsonObject) : { [STANDALONE_NAME]: given };
  const startAt = given["StartAt"];
  const stateName = wanted ?? (isMachine && typeof startAt === "string" ? startAt : STANDALONE_NAME);
  const state = states[stateName];
  if (!isJsonObject(state ?? null)) {
    throw new DefinitionError([
      problem(`The state '${stateName}' is not in the definition.`, isMachine ? "/States" : ""),
    ]);
  }
  const machineStates: JsonObject = {};
  for (const target of transitionTargets(state as JsonObject)) {
    if (target !== stateName) setOwn(machineStates, target, { Type: "Succeed" });
  }
  setOwn(machineStates, stateName, state!);
  const machineDefinition: JsonObject = { StartAt: stateName, States: machineStates };
  if (isMachine && given["QueryLanguage"] !== undefined)
    machineDefinition["QueryLanguage"] = given["QueryLanguage"];
  return { machineDefinition, stateName };
}

function transitionTargets(state: JsonObject): string[] {
  const targets: string[] = [];
  const add = (value: JsonValue | undefined): void => {
    if (typeof value === "string") targets.push(value);
  };
  add(state["Next"]);
  add(state["Default"]);
  for (const list of [state["Choices"], state["Catch"]]) {
    if (Array.isArray(list)) for (const item of list) if (isJsonObject(item)) add(item["Next"]);
  }
  return targets;
}

/** The tested state's task answers with the mock, after the service accepted a callback or .sync request. */
function mockFor(stateName: string, mock: NonNullable<TestStateOptions["mock"]>): TaskInterceptor {
  return async (request, context, next) => {
    if (request.stateName !== stateName) return next();
    if (request.resource.pattern !== "request-response") context.submitted({});
    if ("result" in mock) return { kind: "succeeded", output: mock.result };
    const { error, cause } = mock.errorOutput;
    if (error === StatesErrorName.Timeout) return { kind: "timed-out" };
    return { kind: "failed", error, ...(cause === undefined ? {} : { cause }) };
  };
}

function errorOf(execution: Execution): { error?: string; cause?: string } {
  for (const event of [...execution.history()].reverse()) {
    const details = Object.values(event).find(
      (value): value is JsonObject => isJsonObject(value as JsonValue) && "error" in (value as JsonObject),
    );
    if (details) {
      return Object.assign(
        {},
        typeof details["error"] === "string" ? { error: details["error"] } : {},
        typeof details["cause"] === "string" ? { cause: details["cause"] } : {},
      );
    }
  }
  return {};
}

function parseAssigned(assigned: JsonObject): JsonObject {
  const variables: JsonObject = {};
  for (const [name, text] of Object.entries(assigned))
    setOwn(variables, name, JSON.parse(text as string) as JsonValue);
  return variables;
}

function parseJson(text: string): object {
  try {
    return JSON.parse(text) as object;
  } catch (error) {
    throw new DefinitionError([
      {
        severity: "error",
        code: "INVALID_JSON_DESCRIPTION",
        message: (error as Error).message,
        location: "",
      },
    ]);
  }
}

function problem(message: string, location: string): Diagnostic {
  return { severity: "error", code: "SCHEMA_VALIDATION_FAILED", message, location };
}
