/**
 * The evaluation in progress, and the limits AWS puts on it. AWS documents
 * ("Handling expression errors", Transforming data with JSONata):
 * an expression running longer than 1 second fails with "Expression
 * evaluation timeout", one exceeding the maximum recursion depth with "Stack
 * overflow error", one using too much memory with "Expression evaluation
 * memory limit exceeded", all as States.QueryEvaluationError.
 *
 * Evaluation is synchronous and never re-entered from inside itself, so the
 * current evaluation is module state, set for the duration of one call.
 */
import type { Random } from "../random.js";

export interface JsonataLimits {
  /** Wall-clock budget of one evaluation, in milliseconds. AWS: 1 second. */
  readonly timeoutMs: number;
  /** Deepest nesting of evaluation steps. */
  readonly maxDepth: number;
}

/**
 * Reported against AWS (test-state, by another emulator's authors): `1+1+…+1`
 * with 100 terms, 99 nested parentheses or brackets, and a non-tail-recursive
 * `$f(31)` evaluate; one level more fails. Counting one level per evaluation
 * step, as JSONata's own `__evaluate_entry` hook allows, puts all of them at
 * a ceiling of 100.
 */
export const DEFAULT_LIMITS: JsonataLimits = { timeoutMs: 1000, maxDepth: 100 };

/**
 * The memory bound, reported measured on AWS: `[1..873782]` evaluates, one
 * element more fails, as does a string of 2^23 characters (2^22 passes). We
 * check each step's result shallowly (an array's length, a string's length),
 * which costs nothing per step and catches both shapes at AWS's bound.
 */
export const MAX_SEQUENCE_LENGTH = 873_782;
export const MAX_STRING_LENGTH = MAX_SEQUENCE_LENGTH * 8;

/**
 * JSONata's own test-harness texts for these bounds, as AWS words them
 * (reported measured on AWS: one space after "function." where the harness
 * has two, and no "Depth=… max=…" suffix).
 */
export const BoundMessage = {
  timeout: "Expression evaluation timeout: Check for infinite loop",
  depth:
    "Stack overflow error: Check for non-terminating recursive function. Consider rewriting as tail-recursive",
  memory: "Expression evaluation memory limit exceeded: Check for excessive memory usage",
} as const;

/**
 * A limit was hit. AWS reports these without a JSONata error code, joined to
 * its sentence with ": " instead of ". CODE: " (reported for the memory
 * bound: "threw an error during evaluation: Expression evaluation memory
 * limit exceeded: Check for excessive memory usage").
 */
export class JsonataBoundError extends Error {
  override readonly name = "JsonataBoundError";
}

export interface Evaluation {
  readonly random: Random;
  /** The execution's current time, epoch milliseconds: `$now()` and `$millis()`. */
  readonly now: number;
  readonly limits: JsonataLimits;
  /** performance.now() past which the evaluation times out. */
  readonly deadline: number;
  depth: number;
  steps: number;
  /**
   * Objects `$clone` made in this evaluation: the transform operator
   * (`$x ~> |pattern|update|`) may change only these. Evaluation shares
   * `$states` and variables with the engine instead of copying them, and a
   * copy made by an earlier evaluation may since have become a variable.
   * Made by the first `$clone`: most evaluations never transform.
   */
  transformCopies: WeakSet<object> | undefined;
}

let current: Evaluation | undefined;

/** The evaluation in progress; only called from inside one. */
export function currentEvaluation(): Evaluation {
  if (current === undefined) throw new Error("no JSONata evaluation in progress");
  return current;
}

/**
 * Runs `body` as one evaluation. The deadline is measured on the host's
 * monotonic timer on purpose: it guards the process against a runaway
 * expression, it is not execution time (that is `now`, injected).
 */
export function withEvaluation<T>(random: Random, now: number, limits: JsonataLimits, body: () => T): T {
  const previous = current;
  current = {
    random,
    now,
    limits,
    deadline: performance.now() + limits.timeoutMs,
    depth: 0,
    steps: 0,
    transformCopies: undefined,
  };
  try {
    return body();
  } finally {
    current = previous;
  }
}

/** JSONata's `__evaluate_entry` hook: called before every evaluation step. */
export function enterStep(): void {
  const evaluation = currentEvaluation();
  evaluation.depth++;
  if (evaluation.depth > evaluation.limits.maxDepth) throw new JsonataBoundError(BoundMessage.depth);
  // performance.now() costs tens of nanoseconds; every 16th step is plenty.
  if ((++evaluation.steps & 15) === 0 && performance.now() > evaluation.deadline) {
    throw new JsonataBoundError(BoundMessage.timeout);
  }
}

/** JSONata's `__evaluate_exit` hook: called with every step's result. */
export function exitStep(_expr: unknown, _input: unknown, _environment: unknown, result: unknown): void {
  currentEvaluation().depth--;
  checkResultSize(result);
}

/** The memory bound, on one step's result (shallow: a string's or an array's length); returns the result. */
export function checkResultSize<T>(result: T): T {
  if (
    typeof result === "string"
      ? result.length > MAX_STRING_LENGTH
      : Array.isArray(result) && result.length > MAX_SEQUENCE_LENGTH
  ) {
    throw new JsonataBoundError(BoundMessage.memory);
  }
  return result;
}
