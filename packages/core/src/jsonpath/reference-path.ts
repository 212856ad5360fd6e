/**
 * Writing through a reference path (ResultPath): copy-on-write along the
 * path's spine only, so a large input is never deep-copied — every subtree
 * off the spine is shared with the original.
 *
 * AWS fails a ResultPath that cannot be applied with the error
 * `States.ReferencePathConflict` (not the `States.ResultPathMatchFailure` of
 * the ASL specification), cause `Unable to apply step "<name>" to input
 * <input>`, without the usual "An error occurred while executing the
 * state..." prefix; for an input that is not an object or array the cause
 * reads `Unable to apply ReferencePath <path> to input <input>`. Neither text
 * is in the recorded cases: both are from AWS executions quoted in public
 * issues.
 */
import { StatesError } from "../errors.js";
import type { JsonObject, JsonValue } from "../json.js";
import { copyJsonObject, getOwn, isJsonObject, setOwn } from "../json.js";
import type { JsonPath, PathSegment } from "./json-path.js";

export const REFERENCE_PATH_CONFLICT = "States.ReferencePathConflict";

/**
 * A ResultPath that cannot be applied to the input: a step walks into a
 * value that cannot hold it (a field of a string, an index of an object, an
 * index past the end of an array). A StatesError, so the engine can let it
 * fail the state as it is; `step` is the name or index that failed.
 */
export class ReferencePathConflict extends StatesError {
  readonly path: string;
  readonly step: string | number;

  constructor(path: string, step: string | number, input: JsonValue, wholeInputNotContainer: boolean) {
    const shown = JSON.stringify(input);
    super(
      REFERENCE_PATH_CONFLICT,
      wholeInputNotContainer
        ? `Unable to apply ReferencePath ${path} to input ${shown}`
        : `Unable to apply step "${step}" to input ${shown}`,
    );
    this.path = path;
    this.step = step;
  }
}

/**
 * Returns `root` with `value` placed at `path`, a reference path. Missing
 * fields along the way are created as objects; the original is not changed
 * and everything off the path is shared.
 *
 * @example
 * assignAtPath({ a: { keep: [1, 2] } }, parseJsonPath("$.a.result"), 42)
 * // { a: { keep: [1, 2], result: 42 } }, sharing the `keep` array
 */
export function assignAtPath(root: JsonValue, path: JsonPath, value: JsonValue): JsonValue {
  if (!path.reference) throw new TypeError(`assignAtPath needs a reference path, got '${path.text}'`);
  return assignBelow(root, 0, path, root, value);
}

/**
 * `current` with `value` placed at the path's steps from `depth` on. The
 * steps are read top-down (a conflict on the way fails first) and the copies
 * made bottom-up.
 */
function assignBelow(
  current: JsonValue | undefined,
  depth: number,
  path: JsonPath,
  root: JsonValue,
  value: JsonValue,
): JsonValue {
  const segment = path.segments[depth];
  if (segment === undefined) return value;
  const last = depth === path.segments.length - 1;
  const next = last || current === undefined ? undefined : child(current, segment, path, root);
  return withChild(current, segment, assignBelow(next, depth + 1, path, root, value), path, root);
}

function conflict(segment: PathSegment, path: JsonPath, root: JsonValue): never {
  const name = segment.kind === "property" ? segment.name : segment.kind === "index" ? segment.index : "";
  throw new ReferencePathConflict(path.text, name, root, !isJsonObject(root) && !Array.isArray(root));
}

/** The child a step reads: undefined when a field is missing (it will be created). */
function child(
  current: JsonValue,
  segment: PathSegment,
  path: JsonPath,
  root: JsonValue,
): JsonValue | undefined {
  if (segment.kind === "property") {
    if (!isJsonObject(current)) return conflict(segment, path, root);
    return getOwn(current, segment.name);
  }
  if (!Array.isArray(current)) return conflict(segment, path, root);
  const item = current[arrayIndex(current, segment)];
  return item === undefined ? conflict(segment, path, root) : item;
}

/** A copy of `current` (or a new object) whose child at `segment` is `value`. */
function withChild(
  current: JsonValue | undefined,
  segment: PathSegment,
  value: JsonValue,
  path: JsonPath,
  root: JsonValue,
): JsonValue {
  if (segment.kind === "property") {
    if (current !== undefined && !isJsonObject(current)) return conflict(segment, path, root);
    const copy: JsonObject = current === undefined ? {} : copyJsonObject(current);
    setOwn(copy, segment.name, value);
    return copy;
  }
  // Arrays are never created: there is no length to give them.
  if (!Array.isArray(current)) return conflict(segment, path, root);
  const index = arrayIndex(current, segment);
  if (current[index] === undefined) return conflict(segment, path, root);
  const copy = current.slice();
  copy[index] = value;
  return copy;
}

function arrayIndex(array: readonly JsonValue[], segment: PathSegment): number {
  const index = segment.kind === "index" ? segment.index : Number.NaN;
  return index < 0 ? array.length + index : index;
}
