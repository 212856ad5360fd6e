/**
 * The async side of a Task attempt: run the interceptors and the
 * integration, and turn whatever happens (a result, a StatesError, any other
 * exception, an abort) into a TaskOutcome. Nothing here can reject.
 */
import type { Clock } from "../clock.js";
import { StatesError, StatesErrorName } from "../errors.js";
import type { IntegrationRegistry } from "../integrations/registry.js";
import type { TaskContext, TaskInterceptor, TaskOutcome, TaskRequest } from "../integrations/types.js";
import type { JsonValue } from "../json.js";
import { toJsonValue } from "../json.js";
import type { Random } from "../random.js";

export interface TaskDriverHooks {
  /** The attempt's AbortSignal, made only if the integration reads `context.signal`. */
  readonly attempt: { readonly signal: AbortSignal };
  readonly heartbeat: () => void;
  readonly submitted: (output: JsonValue) => void;
  readonly started: (workerName?: string) => void;
}

export async function driveTask(
  invocation: TaskRequest,
  clock: Clock,
  random: Random,
  registry: IntegrationRegistry,
  interceptors: readonly TaskInterceptor[],
  hooks: TaskDriverHooks,
): Promise<TaskOutcome> {
  const context = new AttemptContext(hooks, clock, random, invocation);
  // Like a real service, user code gets its own copy of the parameters and
  // keeps none of the result: the execution's payloads are never mutated
  // (its history refers to them), whatever a handler does with its objects.
  const sent = requestOf(invocation);
  try {
    const outcome =
      interceptors.length === 0
        ? await callIntegration(sent, context, registry)
        : await interceptors.reduceRight<() => Promise<TaskOutcome>>(
            (next, interceptor) => () => interceptor(sent, context, next),
            () => callIntegration(sent, context, registry),
          )();
    if (outcome.kind !== "succeeded" && outcome.kind !== "submitted") return outcome;
    return { kind: outcome.kind, output: toJsonValue(outcome.output) };
  } catch (error) {
    return outcomeOfError(error);
  }
}

/**
 * The request an integration gets: the invocation, with its own copy of the
 * parameters. Every field written out, so that requests share one shape
 * (`Object.assign` from two sources copied them key by key through a slow
 * builtin: 7 % of a run of short Task executions); `satisfies` makes the
 * compiler name a field added to TaskRequest (TaskInvocation) and missing here.
 */
function requestOf(invocation: TaskRequest): TaskRequest {
  return {
    stateName: invocation.stateName,
    resource: invocation.resource,
    parameters: toJsonValue(invocation.parameters),
    credentials: invocation.credentials,
    taskToken: invocation.taskToken,
    timeoutSeconds: invocation.timeoutSeconds,
    heartbeatSeconds: invocation.heartbeatSeconds,
    invocationIndex: invocation.invocationIndex,
    attempt: invocation.attempt,
    executionArn: invocation.executionArn,
    stateMachineArn: invocation.stateMachineArn,
    purpose: invocation.purpose,
  } satisfies { readonly [K in keyof Required<TaskRequest>]: TaskRequest[K] };
}

/** The integration's answer to one attempt (a function of its own: no closure per attempt). */
async function callIntegration(
  sent: TaskRequest,
  context: TaskContext,
  registry: IntegrationRegistry,
): Promise<TaskOutcome> {
  const integration = registry.find(sent.resource);
  if (!integration) {
    return failed(
      StatesErrorName.Runtime,
      `No integration serves the resource '${sent.resource.arn}' of state '${sent.stateName}'.`,
    );
  }
  const output = await integration.invoke(sent, context);
  // An activity's integration answers once the task is queued for a worker;
  // like a callback task, the result then comes with the task token.
  const awaitsToken =
    sent.purpose === undefined &&
    (sent.resource.pattern === "wait-for-task-token" || sent.resource.family === "activity");
  return awaitsToken ? { kind: "submitted", output } : { kind: "succeeded", output };
}

/**
 * What an integration sees of its attempt. A class, so that the `signal`
 * getter lives on the prototype: an object literal with a getter is built
 * by a slow runtime call, on every attempt. The callbacks are own
 * properties, so they keep working when destructured.
 */
class AttemptContext implements TaskContext {
  readonly #attempt: { readonly signal: AbortSignal };
  readonly heartbeat: () => void;
  readonly submitted: (output: JsonValue) => void;
  readonly started: (workerName?: string) => void;

  readonly #invocation: TaskRequest;

  constructor(
    hooks: TaskDriverHooks,
    readonly clock: Clock,
    readonly random: Random,
    invocation: TaskRequest,
  ) {
    this.#invocation = invocation;
    this.#attempt = hooks.attempt;
    this.heartbeat = hooks.heartbeat;
    this.submitted = (output) => {
      hooks.submitted(toJsonValue(output));
    };
    this.started = hooks.started;
  }

  get signal(): AbortSignal {
    return this.#attempt.signal;
  }

  get idempotencyKey(): string {
    const { executionArn, stateName, invocationIndex } = this.#invocation;
    return `${executionArn}#${stateName}#${String(invocationIndex)}`;
  }
}

function failed(error: string, cause: string | undefined): TaskOutcome {
  return cause === undefined ? { kind: "failed", error } : { kind: "failed", error, cause };
}

/**
 * A StatesError keeps its name and cause; `States.Timeout` means the task
 * timed out. Any other exception fails the task as `States.TaskFailed` with
 * its message as the cause, never the process.
 */
export function outcomeOfError(error: unknown): TaskOutcome {
  if (error instanceof StatesError) {
    if (error.name === StatesErrorName.Timeout) return { kind: "timed-out" };
    return failed(error.name, error.cause);
  }
  const message = error instanceof Error ? error.message : String(error);
  return failed(StatesErrorName.TaskFailed, message);
}
