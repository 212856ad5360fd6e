import { describe, expect, it } from "vitest";
import type { JsonValue } from "../json.js";
import { seededRandom } from "../random.js";
import type { IntrinsicFunctionName } from "./intrinsic-ast.js";
import { INTRINSIC_FUNCTION_NAMES } from "./intrinsic-ast.js";
import { IntrinsicFailure } from "./intrinsic-failure.js";
import { INTRINSIC_FUNCTIONS, applyIntrinsic, arityProblem } from "./intrinsic-functions.js";

function apply(name: IntrinsicFunctionName, ...args: JsonValue[]): JsonValue {
  const call = { kind: "call", name, args: args.map(() => ({ kind: "null" }) as const) } as const;
  return applyIntrinsic(args, call, seededRandom(1));
}

describe("INTRINSIC_FUNCTIONS", () => {
  it("has an entry for each of the 18 functions", () => {
    expect(Object.keys(INTRINSIC_FUNCTIONS).sort()).toEqual([...INTRINSIC_FUNCTION_NAMES].sort());
    expect(INTRINSIC_FUNCTION_NAMES).toHaveLength(18);
  });
});

describe("applyIntrinsic", () => {
  it.each<[IntrinsicFunctionName, JsonValue[]]>([
    ["States.StringToJson", []],
    ["States.StringToJson", ["{}", "x"]],
    ["States.JsonToString", []],
    ["States.Hash", ["hello"]],
    ["States.Hash", ["hello", "SHA-256", "extra"]],
    ["States.Base64Encode", ["a", "b"]],
    ["States.ArrayContains", [[1]]],
    ["States.ArrayRange", [1, 5]],
    ["States.JsonMerge", [{}, {}]],
    ["States.MathRandom", [1]],
    ["States.MathRandom", [1, 10, 5, 99]],
    ["States.Format", []],
    ["States.UUID", [1]],
  ])("fails %s with the wrong number of arguments %j", (name, args) => {
    expect(() => apply(name, ...args)).toThrow(new IntrinsicFailure(`Invalid arguments in ${name}`));
  });

  it.each<[IntrinsicFunctionName, JsonValue[]]>([
    ["States.StringToJson", [123]],
    ["States.StringToJson", [{ a: 1 }]],
    ["States.ArrayLength", ["not-array"]],
    ["States.ArrayLength", [{ k: 1 }]],
    ["States.ArrayGetItem", ["not-array", 0]],
    ["States.ArrayGetItem", [[1], "1"]],
    ["States.ArrayPartition", [[1], null]],
    ["States.ArrayPartition", ["x", 2]],
    ["States.ArrayRange", ["a", 5, 1]],
    ["States.ArrayUnique", ["x"]],
    ["States.Base64Encode", [123]],
    ["States.Base64Decode", [{}]],
    ["States.Hash", ["hello", 123]],
    ["States.JsonMerge", [null, {}, false]],
    ["States.JsonMerge", [{}, [], false]],
    ["States.MathAdd", ["1", 2]],
    ["States.MathAdd", [true, 1]],
    ["States.MathAdd", [null, 1]],
    ["States.MathRandom", [1, 10, "seed"]],
    ["States.MathRandom", [1, 10, null]],
    ["States.StringSplit", [123, ","]],
    ["States.StringSplit", ["a,b", [","]]],
    ["States.StringSplit", [false, ","]],
    ["States.Format", [123, "x"]],
  ])("fails %s with an argument of the wrong kind %j", (name, args) => {
    expect(() => apply(name, ...args)).toThrow(new IntrinsicFailure(`Invalid arguments in ${name}`));
  });

  it("runs a function with valid arguments", () => {
    expect(apply("States.Array")).toEqual([]);
    expect(apply("States.Array", 42, true, null, "hello")).toEqual([42, true, null, "hello"]);
    expect(apply("States.ArrayLength", [1, 2, 3])).toBe(3);
    expect(apply("States.MathRandom", 1, 10, 42)).toBe(apply("States.MathRandom", 1, 10, 42));
    expect(apply("States.UUID")).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});

describe("arityProblem", () => {
  it("describes a wrong argument count and accepts a right one", () => {
    const call = (name: IntrinsicFunctionName, count: number) =>
      ({
        kind: "call",
        name,
        args: Array.from({ length: count }, () => ({ kind: "null" }) as const),
      }) as const;
    expect(arityProblem(call("States.Hash", 1))).toBe("States.Hash takes 2 arguments but is given 1");
    expect(arityProblem(call("States.JsonToString", 0))).toBe(
      "States.JsonToString takes 1 argument but is given 0",
    );
    expect(arityProblem(call("States.MathRandom", 4))).toBe(
      "States.MathRandom takes 2 to 3 arguments but is given 4",
    );
    expect(arityProblem(call("States.Format", 0))).toBe(
      "States.Format takes at least 1 argument but is given 0",
    );
    expect(arityProblem(call("States.Array", 0))).toBeUndefined();
  });
});
