/**
 * The context object `$$`: facts about the execution, the state machine,
 * the current state and (for Task and Map states) the task token and the
 * current Map item. Built only when a path actually reads `$$`.
 */
import type { JsonObject, JsonValue } from "../json.js";
import { copyJsonObject, getOwn, isJsonObject, setOwn } from "../json.js";
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

const NO_EXTRAS: ContextExtras = {};

/** The members of `$$`, in AWS's order; `Task` and `Map` only where they apply. */
const MEMBER_NAMES = ["Execution", "StateMachine", "State", "Task", "Map"] as const;

export function buildContextObject(
  session: StepSession,
  frame: Frame,
  extras: ContextExtras = NO_EXTRAS,
): JsonObject {
  const context: JsonObject = {};
  for (const name of MEMBER_NAMES) {
    const member = ownMember(session, frame, extras, name);
    if (member !== undefined) context[name] = member;
  }
  const overrides = session.state.contextOverrides;
  if (overrides) {
    for (const [key, value] of Object.entries(overrides)) {
      setOwn(context, key, overridden(context[key], value));
    }
  }
  return context;
}

/**
 * One member of `$$`, as `buildContextObject(…)[name]` would give it, built
 * alone: a Map's ItemSelector reads `$$.Map.Item` for every item, and the
 * whole object is seven objects and a timestamp.
 */
export function contextMember(
  session: StepSession,
  frame: Frame,
  extras: ContextExtras | undefined,
  name: string,
): JsonValue | undefined {
  const member = ownMember(session, frame, extras ?? NO_EXTRAS, name);
  const overrides = session.state.contextOverrides;
  const override = overrides ? getOwn(overrides, name) : undefined;
  return override === undefined ? member : overridden(member, override);
}

/** A member as an override leaves it: an object merged over an object, anything else replaced. */
function overridden(current: JsonValue | undefined, override: JsonValue): JsonValue {
  return isJsonObject(current) && isJsonObject(override) ? merged(current, override) : override;
}

function ownMember(
  session: StepSession,
  frame: Frame,
  extras: ContextExtras,
  name: string,
): JsonObject | undefined {
  const identity = session.state.identity;
  switch (name) {
    case "Execution":
      return {
        Id: identity.executionArn,
        Input: session.state.input,
        StartTime: identity.startTime,
        Name: identity.name,
        RoleArn: identity.roleArn,
        RedriveCount: identity.redriveCount,
      };
    case "StateMachine":
      return { Id: identity.stateMachineArn, Name: identity.stateMachineName };
    case "State": {
      const state: JsonObject = { EnteredTime: isoTimestamp(frame.enteredTime), Name: frame.stateName };
      if (extras.withRetryCount) state["RetryCount"] = retryCount(frame);
      return state;
    }
    case "Task":
      return extras.taskToken === undefined ? undefined : { Token: extras.taskToken };
    case "Map":
      return extras.mapItem && { Item: { Index: extras.mapItem.index, Value: extras.mapItem.value } };
    default:
      return undefined;
  }
}

/** `current` with the keys of `overrides` set over its own (both untrusted: no key may reach a prototype). */
function merged(current: JsonObject, overrides: JsonObject): JsonObject {
  const result = copyJsonObject(current);
  for (const [key, value] of Object.entries(overrides)) setOwn(result, key, value);
  return result;
}
