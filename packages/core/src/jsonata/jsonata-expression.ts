/**
 * One `{% … %}` expression: parsed and analysed once, evaluated many times
 * against the bindings of a state (`$states`, workflow variables, the
 * execution's Random and time).
 */
import type { JsonValue } from "../json.js";
import type { Random } from "../random.js";
import { DEFAULT_LIMITS, checkResultSize, withEvaluation } from "./evaluation-bounds.js";
import type { DirectPath } from "./direct-path.js";
import { NOT_DIRECT, directPathOf, readDirectPath } from "./direct-path.js";
import type { JsonataLimits } from "./evaluation-bounds.js";
import { expressionReads, topLevelReferences } from "./jsonata-analysis.js";
import { threwDuringEvaluation, unsupportedResultType } from "./jsonata-errors.js";
import { isBuiltinName, parseJsonata } from "./jsonata-runtime.js";
import { UnsupportedResultError, toJsonResult } from "./jsonata-value.js";
import type { JsonataExpression } from "./vendor/jsonata-sync.js";

/** What a state binds for its expressions. */
export interface JsonataBindings {
  /** `$states`: `input` always, `result` after a task, `errorOutput` in a Catch, `context` the context object. */
  readonly states: {
    readonly input: JsonValue;
    readonly result?: JsonValue | undefined;
    readonly errorOutput?: JsonValue | undefined;
    readonly context: JsonValue;
  };
  /** A workflow variable by name (without `$`), or undefined when it is not set. */
  variable(name: string): JsonValue | undefined;
  /** `$random()` and `$uuid()` draw from it. */
  readonly random: Random;
  /** The execution's time, epoch milliseconds: `$now()` and `$millis()`. */
  readonly now: number;
  /** Evaluation bounds; AWS's when absent. */
  readonly limits?: JsonataLimits;
}

export interface CompiledJsonata {
  /** The expression as AWS quotes it in causes: the text inside `{% %}`, trimmed. */
  readonly text: string;
  readonly expression: JsonataExpression;
  /** `$names` looked up in the workflow variables at each evaluation. */
  readonly variables: readonly string[];
  /** Fields read under `$states`, for checks such as `$states.errorOutput` outside a Catch. */
  readonly statesFields: ReadonlySet<string>;
  /** Whether the expression may read `$states.context`: by that path, or through `$states` as a whole. */
  readonly readsContext: boolean;
  /** Set when the expression is a plain path into a variable: read directly while it can be. */
  readonly direct: DirectPath | undefined;
}

/** AWS's load-time diagnostic codes for an expression. */
export const JsonataProblemCode = {
  invalid: "INVALID_JSONATA_EXPRESSION",
  unsupported: "UNSUPPORTED_JSONATA_EXPRESSION",
} as const;

export interface JsonataProblem {
  readonly code: string;
  readonly message: string;
}

export type CompileOutcome =
  | { readonly ok: true; readonly compiled: CompiledJsonata }
  | { readonly ok: false; readonly problems: readonly JsonataProblem[] };

/** The text between `{%` and `%}`, trimmed: how AWS names the expression. */
export function expressionText(source: string): string {
  return source.slice(2, -2).trim();
}

const CACHE_LIMIT = 2048;
const cache = new Map<string, CompileOutcome>();

/**
 * Parses an expression (the text inside `{% %}`). A syntax error is AWS's
 * INVALID_JSONATA_EXPRESSION with JSONata's message and no code (reported
 * measured on AWS: `a[1,2)` gives `Expected "]", got ","`). Outcomes are
 * cached by text: states often repeat an expression.
 */
export function compileJsonata(text: string): CompileOutcome {
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  const outcome = compileUncached(text);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, outcome);
  return outcome;
}

