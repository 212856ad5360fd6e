import { describe, expect, it } from "vitest";
import type { JsonValue } from "./json.js";
import { exceedsJsonBytes, jsonByteLength } from "./json-size.js";

const textSize = (value: JsonValue): number => Buffer.byteLength(JSON.stringify(value), "utf8");

describe("jsonByteLength", () => {
  it.each<[string, JsonValue]>([
    ["null", null],
    ["booleans", [true, false]],
    ["integers", [0, -0, 7, -7, 10, 99, 100, -1000, 2 ** 53 - 1, -(2 ** 53 - 1)]],
    ["other numbers", [0.1, -1.5e-7, 1e21, 2 ** 60, 123456789.125, Number.MIN_VALUE]],
    ["plain ASCII", "order o-1 (3 items)"],
    ["quotes and backslashes", 'say "hi" \\ bye'],
    ["control characters", "a\bb\tc\nd\fe\rf\u0000g\u001fh\u007f"],
    ["two- and three-byte characters", "é ß ü € 漢字"],
    ["surrogate pairs", "emoji 😀 and 𝄞"],
    ["lone surrogates", "high \ud83d alone, low \ude00 alone, reversed \ude00\ud83d"],
    ["empty containers", { a: {}, b: [], c: "" }],
    ["nested", { order: { id: "o-1", items: [1, 2, { sku: "é", qty: 2 }] }, 'key "quoted"': [null] }],
  ])("measures %s as JSON.stringify writes them", (_, value) => {
    expect(jsonByteLength(value)).toBe(textSize(value));
  });

  it("skips undefined object members and writes undefined array items as null, like JSON.stringify", () => {
    const value = { a: undefined, b: 1, c: [undefined, 2] } as unknown as JsonValue;
    expect(jsonByteLength(value)).toBe(textSize(value));
  });

  it("measures large containers, and a shared subtree again inside new payloads", () => {
    const records = Array.from({ length: 500 }, (_, i) => ({
      id: `rec-${i}`,
      memo: `invoice ${i} — booked`,
      tags: ["ledger", i % 2 === 0 ? "even" : "odd"],
    }));
    const wide = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`field${i}`, i * 1.5]));
    const first = { doc: { step: 1, records }, wide };
    const second = { doc: { step: 2, records }, wide, extra: "ü" };
    expect(jsonByteLength(first)).toBe(textSize(first));
    expect(jsonByteLength(second)).toBe(textSize(second));
    expect(jsonByteLength(records)).toBe(textSize(records));
  });

  it("measures long arrays, which it serializes natively, with every kind of item", () => {
    const tricky = [null, -0, 1e21, 'q"\\', "\u0001", "é€😀", "\ud800 lone", undefined, { k: [undefined] }];
    const long = Array.from({ length: 200 }, (_, i) => tricky[i % tricky.length]) as JsonValue[];
    expect(jsonByteLength(long)).toBe(textSize(long));
    expect(jsonByteLength({ inside: long, after: "ü" })).toBe(textSize({ inside: long, after: "ü" }));
    expect(exceedsJsonBytes(long, textSize(long))).toBe(false);
    expect(exceedsJsonBytes(long, textSize(long) - 1)).toBe(true);
  });

  it("agrees with JSON.stringify on random values", () => {
    let seed = 42;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const alphabet = [
      "a",
      "Z",
      "0",
      " ",
      '"',
      "\\",
      "\n",
      "\u0001",
      "é",
      "€",
      "😀",
      "\ud800",
      "\udfff",
      "\u007f",
    ];
    const randomValue = (depth: number): JsonValue => {
      switch (next(depth > 3 ? 4 : 6)) {
        case 0:
          return next(2) === 0 ? null : next(2) === 0;
        case 1:
          return (next(2000) - 1000) / (next(3) === 0 ? 7 : 1);
        case 2:
        case 3:
          return Array.from({ length: next(6) }, () => alphabet[next(alphabet.length)]!).join("");
        case 4:
          return Array.from({ length: next(20) }, () => randomValue(depth + 1));
        default:
          return Object.fromEntries(
            Array.from({ length: next(20) }, (_, i) => [
              `${alphabet[next(alphabet.length)]}${i}`,
              randomValue(depth + 1),
            ]),
          );
      }
    };
    for (let i = 0; i < 500; i++) {
      const value = randomValue(0);
      expect(jsonByteLength(value)).toBe(textSize(value));
    }
  });
});

describe("exceedsJsonBytes", () => {
  it("agrees with the exact size at and around the limit", () => {
    const values: JsonValue[] = [
      { text: "x".repeat(100) },
      { text: "é".repeat(100), n: [1.5, -2, 1e21] },
      ["\u0001".repeat(30), { 'quote"': "\\" }],
      Array.from({ length: 300 }, (_, i) => ({ id: i, name: `item ${i}` })),
    ];
    for (const value of values) {
      const size = textSize(value);
      for (const limit of [0, 1, size - 1, size, size + 1, size * 6]) {
        expect(exceedsJsonBytes(value, limit)).toBe(size > limit);
      }
    }
  });
});
