/**
 * Payload templates (`Parameters`, `ResultSelector`, `ItemSelector`,
 * `Credentials`): objects whose keys ending in `.$` take their value from a
 * path or an intrinsic function. Compiled once; evaluation builds only the
 * dynamic parts and shares every literal subtree.
 */
import { StateRuntimeError } from "../errors.js";
import type { JsonObject, JsonValue } from "../json.js";
import { isJsonObject, setOwn } from "../json.js";
import type { Random } from "../random.js";
import type { IntrinsicExpression } from "../intrinsics/intrinsic-expression.js";
import { evaluateIntrinsic, parseIntrinsic } from "../intrinsics/intrinsic-expression.js";
import type { JsonPath, PathScope } from "./json-path.js";
import { findPath, parseJsonPath } from "./json-path.js";
import { javaJsonText } from "../intrinsics/java-text.js";
import { jsonByteBound, noteByteBound } from "../json-size.js";

/** A path or an intrinsic call: what a `.$` field, ErrorPath or CausePath holds. */
export type ValueSource =
  | { readonly kind: "path"; readonly path: JsonPath; readonly field: string }
  | { readonly kind: "intrinsic"; readonly expression: IntrinsicExpression; readonly field: string };

/**
 * A compiled template. A `.$` field's value source is itself a node, and an
 * object keeps its keys and their values side by side: a loaded machine
 * keeps every template, and each level of objects is memory and a pointer
 * to follow. A chain of 1,000 Pass states with three-field Parameters held
 * ten objects a state, now six; with the arrays sized exactly, the loaded
 * machine went from 888 to 661 KB.
 */
export type PayloadTemplate =
  | { readonly kind: "literal"; readonly value: JsonValue }
  | {
      readonly kind: "object";
      readonly keys: readonly string[];
      readonly values: readonly PayloadTemplate[];
      /** What the keys and the literal values add to `jsonByteBound` of the object built. */
      readonly fixedBound: number;
    }
  | { readonly kind: "array"; readonly items: readonly PayloadTemplate[] }
  | ValueSource;

export interface TemplateProblem {
  /** JSON pointer segments below the template's own location. */
  readonly at: readonly (string | number)[];
  readonly message: string;
}

/**
 * Compiles a value source: `$…` is a path, `States.…(…)` an intrinsic call.
 * Throws an Error with a message saying what is wrong.
 */
export function compileValueSource(text: string, field: string): ValueSource {
  if (text.startsWith("$")) return { kind: "path", path: parseJsonPath(text), field };
  return { kind: "intrinsic", expression: parseIntrinsic(text), field };
}

/** Compiles a template; every malformed `.$` field is reported through `problems`. */
export function compilePayloadTemplate(value: JsonValue, problems: TemplateProblem[]): PayloadTemplate {
  return compileAt(value, [], problems);
}

function compileAt(value: JsonValue, at: (string | number)[], problems: TemplateProblem[]): PayloadTemplate {
  if (Array.isArray(value)) {
    const items = value.map((item, i) => compileAt(item, [...at, i], problems));
    return items.every((t) => t.kind === "literal") ? { kind: "literal", value } : { kind: "array", items };
  }
  if (!isJsonObject(value)) return { kind: "literal", value };
  const entries = Object.entries(value);
  // Sized up front: an array grown by push keeps room for 17 entries, a loaded machine keeps the arrays.
  const keys = new Array<string>(entries.length);
  const values = new Array<PayloadTemplate>(entries.length);
  let count = 0;
  let dynamic = false;
  for (const [key, child] of entries) {
    if (key.endsWith(".$")) {
      dynamic = true;
      if (typeof child !== "string") {
        problems.push({
          at: [...at, key],
          message: `The value of the field '${key}' must be a path or an intrinsic function (a string).`,
        });
        continue;
      }
      try {
        values[count] = compileValueSource(child, key);
        keys[count++] = key.slice(0, -2);
      } catch (error) {
        problems.push({
          at: [...at, key],
          message: `The value of the field '${key}' is not a valid path or intrinsic function: ${(error as Error).message}`,
        });
      }
    } else {
      const compiled = compileAt(child, [...at, key], problems);
      if (compiled.kind !== "literal") dynamic = true;
      keys[count] = key;
      values[count++] = compiled;
    }
  }
  // A field with a problem is left out (the machine will not load; validation goes on).
  keys.length = values.length = count;
  if (!dynamic) return { kind: "literal", value };
  // As jsonByteBound counts an object: its braces, then per field the key, quotes, colon and comma.
  let fixedBound = 2;
  for (let i = 0; i < count; i++) {
    const fieldValue = values[i]!;
    fixedBound +=
      6 * keys[i]!.length + 4 + (fieldValue.kind === "literal" ? jsonByteBound(fieldValue.value) : 0);
  }
  return { kind: "object", keys, values, fixedBound };
}

/** Evaluation needs the scope of paths and the execution's randomness (States.UUID, States.MathRandom). */
export interface TemplateScope extends PathScope {
  readonly random: Random;
}

export function evaluatePayloadTemplate(template: PayloadTemplate, scope: TemplateScope): JsonValue {
  switch (template.kind) {
    case "literal":
      return template.value;
    case "array":
      return template.items.map((item) => evaluatePayloadTemplate(item, scope));
    case "object":
      return evaluateObject(template, scope, false);
    case "path":
      return resolveSourcePath(template, scope);
    case "intrinsic":
      return evaluateIntrinsic(template.expression, scope, scope.random);
  }
}

/**
 * A state's result from its template (Pass Parameters): an object built
 * here comes with its `jsonByteBound` noted (see noteByteBound), counted
 * as its fields are set, for the payload check the state's output gets.
 */
export function evaluateResultTemplate(template: PayloadTemplate, scope: TemplateScope): JsonValue {
  return template.kind === "object"
    ? evaluateObject(template, scope, true)
    : evaluatePayloadTemplate(template, scope);
}

/** An object template's object; with `noteBound`, its size bound counted field by field and noted. */
function evaluateObject(
  template: PayloadTemplate & { readonly kind: "object" },
  scope: TemplateScope,
  noteBound: boolean,
): JsonObject {
  const result: JsonObject = {};
  const keys = template.keys;
  const values = template.values;
  let bound = template.fixedBound;
  for (let i = 0; i < keys.length; i++) {
    const valueTemplate = values[i]!;
    const value = evaluatePayloadTemplate(valueTemplate, scope);
    setOwn(result, keys[i]!, value);
    if (noteBound && valueTemplate.kind !== "literal") bound += jsonByteBound(value);
  }
  if (noteBound) noteByteBound(result, bound);
  return result;
}

function resolveSourcePath(source: ValueSource & { readonly kind: "path" }, scope: TemplateScope): JsonValue {
  const value = findPath(source.path, scope);
  if (value === undefined) {
    throw new StateRuntimeError(
      `The JSONPath '${source.path.text}' specified for the field '${source.field}' could not be found in the input '${javaJsonText(scope.input)}'`,
    );
  }
  return value;
}
