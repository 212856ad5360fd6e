/**
 * JSONPath as AWS Step Functions evaluates it: the dialect of Jayway
 * JsonPath (the Java library AWS uses). A path is parsed once when the
 * definition is compiled, then resolved against the state input (`$`), the
 * context object (`$$`) or a variable (`$name`).
 *
 * A *definite* path (names, single indexes, a trailing function or field
 * list) resolves to one value or to nothing; an *indefinite* one (wildcard,
 * slice, index list, filter, deep scan) always resolves to an array of the
 * matches, possibly empty — as recorded: `$.items[*]` on `{}` gives `[]`,
 * `$.item.items[1:5].itemValue` on `{}` gives `[]`, `$.items[0]` gives the
 * element itself.
 */
import type { JsonValue } from "../json.js";
import type { PathRoot, PathSegment } from "./json-path-syntax.js";
import { areSegmentsDefinite } from "./json-path-syntax.js";
import { parsePathText } from "./json-path-parser.js";
import { PathMissing, collectMatches } from "./json-path-query.js";
import { TextMemo } from "../text-memo.js";

export type {
  EmbeddedPath,
  FilterExpression,
  FilterOperand,
  FilterOperator,
  FunctionArgument,
  PathRoot,
  PathSegment,
} from "./json-path-syntax.js";
export { JsonPathEvaluationError, JsonPathSyntaxError } from "./json-path-syntax.js";

export interface JsonPath {
  /** The path as written in the definition. */
  readonly text: string;
  readonly root: PathRoot;
  readonly segments: readonly PathSegment[];
  /** True when the path selects at most one value (Jayway's `isDefinite`). */
  readonly definite: boolean;
  /** True for a Reference Path: names and single indexes only (see `isReferencePath`). */
  readonly reference: boolean;
}

/** Where a path is resolved: the three roots a path may start from. */
export interface PathScope {
  readonly input: JsonValue;
  /** The context object `$$`, built on demand: most paths never read it. */
  readonly context: () => JsonValue;
  /** One member of `$$` (`Map`, `Execution`, …), for a scope that can build it alone. */
  readonly contextMember?: (name: string) => JsonValue | undefined;
  /** A workflow variable, or undefined when it is not in scope. */
  readonly variable: (name: string) => JsonValue | undefined;
}

export type PathResult = { readonly found: true; readonly value: JsonValue } | { readonly found: false };

const NOT_FOUND: PathResult = Object.freeze({ found: false });

const parsedPaths = new TextMemo(parseNewPath, { maxEntries: 8192, maxCharacters: 1 << 20 });

/**
 * Parses a path; throws JsonPathSyntaxError when it is malformed. The same
 * text gives the same JsonPath, shared (see TextMemo): paths are read, never
 * changed.
 *
 * @example
 * const path = parseJsonPath("$.orders[?(@.total > 100)].id");
 * path.definite // false: a filter selects any number of nodes
 */
export function parseJsonPath(text: string): JsonPath {
  return parsedPaths.get(text);
}

function parseNewPath(text: string): JsonPath {
  const { root, segments } = parsePathText(text);
  return Object.freeze({
    text,
    root,
    segments: Object.freeze(segments),
    definite: areSegmentsDefinite(segments),
    reference: segments.every((segment) => segment.kind === "property" || segment.kind === "index"),
  });
}

/**
 * Resolves a path in a scope. A variable that is not in scope resolves to nothing.
 *
 * @example
 * resolvePath(parseJsonPath("$.a[0]"), { input: { a: [7] }, context: () => ({}), variable: () => undefined })
 * // { found: true, value: 7 }
 */
export function resolvePath(path: JsonPath, scope: PathScope): PathResult {
  return asResult(findPath(path, scope));
}

/**
 * What `resolvePath` finds, or undefined when it finds nothing (no JSON
 * value is undefined): no result object per lookup, for the paths every
 * state resolves (template fields, intrinsic arguments, Choice variables).
 */
export function findPath(path: JsonPath, scope: PathScope): JsonValue | undefined {
  let start: JsonValue | undefined;
  switch (path.root.kind) {
    case "input":
      start = scope.input;
      break;
    case "context": {
      // `$$.Map.Item.Value` and the like: the one member, not the whole object.
      const first = path.segments[0];
      if (scope.contextMember !== undefined && path.definite && first?.kind === "property") {
        const member = scope.contextMember(first.name);
        if (member === undefined) return undefined;
        const simple = simpleLookup(path.segments, member, 1);
        if (simple !== SLOW) return simple;
      }
      start = scope.context();
      break;
    }
    case "variable":
      start = scope.variable(path.root.name);
      break;
  }
  if (start === undefined) return undefined;
  return findInValue(path, start);
}

