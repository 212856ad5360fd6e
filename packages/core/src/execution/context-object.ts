/**
 * The context object `$$`: facts about the execution, the state machine,
 * the current state and (for Task and Map states) the task token and the
 * current Map item. Built only when a path actually reads `$$`.
 */
import type { JsonObject, JsonValue } from "../json.js";
import { copyJsonObject, isJsonObject, setOwn } from "../json.js";
import type { Frame } from "./execution-state.js";
import { retryCount } from "./execution-state.js";
import type { StepSession } from "./step-session.js";
import { isoTimestamp } from "./iso-timestamp.js";

export interface ContextExtras {
  /** `$$.Task.Token`, for `.waitForTaskToken` and activity tasks. */
  readonly taskToken?: string | undefined;
  /** `$$.Map.Item`, while a Map state's ItemSelector is evaluated. */
  readonly mapItem?: { readonly index: number; readonly value: JsonValue };
  /** Whether `$$.State.RetryCount` is shown (AWS shows it for Task states). */
  readonly withRetryCount?: boolean;
}

export function buildContextObject(
  session: StepSession,
  frame: Frame,
  extras: ContextExtras = {},
): JsonObject {
  const identity = session.state.identity;
  const stateInfo: JsonObject = { EnteredTime: isoTimestamp(frame.enteredTime), Name: frame.stateName };
  if (extras.withRetryCount) stateInfo["RetryCount"] = retryCount(frame);
  const context: JsonObject = {
    Execution: {
      Id: identity.executionArn,
      Input: session.state.input,
      StartTime: identity.startTime,
      Name: identity.name,
      RoleArn: identity.roleArn,
      RedriveCount: identity.redriveCount,
    },
    StateMachine: { Id: identity.stateMachineArn, Name: identity.stateMachineName },
    State: stateInfo,
  };
  if (extras.taskToken !== undefined) context["Task"] = { Token: extras.taskToken };
  if (extras.mapItem) context["Map"] = { Item: { Index: extras.mapItem.index, Value: extras.mapItem.value } };
  const overrides = session.state.contextOverrides;
  if (overrides) {
    for (const [key, value] of Object.entries(overrides)) {
      const current = context[key];
      setOwn(context, key, isJsonObject(current) && isJsonObject(value) ? merged(current, value) : value);
    }
  }
  return context;
}

/** `current` with the keys of `overrides` set over its own (both untrusted: no key may reach a prototype). */
function merged(current: JsonObject, overrides: JsonObject): JsonObject {
  const result = copyJsonObject(current);
  for (const [key, value] of Object.entries(overrides)) setOwn(result, key, value);
  return result;
}
