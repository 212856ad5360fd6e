/**
 * Parses the text of an intrinsic function call into a frozen tree. Only
 * what AWS accepts when a state machine is created parses; everything AWS
 * checks while running (argument types, ranges, arity) is left to evaluation.
 *
 * Grammar (whitespace may surround every token):
 *
 *     call     = "States." NAME "(" [ argument { "," argument } ] ")"
 *     argument = string | number | "true" | "false" | "null" | path | call
 *     string   = "'" { character | "\'" | "\{" | "\}" | "\\" } "'"
 *     number   = JSON number grammar, e.g. -1, 0.5, 1e10
 *     path     = "$" ... up to a "," or ")" outside brackets: $.a, $$.b, $var.c, $
 */
import type { JsonPath } from "../jsonpath/json-path.js";
import { parseJsonPath } from "../jsonpath/json-path.js";
import type { IntrinsicCall, IntrinsicExpression, IntrinsicNode } from "./intrinsic-ast.js";
import { IntrinsicSyntaxError, isIntrinsicFunctionName } from "./intrinsic-ast.js";
import { TextMemo } from "../text-memo.js";

/**
 * "You can nest up to 10 intrinsic functions within a field in your
 * workflows" (AWS Step Functions developer guide).
 */
export const MAX_INTRINSIC_NESTING = 10;

const PREFIX = "States.";
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const NAME = /[A-Za-z0-9_]+/y;
const WORD = /[A-Za-z0-9_.]+/y;
const NUMBER_END = /[\s,)]/;

interface Cursor {
  readonly text: string;
  pos: number;
}

/** True when a `.$` value is meant as an intrinsic call rather than a path. */
export function isIntrinsicText(text: string): boolean {
  return text.trimStart().startsWith(PREFIX);
}

const parsedExpressions = new TextMemo(parseNewIntrinsic, { maxEntries: 4096, maxCharacters: 1 << 20 });

/**
 * Parses an intrinsic expression once, when the definition is compiled; the
 * same text gives the same frozen tree, shared (see TextMemo).
 *
 * @example
 * ```ts
 * const expr = parseIntrinsic("States.Format('Hello {}', $.name)");
 * expr.call.name; // "States.Format"
 * ```
 * @throws IntrinsicSyntaxError when the text is not a well-formed call.
 */
export function parseIntrinsic(text: string): IntrinsicExpression {
  return parsedExpressions.get(text);
}

function parseNewIntrinsic(text: string): IntrinsicExpression {
  const cursor: Cursor = { text, pos: 0 };
  skipSpace(cursor);
  if (!text.startsWith(PREFIX, cursor.pos)) {
    fail(
      cursor,
      `Expected an intrinsic function call such as States.Format(...), found '${snippet(cursor)}'`,
    );
  }
  const call = parseCall(cursor, 1);
  skipSpace(cursor);
  if (cursor.pos < text.length)
    fail(cursor, `Unexpected '${snippet(cursor)}' after the end of the function call`);
  return Object.freeze({ text, call });
}

function parseCall(cursor: Cursor, depth: number): IntrinsicCall {
  const start = cursor.pos;
  if (depth > MAX_INTRINSIC_NESTING) {
    fail(cursor, `Intrinsic functions can be nested at most ${MAX_INTRINSIC_NESTING} deep`);
  }
  const nameMatch = matchAt(NAME, cursor.text, start + PREFIX.length);
  const name = PREFIX + (nameMatch?.[0] ?? "");
  if (!isIntrinsicFunctionName(name)) {
    fail(cursor, `Unknown intrinsic function '${name}'`);
  }
  cursor.pos = start + name.length;
  skipSpace(cursor);
  if (cursor.text[cursor.pos] !== "(") fail(cursor, `Expected '(' after '${name}'`);
  cursor.pos++;
  const args: IntrinsicNode[] = [];
  skipSpace(cursor);
  if (cursor.text[cursor.pos] === ")") {
    cursor.pos++;
    return Object.freeze({ kind: "call", name, args: Object.freeze(args) });
  }
  for (;;) {
    skipSpace(cursor);
    args.push(parseArgument(cursor, depth, name));
    skipSpace(cursor);
    const next = cursor.text[cursor.pos];
    if (next === ",") {
      cursor.pos++;
    } else if (next === ")") {
      cursor.pos++;
      return Object.freeze({ kind: "call", name, args: Object.freeze(args) });
    } else if (next === undefined) {
      fail(cursor, `Missing ')' to close '${name}(' opened at position ${start + name.length}`);
    } else {
      fail(cursor, `Expected ',' or ')' in the arguments of '${name}', found '${snippet(cursor)}'`);
    }
  }
}

