/**
 * The commonest JSONata expression in a state machine is a plain path into
 * a variable: `$states.input.order.id`, `$config.region`, `$item`. JSONata
 * evaluates each step as a sequence (a new array per step, the entry and
 * exit hooks, a frame per evaluation): microseconds for a field lookup.
 * Such a path is recognised once, at load, and read directly while every
 * value on the way is an object; anything else (an array to map over, a
 * predicate, a group, `[]`) goes to JSONata as before.
 *
 * What JSONata gives for such a path, and so what the direct read gives:
 * each name step reads an own property of an object (the vendored copy
 * reads own properties only); a step on anything but an object finds
 * nothing; the last value is returned as it is, an array too.
 */
import type { JsonValue } from "../json.js";
import { isJsonObject } from "../json.js";
import type { JsonataNode } from "./vendor/jsonata-sync.js";

export interface DirectPath {
  /** The variable the path starts from, without `$`: `states` or a workflow variable. */
  readonly variable: string;
  /** The names read from it, in order (none for a bare `$name`). */
  readonly names: readonly string[];
}

/** A value the direct read cannot give: JSONata evaluates the expression. */
export const NOT_DIRECT: unique symbol = Symbol("not direct");

/** The direct path an expression is, if it is one. */
export function directPathOf(ast: JsonataNode): DirectPath | undefined {
  if (isPlainVariable(ast)) return { variable: ast.value as string, names: [] };
  if (ast.type !== "path" || !hasOnlyKeys(ast, PATH_KEYS)) return undefined;
  const steps = ast["steps"];
  if (!Array.isArray(steps) || steps.length < 2) return undefined;
  const [first, ...rest] = steps as unknown[];
  if (!isPlainVariable(first)) return undefined;
  const names: string[] = [];
  for (const step of rest) {
    if (!isPlainName(step)) return undefined;
    names.push((step as JsonataNode).value as string);
  }
  return { variable: (first as JsonataNode).value as string, names };
}

/**
 * Reads a direct path's names from `from` on, starting at `start` (the
 * variable's value, undefined when unbound): the value, undefined when a
 * step finds nothing, or NOT_DIRECT when a value on the way is an array
 * (JSONata maps over it).
 */
export function readDirectPath(
  names: readonly string[],
  start: JsonValue | undefined,
  from = 0,
): JsonValue | undefined | typeof NOT_DIRECT {
  let current = start;
  for (let i = from; i < names.length; i++) {
    if (current === undefined) return undefined;
    if (Array.isArray(current)) return NOT_DIRECT;
    if (!isJsonObject(current)) return undefined;
    const name = names[i]!;
    current = Object.hasOwn(current, name) ? current[name] : undefined;
  }
  return current;
}

const PATH_KEYS: ReadonlySet<string> = new Set(["type", "steps"]);
const STEP_KEYS: ReadonlySet<string> = new Set(["type", "value", "position"]);

/** `$name`, not `$` or `$$`, with nothing attached (no predicate, stage, group or `[]`). */
function isPlainVariable(node: unknown): boolean {
  if (!isStep(node, "variable")) return false;
  const name = node.value;
  return typeof name === "string" && name !== "" && name !== "$";
}

function isPlainName(node: unknown): boolean {
  return isStep(node, "name") && typeof node.value === "string";
}

function isStep(node: unknown, type: string): node is JsonataNode {
  return (
    typeof node === "object" &&
    node !== null &&
    (node as JsonataNode).type === type &&
    hasOnlyKeys(node as JsonataNode, STEP_KEYS)
  );
}

function hasOnlyKeys(node: JsonataNode, allowed: ReadonlySet<string>): boolean {
  return Object.keys(node).every((key) => allowed.has(key));
}
