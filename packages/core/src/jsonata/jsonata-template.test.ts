import { describe, expect, it } from "vitest";
import { StateRuntimeError } from "../errors.js";
import type { JsonValue } from "../json.js";
import { seededRandom } from "../random.js";
import {
  compileJsonataTemplate,
  evaluateJsonataExpression,
  evaluateJsonataTemplate,
  isJsonataText,
  jsonataStatesFields,
  jsonataTypeError,
} from "./jsonata-template.js";
import type { JsonataBindings, JsonataTemplate, JsonataTemplateProblem } from "./jsonata-template.js";

function bindings(
  input: JsonValue = {},
  variables: Record<string, JsonValue> = {},
  extra: Partial<JsonataBindings> = {},
): JsonataBindings {
  return {
    states: { input, context: { State: { Name: "S" } } },
    variable: (name) => (Object.hasOwn(variables, name) ? variables[name] : undefined),
    random: seededRandom(1),
    now: 0,
    ...extra,
  };
}

function compile(value: JsonValue): JsonataTemplate {
  const problems: JsonataTemplateProblem[] = [];
  const template = compileJsonataTemplate(value, problems);
  expect(problems).toEqual([]);
  return template;
}

function cause(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(StateRuntimeError);
    expect((error as StateRuntimeError).name).toBe("States.QueryEvaluationError");
    return (error as StateRuntimeError).detail;
  }
  throw new Error("did not fail");
}

describe("isJsonataText", () => {
  it("accepts a whole {% … %} string only", () => {
    expect(isJsonataText("{% $states.input %}")).toBe(true);
    expect(isJsonataText("{%1%}")).toBe(true);
    expect(isJsonataText(" {% 1 %}")).toBe(false);
    expect(isJsonataText("{% 1 %} ")).toBe(false);
    expect(isJsonataText("x {% 1 %}")).toBe(false);
    expect(isJsonataText("{%}")).toBe(false);
  });
});

describe("compileJsonataTemplate", () => {
  it("shares literal parts instead of copying them", () => {
    const literal = { a: [1, { b: "$.not.a.path" }], c: "{ % not an expression %}" };
    const template = compile({ literal, value: "{% 1 %}" });
    const result = evaluateJsonataTemplate(template, "Output", bindings()) as { literal: unknown };
    expect(result).toEqual({ literal, value: 1 });
    expect(result.literal).toBe(literal);
    expect(evaluateJsonataTemplate(compile(literal), "Output", bindings())).toBe(literal);
  });

  it("reports a syntax error with JSONata's message and AWS's code, at the expression's path", () => {
    const problems: JsonataTemplateProblem[] = [];
    compileJsonataTemplate({ a: { b: ["ok", "{% $states.input[1,2) %}"] }, c: "{%  %}" }, problems);
    expect(problems).toEqual([
      { at: ["a", "b", 1], code: "INVALID_JSONATA_EXPRESSION", message: 'Expected "]", got ","' },
      { at: ["c"], code: "INVALID_JSONATA_EXPRESSION", message: "Unexpected end of expression" },
    ]);
  });

  it("refuses each name read from the top-level context once, as AWS does", () => {
    const problems: JsonataTemplateProblem[] = [];
    compileJsonataTemplate(
      "{% aaa + bbb + aaa + $.x + $map($states.input, function($v){ ccc }) %}",
      problems,
    );
    expect(problems.map((problem) => problem.message)).toEqual([
      "Reference to 'aaa' at the top level is not supported.",
      "Reference to 'bbb' at the top level is not supported.",
      "Reference to '$' at the top level is not supported.",
      "Reference to 'ccc' at the top level is not supported.",
    ]);
    expect(problems.every((problem) => problem.code === "UNSUPPORTED_JSONATA_EXPRESSION")).toBe(true);
  });

  it("accepts names read from a path step, a predicate, a variable or a lambda parameter", () => {
    compile(
      "{% $states.input.items[price > 3].name & $phone & $map($states.input.a, function($x){ $x.b }) & $states.input{k: v} %}",
    );
  });

  it("lists the $states fields an expression reads", () => {
    const template = compile({ a: "{% $states.result.x %}", b: ["{% $states.errorOutput %}"] });
    expect([...jsonataStatesFields(template)].sort()).toEqual(["errorOutput", "result"]);
  });
});

