import { describe, expect, it } from "vitest";
import type { JsonObject, JsonValue } from "./json.js";
import { cloneJson, copyJsonObject, setOwn, toJsonValue } from "./json.js";

const throughText = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

describe("cloneJson and toJsonValue", () => {
  it("copy as a JSON round trip does, without sharing anything", () => {
    const source = {
      order: { id: "o-1", items: [1, { sku: "a" }], total: 12.5 },
      when: new Date(Date.UTC(2024, 0, 2)),
      dropped: undefined,
      holes: [undefined, () => 1, Number.NaN, Infinity],
      ["__proto__"]: { polluted: true },
    };
    Object.defineProperty(source, "__proto__", { value: { own: true }, enumerable: true });
    const copy = toJsonValue(source);
    expect(copy).toEqual(throughText(source));
    expect(Object.keys(copy as object)).toEqual(Object.keys(throughText(source) as object));
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    const original = source.order;
    const copied = (copy as { order: typeof original }).order;
    expect(copied).not.toBe(original);
    expect(copied.items[1]).not.toBe(original.items[1]);
  });

  it("copies scalars and null, and reads a missing value as null", () => {
    for (const value of ["text", 0, -1.5, true, false, null] as JsonValue[])
      expect(cloneJson(value)).toBe(value);
    expect(toJsonValue(undefined)).toBeNull();
    expect(() => toJsonValue({ big: 1n })).toThrow(TypeError);
  });
});

describe("copyJsonObject", () => {
  it("copies the own keys in order into a new object that shares the values", () => {
    const nested = { deep: true };
    const source: JsonObject = { b: 1, a: nested };
    const copy = copyJsonObject(source);
    expect(copy).not.toBe(source);
    expect(Object.keys(copy)).toEqual(["b", "a"]);
    expect(copy["a"]).toBe(nested);
  });

  it("keeps an own __proto__ key as data and leaves the copy's prototype alone", () => {
    const source = JSON.parse('{"x":1,"__proto__":{"polluted":true}}') as JsonObject;
    const copy = copyJsonObject(source);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(["x", "__proto__"]);
    expect(Object.getOwnPropertyDescriptor(copy, "__proto__")?.value).toEqual({ polluted: true });
    setOwn(copy, "y", 2);
    expect((copy as { polluted?: unknown }).polluted).toBeUndefined();
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});
