import { describe, expect, it } from "vitest";
import type { JsonValue } from "../json.js";
import { seededRandom } from "../random.js";
import { compileJsonata, evaluateCompiled } from "./jsonata-expression.js";
import type { CompiledJsonata, JsonataBindings } from "./jsonata-expression.js";

function compiled(text: string): CompiledJsonata {
  const outcome = compileJsonata(text);
  if (!outcome.ok) throw new Error(`'${text}' did not compile`);
  return outcome.compiled;
}

function bindings(input: JsonValue, variables: Record<string, JsonValue>): JsonataBindings {
  return {
    states: { input, context: { State: { Name: "S" }, Execution: { Input: input } } },
    variable: (name) => (Object.hasOwn(variables, name) ? variables[name] : undefined),
    random: seededRandom(1),
    now: 0,
  };
}

/** The result, or the text of what was thrown. */
function outcome(run: () => JsonValue | undefined): { value: JsonValue | undefined } | { threw: string } {
  try {
    return { value: run() };
  } catch (error) {
    return { threw: (error as Error).message };
  }
}

const DOCUMENTS: readonly JsonValue[] = [
  { a: { b: { c: 1 } }, list: [1, 2], people: [{ name: "x" }, { name: "y" }], s: "text", n: null },
  { a: [{ b: { c: 2 } }, { b: { c: 3 } }], list: [], s: 5 },
  { a: { b: [[1, 2], [3]] }, list: [[{ name: "nested" }]] },
  { a: { b: { c: [] } }, "my key": { "": 0 }, constructor: { prototype: 1 } },
  { a: null, people: { name: "one" } },
  [1, { a: { b: { c: 4 } } }],
  "just a string",
  Object.assign(Object.create(null) as Record<string, JsonValue>, { a: { b: { c: "no prototype" } } }),
];

const EXPRESSIONS: readonly string[] = [
  "$states.input",
  "$states.input.a",
  "$states.input.a.b",
  "$states.input.a.b.c",
  "$states.input.a.b.c.d",
  "$states.input.list",
  "$states.input.people.name",
  "$states.input.s",
  "$states.input.s.length",
  "$states.input.n",
  "$states.input.n.x",
  "$states.input.`my key`",
  "$states.input.`my key`.``",
  "$states.input.constructor",
  "$states.input.constructor.prototype",
  "$states.input.toString",
  "$states.input.__proto__",
  "$states.context.State.Name",
  "$states.context.Execution.Input.a",
  "$states.result",
  "$states.errorOutput.Error",
  "$states.other",
  "$config",
  "$config.region",
  "$config.list",
  "$config.list.x",
  "$config.missing.deeper",
  "$unset",
  "$unset.field",
  "$doc.a.b.c",
];

describe("direct paths", () => {
  it("are recognised for plain paths into variables only", () => {
    expect(compiled("$states.input.a.b").direct).toEqual({ variable: "states", names: ["input", "a", "b"] });
    expect(compiled("$config").direct).toEqual({ variable: "config", names: [] });
    expect(compiled("$config.`a b`").direct).toEqual({ variable: "config", names: ["a b"] });
    for (const text of [
      "$states",
      "$$",
      "$string",
      "$states.input.a[0]",
      "$states.input.a[]",
      "$states.input.a{'k': 1}",
      "$states.input.a.b + 1",
      "$states.input.*",
      "$states.input.**.c",
      "$states.input.(a)",
      "$states.input.a^(b)",
      "$states.input.a@$x",
      "$states.input.a#$i",
      "$states.input.%",
      "$states.input.a.$string()",
    ]) {
      expect(compiled(text).direct, text).toBeUndefined();
    }
  });

  it("give what JSONata gives, for every document and variable", () => {
    for (const document of DOCUMENTS) {
      const variables = { config: document, doc: document };
      for (const text of EXPRESSIONS) {
        const fast = compiled(text);
        const slow: CompiledJsonata = { ...fast, direct: undefined };
        const scope = bindings(document, variables);
        expect(
          outcome(() => evaluateCompiled(fast, () => "Output", scope)),
          `${text} on ${JSON.stringify(document)}`,
        ).toEqual(outcome(() => evaluateCompiled(slow, () => "Output", scope)));
      }
    }
  });

  it("keep JSONata's memory bound on what they return", () => {
    const long = "x".repeat(2 ** 23);
    const text = "$states.input.s";
    const fast = compiled(text);
    const slow: CompiledJsonata = { ...fast, direct: undefined };
    const scope = bindings({ s: long }, {});
    const threw = outcome(() => evaluateCompiled(fast, () => "Output", scope));
    expect(threw).toEqual(outcome(() => evaluateCompiled(slow, () => "Output", scope)));
    expect("threw" in threw && threw.threw).toContain("Expression evaluation memory limit exceeded");
  });
});
