/**
 * The two text forms AWS Step Functions (a Java service) gives a JSON value:
 *
 * - JSON text as Jackson writes it (States.JsonToString, the input quoted in
 *   error causes): compact, keys in order, control characters escaped with
 *   upper-case hex, other characters written as they are.
 * - Java's `toString` of the value as plain Java objects (States.Format,
 *   States.ArrayContains): recorded `States.Format('{}', $.x)` with
 *   `x = {"Arg1": 1, "Arg2": []}` gives `{Arg1=1, Arg2=[]}`.
 */
import type { JsonValue } from "../json.js";

/** Deeper values are refused rather than overflowing the call stack. */
export const MAX_TEXT_DEPTH = 5000;

const LONG_LIMIT = 2 ** 63;

/**
 * A number as Java prints it: an integer in the 64-bit range in full
 * (`10000000000`, a Java Long), anything else as `Double.toString` does
 * (`1.1`, `1.0E-4`, `1.23456785E7`, `1.0E21`).
 */
export function javaNumberText(value: number): string {
  // A safe integer prints the same either way; above 2^53 only BigInt gives every digit as Java's long does.
  if (Number.isSafeInteger(value)) return String(value);
  if (Number.isInteger(value) && Math.abs(value) < LONG_LIMIT) return BigInt(value).toString();
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e7) return String(value);
  // Double.toString switches to "computerized scientific notation" outside
  // [10^-3, 10^7), always with a fraction digit: 1.0E-4, not 1e-4.
  const [mantissa = "", exponent = ""] = value.toExponential().split("e");
  return `${mantissa.includes(".") ? mantissa : `${mantissa}.0`}E${exponent.replace("+", "")}`;
}

/** Compact JSON text, as `States.JsonToString` returns it: `{"Arg1":1,"Arg2":[]}`. */
export function javaJsonText(value: JsonValue): string {
  return jsonText(value, 0);
}

/** `String.valueOf` of the value as Java objects: `{a=1, b=[x, y]}`; a string is itself. */
export function javaToString(value: JsonValue): string {
  return toStringText(value, 0);
}

function jsonText(value: JsonValue, depth: number): string {
  if (value === null) return "null";
  if (typeof value === "string") return quote(value);
  if (typeof value === "number") return javaNumberText(value);
  if (typeof value === "boolean") return String(value);
  checkDepth(depth);
  if (Array.isArray(value)) return `[${value.map((item) => jsonText(item, depth + 1)).join(",")}]`;
  const parts: string[] = [];
  for (const [key, item] of Object.entries(value)) parts.push(`${quote(key)}:${jsonText(item, depth + 1)}`);
  return `{${parts.join(",")}}`;
}

function toStringText(value: JsonValue, depth: number): string {
  if (value === null) return "null";
  if (typeof value === "string") return value;
  if (typeof value === "number") return javaNumberText(value);
  if (typeof value === "boolean") return String(value);
  checkDepth(depth);
  // AbstractCollection.toString and AbstractMap.toString.
  if (Array.isArray(value)) return `[${value.map((item) => toStringText(item, depth + 1)).join(", ")}]`;
  const parts: string[] = [];
  for (const [key, item] of Object.entries(value)) parts.push(`${key}=${toStringText(item, depth + 1)}`);
  return `{${parts.join(", ")}}`;
}

function checkDepth(depth: number): void {
  if (depth >= MAX_TEXT_DEPTH) throw new RangeError(`JSON value nested deeper than ${MAX_TEXT_DEPTH} levels`);
}

// Jackson escapes '"', '\\' and the control characters, with the short forms
// \b \t \n \f \r and otherwise \u00XX in upper-case hex; it leaves '/' and
// every non-ASCII character as it is.
const SHORT_ESCAPES: Readonly<Record<number, string>> = {
  0x08: "\\b",
  0x09: "\\t",
  0x0a: "\\n",
  0x0c: "\\f",
  0x0d: "\\r",
  0x22: '\\"',
  0x5c: "\\\\",
};

function quote(text: string): string {
  let out = '"';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x20 && code !== 0x22 && code !== 0x5c) continue;
    out +=
      text.slice(from, i) + (SHORT_ESCAPES[code] ?? `\\u${code.toString(16).toUpperCase().padStart(4, "0")}`);
    from = i + 1;
  }
  return `${out}${text.slice(from)}"`;
}
