/**
 * The scope a state's paths and templates are evaluated in: `$` (the given
 * input), `$$` (the context object, built lazily), `$name` (variables
 * visible from the frame) and the execution's randomness.
 */
import type { JsonObject, JsonValue } from "../json.js";
import { getOwn } from "../json.js";
import type { TemplateScope } from "../jsonpath/payload-template.js";
import type { ContextExtras } from "../execution/context-object.js";
import { buildContextObject, contextMember } from "../execution/context-object.js";
import type { Frame } from "../execution/execution-state.js";
import type { StepSession } from "../execution/step-session.js";

export function evalScope(
  session: StepSession,
  frame: Frame,
  input: JsonValue,
  extras?: ContextExtras,
): TemplateScope {
  return new FrameScope(session, frame, input, extras);
}

/** One object per evaluation, with its methods on the prototype: scopes are made several times per state. */
class FrameScope implements TemplateScope {
  readonly random: StepSession["random"];
  #context: JsonValue | undefined;
  /** The member of `$$` last built alone (an ItemSelector reads `$$.Map.Item.Value` and `…Index`). */
  #memberName: string | undefined;
  #member: JsonValue | undefined;

  constructor(
    private readonly session: StepSession,
    private readonly frame: Frame,
    readonly input: JsonValue,
    private readonly extras: ContextExtras | undefined,
  ) {
    this.random = session.random;
  }

  context(): JsonValue {
    return (this.#context ??= buildContextObject(this.session, this.frame, this.extras));
  }

  contextMember(name: string): JsonValue | undefined {
    if (this.#context !== undefined) return getOwn(this.#context as JsonObject, name);
    if (this.#memberName !== name) {
      this.#member = contextMember(this.session, this.frame, this.extras, name);
      this.#memberName = name;
    }
    return this.#member;
  }

  variable(name: string): JsonValue | undefined {
    return lookupVariable(this.session, this.frame, name);
  }
}

/** A variable as seen from a frame: its own scope first, then the enclosing ones. */
export function lookupVariable(session: StepSession, frame: Frame, name: string): JsonValue | undefined {
  for (let current: Frame | undefined = frame; current; current = parentOf(session, current)) {
    const value = getOwn(current.variables, name);
    if (value !== undefined) return value;
    if (current.isolated) break;
  }
  return undefined;
}

function parentOf(session: StepSession, frame: Frame): Frame | undefined {
  return frame.parentId === undefined ? undefined : session.state.frames.get(frame.parentId);
}