function compileUncached(text: string): CompileOutcome {
  let expression: JsonataExpression;
  try {
    expression = parseJsonata(text);
  } catch (error) {
    return { ok: false, problems: [{ code: JsonataProblemCode.invalid, message: parseErrorMessage(error) }] };
  }
  try {
    const ast = expression.ast();
    const topLevel = topLevelReferences(ast);
    if (topLevel.length > 0) {
      return {
        ok: false,
        problems: topLevel.map((name) => ({
          code: JsonataProblemCode.unsupported,
          message: `Reference to '${name}' at the top level is not supported.`,
        })),
      };
    }
    const reads = expressionReads(ast);
    const variables = reads.variables.filter((name) => !isBuiltinName(name));
    const path = directPathOf(ast);
    // A bare `$states`, or a name JSONata or Step Functions defines (a function), is left to JSONata.
    const direct =
      path !== undefined &&
      (path.variable === "states" ? path.names.length > 0 : variables.includes(path.variable))
        ? path
        : undefined;
    return {
      ok: true,
      compiled: {
        text,
        expression,
        variables,
        statesFields: reads.statesFields,
        readsContext: reads.statesFields.has("context") || reads.readsWholeStates,
        direct,
      },
    };
  } catch (error) {
    return { ok: false, problems: [{ code: JsonataProblemCode.invalid, message: parseErrorMessage(error) }] };
  }
}

function parseErrorMessage(error: unknown): string {
  if (error instanceof RangeError) return "The expression is nested too deeply";
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === "string" ? message : String(error);
}

/**
 * Evaluates to JSON, or undefined when the expression returns nothing (the
 * caller decides whether that is an error for its field). Throws
 * StateRuntimeError (States.QueryEvaluationError) naming `field` when the
 * expression throws or returns a function.
 */
export function evaluateCompiled(
  compiled: CompiledJsonata,
  field: () => string,
  bindings: JsonataBindings,
): JsonValue | undefined {
  const direct = compiled.direct === undefined ? NOT_DIRECT : directValue(compiled.direct, bindings);
  let raw: unknown;
  try {
    raw = direct !== NOT_DIRECT ? checkResultSize(direct) : evaluateWithJsonata(compiled, bindings);
  } catch (error) {
    throw threwDuringEvaluation(compiled.text, field(), error);
  }
  try {
    return toJsonResult(raw);
  } catch (error) {
    if (error instanceof UnsupportedResultError) throw unsupportedResultType(compiled.text, field());
    throw error;
  }
}

function evaluateWithJsonata(compiled: CompiledJsonata, bindings: JsonataBindings): unknown {
  // A null-prototype object: a variable named like an Object.prototype member stays data.
  const values = Object.create(null) as Record<string, unknown>;
  values["states"] = statesOf(bindings.states, compiled.readsContext);
  for (const name of compiled.variables) {
    const value = bindings.variable(name);
    if (value !== undefined) values[name] = value;
  }
  return withEvaluation(bindings.random, bindings.now, bindings.limits ?? DEFAULT_LIMITS, () =>
    compiled.expression.evaluate(undefined, values),
  );
}

/** The value of a direct path, or NOT_DIRECT where JSONata must evaluate it. */
function directValue(
  direct: DirectPath,
  bindings: JsonataBindings,
): JsonValue | undefined | typeof NOT_DIRECT {
  if (direct.variable !== "states") return readDirectPath(direct.names, bindings.variable(direct.variable));
  // `$states` has these fields only (statesOf): any other name finds nothing.
  const states = bindings.states;
  const field = direct.names[0];
  const start =
    field === "input"
      ? states.input
      : field === "context"
        ? states.context
        : field === "result"
          ? states.result
          : field === "errorOutput"
            ? states.errorOutput
            : undefined;
  return readDirectPath(direct.names, start, 1);
}

/** `$states` as JSONata sees it; `context` only for an expression that may read it (it is built on demand). */
function statesOf(states: JsonataBindings["states"], withContext: boolean): Record<string, JsonValue> {
  const value: Record<string, JsonValue> = { input: states.input };
  if (withContext) value["context"] = states.context;
  if (states.result !== undefined) value["result"] = states.result;
  if (states.errorOutput !== undefined) value["errorOutput"] = states.errorOutput;
  return value;
}