/**
 * Resolves a path's steps against a value, ignoring the path's root; `$`
 * inside filters refers to `value`. Throws JsonPathEvaluationError where
 * Jayway fails rather than finding nothing (a filter on a scalar, `.min()`
 * of no numbers, an unknown function).
 *
 * @example
 * queryValue(parseJsonPath("$..price"), { a: { price: 1 }, b: [{ price: 2 }] })
 * // { found: true, value: [1, 2] }
 */
export function queryValue(path: JsonPath, value: JsonValue): PathResult {
  return asResult(findInValue(path, value));
}

/** What `queryValue` finds, or undefined. */
export function findInValue(path: JsonPath, value: JsonValue): JsonValue | undefined {
  if (path.definite) {
    const simple = simpleLookup(path.segments, value);
    if (simple !== SLOW) return simple;
  }
  let matches: JsonValue[];
  try {
    matches = collectMatches(path.segments, value, value);
  } catch (error) {
    // Jayway's PathNotFoundException: "not found" for a definite path; AWS
    // records an empty list for an indefinite one (`$.item.items[1:]` on `{}`).
    if (error instanceof PathMissing) return path.definite ? undefined : [];
    throw error;
  }
  if (!path.definite) return matches;
  return matches[matches.length - 1];
}

function asResult(value: JsonValue | undefined): PathResult {
  return value === undefined ? NOT_FOUND : { found: true, value };
}

const SLOW = Symbol("slow");

/** The common case, names and indexes only, without the general machinery. */
function simpleLookup(
  segments: readonly PathSegment[],
  value: JsonValue,
  from = 0,
): JsonValue | undefined | typeof SLOW {
  let current: JsonValue = value;
  // Indexed loops and no helper calls: this runs for most paths of most states, often before the JIT
  // has optimized it, where every call and iterator step costs.
  for (let i = from; i < segments.length; i++) {
    const segment = segments[i]!;
    let next: JsonValue | undefined;
    if (segment.kind === "property") {
      if (typeof current !== "object" || current === null || Array.isArray(current)) return undefined;
      next = Object.hasOwn(current, segment.name) ? current[segment.name] : undefined;
    } else if (segment.kind === "index") {
      if (!Array.isArray(current)) return undefined;
      next = current[segment.index < 0 ? current.length + segment.index : segment.index];
    } else {
      return SLOW;
    }
    if (next === undefined) return undefined;
    current = next;
  }
  return current;
}

/**
 * A Reference Path (ASL): it can only identify a single node — names and
 * single indexes, no wildcard, slice, list, filter, deep scan or function.
 * ResultPath additionally needs the `$` root (`path.root.kind === "input"`).
 *
 * @example
 * isReferencePath(parseJsonPath("$.a['b c'][0]")) // true
 * isReferencePath(parseJsonPath("$.a[*]"))         // false
 */
export function isReferencePath(path: JsonPath): boolean {
  return path.reference;
}

/**
 * The path as Jayway prints it in "No results for path: …" (recorded:
 * `Invalid path '$.NoSuchInputPath' : No results for path: $['NoSuchInputPath']`):
 * names in brackets and single quotes, indexes bare, `$.a.b[0]` →
 * `$['a']['b'][0]`. Jayway only ever sees the part after the root, so
 * `$$` and `$name` paths print with a plain `$` too.
 *
 * @example
 * normalizedPath(parseJsonPath("$..book[0,1].length()")) // "$..['book'][0,1].length()"
 */
export function normalizedPath(path: JsonPath): string {
  return "$" + path.segments.map(fragment).join("");
}

function fragment(segment: PathSegment): string {
  switch (segment.kind) {
    case "property":
      return `['${segment.name}']`;
    case "properties":
      return `[${segment.names.map((name) => `'${name}'`).join(",")}]`;
    case "index":
      return `[${segment.index}]`;
    case "indexes":
      return `[${segment.indexes.join(",")}]`;
    case "slice":
      return `[${segment.start ?? ""}:${segment.end ?? ""}]`;
    case "wildcard":
      return "[*]";
    case "scan":
      return "..";
    case "filter":
      return "[?]";
    case "function":
      return `.${segment.name}(${segment.args.length > 0 ? "..." : ""})`;
  }
}