describe("evaluateJsonataTemplate", () => {
  it("binds $states.input, .result, .errorOutput and .context", () => {
    const template = compile({
      input: "{% $states.input.n %}",
      result: "{% $states.result %}",
      error: "{% $states.errorOutput.Error %}",
      state: "{% $states.context.State.Name %}",
    });
    const states = {
      input: { n: 1 },
      result: [2],
      errorOutput: { Error: "E" },
      context: { State: { Name: "S" } },
    };
    expect(evaluateJsonataTemplate(template, "Output", { ...bindings(), states })).toEqual({
      input: 1,
      result: [2],
      error: "E",
      state: "S",
    });
  });

  it("reads $states.context only for expressions that may, however they reach it", () => {
    let built = 0;
    const states = {
      input: { n: 1 },
      get context() {
        built++;
        return { State: { Name: "S" } };
      },
    };
    const evaluate = (text: string): JsonValue =>
      evaluateJsonataTemplate(compile(text), "Output", { ...bindings(), states });
    expect(evaluate("{% $states.input.n + 1 %}")).toBe(2);
    expect(built).toBe(0);
    expect(evaluate("{% $keys($states) %}")).toEqual(["input", "context"]);
    expect(evaluate("{% $lookup($states, 'context').State.Name %}")).toBe("S");
    expect(evaluate("{% $states.*.State.Name %}")).toBe("S");
    expect(evaluate("{% $states.context.State.Name & $string($states.input.n) %}")).toBe("S1");
    expect(built).toBe(4);
  });

  it("names the nested field of an expression that returned nothing, as AWS writes it", () => {
    const template = compile({ a: { b: [1, "{% $states.input.missing %}"] } });
    expect(cause(() => evaluateJsonataTemplate(template, "Output", bindings()))).toBe(
      "The JSONata expression '$states.input.missing' specified for the field 'Output/a/b[1]' returned nothing (undefined).",
    );
    expect(
      cause(() => evaluateJsonataTemplate(compile("{% $doesNotExist %}"), "Assign/result", bindings())),
    ).toBe(
      "The JSONata expression '$doesNotExist' specified for the field 'Assign/result' returned nothing (undefined).",
    );
  });

  it("refuses a function as a result, also inside an object (recorded for Items)", () => {
    expect(
      cause(() => evaluateJsonataTemplate(compile("{% $fn := function($x){$x} %}"), "Items", bindings())),
    ).toBe(
      "The JSONata expression '$fn := function($x){$x}' specified for the field 'Items' returned an unsupported result type.",
    );
    expect(cause(() => evaluateJsonataTemplate(compile("{% {'f': $sum} %}"), "Output", bindings()))).toMatch(
      /returned an unsupported result type\.$/,
    );
  });

  it("turns JSONata sequences into plain arrays and drops undefined object values", () => {
    const input = { items: [{ n: "a" }, { n: "b" }, {}] };
    const result = evaluateJsonataTemplate(compile("{% $states.input.items.n %}"), "Output", bindings(input));
    expect(result).toEqual(["a", "b"]);
    expect(Object.keys(result as object)).toEqual(["0", "1"]);
    const object = evaluateJsonataTemplate(
      compile("{% {'a': 1, 'b': $states.input.none} %}"),
      "Output",
      bindings(),
    );
    expect(object).toEqual({ a: 1 });
  });

  it("returns parts of the input by reference, without copying", () => {
    const input = { list: [{ x: 1 }] };
    const result = evaluateJsonataTemplate(
      compile({ list: "{% $states.input.list %}" }),
      "Output",
      bindings(input),
    );
    expect((result as { list: unknown }).list).toBe(input.list);
  });

  it("keeps a key __proto__ of a template as data", () => {
    const template = compile(JSON.parse('{"__proto__": "{% 1 %}"}') as JsonValue);
    const result = evaluateJsonataTemplate(template, "Output", bindings());
    expect(Object.hasOwn(result as object, "__proto__")).toBe(true);
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});

describe("variables", () => {
  it("resolves $name through the workflow variables", () => {
    const template = compile("{% $sum($states.input.values) + $constant %}");
    expect(
      evaluateJsonataTemplate(template, "Output", bindings({ values: [1, 2, 3] }, { constant: 1 })),
    ).toBe(7);
  });

  it("prefers built-in functions and local bindings over a variable of the same name", () => {
    const template = compile("{% ($x := 1; $sum([$x, 1])) %}");
    expect(evaluateJsonataTemplate(template, "Output", bindings({}, { x: 100, sum: 5 }))).toBe(2);
  });

  it("asks only for the names an expression uses", () => {
    const asked: string[] = [];
    const template = compile("{% $a & $b & $string(1) %}");
    evaluateJsonataTemplate(template, "Output", {
      ...bindings(),
      variable: (name) => {
        asked.push(name);
        return name;
      },
    });
    expect(asked.sort()).toEqual(["a", "b"]);
  });

  it("keeps a variable named like an Object.prototype member as data", () => {
    const template = compile("{% $hasOwnProperty + $constructor %}");
    expect(
      evaluateJsonataTemplate(template, "Output", bindings({}, { hasOwnProperty: 1, constructor: 2 })),
    ).toBe(3);
  });

  it("answers T1006 for a call to an unset variable (recorded)", () => {
    const expression = "$randomSeeded($states.input.FunctionInput.fst)";
    const template = compile({ FunctionResult: `{% ${expression} %}` });
    expect(cause(() => evaluateJsonataTemplate(template, "Output", bindings({ FunctionInput: "fst" })))).toBe(
      `The JSONata expression '${expression}' specified for the field 'Output/FunctionResult' threw an error during evaluation. T1006: Attempted to invoke a non-function`,
    );
  });
});

describe("evaluateJsonataExpression", () => {
  it("lets the caller see undefined", () => {
    expect(
      evaluateJsonataExpression(compile("{% $states.input.none %}"), "Items", bindings()),
    ).toBeUndefined();
    expect(evaluateJsonataExpression(compile([1, "{% 2 %}"]), "Items", bindings())).toEqual([1, 2]);
  });

  it("words a wrong result type as AWS does (recorded for Items)", () => {
    const template = compile("{% {'foo': 'bar'} %}");
    const value = evaluateJsonataExpression(template, "Items", bindings());
    expect(jsonataTypeError(template, "Items", "array", value ?? null).detail).toBe(
      "The JSONata expression '{'foo': 'bar'}' specified for the field 'Items' returned an unexpected result type. " +
        "Expected 'array', but was 'object' for value: {\"foo\":\"bar\"}",
    );
  });
});

describe("safety", () => {
  it("never writes to bound data: the transform operator changes only its own copy", () => {
    const input = { a: { b: 1 } };
    const frozen = JSON.stringify(input);
    const copied = evaluateJsonataTemplate(
      compile("{% $states.input ~> |a|{'c': 2}| %}"),
      "Output",
      bindings(input),
    );
    expect(copied).toEqual({ a: { b: 1, c: 2 } });
    const outside = evaluateJsonataTemplate(
      compile("{% $states.input ~> |$states.input.a|{'c': 3}| %}"),
      "Output",
      bindings(input),
    );
    expect(outside).toEqual(input);
    const arrays = { list: [] as JsonValue[] };
    evaluateJsonataTemplate(compile("{% $states.input.list{'k': 'v'} %}"), "Output", bindings(arrays));
    evaluateJsonataTemplate(compile("{% $states.input.list[] %}"), "Output", bindings({ list: [1] }));
    expect(JSON.stringify(input)).toBe(frozen);
    expect(arrays.list).toEqual([]);
  });

  it("never writes to a copy an earlier evaluation made, once it is a variable", () => {
    const copy = evaluateJsonataTemplate(
      compile("{% $states.input ~> |$|{}| %}"),
      "Assign/v",
      bindings({ a: 1 }),
    );
    const frozen = JSON.stringify(copy);
    evaluateJsonataTemplate(compile("{% {} ~> |$v|{'b': 2}| %}"), "Output", bindings({}, { v: copy }));
    expect(JSON.stringify(copy)).toBe(frozen);
  });

  it("reads own properties only: no path reaches Object or its prototype", () => {
    const template = compile(
      "{% [$states.input.constructor, $states.input.__proto__, $states.input.toString] %}",
    );
    expect(evaluateJsonataTemplate(template, "Output", bindings({}))).toEqual([]);
    const polluting = compile("{% $states.input ~> |__proto__|{'polluted': true}| %}");
    evaluateJsonataTemplate(polluting, "Output", bindings({}));
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it("matches a catastrophic regular expression against a long input promptly", () => {
    const started = performance.now();
    const template = compile(
      "{% $contains($states.input.s, /(a+)+$/) & $count($match($states.input.s, /(a|aa)+b/)) %}",
    );
    expect(evaluateJsonataTemplate(template, "Output", bindings({ s: `${"a".repeat(30_000)}c` }))).toBe(
      "false0",
    );
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("fails a regular expression only a backtracking engine supports when it runs", () => {
    const template = compile("{% $contains('ab', /a(?=b)/) %}");
    expect(cause(() => evaluateJsonataTemplate(template, "Output", bindings()))).toMatch(
      /^The JSONata expression '.*' specified for the field 'Output' threw an error during evaluation: The regular expression \/a\(\?=b\)\/ is not supported/,
    );
  });
});

describe("evaluation bounds", () => {
  const depth = (terms: number): string => `{% 1${"+1".repeat(terms - 1)} %}`;

  it("allows nesting to depth 100 and refuses 101, as AWS does", () => {
    expect(evaluateJsonataTemplate(compile(depth(100)), "Output", bindings())).toBe(100);
    expect(
      evaluateJsonataTemplate(compile(`{% ${"(".repeat(99)}1${")".repeat(99)} %}`), "Output", bindings()),
    ).toBe(1);
    expect(cause(() => evaluateJsonataTemplate(compile(depth(101)), "Output", bindings()))).toMatch(
      /threw an error during evaluation: Stack overflow error: Check for non-terminating recursive function\. Consider rewriting as tail-recursive$/,
    );
    const recursion = "($f := function($x){ $x <= 0 ? 0 : 1 + $f($x - 1) }; $f(N))";
    expect(
      evaluateJsonataTemplate(compile(`{% ${recursion.replace("N", "31")} %}`), "Output", bindings()),
    ).toBe(31);
    expect(() =>
      evaluateJsonataTemplate(compile(`{% ${recursion.replace("N", "32")} %}`), "Output", bindings()),
    ).toThrow(StateRuntimeError);
  });

  it("stops an endless loop at the time limit", () => {
    const template = compile("{% ($f := function($x){ $f($x + 1) }; $f(1)) %}");
    const started = performance.now();
    const detail = cause(() =>
      evaluateJsonataTemplate(
        template,
        "Output",
        bindings({}, {}, { limits: { timeoutMs: 50, maxDepth: 100 } }),
      ),
    );
    expect(detail).toBe(
      "The JSONata expression '($f := function($x){ $f($x + 1) }; $f(1))' specified for the field 'Output' " +
        "threw an error during evaluation: Expression evaluation timeout: Check for infinite loop",
    );
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("refuses a sequence or string past AWS's memory limit", () => {
    expect(evaluateJsonataTemplate(compile("{% [1..873782] ~> $count() %}"), "Output", bindings())).toBe(
      873782,
    );
    const memory =
      /threw an error during evaluation: Expression evaluation memory limit exceeded: Check for excessive memory usage$/;
    expect(
      cause(() => evaluateJsonataTemplate(compile("{% [1..873783] ~> $count() %}"), "Output", bindings())),
    ).toMatch(memory);
    const doubling = "($f := function($s, $n){ $n = 0 ? $s : $f($s & $s, $n - 1) }; $length($f('x', N)))";
    expect(
      evaluateJsonataTemplate(compile(`{% ${doubling.replace("N", "22")} %}`), "Output", bindings()),
    ).toBe(2 ** 22);
    expect(
      cause(() =>
        evaluateJsonataTemplate(compile(`{% ${doubling.replace("N", "23")} %}`), "Output", bindings()),
      ),
    ).toMatch(memory);
  });
});