function parseArgument(cursor: Cursor, depth: number, callee: string): IntrinsicNode {
  const { text, pos } = cursor;
  const ch = text[pos];
  if (ch === "'") return parseString(cursor);
  if (ch === "$") return Object.freeze({ kind: "path", path: parsePathArgument(cursor) });
  if (ch === "-" || (ch !== undefined && ch >= "0" && ch <= "9")) return parseNumber(cursor);
  if (text.startsWith(PREFIX, pos)) return parseCall(cursor, depth + 1);
  const word = matchAt(WORD, text, pos)?.[0];
  if (word === "true" || word === "false" || word === "null") {
    cursor.pos += word.length;
    return Object.freeze(word === "null" ? { kind: "null" } : { kind: "boolean", value: word === "true" });
  }
  if (ch === undefined) fail(cursor, `Missing ')' to close '${callee}('`);
  if (ch === "," || ch === ")") fail(cursor, `Missing an argument of '${callee}' before '${ch}'`);
  return fail(cursor, `Invalid argument of '${callee}': '${snippet(cursor)}'`);
}

/** `\'`, `\{`, `\}` and `\\` are the only escapes; AWS rejects any other backslash. */
function parseString(cursor: Cursor): IntrinsicNode {
  const { text } = cursor;
  const start = cursor.pos;
  let value = "";
  let i = start + 1;
  for (;;) {
    const ch = text[i];
    if (ch === undefined) {
      cursor.pos = start;
      fail(cursor, "Unterminated string literal");
    }
    if (ch === "'") break;
    if (ch === "\\") {
      const escaped = text[i + 1];
      if (escaped !== "'" && escaped !== "{" && escaped !== "}" && escaped !== "\\") {
        cursor.pos = i;
        fail(
          cursor,
          `Invalid escape sequence '\\${escaped ?? ""}' in a string literal: only \\', \\{, \\} and \\\\ are allowed`,
        );
      }
      value += escaped;
      i += 2;
    } else {
      value += ch;
      i++;
    }
  }
  cursor.pos = i + 1;
  return Object.freeze({ kind: "string", value, raw: text.slice(start + 1, i) });
}

function parseNumber(cursor: Cursor): IntrinsicNode {
  const match = matchAt(NUMBER, cursor.text, cursor.pos);
  const after = cursor.text[cursor.pos + (match?.[0].length ?? 0)];
  // The token must end where an argument ends: "1." or "01" or "1abc" are malformed.
  if (!match || (after !== undefined && !NUMBER_END.test(after))) {
    fail(cursor, `Malformed number '${snippet(cursor)}'`);
  }
  const value = Number(match[0]);
  if (!Number.isFinite(value)) fail(cursor, `Number out of range '${match[0]}'`);
  cursor.pos += match[0].length;
  return Object.freeze({ kind: "number", value: Object.is(value, -0) ? 0 : value });
}

/**
 * A path runs up to the first ',' or ')' or whitespace outside brackets and
 * parentheses, so `$.a['x, y']`, filters and `$.a.length()` stay whole.
 */
function parsePathArgument(cursor: Cursor): JsonPath {
  const { text } = cursor;
  const start = cursor.pos;
  let depth = 0;
  let quote: string | undefined;
  let i = start;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quote !== undefined) {
      if (ch === "\\") i++;
      else if (ch === quote) quote = undefined;
    } else if (depth > 0 && (ch === "'" || ch === '"')) {
      quote = ch;
    } else if (ch === "[" || ch === "(") {
      depth++;
    } else if (depth > 0 && (ch === "]" || ch === ")")) {
      depth--;
    } else if (depth === 0 && (ch === "," || ch === ")" || /\s/.test(ch))) {
      break;
    }
  }
  const pathText = text.slice(start, i);
  try {
    const path = parseJsonPath(pathText);
    cursor.pos = i;
    return path;
  } catch (error) {
    return fail(
      cursor,
      `Invalid path argument '${pathText}': ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function matchAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

function skipSpace(cursor: Cursor): void {
  while (cursor.pos < cursor.text.length && /\s/.test(cursor.text[cursor.pos]!)) cursor.pos++;
}

function snippet(cursor: Cursor): string {
  const rest = cursor.text.slice(cursor.pos);
  return rest.length > 20 ? `${rest.slice(0, 20)}…` : rest;
}

function fail(cursor: Cursor, reason: string): never {
  throw new IntrinsicSyntaxError(`${reason} (at position ${cursor.pos})`, cursor.text, cursor.pos);
}
