/**
 * Local Lambda functions: JavaScript handlers serving Task states whose
 * Resource is a Lambda function ARN (`LambdaFunction…` history events) and
 * `arn:aws:states:::lambda:invoke` tasks (`Task…` events, AWS's Invoke
 * response), failing with the error names and causes AWS records.
 */
import { StatesError, StatesErrorName } from "../errors.js";
import type { JsonObject, JsonValue } from "../json.js";
import { getOwn, isJsonObject } from "../json.js";
import type { CauseStyle } from "./lambda-errors.js";
import { functionFailure, functionNotFound, serviceFailure } from "./lambda-errors.js";
import type { InvocationResult, InvocationSetup, LambdaHandler } from "./lambda-invocation.js";
import { runDetached, runInvocation } from "./lambda-invocation.js";
import type { FunctionRef, FunctionTable, FunctionTarget } from "./lambda-names.js";
import { createFunctionTable, functionArn, parseFunctionName } from "./lambda-names.js";
import { invokePayloadText } from "./lambda-payload.js";
import { invokeResponse, traceHeader } from "./lambda-response.js";
import type { Integration, TaskContext, TaskRequest } from "./types.js";

export interface LambdaFunctionsOptions {
  /**
   * The functions' own timeout (Lambda's `Timeout` setting) in seconds, on
   * the runtime's clock: a handler that settles at or after it fails the
   * task with `Lambda.Unknown`, as Lambda reports a timed-out function.
   * Checked when the handler settles (a handler that never settles is ended
   * by the task's TimeoutSeconds). Default 900, Lambda's maximum.
   */
  readonly timeoutSeconds?: number;
  /** `context.memoryLimitInMB` (default 128). */
  readonly memorySizeMB?: number;
  /**
   * Whether error causes list the handler's stack frames, as Lambda's do
   * (default true). Turn off for causes that do not depend on file paths.
   */
  readonly stackTrace?: boolean;
}

interface Settings {
  readonly timeoutSeconds: number;
  readonly memorySizeMB: number;
  readonly stackTrace: boolean;
}

// AWS's maximum function timeout, and its default memory size.
const MAX_TIMEOUT_SECONDS = 900;
const DEFAULT_MEMORY_MB = 128;
const INVOKE_RESOURCE = /^arn:aws[a-z-]*:states:[a-z0-9-]*:\d*:lambda:invoke$/;
const EXECUTION_PLACE = /^arn:aws[a-z-]*:states:([a-z0-9-]*):(\d*):/;
const INVOCATION_TYPES = ["RequestResponse", "Event", "DryRun"] as const;

/**
 * Serves Lambda functions with local handlers, keyed by function name,
 * `name:alias` (or version), or function ARN. Returns two integrations: one
 * for Task resources that are function ARNs of these functions, one for
 * `arn:aws:states:::lambda:invoke` (and `.waitForTaskToken`) whose
 * `FunctionName` names one of them.
 *
 * A handler gets its event as a private copy of the JSON and a Lambda-like
 * context; its return value is written as JSON as Lambda does (undefined is
 * null, a Date its ISO text). A thrown Error fails the task with its `name`
 * as the ASL error and Lambda's error document as the cause; a thrown
 * `StatesError` fails it with exactly its name and cause (to stand for a
 * Lambda service error such as `Lambda.TooManyRequestsException`).
 *
 * @example
 * const runtime = createRuntime({
 *   integrations: lambdaFunctions({
 *     greet: (event) => ({ greeting: `Hello, ${String((event as { name: string }).name)}` }),
 *   }),
 * });
 * const machine = runtime.load({
 *   StartAt: "Greet",
 *   States: { Greet: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:111111111111:function:greet", End: true } },
 * });
 * await runtime.start(machine, { input: { name: "Ada" } }).settled(); // { status: "SUCCEEDED", output: { greeting: "Hello, Ada" } }
 */
export function lambdaFunctions(
  handlers: Readonly<Record<string, LambdaHandler>>,
  options: LambdaFunctionsOptions = {},
): Integration[] {
  const settings: Settings = {
    timeoutSeconds: positive(options.timeoutSeconds ?? MAX_TIMEOUT_SECONDS, "timeoutSeconds"),
    memorySizeMB: positive(options.memorySizeMB ?? DEFAULT_MEMORY_MB, "memorySizeMB"),
    stackTrace: options.stackTrace ?? true,
  };
  const table = createFunctionTable(handlers);
  return [functionArnIntegration(table, settings), invokeIntegration(table, settings)];
}

function positive(value: number, option: string): number {
  if (!Number.isFinite(value) || value <= 0)
    throw new RangeError(`The ${option} option must be a positive number, but was ${value}.`);
  return value;
}

function functionArnIntegration(table: FunctionTable<LambdaHandler>, settings: Settings): Integration {
  return {
    resource: table.resourcePattern,
    patterns: ["request-response"],
    async invoke(request, context) {
      const requestId = context.random.uuid();
      const target = parseFunctionName(request.resource.arn);
      const handler = target && table.find(target);
      if (!target || !handler) throw functionNotFound(qualifiedArn(request.resource.arn, target), requestId);
      const eventText = JSON.stringify(request.parameters);
      const call = { handler, target, invokedFunctionArn: request.resource.arn, eventText, requestId };
      const result = await runInvocation(setupFor(call, request, context, settings));
      if (result.ok) return JSON.parse(result.payloadText) as JsonValue;
      throw failureOf(result, "function-arn");
    },
  };
}

