/**
 * JSON values as they flow through a state machine, and the few operations
 * on them that must be safe against untrusted data.
 */

export type JsonPrimitive = string | number | boolean | null;
export type JsonArray = JsonValue[];
export interface JsonObject {
  [key: string]: JsonValue;
}
export type JsonValue = JsonPrimitive | JsonArray | JsonObject;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Sets an own property, also for the key `__proto__`: a plain assignment of
 * that key would replace the object's prototype instead (prototype pollution
 * from untrusted definitions or inputs).
 */
export function setOwn(target: JsonObject, key: string, value: JsonValue): void {
  if (key === "__proto__") {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

/** Reads an own property only: inherited names such as `constructor` are not data. */
export function getOwn(source: JsonObject, key: string): JsonValue | undefined {
  return Object.prototype.hasOwnProperty.call(source, key) ? source[key] : undefined;
}

export function hasOwn(source: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(source, key);
}

/**
 * A shallow copy of a JSON object, to be given more keys. Not `{ ...source }`:
 * on Node 20 such a copy gets a hidden class of its own as soon as a key is
 * added, which costs that addition ten times more and every later read of
 * the object a miss of V8's inline caches. `Object.assign` shares the
 * classes, but assigns: an own `__proto__` key (untrusted data) would
 * replace the copy's prototype, so such an object is copied key by key.
 */
export function copyJsonObject(source: JsonObject): JsonObject {
  if (!hasOwn(source, "__proto__")) return Object.assign({}, source);
  const copy: JsonObject = {};
  for (const key of Object.keys(source)) setOwn(copy, key, source[key]!);
  return copy;
}

const encoder = new TextEncoder();

const NON_ASCII = /[\u0080-\uffff]/;

/** Size in bytes of a string encoded as UTF-8, the unit of every AWS payload limit. */
export function utf8ByteLength(text: string): number {
  // Pure ASCII is one byte per UTF-16 unit; a one-class regex finds the first other unit natively, in linear time.
  return NON_ASCII.test(text) ? encoder.encode(text).length : text.length;
}

/** Structural equality of JSON values: objects without regard to key order, numbers by value. */
export function jsonEquals(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEquals(item, b[i]!));
  }
  if (isJsonObject(a)) {
    if (!isJsonObject(b)) return false;
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => hasOwn(b, key) && jsonEquals(a[key]!, b[key]!));
  }
  return false;
}

/**
 * A deep copy with JSON's meaning — what `JSON.parse(JSON.stringify(value))`
 * gives (`toJSON` honoured, undefined members left out, undefined array
 * items and non-finite numbers as null) — made directly, which for the
 * small values of most executions is several times faster. Used where a
 * value must not be shared (the start input, the output, a task's
 * parameters and result, a snapshot), never per state.
 */
export function cloneJson<T extends JsonValue>(value: T): T {
  return copyJsonValue(value) as T;
}

/** Any value as JSON: a copy as `cloneJson` makes it; what JSON cannot hold at all (undefined) is null. */
export function toJsonValue(value: unknown): JsonValue {
  return copyJsonValue(value) ?? null;
}

function copyJsonValue(value: unknown): JsonValue | undefined {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      return Number.isFinite(value) ? value : null;
    case "object": {
      if (value === null) return null;
      const toJSON = (value as { toJSON?: unknown }).toJSON;
      if (typeof toJSON === "function") return copyJsonValue(toJSON.call(value, ""));
      if (Array.isArray(value)) {
        const copy: JsonValue[] = new Array<JsonValue>(value.length);
        for (let i = 0; i < value.length; i++) copy[i] = copyJsonValue(value[i]) ?? null;
        return copy;
      }
      const source = value as Record<string, unknown>;
      const copy: JsonObject = {};
      for (const key of Object.keys(source)) {
        const item = copyJsonValue(source[key]);
        if (item !== undefined) setOwn(copy, key, item);
      }
      return copy;
    }
    case "bigint":
      throw new TypeError("Do not know how to serialize a BigInt");
    case "undefined":
    case "function":
    case "symbol":
      return undefined;
  }
}
