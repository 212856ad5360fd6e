/**
 * Choice rules of the JSONPath flavour: compiled once from the definition
 * (every problem reported as a diagnostic), then evaluated against a state's
 * input, the context object and the workflow variables.
 *
 * The operators themselves live in one table, `choice-rules-operators.ts`.
 */
import type { Diagnostic } from "../definition/diagnostics.js";
import { StateRuntimeError } from "../errors.js";
import type { JsonValue } from "../json.js";
import { isJsonObject } from "../json.js";
import type { JsonPath, PathScope } from "../jsonpath/json-path.js";
import { findPath, parseJsonPath } from "../jsonpath/json-path.js";
import type { ChoiceOperatorName, LiteralTest, PathTest } from "./choice-rules-operators.js";
import { INVALID_OPERAND, lookupChoiceOperator } from "./choice-rules-operators.js";

/** A compiled Choice rule: a boolean expression tree, frozen. */
export type CompiledChoiceRule =
  | { readonly kind: "and"; readonly rules: readonly CompiledChoiceRule[] }
  | { readonly kind: "or"; readonly rules: readonly CompiledChoiceRule[] }
  | { readonly kind: "not"; readonly rule: CompiledChoiceRule }
  | CompiledComparison;

export type CompiledComparison =
  | {
      readonly kind: "literal";
      readonly operator: ChoiceOperatorName;
      readonly variable: JsonPath;
      readonly operand: JsonValue;
      readonly test: LiteralTest;
    }
  | {
      readonly kind: "path";
      /** The base operator: `NumericEquals` for a `NumericEqualsPath` field. */
      readonly operator: ChoiceOperatorName;
      readonly variable: JsonPath;
      readonly operand: JsonPath;
      readonly test: PathTest;
    }
  | { readonly kind: "presence"; readonly variable: JsonPath; readonly expected: boolean };

export interface CompileChoiceRuleOptions {
  /** A rule directly in `Choices` (needs `Next`), not one inside And / Or / Not. */
  readonly isTopLevel: boolean;
}

/** Deeper nesting is refused so that compiling and evaluating stay within the stack. */
export const MAX_CHOICE_RULE_DEPTH = 100;

const CODE = "SCHEMA_VALIDATION_FAILED";
const BOOLEAN_OPERATORS = ["And", "Or", "Not"] as const;
const TOP_LEVEL_FIELDS = new Set(["Next", "Assign", "Comment"]);

interface Context {
  readonly report: (d: Diagnostic) => void;
  errors: number;
}

/**
 * Validates one Choice rule and compiles it. Every problem is reported with
 * the JSON pointer of the offending field; the result is `undefined` when
 * there was any.
 *
 * @example
 * const diagnostics: Diagnostic[] = [];
 * const rule = compileChoiceRule(
 *   { Variable: "$.value", NumericGreaterThan: 20, Next: "Big" },
 *   "/States/Check/Choices/0",
 *   (d) => diagnostics.push(d),
 *   { isTopLevel: true },
 * );
 * evaluateChoiceRule(rule!, { input: { value: 22 }, context: () => ({}), variable: () => undefined }); // true
 */
export function compileChoiceRule(
  rule: JsonValue,
  location: string,
  report: (d: Diagnostic) => void,
  options: CompileChoiceRuleOptions,
): CompiledChoiceRule | undefined {
  const context: Context = { report, errors: 0 };
  const compiled = compileRule(rule, location, context, options.isTopLevel, 1);
  return context.errors === 0 ? compiled : undefined;
}

function fail(context: Context, location: string, message: string): void {
  context.errors++;
  context.report({ severity: "error", code: CODE, message, location });
}

function compileRule(
  rule: JsonValue,
  location: string,
  context: Context,
  isTopLevel: boolean,
  depth: number,
): CompiledChoiceRule | undefined {
  if (!isJsonObject(rule)) {
    fail(context, location, "The value of a choice rule must be an OBJECT");
    return undefined;
  }
  if (depth > MAX_CHOICE_RULE_DEPTH) {
    fail(context, location, `Choice rules may be nested at most ${MAX_CHOICE_RULE_DEPTH} levels deep`);
    return undefined;
  }

  const operators: string[] = [];
  for (const field of Object.keys(rule)) {
    if ((BOOLEAN_OPERATORS as readonly string[]).includes(field) || lookupChoiceOperator(field)) {
      operators.push(field);
    } else if (field === "Variable") {
      // Checked with the operator below.
    } else if (isTopLevel ? !TOP_LEVEL_FIELDS.has(field) : field !== "Comment") {
      fail(context, location, `Field '${field}' is not supported`);
    }
  }
  checkCommonFields(rule, location, context, isTopLevel);

  if (operators.length !== 1) {
    const found = operators.length === 0 ? "none" : operators.join(", ");
    fail(
      context,
      location,
      `A choice rule must contain exactly one of And, Or, Not or a comparison operator such as StringEquals (found ${found})`,
    );
    return undefined;
  }
  const field = operators[0]!;
  const value = rule[field]!;
  const fieldLocation = `${location}/${field}`;

  if (field === "And" || field === "Or" || field === "Not") {
    if (rule.Variable !== undefined) fail(context, location, "Field 'Variable' is not supported");
    if (field === "Not") {
      const inner = compileRule(value, fieldLocation, context, false, depth + 1);
      return inner && Object.freeze({ kind: "not", rule: inner });
    }
    if (!Array.isArray(value) || value.length === 0) {
      const problem = Array.isArray(value) ? "should be non-empty" : "must be a non-empty ARRAY";
      fail(context, fieldLocation, `The value for the field '${field}' ${problem}`);
      return undefined;
    }
    const rules: CompiledChoiceRule[] = [];
    value.forEach((item, i) => {
      const inner = compileRule(item, `${fieldLocation}/${i}`, context, false, depth + 1);
      if (inner) rules.push(inner);
    });
    if (rules.length !== value.length) return undefined;
    return Object.freeze({ kind: field === "And" ? "and" : "or", rules: Object.freeze(rules) });
  }
  return compileComparison(rule.Variable, field, value, location, context);
}