function invokeIntegration(table: FunctionTable<LambdaHandler>, settings: Settings): Integration {
  return {
    resource: INVOKE_RESOURCE,
    patterns: ["request-response", "wait-for-task-token"],
    async invoke(request, context) {
      const requestId = context.random.uuid();
      const parameters = isJsonObject(request.parameters) ? request.parameters : {};
      const target = invokeTarget(parameters, request, requestId);
      const invocationType = invocationTypeOf(parameters, requestId);
      const handler = table.find(target);
      if (!handler) {
        const latest = functionArn(Object.assign({}, target, { qualifier: target.qualifier ?? "$LATEST" }));
        throw functionNotFound(latest, requestId);
      }
      const eventText = invokePayloadText(parameters);
      const call = { handler, target, invokedFunctionArn: functionArn(target), eventText, requestId };
      const setup = setupFor(call, request, context, settings);
      const respond = (statusCode: number, payloadText: string, executedVersion?: string): JsonObject => {
        const now = context.clock.now();
        return invokeResponse({
          requestId,
          statusCode,
          payloadText,
          now,
          traceId: traceHeader(now, context.random),
          ...(executedVersion === undefined ? {} : { executedVersion }),
        });
      };
      switch (invocationType) {
        case "DryRun":
          return respond(204, "");
        case "Event":
          // Lambda queues the event and answers at once; the function runs apart from the task.
          runDetached(
            Object.assign({}, setup, { signal: new AbortController().signal, taskTimeoutSeconds: undefined }),
          );
          return respond(202, "");
        case "RequestResponse": {
          const result = await runInvocation(setup);
          if (!result.ok) throw failureOf(result, "invoke");
          return respond(200, result.payloadText, setup.functionVersion);
        }
      }
    },
  };
}

/** The function a `lambda:invoke` task names: `FunctionName` (name, partial or full ARN), then `Qualifier`. */
function invokeTarget(parameters: JsonObject, request: TaskRequest, requestId: string): FunctionTarget {
  const functionName = getOwn(parameters, "FunctionName");
  if (typeof functionName !== "string") {
    throw new StatesError(
      StatesErrorName.Runtime,
      `The lambda:invoke task of state '${request.stateName}' needs a FunctionName string (a function name or ARN), but got ${JSON.stringify(functionName ?? null)}.`,
    );
  }
  const ref = parseFunctionName(functionName);
  if (!ref) {
    throw serviceFailure(
      "ValidationException",
      400,
      `1 validation error detected: Value '${functionName}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?`,
      requestId,
    );
  }
  const qualifierParameter = getOwn(parameters, "Qualifier");
  const qualifier = typeof qualifierParameter === "string" ? qualifierParameter : undefined;
  if (qualifier !== undefined && ref.qualifier !== undefined && qualifier !== ref.qualifier) {
    throw serviceFailure(
      "InvalidParameterValueException",
      400,
      "The derived qualifier from the function name does not match the specified qualifier.",
      requestId,
    );
  }
  const place = EXECUTION_PLACE.exec(request.executionArn);
  const effectiveQualifier = qualifier ?? ref.qualifier;
  return {
    name: ref.name,
    region: ref.region ?? place?.[1] ?? "",
    account: ref.account ?? place?.[2] ?? "",
    ...(effectiveQualifier === undefined ? {} : { qualifier: effectiveQualifier }),
  };
}

function invocationTypeOf(parameters: JsonObject, requestId: string): (typeof INVOCATION_TYPES)[number] {
  const value = getOwn(parameters, "InvocationType") ?? "RequestResponse";
  const known = INVOCATION_TYPES.find((type) => type === value);
  if (known) return known;
  throw serviceFailure(
    "ValidationException",
    400,
    `1 validation error detected: Value '${typeof value === "string" ? value : JSON.stringify(value)}' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]`,
    requestId,
  );
}

/** One call of a handler, as an integration resolved it. */
interface Call {
  readonly handler: LambdaHandler;
  readonly target: FunctionRef;
  readonly invokedFunctionArn: string;
  readonly eventText: string;
  readonly requestId: string;
}

function setupFor(
  call: Call,
  request: TaskRequest,
  context: TaskContext,
  settings: Settings,
): InvocationSetup {
  const qualifier = call.target.qualifier;
  return {
    handler: call.handler,
    eventText: call.eventText,
    functionName: call.target.name,
    // Aliases are not modelled: an alias or $LATEST runs as $LATEST.
    functionVersion: qualifier !== undefined && /^\d+$/.test(qualifier) ? qualifier : "$LATEST",
    invokedFunctionArn: call.invokedFunctionArn,
    requestId: call.requestId,
    clock: context.clock,
    signal: context.signal,
    taskTimeoutSeconds: request.timeoutSeconds,
    functionTimeoutSeconds: settings.timeoutSeconds,
    memorySizeMB: settings.memorySizeMB,
    stackTrace: settings.stackTrace,
  };
}

function failureOf(result: Extract<InvocationResult, { ok: false }>, style: CauseStyle): StatesError {
  return result.failure instanceof StatesError ? result.failure : functionFailure(result.failure, style);
}

function qualifiedArn(arn: string, target: FunctionRef | undefined): string {
  return target?.qualifier === undefined ? `${arn}:$LATEST` : arn;
}
