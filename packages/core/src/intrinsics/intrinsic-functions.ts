/**
 * The table of the 18 intrinsic functions: how many arguments each takes,
 * the kind of each argument, and what it computes. AWS checks all of this
 * while the state runs, not when the definition is created: a wrong count or
 * kind fails the state with States.Runtime and "Invalid arguments in
 * States.X" (AWS accepts `States.StringToJson()` and `States.Hash('a')` in a
 * definition and fails them at run time).
 */
import type { JsonArray, JsonObject, JsonValue } from "../json.js";
import { isJsonObject } from "../json.js";
import type { Random } from "../random.js";
import { arrayContains, arrayGetItem, arrayPartition, arrayRange, arrayUnique } from "./array-functions.js";
import { format } from "./format-function.js";
import type { IntrinsicCall, IntrinsicFunctionName } from "./intrinsic-ast.js";
import { invalidArguments } from "./intrinsic-failure.js";
import { jsonMerge, jsonToString, stringToJson } from "./json-functions.js";
import { mathAdd, mathRandom } from "./math-functions.js";
import { base64Decode, base64Encode, hash, stringSplit } from "./string-functions.js";

export type ArgumentKind = "any" | "string" | "number" | "array" | "object";

export interface IntrinsicFunction {
  readonly minArgs: number;
  readonly maxArgs: number;
  /** The kind of each argument; the last kind repeats for the rest of a variadic function's arguments. */
  readonly kinds: readonly ArgumentKind[];
  /**
   * Runs with arguments whose count and kinds have been checked. Arguments
   * are read by index, not destructured: destructuring goes through the
   * array iterator, and this runs for every intrinsic a state evaluates.
   */
  readonly apply: (args: readonly JsonValue[], call: IntrinsicCall, random: Random) => JsonValue;
}

// Casts for arguments whose kinds applyIntrinsic has already checked.
const str = (value: JsonValue | undefined): string => value as string;
const num = (value: JsonValue | undefined): number => value as number;
const arr = (value: JsonValue | undefined): JsonArray => value as JsonArray;
const obj = (value: JsonValue | undefined): JsonObject => value as JsonObject;

export const INTRINSIC_FUNCTIONS: { readonly [Name in IntrinsicFunctionName]: IntrinsicFunction } = {
  "States.Format": {
    minArgs: 1,
    maxArgs: Infinity,
    kinds: ["string", "any"],
    apply: (args, call) => format(args, call.args[0]),
  },
  "States.StringToJson": {
    minArgs: 1,
    maxArgs: 1,
    kinds: ["string"],
    apply: (args) => stringToJson(str(args[0])),
  },
  "States.JsonToString": { minArgs: 1, maxArgs: 1, kinds: ["any"], apply: (args) => jsonToString(args[0]!) },
  "States.Array": { minArgs: 0, maxArgs: Infinity, kinds: ["any"], apply: (args) => [...args] },
  "States.ArrayPartition": {
    minArgs: 2,
    maxArgs: 2,
    kinds: ["array", "number"],
    apply: (args) => arrayPartition(arr(args[0]), num(args[1])),
  },
  "States.ArrayContains": {
    minArgs: 2,
    maxArgs: 2,
    kinds: ["array", "any"],
    apply: (args) => arrayContains(arr(args[0]), args[1]!),
  },
  "States.ArrayRange": {
    minArgs: 3,
    maxArgs: 3,
    kinds: ["number", "number", "number"],
    apply: (args) => arrayRange(num(args[0]), num(args[1]), num(args[2])),
  },
  "States.ArrayGetItem": {
    minArgs: 2,
    maxArgs: 2,
    kinds: ["array", "number"],
    apply: (args) => arrayGetItem(arr(args[0]), num(args[1])),
  },
  "States.ArrayLength": { minArgs: 1, maxArgs: 1, kinds: ["array"], apply: (args) => arr(args[0]).length },
  "States.ArrayUnique": {
    minArgs: 1,
    maxArgs: 1,
    kinds: ["array"],
    apply: (args) => arrayUnique(arr(args[0])),
  },
  "States.Base64Encode": {
    minArgs: 1,
    maxArgs: 1,
    kinds: ["string"],
    apply: (args) => base64Encode(str(args[0])),
  },
  "States.Base64Decode": {
    minArgs: 1,
    maxArgs: 1,
    kinds: ["string"],
    apply: (args) => base64Decode(str(args[0])),
  },
  "States.Hash": {
    minArgs: 2,
    maxArgs: 2,
    kinds: ["any", "string"],
    apply: (args) => hash(args[0]!, str(args[1])),
  },
  "States.JsonMerge": {
    minArgs: 3,
    maxArgs: 3,
    kinds: ["object", "object", "any"],
    apply: (args) => jsonMerge(obj(args[0]), obj(args[1]), args[2]!),
  },
  "States.MathRandom": {
    minArgs: 2,
    maxArgs: 3,
    kinds: ["number", "number", "number"],
    apply: (args, _call, random) =>
      mathRandom(num(args[0]), num(args[1]), args[2] === undefined ? undefined : num(args[2]), random),
  },
  "States.MathAdd": {
    minArgs: 2,
    maxArgs: 2,
    kinds: ["number", "number"],
    apply: (args) => mathAdd(num(args[0]), num(args[1])),
  },
  "States.StringSplit": {
    minArgs: 2,
    maxArgs: 2,
    kinds: ["string", "string"],
    apply: (args) => stringSplit(str(args[0]), str(args[1])),
  },
  "States.UUID": { minArgs: 0, maxArgs: 0, kinds: [], apply: (_args, _call, random) => random.uuid() },
};

/** Checks the count and kinds of the arguments, then runs the function. */
export function applyIntrinsic(args: readonly JsonValue[], call: IntrinsicCall, random: Random): JsonValue {
  const name = call.name;
  const fn = INTRINSIC_FUNCTIONS[name];
  if (args.length < fn.minArgs || args.length > fn.maxArgs) throw invalidArguments(name);
  for (let i = 0; i < args.length; i++) {
    const kind = fn.kinds[Math.min(i, fn.kinds.length - 1)] ?? "any";
    if (!hasKind(args[i]!, kind)) throw invalidArguments(name);
  }
  return fn.apply(args, call, random);
}

/**
 * The argument count problem of a call, if any, for a validator that wants
 * to warn when the definition is loaded (AWS itself only fails at run time).
 */
export function arityProblem(call: IntrinsicCall): string | undefined {
  const fn = INTRINSIC_FUNCTIONS[call.name];
  const count = call.args.length;
  if (count >= fn.minArgs && count <= fn.maxArgs) return undefined;
  const expected =
    fn.maxArgs === Infinity
      ? `at least ${fn.minArgs}`
      : fn.minArgs === fn.maxArgs
        ? `${fn.minArgs}`
        : `${fn.minArgs} to ${fn.maxArgs}`;
  const plural = fn.minArgs === 1 && (fn.maxArgs === 1 || fn.maxArgs === Infinity) ? "" : "s";
  return `${call.name} takes ${expected} argument${plural} but is given ${count}`;
}

function hasKind(value: JsonValue, kind: ArgumentKind): boolean {
  switch (kind) {
    case "any":
      return true;
    case "string":
      return typeof value === "string";
    case "number":
      return typeof value === "number";
    case "array":
      return Array.isArray(value);
    case "object":
      return isJsonObject(value);
  }
}
