/**
 * Evaluates parsed paths the way Jayway's path tokens do, collecting
 * references to the matched nodes (never copies). The rules that decide
 * between "skip" and "not found" follow Jayway's `PathToken`: a missing field
 * or a wrong type ends a *definite* prefix with "not found", and is silently
 * skipped once an indefinite step (wildcard, slice, filter...) came before.
 */
import type { JsonObject, JsonValue } from "../json.js";
import { getOwn, hasOwn, isJsonObject, setOwn } from "../json.js";
import type { EmbeddedPath, FunctionArgument, PathSegment } from "./json-path-syntax.js";
import { JsonPathEvaluationError, isSegmentDefinite } from "./json-path-syntax.js";
import { filterAccepts } from "./json-path-filter.js";
import type { FilterHost } from "./json-path-filter.js";
import { invokePathFunction } from "./json-path-functions.js";
import { javaString } from "./json-values.js";

/** Jayway's PathNotFoundException: the path cannot resolve. Never escapes this module's callers' API. */
export class PathMissing extends Error {}
const MISSING = new PathMissing("path not found");

interface Evaluation {
  /** `$` inside filters and function arguments. */
  readonly root: JsonValue;
  /** Jayway's REQUIRE_PROPERTIES, used for existence tests in filters: any missing field fails. */
  readonly requireProperties: boolean;
  /** Filter paths on `$` are the same for every node: evaluated once per query. */
  readonly documentPaths: Map<EmbeddedPath, JsonValue | undefined>;
  readonly host: FilterHost;
}

/**
 * All matches of `segments` from `start`, in Jayway's order. Throws
 * PathMissing where Jayway throws PathNotFoundException (a definite prefix
 * that does not resolve) and JsonPathEvaluationError where it fails otherwise.
 */
export function collectMatches(
  segments: readonly PathSegment[],
  start: JsonValue,
  root: JsonValue,
): JsonValue[] {
  const out: JsonValue[] = [];
  walk(segments, 0, start, createEvaluation(root), true, out);
  return out;
}

/** One evaluation per query: filters share it, so `$` paths inside them are read once. */
function createEvaluation(root: JsonValue): Evaluation {
  const documentPaths = new Map<EmbeddedPath, JsonValue | undefined>();
  const host: FilterHost = {
    value: (path, current) => {
      if (path.root === "document" && documentPaths.has(path)) return documentPaths.get(path);
      const value = pathValue(path, path.root === "current" ? current : root, normal);
      if (path.root === "document") documentPaths.set(path, value);
      return value;
    },
    exists: (path, current) => {
      const out: JsonValue[] = [];
      try {
        walk(path.segments, 0, path.root === "current" ? current : root, strict, true, out);
      } catch (error) {
        if (error instanceof PathMissing) return false;
        throw error;
      }
      // Jayway: a definite path without a match is "not found"; an indefinite one is a (maybe empty) list.
      return !path.definite || out.length > 0;
    },
  };
  const normal: Evaluation = { root, requireProperties: false, documentPaths, host };
  const strict: Evaluation = { root, requireProperties: true, documentPaths, host };
  return normal;
}

/** A path's value as Jayway's `getValue()`: the match of a definite path, the list of an indefinite one. */
function pathValue(path: EmbeddedPath, start: JsonValue, ev: Evaluation): JsonValue | undefined {
  const out: JsonValue[] = [];
  try {
    walk(path.segments, 0, start, ev, true, out);
  } catch (error) {
    if (error instanceof PathMissing) return undefined;
    throw error;
  }
  return path.definite ? out[out.length - 1] : out;
}

function readArgument(argument: FunctionArgument, ev: Evaluation): JsonValue {
  if (argument.kind === "json") return argument.value;
  // Jayway evaluates path arguments against the document, `@` as well as `$`;
  // a definite one that finds nothing makes the whole path "not found".
  const lenient: Evaluation = ev.requireProperties
    ? { root: ev.root, requireProperties: false, documentPaths: ev.documentPaths, host: ev.host }
    : ev;
  const value = pathValue(argument.path, ev.root, lenient);
  if (value === undefined) throw MISSING;
  return value;
}

