import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../random.js";
import { compileJsonataTemplate, evaluateJsonataTemplate } from "./jsonata-template.js";
import type { JsonataBindings } from "./jsonata-template.js";

const script = fileURLToPath(new URL("../../scripts/vendor-jsonata.mjs", import.meta.url));
const vendored = fileURLToPath(new URL("./vendor/jsonata-sync.js", import.meta.url));

function bindings(input: unknown): JsonataBindings {
  return {
    states: { input: input as never, context: {} },
    variable: () => undefined,
    random: seededRandom(1),
    now: Date.UTC(2024, 0, 2, 3, 4, 5),
  };
}

describe("the vendored synchronous JSONata", () => {
  it("is exactly what the transform makes of the installed jsonata package", () => {
    // Throws (exit 1) when a vendored file was edited by hand or jsonata changed.
    expect(() => execFileSync(process.execPath, [script, "--check"], { stdio: "pipe" })).not.toThrow();
  });

  it("keeps no async function, await or Promise", () => {
    const body = readFileSync(vendored, "utf8").replace(/^\/\*[\s\S]*?\*\//, "");
    expect(body).not.toMatch(/\bawait\b/);
    expect(body).not.toMatch(/\bPromise\b/);
    expect(body.match(/\basync\b/g)).toEqual(["async", "async"]); // the frame property `async: ... .async`
  });

  // One expression per evaluator path that was async: each returns a plain value, never a promise.
  const expressions: [string, unknown][] = [
    ["$map([1,2,3], function($v){ $v * 2 })", [2, 4, 6]],
    ["$filter([1,2,3,4], function($v){ $v % 2 = 0 })", [2, 4]],
    ["$reduce([1,2,3,4], function($a, $b){ $a + $b })", 10],
    ["$single([1,2,3], function($v){ $v = 2 })", 2],
    ["$sort([3,1,2], function($a, $b){ $a > $b })", [1, 2, 3]],
    ["$each({'a': 1, 'b': 2}, function($v, $k){ $k & $v })", ["a1", "b2"]],
    ["$sift({'a': 1, 'b': 2}, function($v){ $v > 1 })", { b: 2 }],
    ["$states.input.items^(>price).name", ["b", "a"]],
    ["$states.input.items{name: price}", { a: 1, b: 2 }],
    ["$states.input.items.(price * 10)", [10, 20]],
    ["$states.input.items[price > 1].name", "b"],
    ["[$states.input.items.name, 'c']", ["a", "b", "c"]],
    ["($f := function($n){ $n <= 1 ? 1 : $n * $f($n - 1) }; $f(5))", 120],
    ["$replace('a-b-c', /-/, function($m){ '+' })", "a+b+c"],
    ["$split('a1b2c', /[0-9]/)", ["a", "b", "c"]],
    ["$match('ab12cd34', /[0-9]+/).match", ["12", "34"]],
    ["$contains('hello', /l+/)", true],
    ["$states.input ~> |items|{'seen': true}| ~> $keys()", "items"],
    ["($add := function($a, $b){ $a + $b }; $inc := $add(?, 1); $inc(41))", 42],
    ["'abc' ~> $uppercase ~> $substring(1)", "BC"],
    ["$states.input.items ~> $map(function($i){ $i.name }) ~> $join(',')", "a,b"],
    ["true and (1 < 2 or $undefinedThing)", true],
    [
      "$zip([1,2],[3,4])",
      [
        [1, 3],
        [2, 4],
      ],
    ],
  ];
  it.each(expressions)("evaluates %s synchronously", (expression, expected) => {
    const template = compileJsonataTemplate(`{% ${expression} %}`, []);
    const input = {
      items: [
        { name: "a", price: 1 },
        { name: "b", price: 2 },
      ],
    };
    const result = evaluateJsonataTemplate(template, "Output", bindings(input));
    expect(result).not.toBeInstanceOf(Promise);
    expect(result).toEqual(expected);
  });

  // A key "__proto__" that comes from the expression or the data is a key: assigned, it set the new
  // object's prototype instead (the key vanished, and $merge copied the prototype's fields).
  const protoKeys: [string, string][] = [
    ['{"__proto__": {"p": 1}}', '{"__proto__":{"p":1}}'],
    ['$merge([{"__proto__": {"p": 1}}, {"a": 2}])', '{"__proto__":{"p":1},"a":2}'],
    ['$merge([$states.input, {"a": 2}])', '{"__proto__":{"q":1},"a":2}'],
    ['$spread({"__proto__": 1, "b": 2})', '[{"__proto__":1},{"b":2}]'],
    ["$sift($states.input, function($v){ true })", '{"__proto__":{"q":1}}'],
    ['$keys({"__proto__": 1, "b": 2})', '["__proto__","b"]'],
    ['$states.input ~> |$|{"__proto__": {"r": 2}}|', '{"__proto__":{"r":2}}'],
    ['{"a": 1} ~> |$|{"__proto__": {"r": 2}}|', '{"a":1,"__proto__":{"r":2}}'],
  ];
  it.each(protoKeys)("keeps the key __proto__ as a key: %s", (expression, expected) => {
    const template = compileJsonataTemplate(`{% ${expression} %}`, []);
    const input = JSON.parse('{"__proto__": {"q": 1}}') as unknown;
    const result = evaluateJsonataTemplate(template, "Output", bindings(input));
    expect(JSON.stringify(result)).toBe(expected);
    expect(Object.getPrototypeOf(result)).toBe(Array.isArray(result) ? Array.prototype : Object.prototype);
  });
});
