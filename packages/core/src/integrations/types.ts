/**
 * The integration contract: a plain object that serves Task states whose
 * Resource it matches. Integrations never see the execution's data, only
 * the request, and answer with the task result (or throw a StatesError).
 *
 * @example
 * const greeter: Integration = {
 *   resource: "arn:aws:states:::greeter:hello",
 *   patterns: ["request-response"],
 *   async invoke(request) {
 *     return { greeting: `Hello, ${String((request.parameters as { name: string }).name)}` };
 *   },
 * };
 */
import type { Clock } from "../clock.js";
import type { JsonValue } from "../json.js";
import type { Random } from "../random.js";
import type { TaskInvocation } from "../execution/commands.js";
import type { IntegrationPattern } from "./arn.js";

export type TaskRequest = TaskInvocation;

export interface TaskContext {
  /** Fires when the task times out, its heartbeat is missed, or the execution stops. */
  readonly signal: AbortSignal;
  /** Resets the HeartbeatSeconds timer, like SendTaskHeartbeat. */
  heartbeat(): void;
  /**
   * For `.sync`: the job was accepted (writes `TaskSubmitted` with this
   * output); the promise resolves later with the job's result.
   */
  submitted(output: JsonValue): void;
  /** For activities: a worker took the task (writes `ActivityStarted`). */
  started(workerName?: string): void;
  /** The execution's clock, for integrations that wait or time things. */
  readonly clock: Clock;
  /** The runtime's Random, for ids an integration makes up (e.g. a Lambda request id), so runs stay reproducible. */
  readonly random: Random;
  /**
   * The same for every sending of one attempt, different for every other
   * attempt: `<execution ARN>#<state name>#<invocation number>` (the
   * number counts the state's invocations in the execution, retries and Map
   * iterations included). A durable execution resumed after a crash sends an
   * attempt whose answer was not committed again, with the same key: an
   * integration with side effects passes it on (e.g. as a client token) or
   * checks it, so that the effect happens once.
   */
  readonly idempotencyKey: string;
}

export interface Integration {
  /**
   * The Resource ARNs served, without the pattern suffix: an exact ARN, or a
   * pattern for a family of them (e.g. every Lambda function ARN).
   */
  readonly resource: string | RegExp;
  /** The integration patterns served; a Task asking for another one is a load-time diagnostic. */
  readonly patterns: readonly IntegrationPattern[];
  /**
   * Serves one attempt. For `request-response` and `.sync` the resolved
   * value is the task result; for `.waitForTaskToken` it is what the service
   * answered when the request was submitted, and the result comes later
   * through `sendTaskSuccess` / `sendTaskFailure` with `request.taskToken`.
   * An activity's integration resolves once the task waits for a worker
   * (the worker answers with the token too).
   * Throw a `StatesError` to fail the task with an ASL error name.
   */
  invoke(request: TaskRequest, context: TaskContext): Promise<JsonValue>;
}

/** What an attempt came to, as the driver feeds it back to the execution. */
export type TaskOutcome =
  | { readonly kind: "succeeded"; readonly output: JsonValue }
  | { readonly kind: "submitted"; readonly output: JsonValue }
  | { readonly kind: "failed"; readonly error?: string; readonly cause?: string }
  | { readonly kind: "timed-out" };

/**
 * Wraps task invocations, Temporal-style: an interceptor may answer itself
 * (a mock) or call `next` and look at or change what it returns.
 */
export type TaskInterceptor = (
  request: TaskRequest,
  context: TaskContext,
  next: () => Promise<TaskOutcome>,
) => Promise<TaskOutcome>;