function walk(
  segments: readonly PathSegment[],
  i: number,
  node: JsonValue,
  ev: Evaluation,
  upstreamDefinite: boolean,
  out: JsonValue[],
): void {
  if (i === segments.length) {
    out.push(node);
    return;
  }
  const segment = segments[i]!;
  const last = i === segments.length - 1;
  const definite = upstreamDefinite && isSegmentDefinite(segment, last);
  switch (segment.kind) {
    case "property": {
      if (!isJsonObject(node)) {
        if (upstreamDefinite) throw MISSING;
        return;
      }
      const value = getOwn(node, segment.name);
      if (value === undefined) {
        if (ev.requireProperties || (upstreamDefinite && !last)) throw MISSING;
        return;
      }
      walk(segments, i + 1, value, ev, definite, out);
      return;
    }
    case "properties": {
      if (!isJsonObject(node)) {
        if (upstreamDefinite) throw MISSING;
        return;
      }
      if (last) {
        out.push(mergeFields(node, segment.names, ev.requireProperties));
        return;
      }
      for (const name of segment.names) {
        const value = getOwn(node, name);
        if (value !== undefined) walk(segments, i + 1, value, ev, false, out);
        else if (ev.requireProperties) throw MISSING;
      }
      return;
    }
    case "index":
    case "indexes":
    case "slice": {
      if (!Array.isArray(node)) {
        if (upstreamDefinite) throw MISSING;
        return;
      }
      for (const index of arrayIndexes(segment, node.length)) {
        const effective = index < 0 ? node.length + index : index;
        const item = node[effective];
        if (effective >= 0 && item !== undefined) walk(segments, i + 1, item, ev, definite, out);
      }
      return;
    }
    case "wildcard":
      if (Array.isArray(node)) {
        for (const item of node) walk(segments, i + 1, item, ev, false, out);
      } else if (isJsonObject(node)) {
        for (const key of Object.keys(node)) walk(segments, i + 1, node[key]!, ev, false, out);
      }
      return;
    case "scan":
      scan(segments, i, node, ev, out);
      return;
    case "filter":
      if (isJsonObject(node)) {
        // Jayway applies a filter to an object as to a one-element list: the object itself.
        if (filterAccepts(segment.filter, node, ev.host)) walk(segments, i + 1, node, ev, false, out);
      } else if (Array.isArray(node)) {
        for (const item of node) {
          if (filterAccepts(segment.filter, item, ev.host)) walk(segments, i + 1, item, ev, false, out);
        }
      } else if (upstreamDefinite) {
        throw new JsonPathEvaluationError(
          `Filter: [?] can not be applied to primitives. Current context is: ${javaString(node)}`,
        );
      }
      return;
    case "function": {
      const result = invokePathFunction(segment.name, node, segment.args, (arg) => readArgument(arg, ev));
      walk(segments, i + 1, result, ev, definite, out);
      return;
    }
  }
}

function mergeFields(node: JsonObject, names: readonly string[], requireProperties: boolean): JsonObject {
  const merged: JsonObject = {};
  for (const name of names) {
    const value = getOwn(node, name);
    if (value !== undefined) setOwn(merged, name, value);
    else if (requireProperties) throw MISSING;
  }
  return merged;
}

/** The indexes a step visits, in order, before negative ones are counted from the end. */
function arrayIndexes(
  segment: PathSegment & { kind: "index" | "indexes" | "slice" },
  length: number,
): number[] {
  if (segment.kind === "index") return [segment.index];
  if (segment.kind === "indexes") return [...segment.indexes];
  const { start, end } = segment;
  const range = (from: number, to: number): number[] =>
    Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
  if (length === 0) return [];
  if (end === null) {
    // [from:]: a negative start counts from the end.
    const from = Math.max(0, start! < 0 ? length + start! : start!);
    return range(from, length);
  }
  if (start === null) {
    // [:to]: a negative end counts from the end.
    return range(0, Math.min(length, end < 0 ? length + end : end));
  }
  // [from:to]: Jayway counts neither bound from the end here; a negative
  // `from` then visits the negative indexes, which count from the end.
  return range(start, Math.min(length, end));
}

/**
 * `..`: visits every node in document order (an object, then its fields
 * depth-first) with an explicit stack, so deep documents cannot overflow the
 * call stack. As Jayway's `ScanPathToken`, the step after `..` applies to
 * each object or array that can match it; for an array matched by a step
 * that is not the last one, the step after that applies to every element.
 */
function scan(
  segments: readonly PathSegment[],
  i: number,
  start: JsonValue,
  ev: Evaluation,
  out: JsonValue[],
): void {
  const target = segments[i + 1]!;
  const targetLast = i + 1 === segments.length - 1;
  const stack: JsonValue[] = [start];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (Array.isArray(node)) {
      if (scanMatches(target, targetLast, node, ev)) {
        if (targetLast) walk(segments, i + 1, node, ev, false, out);
        else for (const item of node) walk(segments, i + 2, item, ev, false, out);
      }
      for (let k = node.length - 1; k >= 0; k--) stack.push(node[k]!);
    } else if (isJsonObject(node)) {
      if (scanMatches(target, targetLast, node, ev)) walk(segments, i + 1, node, ev, false, out);
      const keys = Object.keys(node);
      for (let k = keys.length - 1; k >= 0; k--) stack.push(node[keys[k]!]!);
    }
  }
}

function scanMatches(target: PathSegment, targetLast: boolean, node: JsonValue, ev: Evaluation): boolean {
  switch (target.kind) {
    case "property":
      return isJsonObject(node) && (ev.requireProperties || hasOwn(node, target.name));
    case "properties":
      return (
        isJsonObject(node) &&
        (ev.requireProperties || !targetLast || target.names.every((name) => hasOwn(node, name)))
      );
    case "index":
    case "indexes":
    case "slice":
      return Array.isArray(node);
    case "wildcard":
      return true;
    case "filter":
      return filterAccepts(target.filter, node, ev.host);
    case "scan":
    case "function":
      return false;
  }
}
