/**
 * A field's value in either query language, evaluated in one place.
 *
 * JSONPath: a payload template whose `.$` keys read paths from `$` (the value
 * the field is about: the input, the result, the error output), `$$` and
 * `$name` variables. JSONata: a template whose `{% %}` strings see
 * `$states.input` (the state's raw input), `$states.result`,
 * `$states.errorOutput`, `$states.context` and variables as `$name`.
 */
import type { JsonObject, JsonValue } from "../json.js";
import { isJsonObject } from "../json.js";
import type { NumberContext } from "../states/number-source.js";
import type { PayloadTemplate } from "../jsonpath/payload-template.js";
import { evaluatePayloadTemplate } from "../jsonpath/payload-template.js";
import type { JsonataBindings, JsonataTemplate } from "../jsonata/jsonata-template.js";
import { evaluateJsonataExpression, evaluateJsonataTemplate } from "../jsonata/jsonata-template.js";
import type { ContextExtras } from "../execution/context-object.js";
import { buildContextObject } from "../execution/context-object.js";
import type { Frame } from "../execution/execution-state.js";
import type { StepSession } from "../execution/step-session.js";
import { evalScope, lookupVariable } from "./eval-scope.js";
import { checkVariableLimits } from "./variable-limits.js";

export type DataTemplate =
  | { readonly language: "JSONPath"; readonly template: PayloadTemplate }
  | { readonly language: "JSONata"; readonly template: JsonataTemplate };

/** What a field can see: `$` for JSONPath, `$states` for JSONata. */
export interface DataContext {
  /** JSONPath `$`. */
  readonly dollar: JsonValue;
  /** `$states.input`: the state's raw input. */
  readonly input: JsonValue;
  readonly result?: JsonValue;
  readonly errorOutput?: JsonValue;
  readonly extras?: ContextExtras;
}

export function evaluateData(
  session: StepSession,
  frame: Frame,
  data: DataTemplate,
  field: string,
  context: DataContext,
): JsonValue {
  if (data.language === "JSONPath")
    return evaluatePayloadTemplate(data.template, evalScope(session, frame, context.dollar, context.extras));
  return evaluateJsonataTemplate(data.template, field, jsonataBindings(session, frame, context));
}

/** For fields where an expression returning nothing has a meaning of its own (the caller decides). */
export function evaluateJsonataField(
  session: StepSession,
  frame: Frame,
  template: JsonataTemplate,
  field: string,
  context: DataContext,
): JsonValue | undefined {
  return evaluateJsonataExpression(template, field, jsonataBindings(session, frame, context));
}

export function jsonataBindings(session: StepSession, frame: Frame, context: DataContext): JsonataBindings {
  return {
    states: new StatesView(session, frame, context),
    variable: (name) => lookupVariable(session, frame, name),
    random: session.random,
    now: session.now,
  };
}

/**
 * `$states` of one evaluation. The context object is built when an
 * expression reads it: most read only `$states.input` or `$states.result`.
 * A class, its getter on the prototype: one is made per template evaluated.
 */
class StatesView {
  readonly input: JsonValue;
  readonly result: JsonValue | undefined;
  readonly errorOutput: JsonValue | undefined;
  #context: JsonValue | undefined = undefined;

  constructor(
    private readonly session: StepSession,
    private readonly frame: Frame,
    private readonly data: DataContext,
  ) {
    this.input = data.input;
    this.result = data.result;
    this.errorOutput = data.errorOutput;
  }

  get context(): JsonValue {
    return (this.#context ??= buildContextObject(this.session, this.frame, this.data.extras));
  }
}

/** How a state reads numbers (see states/number-source.ts): paths against `dollar`, expressions with `$states`. */
export function numberContext(session: StepSession, frame: Frame, context: DataContext): NumberContext {
  return {
    scope: evalScope(session, frame, context.dollar, context.extras),
    jsonata: (field) =>
      evaluateJsonataTemplate(field.template, field.field, jsonataBindings(session, frame, context)),
  };
}

/**
 * The end of a JSONata state: `Output` (by default `defaultOutput`: the
 * result, or the input for states without one) and `Assign`, both seeing
 * the same `$states`.
 */
export function jsonataOutcome(
  session: StepSession,
  frame: Frame,
  state: { readonly output?: JsonataTemplate; readonly assign?: DataTemplate },
  context: DataContext,
  defaultOutput: JsonValue,
  /** Where the fields sit, for causes: `Choices[1]/`, `Catch[0]/`, or the state itself. */
  fieldPrefix = "",
): { readonly output: JsonValue; readonly assigned?: JsonObject } {
  const output = state.output
    ? evaluateJsonataTemplate(state.output, `${fieldPrefix}Output`, jsonataBindings(session, frame, context))
    : defaultOutput;
  const assigned =
    state.assign && evaluateData(session, frame, state.assign, `${fieldPrefix}Assign`, context);
  if (!isJsonObject(assigned ?? null)) return { output };
  checkVariableLimits(session, frame, assigned as JsonObject);
  return { output, assigned: assigned as JsonObject };
}
