/**
 * The one JSONata instance Stepwise uses: the vendored synchronous build,
 * with RE2 for every regular expression, the evaluation bounds hooked in, the
 * Step Functions functions bound and `$eval` removed. Built on first use:
 * compiling JSONata's built-in signatures takes a moment that a machine
 * without JSONata should not pay.
 */
import { currentEvaluation, enterStep, exitStep } from "./evaluation-bounds.js";
import { SafeRegExp } from "./safe-regexp.js";
import { stepFunctionsFunctions } from "./step-functions-functions.js";
import { instantiateJsonata } from "./vendor/jsonata-sync.js";
import type { JsonataExpression, JsonataFactory } from "./vendor/jsonata-sync.js";

/** A JSONata function value, as JSONata represents native functions. */
interface NativeFunction {
  readonly _jsonata_function: true;
  readonly implementation: (...args: never[]) => unknown;
}

function isNativeFunction(value: unknown): value is NativeFunction {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as Partial<NativeFunction>)._jsonata_function === true
  );
}

interface Runtime {
  readonly jsonata: JsonataFactory;
  /** Bound in every expression's environment, shadowing JSONata's built-ins of the same name. */
  readonly bindings: readonly (readonly [string, unknown])[];
}

let runtime: Runtime | undefined;

function createRuntime(): Runtime {
  // A pattern such as `|$states.input|{'x': 1}|` must not write to the
  // engine's data: the transform operator changes only its own copies.
  const jsonata = instantiateJsonata({
    RegExp: SafeRegExp,
    isTransformTarget: (value) =>
      typeof value !== "object" || value === null || currentEvaluation().transformCopies?.has(value) === true,
  });

  /** A built-in as JSONata defines it, read from a bare expression. */
  const builtin = (name: string): NativeFunction => {
    const value = jsonata(`$${name}`).evaluate(undefined);
    if (!isNativeFunction(value)) throw new Error(`JSONata has no built-in $${name}`);
    return value;
  };

  /** A function value, as JSONata builds it from an implementation and an optional signature. */
  const defineFunction = (
    implementation: (...args: never[]) => unknown,
    signature?: string,
  ): NativeFunction => {
    const holder = jsonata("$f");
    holder.registerFunction("f", implementation, signature);
    const value = holder.evaluate(undefined);
    if (!isNativeFunction(value)) throw new Error("JSONata did not define the function");
    return value;
  };

  const jsonataClone = builtin("clone").implementation as (value: unknown) => unknown;
  const fromMillis = builtin("fromMillis").implementation as (
    millis: number,
    picture?: string,
    timezone?: string,
  ) => unknown;

  const cloneForTransform = (value: unknown): unknown => {
    const copy = jsonataClone(value);
    const evaluation = currentEvaluation();
    const transformCopies = (evaluation.transformCopies ??= new WeakSet());
    const stack = [copy];
    while (stack.length > 0) {
      const item = stack.pop();
      if (typeof item === "object" && item !== null) {
        transformCopies.add(item);
        for (const child of Object.values(item)) stack.push(child);
      }
    }
    return copy;
  };

  return {
    jsonata,
    bindings: [
      ...stepFunctionsFunctions({ fromMillis }).map(
        (definition) =>
          [definition.name, defineFunction(definition.implementation, definition.signature)] as const,
      ),
      ["clone", defineFunction(cloneForTransform, "<(oa)-:o>")],
      // Unbound, so a call answers JSONata's T1006 "Attempted to invoke a
      // non-function", which is what AWS answers for $eval.
      ["eval", undefined],
    ],
  };
}

function getRuntime(): Runtime {
  runtime ??= createRuntime();
  return runtime;
}

/**
 * Parses an expression (throws JSONata's parse error) into an evaluable
 * expression with Stepwise's environment. Evaluate it only inside
 * `withEvaluation`.
 */
export function parseJsonata(text: string): JsonataExpression {
  const { jsonata, bindings } = getRuntime();
  const expression = jsonata(text);
  for (const [name, value] of bindings) expression.assign(name, value);
  expression.assign(Symbol.for("jsonata.__evaluate_entry"), enterStep);
  expression.assign(Symbol.for("jsonata.__evaluate_exit"), exitStep);
  return expression;
}

const builtinNames = new Map<string, boolean>();
const BUILTIN_MEMO_LIMIT = 4096;

/**
 * Whether `$name` is a function JSONata or Step Functions provides: such
 * names are never looked up as workflow variables.
 */
export function isBuiltinName(name: string): boolean {
  const known = builtinNames.get(name);
  if (known !== undefined) return known;
  const { jsonata, bindings } = getRuntime();
  let builtinFunction = false;
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    builtinFunction =
      bindings.some(([bound]) => bound === name) || isNativeFunction(jsonata(`$${name}`).evaluate(undefined));
  }
  if (builtinNames.size >= BUILTIN_MEMO_LIMIT) builtinNames.clear();
  builtinNames.set(name, builtinFunction);
  return builtinFunction;
}
