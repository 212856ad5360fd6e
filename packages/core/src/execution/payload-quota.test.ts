import { describe, expect, it } from "vitest";
import { createRuntime, virtualClock } from "../index.js";
import type { JsonObject } from "../json.js";
import { parseJsonPath } from "../jsonpath/json-path.js";
import { emptyQuotaMemo, MAX_PAYLOAD_BYTES, notePlacement, withinPayloadQuota } from "./payload-quota.js";

const text = (bytes: number): string => "x".repeat(bytes);

describe("withinPayloadQuota", () => {
  it("measures a value once and knows it again when passed on unchanged", () => {
    const memo = emptyQuotaMemo();
    const document = { records: text(1000) };
    expect(withinPayloadQuota(memo, document)).toBe(true);
    expect(memo.withinQuota).toBe(document);
    expect(withinPayloadQuota(memo, { records: text(MAX_PAYLOAD_BYTES) })).toBe(false);
    // A value over the quota is not remembered: the last one within it still is.
    expect(memo.withinQuota).toBe(document);
  });

  it("bounds a placed result by the base's bound, the result's and the path's names", () => {
    const memo = emptyQuotaMemo();
    const base = { order: { id: "o-1" } };
    withinPayloadQuota(memo, base);
    const placed = { ...base, last: { index: 1 } };
    notePlacement(memo, base, parseJsonPath("$.last"), { index: 1 }, placed);
    expect(memo.placed).toBe(placed);
    expect(memo.placedBound).toBeGreaterThanOrEqual(Buffer.byteLength(JSON.stringify(placed)));
    expect(withinPayloadQuota(memo, placed)).toBe(true);
    expect(memo.withinQuota).toBe(placed);
  });

  it("derives nothing from a base it has not measured", () => {
    const memo = emptyQuotaMemo();
    const base = { a: 1 };
    notePlacement(memo, base, parseJsonPath("$.b"), 2, { a: 1, b: 2 });
    expect(memo.placed).toBeUndefined();
  });

  it("measures exactly once a derived bound passes the quota", () => {
    const memo = emptyQuotaMemo();
    // Bounded at six bytes a character, 60,000 characters are over the quota; exactly, far below.
    const base = { text: text(60_000) };
    expect(withinPayloadQuota(memo, base)).toBe(true);
    expect(memo.withinQuotaBound).toBe(Buffer.byteLength(JSON.stringify(base)));
    const placed = { ...base, more: text(100_000) };
    notePlacement(memo, base, parseJsonPath("$.more"), text(100_000), placed);
    expect(memo.placedBound).toBeGreaterThan(MAX_PAYLOAD_BYTES);
    expect(withinPayloadQuota(memo, placed)).toBe(true);
    expect(memo.withinQuotaBound).toBe(Buffer.byteLength(JSON.stringify(placed)));
  });
});

describe("the payload quota in a running execution", () => {
  const run = async (definition: JsonObject, input: JsonObject) => {
    const runtime = createRuntime({ clock: virtualClock() });
    return runtime.start(runtime.load(definition), { input }).settled();
  };

  it("fails a ResultPath that takes a document over the quota after a state passed it on", async () => {
    const result = await run(
      {
        StartAt: "PassOn",
        States: {
          PassOn: { Type: "Pass", Next: "Double" },
          Double: { Type: "Pass", Parameters: { "copy.$": "$.big" }, ResultPath: "$.second", End: true },
        },
      },
      { big: text(150_000) },
    );
    expect(result).toMatchObject({ status: "FAILED", error: "States.DataLimitExceeded" });
  });

  it("lets a chain of placements under the quota through", async () => {
    const states: JsonObject = {};
    for (let i = 0; i < 50; i++) {
      states[`Step${i}`] = {
        Type: "Pass",
        Parameters: { "index.$": "States.MathAdd($.last.index, 1)", padding: text(2_000) },
        ResultPath: "$.last",
        ...(i === 49 ? { End: true } : { Next: `Step${i + 1}` }),
      };
    }
    const result = await run({ StartAt: "Step0", States: states }, { doc: text(40_000), last: { index: 0 } });
    expect(result.status).toBe("SUCCEEDED");
    expect(result.status === "SUCCEEDED" && (result.output as { last: { index: number } }).last.index).toBe(
      50,
    );
  });
});
