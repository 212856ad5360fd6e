/**
 * The size of a value's JSON text — what `JSON.stringify` writes, encoded as
 * UTF-8 — mostly computed without writing the text. Every state checks its
 * output against the 256 KiB payload quota, and history text is only
 * written when the history is read, so the check must not serialize the
 * whole payload each time; only a long array met for the first time is
 * serialized, natively, because that is faster than walking it.
 *
 * Payloads are never mutated once built (every step of the data flow makes
 * new objects and shares what it does not change), so the size of a large
 * subtree is remembered: a document carried from state to state is measured
 * once, and later payloads that contain it only measure what is new.
 */
import type { JsonObject, JsonValue } from "./json.js";

/**
 * Per subtree, its exact size (≥ 0) or, while only bounded, the bound
 * negated: one map, so that a payload checked against the quota costs one
 * lookup per object, not two (the check runs on every state's output).
 */
const remembered = new WeakMap<object, number>();

/** Smaller subtrees are not worth a WeakMap entry. */
const REMEMBER_FROM_BYTES = 1024;

/** Characters JSON.stringify writes as one byte each: printable ASCII except `"` and `\`. */
const NEEDS_CARE = /[^\x20\x21\x23-\x5b\x5d-\x7e]/;

/**
 * Size in bytes of `JSON.stringify(value)` as UTF-8; undefined (which
 * JSON.stringify leaves out) counts 0.
 *
 * @example
 * jsonByteLength({ a: "é" }) // 10, as Buffer.byteLength('{"a":"é"}')
 */
export function jsonByteLength(value: JsonValue | undefined): number {
  switch (typeof value) {
    case "string":
      return stringByteLength(value);
    case "number":
      return numberLength(value);
    case "boolean":
      return value ? 4 : 5;
    case "object":
      if (value === null) return 4;
      return containerByteLength(value);
    case "undefined":
    case "bigint":
    case "function":
    case "symbol":
      // Not JSON: JSON.stringify leaves undefined out (and payloads hold no other).
      return 0;
  }
}

/**
 * Whether `JSON.stringify(value)` takes more than `limit` bytes of UTF-8.
 * Most payloads are far below a limit, so an upper bound comes first — it
 * counts six bytes for every character, the most one can take escaped, and
 * needs no scan of any string; the exact size is measured only when the
 * bound is over the limit.
 */
export function exceedsJsonBytes(value: JsonValue, limit: number): boolean {
  return byteBound(value) > limit && jsonByteLength(value) > limit;
}

/**
 * An upper bound of `jsonByteLength(value)`, found without scanning any
 * string (six bytes for every character, the most one can take escaped).
 */
export function jsonByteBound(value: JsonValue): number {
  return value === lastBounded ? lastBound : byteBound(value);
}

/**
 * Tells the bound of an object just built, as `jsonByteBound` would find it
 * by walking it: a payload template that builds a state's result knows it
 * as it goes, and the quota check that follows asks for it. One entry: it
 * serves the next question, and a WeakMap entry per state would cost more
 * than the walk it saves.
 */
export function noteByteBound(value: JsonObject, bound: number): void {
  lastBounded = value;
  lastBound = bound;
  if (bound >= REMEMBER_FROM_BYTES) remembered.set(value, -bound);
}

let lastBounded: JsonValue | undefined;
let lastBound = 0;

function byteBound(value: JsonValue | undefined): number {
  switch (typeof value) {
    case "string":
      return 6 * value.length + 2;
    case "number":
      return MAX_NUMBER_TEXT;
    case "boolean":
      return 5;
    case "object": {
      if (value === null) return 4;
      const known = remembered.get(value);
      // An exact size is a bound too.
      if (known !== undefined) return Math.abs(known);
      // A long array is measured exactly (natively, see containerByteLength): as cheap as a bound.
      if (Array.isArray(value) && value.length >= NATIVE_FROM_ITEMS) return containerByteLength(value);
      let bound = 2;
      if (Array.isArray(value)) {
        for (const item of value) bound += 1 + (item === undefined ? 4 : byteBound(item));
      } else {
        for (const key in value) bound += 6 * key.length + 4 + byteBound(value[key]);
      }
      if (bound >= REMEMBER_FROM_BYTES) remembered.set(value, -bound);
      return bound;
    }
    case "undefined":
    case "bigint":
    case "function":
    case "symbol":
      return 0;
  }
}

/** The longest text JSON.stringify writes for a number, e.g. `-2.2250738585072014e-308`. */
const MAX_NUMBER_TEXT = 24;

function containerByteLength(value: JsonObject | JsonValue[]): number {
  // A miss costs little: an object that was never a WeakMap key has no identity hash yet.
  const known = remembered.get(value);
  if (known !== undefined && known >= 0) return known;
  let size: number;
  if (Array.isArray(value)) {
    // A long array met for the first time is usually data carried in whole (an input's records, a
    // Map's results): the native serializer measures it faster than a walk, above all in code the
    // JIT has not optimized yet. Its subtrees are then not remembered, but the array is.
    size =
      value.length >= NATIVE_FROM_ITEMS ? Buffer.byteLength(JSON.stringify(value)) : arrayByteLength(value);
  } else {
    size = objectByteLength(value);
  }
  if (size >= REMEMBER_FROM_BYTES) remembered.set(value, size);
  return size;
}

/** Arrays with at least this many items are measured by serializing them. */
const NATIVE_FROM_ITEMS = 64;

function arrayByteLength(items: readonly JsonValue[]): number {
  let bytes = 2 + Math.max(0, items.length - 1);
  for (const item of items) {
    // JSON.stringify writes a hole or undefined in an array as null.
    bytes += item === undefined ? 4 : jsonByteLength(item);
  }
  return bytes;
}

function objectByteLength(object: JsonObject): number {
  let bytes = 2;
  let written = 0;
  // Payload objects are plain data (user values are copied in as such): no inherited enumerable keys.
  for (const key in object) {
    const item = object[key];
    if (item === undefined) continue;
    bytes += stringByteLength(key) + 1 + jsonByteLength(item);
    written++;
  }
  return bytes + Math.max(0, written - 1);
}

function numberLength(value: number): number {
  if (!Number.isFinite(value)) return 4; // written as null
  if (Number.isSafeInteger(value)) {
    let digits = value < 0 ? 2 : 1;
    for (let rest = Math.abs(value); rest >= 10; rest = Math.floor(rest / 10)) digits++;
    return digits;
  }
  return String(value).length;
}

function stringByteLength(text: string): number {
  if (!NEEDS_CARE.test(text)) return text.length + 2;
  let bytes = 2;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if (code === 0x22 || code === 0x5c) bytes += 2;
      else if (code >= 0x20) bytes += 1;
      else if (code === 0x08 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d) bytes += 2;
      else bytes += 6; // \u00XX
    } else if (code < 0x800) {
      bytes += 2;
    } else if (code >= 0xd800 && code <= 0xdbff) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        bytes += 4;
        i++;
      } else {
        bytes += 6; // a lone surrogate is written as \udXXX
      }
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      bytes += 6;
    } else {
      bytes += 3;
    }
  }
  return bytes;
}
