/**
 * The history events of a Task attempt, by resource family: `Task…` for
 * service integrations, `LambdaFunction…` for a Lambda function ARN,
 * `Activity…` for an activity ARN — each with AWS's detail fields.
 */
import type { JsonObject, JsonValue } from "../json.js";
import type { ResourceInfo } from "../integrations/arn.js";
import type { Frame } from "../execution/execution-state.js";
import type { HistoryEventType } from "../execution/history-event.js";
import type { StepSession } from "../execution/step-session.js";
import { emit, outputDetails } from "../execution/step-session.js";
import type { RecordedDetail } from "../execution/deferred-json.js";
import { DeferredJson, NOT_TRUNCATED } from "../execution/deferred-json.js";

type Phase = "Scheduled" | "Started" | "Submitted" | "Succeeded" | "Failed" | "TimedOut";

const PREFIX = { service: "Task", lambda: "LambdaFunction", activity: "Activity" } as const;

function eventType(resource: ResourceInfo, phase: Phase): HistoryEventType {
  return `${PREFIX[resource.family]}${phase}` as HistoryEventType;
}

function serviceFields(resource: ResourceInfo): JsonObject {
  return { resourceType: resource.resourceType, resource: resource.resource };
}

export interface ScheduledFacts {
  readonly parameters: JsonValue;
  readonly region: string;
  readonly timeoutSeconds: number | undefined;
  readonly heartbeatSeconds: number | undefined;
  readonly credentials: JsonValue | undefined;
}

export function emitScheduled(
  session: StepSession,
  frame: Frame,
  resource: ResourceInfo,
  facts: ScheduledFacts,
): void {
  const details: Record<string, RecordedDetail> =
    resource.family === "service"
      ? {
          resourceType: resource.resourceType,
          resource: resource.resource,
          region: facts.region,
          parameters: new DeferredJson(facts.parameters),
        }
      : { resource: resource.arn, input: new DeferredJson(facts.parameters), inputDetails: NOT_TRUNCATED };
  if (facts.timeoutSeconds !== undefined) details["timeoutInSeconds"] = facts.timeoutSeconds;
  if (facts.heartbeatSeconds !== undefined && resource.family !== "lambda")
    details["heartbeatInSeconds"] = facts.heartbeatSeconds;
  if (facts.credentials !== undefined) details["taskCredentials"] = facts.credentials;
  emit(session, frame, eventType(resource, "Scheduled"), details);
}

export function emitStarted(
  session: StepSession,
  frame: Frame,
  resource: ResourceInfo,
  workerName?: string,
): void {
  switch (resource.family) {
    case "service":
      emit(session, frame, "TaskStarted", serviceFields(resource));
      return;
    case "lambda":
      emit(session, frame, "LambdaFunctionStarted");
      return;
    case "activity":
      emit(session, frame, "ActivityStarted", workerName === undefined ? {} : { workerName });
      return;
  }
}

/** `.sync` and `.waitForTaskToken` tasks: the service accepted the request; the result comes later. */
export function emitSubmitted(
  session: StepSession,
  frame: Frame,
  resource: ResourceInfo,
  output: JsonValue,
): void {
  emit(session, frame, "TaskSubmitted", serviceOutputDetails(resource, output));
}

export function emitSucceeded(
  session: StepSession,
  frame: Frame,
  resource: ResourceInfo,
  output: JsonValue,
): void {
  emit(
    session,
    frame,
    eventType(resource, "Succeeded"),
    resource.family === "service" ? serviceOutputDetails(resource, output) : outputDetails(output),
  );
}

/**
 * A service task's fields and its output, in AWS's order. One literal:
 * `Object.assign` of the two parts copied them key by key through a slow
 * builtin, for every task that succeeds.
 */
function serviceOutputDetails(resource: ResourceInfo, output: JsonValue): Record<string, RecordedDetail> {
  return {
    resourceType: resource.resourceType,
    resource: resource.resource,
    output: new DeferredJson(output),
    outputDetails: NOT_TRUNCATED,
  };
}

export function emitFailed(
  session: StepSession,
  frame: Frame,
  resource: ResourceInfo,
  phase: "Failed" | "TimedOut",
  error: string | undefined,
  cause: string | undefined,
): void {
  const fields: JsonObject = resource.family === "service" ? serviceFields(resource) : {};
  if (error !== undefined) fields["error"] = error;
  if (cause !== undefined) fields["cause"] = cause;
  emit(session, frame, eventType(resource, phase), fields);
}
