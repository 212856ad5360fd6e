import { describe, expect, it } from "vitest";
import type { JsonValue } from "../json.js";
import { jsonByteBound, jsonByteLength } from "../json-size.js";
import { seededRandom } from "../random.js";
import type { TemplateProblem, TemplateScope } from "./payload-template.js";
import {
  compilePayloadTemplate,
  evaluatePayloadTemplate,
  evaluateResultTemplate,
} from "./payload-template.js";

function scope(input: JsonValue): TemplateScope {
  return { input, context: () => ({}), variable: () => undefined, random: seededRandom(1) };
}

function compile(value: JsonValue) {
  const problems: TemplateProblem[] = [];
  const template = compilePayloadTemplate(value, problems);
  expect(problems).toEqual([]);
  return template;
}

const INPUT: JsonValue = {
  id: "o-1",
  total: 12.5,
  flags: [true, false, null],
  customer: { name: 'Zoë "Z" O\'Neil', tags: ["a", "b"] },
  big: { text: "x".repeat(2_000) },
};

const TEMPLATES: readonly JsonValue[] = [
  { "id.$": "$.id" },
  { kind: "order", "id.$": "$.id", "total.$": "$.total", fixed: { nested: [1, "two"] } },
  { "customer.$": "$.customer", "flags.$": "$.flags", "sum.$": "States.MathAdd($.total, 1)" },
  { "label.$": "States.Format('{}-{}', $.id, $.total)", nested: { "name.$": "$.customer.name" } },
  { "big.$": "$.big", "text.$": "$.big.text", none: null, yes: true },
  { "all.$": "$", "items.$": "$.flags[*]" },
  JSON.parse('{ "__proto__": { "polluted": true }, "constructor.$": "$.id" }') as JsonValue,
];

describe("evaluateResultTemplate", () => {
  it("builds what evaluatePayloadTemplate builds", () => {
    for (const value of TEMPLATES) {
      const template = compile(value);
      expect(evaluateResultTemplate(template, scope(INPUT))).toEqual(
        evaluatePayloadTemplate(template, scope(INPUT)),
      );
    }
  });

  it("notes the bound that measuring the result would find, and a bound it is", () => {
    for (const value of TEMPLATES) {
      const result = evaluateResultTemplate(compile(value), scope(INPUT));
      const noted = jsonByteBound(result);
      expect(noted, JSON.stringify(value)).toBe(jsonByteBound(structuredClone(result)));
      expect(noted).toBeGreaterThanOrEqual(jsonByteLength(result));
    }
  });
});
