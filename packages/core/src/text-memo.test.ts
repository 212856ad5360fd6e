import { describe, expect, it } from "vitest";
import { TextMemo } from "./text-memo.js";
import { parseJsonPath } from "./jsonpath/json-path.js";
import { parseIntrinsic } from "./intrinsics/intrinsic-parser.js";

describe("TextMemo", () => {
  it("parses a text once and gives the same result for it afterwards", () => {
    const parsed: string[] = [];
    const memo = new TextMemo((text) => (parsed.push(text), { text }), {
      maxEntries: 10,
      maxCharacters: 100,
    });
    const first = memo.get("$.a");
    expect(memo.get("$.a")).toBe(first);
    expect(memo.get("$.b")).not.toBe(first);
    expect(parsed).toEqual(["$.a", "$.b"]);
  });

  it("keeps nothing for a text that fails to parse: it throws every time", () => {
    let attempts = 0;
    const memo = new TextMemo(
      () => {
        attempts++;
        throw new SyntaxError("bad");
      },
      { maxEntries: 10, maxCharacters: 100 },
    );
    expect(() => memo.get("$[")).toThrow(SyntaxError);
    expect(() => memo.get("$[")).toThrow(SyntaxError);
    expect(attempts).toBe(2);
    expect(memo.size).toBe(0);
  });

  it("starts afresh when it holds as many texts, or as many characters, as it may", () => {
    const byCount = new TextMemo((text) => ({ text }), { maxEntries: 2, maxCharacters: 100 });
    const a = byCount.get("a");
    byCount.get("b");
    byCount.get("c");
    expect(byCount.size).toBe(1);
    expect(byCount.get("a")).not.toBe(a);

    const byLength = new TextMemo((text) => ({ text }), { maxEntries: 100, maxCharacters: 5 });
    byLength.get("abc");
    byLength.get("de");
    expect(byLength.size).toBe(2);
    byLength.get("f");
    expect(byLength.size).toBe(1);
    // A text longer than the whole allowance is parsed and not kept.
    const long = byLength.get("abcdefgh");
    expect(byLength.get("abcdefgh")).not.toBe(long);
    expect(byLength.size).toBe(1);
  });
});

describe("parsed paths and intrinsic calls are shared", () => {
  it("gives one frozen JsonPath for one text", () => {
    const path = parseJsonPath("$.shared.path[0]");
    expect(parseJsonPath("$.shared.path[0]")).toBe(path);
    expect(Object.isFrozen(path)).toBe(true);
    expect(Object.isFrozen(path.segments)).toBe(true);
  });

  it("gives one frozen expression for one intrinsic call", () => {
    const expression = parseIntrinsic("States.Format('{}', $.shared)");
    expect(parseIntrinsic("States.Format('{}', $.shared)")).toBe(expression);
    expect(Object.isFrozen(expression.call.args)).toBe(true);
  });
});
