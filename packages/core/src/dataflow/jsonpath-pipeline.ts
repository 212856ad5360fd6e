/**
 * The JSONPath input/output pipeline of a state:
 * InputPath → Parameters → (the state's work) → ResultSelector → ResultPath → OutputPath.
 * Each step returns a new value and shares everything it does not change.
 */
import { StateRuntimeError } from "../errors.js";
import type { JsonValue } from "../json.js";
import type { JsonPath, PathScope } from "../jsonpath/json-path.js";
import { findPath, normalizedPath } from "../jsonpath/json-path.js";
import type { PayloadTemplate, TemplateScope } from "../jsonpath/payload-template.js";
import { evaluatePayloadTemplate } from "../jsonpath/payload-template.js";
import { assignAtPath } from "../jsonpath/reference-path.js";
import type { Frame } from "../execution/execution-state.js";
import type { StepSession } from "../execution/step-session.js";
import { evalScope } from "./eval-scope.js";

/**
 * InputPath and OutputPath: `undefined` is `$` (the whole value), `null`
 * gives `{}`; a path that selects nothing is a runtime error, as recorded:
 * `Invalid path '$.x' : No results for path: $['x']`.
 */
export function selectPath(path: JsonPath | null | undefined, scope: PathScope): JsonValue {
  if (path === undefined) return scope.input;
  if (path === null) return {};
  const value = findPath(path, scope);
  if (value === undefined) throw new StateRuntimeError(invalidPathDetail(path));
  return value;
}

export function invalidPathDetail(path: JsonPath): string {
  return `Invalid path '${path.text}' : No results for path: ${normalizedPath(path)}`;
}

/** InputPath or OutputPath of a frame's state: a scope is made only when there is a path to resolve. */
export function selectFramePath(
  session: StepSession,
  frame: Frame,
  path: JsonPath | null | undefined,
  input: JsonValue,
): JsonValue {
  return path === undefined ? input : selectPath(path, evalScope(session, frame, input));
}

/** Parameters, ResultSelector, ItemSelector: without a template the value passes unchanged. */
export function applyTemplate(template: PayloadTemplate | undefined, scope: TemplateScope): JsonValue {
  return template === undefined ? scope.input : evaluatePayloadTemplate(template, scope);
}

/**
 * ResultPath: `undefined` is `$` (the result replaces the input), `null`
 * discards the result (the raw input passes on), a path places the result
 * into a copy of the raw input.
 */
export function placeResult(
  resultPath: JsonPath | null | undefined,
  rawInput: JsonValue,
  result: JsonValue,
): JsonValue {
  if (resultPath === undefined) return result;
  if (resultPath === null) return rawInput;
  if (resultPath.root.kind !== "input") {
    throw new StateRuntimeError(`The ResultPath '${resultPath.text}' must start with '$'.`);
  }
  // A conflict (writing through a non-object) throws States.ReferencePathConflict, as AWS names it.
  return assignAtPath(rawInput, resultPath, result);
}
