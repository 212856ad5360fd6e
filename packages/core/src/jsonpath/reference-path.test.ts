import { describe, expect, it } from "vitest";
import { StatesError } from "../errors.js";
import type { JsonValue } from "../json.js";
import { parseJsonPath } from "./json-path.js";
import { REFERENCE_PATH_CONFLICT, ReferencePathConflict, assignAtPath } from "./reference-path.js";

function assign(root: JsonValue, path: string, value: JsonValue): JsonValue {
  return assignAtPath(root, parseJsonPath(path), value);
}

describe("assignAtPath", () => {
  it("replaces the whole value at $", () => {
    expect(assign({ a: 1 }, "$", "x")).toBe("x");
  });

  it("sets a field, keeping the others and their order", () => {
    expect(assign({ a: 1, b: 2 }, "$.a", 9)).toEqual({ a: 9, b: 2 });
    expect(Object.keys(assign({ a: 1, b: 2 }, "$.a", 9) as object)).toEqual(["a", "b"]);
    expect(assign({ a: 1 }, "$.c", 3)).toEqual({ a: 1, c: 3 });
  });

  it("creates missing objects along the way", () => {
    expect(assign({}, "$.a.b['c d']", 1)).toEqual({ a: { b: { "c d": 1 } } });
  });

  it("copies only the spine and shares everything else", () => {
    const big = { keep: { deep: [1, 2, 3] }, path: { other: { x: 1 }, target: 0 } };
    const result = assign(big, "$.path.target", 5) as typeof big;
    expect(result).not.toBe(big);
    expect(result.path).not.toBe(big.path);
    expect(result.keep).toBe(big.keep);
    expect(result.path.other).toBe(big.path.other);
    expect(big.path.target).toBe(0);
  });

  it("replaces array elements, counting negative indexes from the end", () => {
    const input = { a: [1, { b: 2 }, 3] };
    expect(assign(input, "$.a[1].b", 9)).toEqual({ a: [1, { b: 9 }, 3] });
    expect(assign(input, "$.a[-1]", 9)).toEqual({ a: [1, { b: 2 }, 9] });
    expect(input).toEqual({ a: [1, { b: 2 }, 3] });
  });

  it("never lets __proto__ reach a prototype", () => {
    const result = assign({}, "$.__proto__.polluted", true) as Record<string, unknown>;
    expect(Object.prototype.hasOwnProperty.call(result, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
  });

  it("copies an object with an own __proto__ key without touching the copy's prototype", () => {
    const input = JSON.parse('{"__proto__":{"polluted":true},"a":1}') as JsonValue;
    const result = assign(input, "$.b", 2) as Record<string, unknown>;
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.keys(result)).toEqual(["__proto__", "a", "b"]);
    expect(result["polluted"]).toBeUndefined();
  });

  it("fails with States.ReferencePathConflict where a step cannot apply", () => {
    const cases: [JsonValue, string, string][] = [
      [{ a: "text" }, "$.a.b", 'Unable to apply step "b" to input {"a":"text"}'],
      [{ a: null }, "$.a.b", 'Unable to apply step "b" to input {"a":null}'],
      [{ a: [1] }, "$.a.b", 'Unable to apply step "b" to input {"a":[1]}'],
      [{ a: {} }, "$.a[0]", 'Unable to apply step "0" to input {"a":{}}'],
      [{ a: [1] }, "$.a[1]", 'Unable to apply step "1" to input {"a":[1]}'],
      [{}, "$.a[0]", 'Unable to apply step "0" to input {}'],
      [[1, 2], "$.x", 'Unable to apply step "x" to input [1,2]'],
      ["text", "$.x", 'Unable to apply ReferencePath $.x to input "text"'],
    ];
    for (const [root, path, cause] of cases) {
      let caught: unknown;
      try {
        assign(root, path, 1);
      } catch (error) {
        caught = error;
      }
      expect(caught, path).toBeInstanceOf(ReferencePathConflict);
      expect(caught).toBeInstanceOf(StatesError);
      expect((caught as StatesError).name).toBe(REFERENCE_PATH_CONFLICT);
      expect((caught as StatesError).cause).toBe(cause);
    }
  });

  it("refuses a path that is not a reference path", () => {
    expect(() => assign({}, "$.a[*]", 1)).toThrow(TypeError);
  });
});
