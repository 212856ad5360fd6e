/**
 * Intrinsic functions (`"key.$": "States.Format('Hello {}', $.name)"`):
 * parse once with `parseIntrinsic`, evaluate per state with
 * `evaluateIntrinsic`.
 */
import { StateRuntimeError } from "../errors.js";
import type { JsonValue } from "../json.js";
import type { JsonPath, PathScope } from "../jsonpath/json-path.js";
import { JsonPathEvaluationError, findPath } from "../jsonpath/json-path.js";
import type { Random } from "../random.js";
import type { IntrinsicCall, IntrinsicExpression, IntrinsicNode } from "./intrinsic-ast.js";
import { IntrinsicFailure } from "./intrinsic-failure.js";
import { applyIntrinsic, arityProblem } from "./intrinsic-functions.js";
import { javaJsonText } from "./java-text.js";

export type {
  IntrinsicCall,
  IntrinsicExpression,
  IntrinsicFunctionName,
  IntrinsicNode,
  IntrinsicStringLiteral,
} from "./intrinsic-ast.js";
export { INTRINSIC_FUNCTION_NAMES, IntrinsicSyntaxError } from "./intrinsic-ast.js";
export { MAX_INTRINSIC_NESTING, isIntrinsicText, parseIntrinsic } from "./intrinsic-parser.js";

/**
 * Evaluates a parsed intrinsic expression against the state's paths.
 *
 * @example
 * ```ts
 * const expr = parseIntrinsic("States.Format('Hello {}', $.name)");
 * evaluateIntrinsic(expr, scope, random); // "Hello Ada" for the input {"name": "Ada"}
 * ```
 * @throws StateRuntimeError (States.Runtime) with the cause AWS gives, without
 * the state prefix the engine adds: "The function 'States.Format('{}', $.nope)'
 * had the following error: The JsonPath argument for the field '$.nope' could
 * not be found in the input '{"other":1}'".
 */
export function evaluateIntrinsic(expr: IntrinsicExpression, scope: PathScope, random: Random): JsonValue {
  try {
    return evaluateCall(expr.call, scope, random);
  } catch (error) {
    // AWS names the whole expression as written, even when a nested call failed.
    if (error instanceof IntrinsicFailure) {
      throw new StateRuntimeError(`The function '${expr.text}' had the following error: ${error.message}`);
    }
    throw error;
  }
}

/**
 * The calls in an expression whose argument count is wrong, as messages.
 * AWS accepts such a definition and fails when the state runs; a validator
 * may still want to warn.
 */
export function intrinsicArityProblems(expr: IntrinsicExpression): readonly string[] {
  const problems: string[] = [];
  const visit = (call: IntrinsicCall): void => {
    const problem = arityProblem(call);
    if (problem !== undefined) problems.push(problem);
    for (const arg of call.args) if (arg.kind === "call") visit(arg);
  };
  visit(expr.call);
  return problems;
}

function evaluateCall(call: IntrinsicCall, scope: PathScope, random: Random): JsonValue {
  const nodes = call.args;
  // Sized up front: pushing onto `[]` allocates room for 17 and grows from there.
  const args = new Array<JsonValue>(nodes.length);
  for (let i = 0; i < nodes.length; i++) args[i] = evaluateNode(nodes[i]!, scope, random);
  return applyIntrinsic(args, call, random);
}

function evaluateNode(node: IntrinsicNode, scope: PathScope, random: Random): JsonValue {
  switch (node.kind) {
    case "string":
    case "number":
    case "boolean":
      return node.value;
    case "null":
      return null;
    case "path":
      return resolveArgument(node.path, scope);
    case "call":
      return evaluateCall(node, scope, random);
  }
}

/**
 * A path argument must match something: unlike a plain `"x.$": "$.items[5]"`
 * (null on AWS), an intrinsic argument past the end of an array fails. An
 * indefinite path that matches nothing is an empty array, not a miss.
 */
function resolveArgument(path: JsonPath, scope: PathScope): JsonValue {
  const value = findOrFail(path, scope);
  if (value !== undefined) return value;
  // A context path is reported against the state input with one '$' dropped
  // ('$$.Nope' as '$.Nope'), the way AWS Step Functions Local words it.
  const field = path.root.kind === "context" ? path.text.slice(1) : path.text;
  throw new IntrinsicFailure(
    `The JsonPath argument for the field '${field}' could not be found in the input '${javaJsonText(scope.input)}'`,
  );
}

/** Where Jayway fails (a filter on a scalar, an unknown path function), AWS passes its message on. */
function findOrFail(path: JsonPath, scope: PathScope): JsonValue | undefined {
  try {
    return findPath(path, scope);
  } catch (error) {
    if (error instanceof JsonPathEvaluationError) throw new IntrinsicFailure(error.message);
    throw error;
  }
}
