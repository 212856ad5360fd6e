/**
 * The payload quota of a state's output (AWS: 256 KiB of UTF-8), checked
 * for every state, with what the step already knows: payloads never change
 * once made, so
 *
 * - a value found within the quota is within it when the next state passes
 *   it on unchanged (a Choice, a Succeed, a Pass without fields);
 * - a ResultPath that places a result into such a value makes one whose
 *   size is bounded by the two sizes and the path's names: only the result
 *   is walked, not the document it joins. The bound grows from state to
 *   state; once it passes the quota the value is measured exactly, and the
 *   exact size carries on;
 * - a result a Pass state's Parameters built comes with its bound, counted
 *   as it was built (`evaluateResultTemplate`), so it is not walked either.
 */
import type { JsonValue } from "../json.js";
import { jsonByteBound, jsonByteLength } from "../json-size.js";
import type { JsonPath } from "../jsonpath/json-path.js";

/** AWS's payload quota for state input and output: 256 KiB of UTF-8. */
export const MAX_PAYLOAD_BYTES = 256 * 1024;

/** What the step knows of sizes: the last output found within the quota and values made from it. */
export interface QuotaMemo {
  /** The last state output found within the quota, and an upper bound of its size in bytes. */
  withinQuota: JsonValue | undefined;
  withinQuotaBound: number;
  /** The last value a ResultPath made from `withinQuota`, and a bound of its size. */
  placed: JsonValue | undefined;
  placedBound: number;
}

export function emptyQuotaMemo(): QuotaMemo {
  return { withinQuota: undefined, withinQuotaBound: 0, placed: undefined, placedBound: 0 };
}

/** Whether a state's output fits the payload quota; remembers it when it does. */
export function withinPayloadQuota(memo: QuotaMemo, output: JsonValue): boolean {
  if (output === memo.withinQuota) return true;
  let bound = output === memo.placed ? memo.placedBound : jsonByteBound(output);
  if (bound > MAX_PAYLOAD_BYTES) {
    bound = jsonByteLength(output);
    if (bound > MAX_PAYLOAD_BYTES) return false;
  }
  memo.withinQuota = output;
  memo.withinQuotaBound = bound;
  return true;
}

/**
 * ResultPath placed `result` into `base` at `path`, giving `placed`. When
 * `base` is the output last found within the quota, `placed` is bounded by
 * its bound, the result's and, for each step of the path, a new key and
 * object (counted as `jsonByteBound` counts them, six bytes a character).
 */
export function notePlacement(
  memo: QuotaMemo,
  base: JsonValue,
  path: JsonPath,
  result: JsonValue,
  placed: JsonValue,
): void {
  if (base !== memo.withinQuota || placed === base) return;
  let bound = memo.withinQuotaBound + jsonByteBound(result);
  const segments = path.segments;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    // A property: `"name":` and a comma, in a new `{}`; an index replaces an item (its comma at most).
    bound += segment.kind === "property" ? 6 * segment.name.length + 4 + 1 + 2 : 1;
  }
  memo.placed = placed;
  memo.placedBound = bound;
}