function checkCommonFields(
  rule: Readonly<Record<string, JsonValue>>,
  location: string,
  context: Context,
  isTopLevel: boolean,
): void {
  if (rule.Comment !== undefined && typeof rule.Comment !== "string") {
    fail(context, `${location}/Comment`, "The value for the field 'Comment' must be a STRING");
  }
  if (!isTopLevel) return;
  if (rule.Next === undefined) {
    fail(context, location, "These fields are required: [Next]");
  } else if (typeof rule.Next !== "string" || rule.Next === "") {
    fail(context, `${location}/Next`, "The value for the field 'Next' must be a non-empty STRING");
  }
}

function compileComparison(
  variableField: JsonValue | undefined,
  field: string,
  operand: JsonValue,
  location: string,
  context: Context,
): CompiledComparison | undefined {
  const operator = lookupChoiceOperator(field)!;
  let variable: JsonPath | undefined;
  if (variableField === undefined) fail(context, location, "These fields are required: [Variable]");
  else variable = compilePath(variableField, "Variable", `${location}/Variable`, context);
  const fieldLocation = `${location}/${field}`;

  if (operator.form === "path") {
    const operandPath = compilePath(operand, field, fieldLocation, context);
    if (!variable || !operandPath) return undefined;
    return Object.freeze({
      kind: "path",
      operator: operator.name,
      variable,
      operand: operandPath,
      test: operator.test,
    });
  }
  const test = operator.spec.literal(operand);
  if (!test) {
    fail(context, fieldLocation, `The value for the field '${field}' must be ${operator.spec.expected}`);
    return undefined;
  }
  if (!variable) return undefined;
  if (operator.spec.presence)
    return Object.freeze({ kind: "presence", variable, expected: operand === true });
  return Object.freeze({ kind: "literal", operator: operator.name, variable, operand, test });
}

function compilePath(
  value: JsonValue,
  field: string,
  location: string,
  context: Context,
): JsonPath | undefined {
  if (typeof value === "string") {
    try {
      return parseJsonPath(value);
    } catch {
      // Reported below, like any value that is not a path.
    }
  }
  fail(context, location, `The value for the field '${field}' must be a valid JSONPath`);
  return undefined;
}

/**
 * Evaluates a compiled rule. A Variable (or a `…Path` operand) that selects
 * nothing fails the state with `States.Runtime`, as in AWS; only `IsPresent`
 * may look at a missing field.
 *
 * @example
 * evaluateChoiceRule(rule, { input: { type: "Private" }, context: () => ({}), variable: () => undefined });
 */
export function evaluateChoiceRule(rule: CompiledChoiceRule, scope: PathScope): boolean {
  switch (rule.kind) {
    case "and":
      return rule.rules.every((inner) => evaluateChoiceRule(inner, scope));
    case "or":
      return rule.rules.some((inner) => evaluateChoiceRule(inner, scope));
    case "not":
      return !evaluateChoiceRule(rule.rule, scope);
    case "presence":
      return (findPath(rule.variable, scope) !== undefined) === rule.expected;
    case "literal":
      return rule.test(resolveOrFail(rule.variable, scope));
    case "path": {
      const value = resolveOrFail(rule.variable, scope);
      const result = rule.test(value, resolveOrFail(rule.operand, scope));
      if (result === INVALID_OPERAND) {
        throw new StateRuntimeError(`Invalid value provided at path '${rule.operand.text}'`);
      }
      return result;
    }
  }
}

function resolveOrFail(path: JsonPath, scope: PathScope): JsonValue {
  const value = findPath(path, scope);
  if (value === undefined) {
    throw new StateRuntimeError(
      `Invalid path '${path.text}': The choice state's condition path references an invalid value.`,
    );
  }
  return value;
}
