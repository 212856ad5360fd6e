/**
 * AWS's size limits on workflow variables ("Passing data between states with
 * variables"): "The maximum size of a single variable is 256 KiB ... The
 * maximum combined size for all variables within a single Assign field is
 * also 256 KiB ... The total size of all stored variables cannot exceed
 * 10 MiB per execution." Sizes are those of the values as JSON text in UTF-8,
 * the unit of every AWS payload limit.
 *
 * Ours: AWS's error for a broken limit is not recorded. The execution fails
 * with States.DataLimitExceeded, AWS's error for its other payload quotas,
 * and a cause that names the variable and the limit.
 *
 * A distributed Map's iterations run as child executions on AWS, so each
 * has a total of its own: the total counts the frames that share the
 * assigning frame's execution (up to the first isolated frame).
 */
import { StateRuntimeError, StatesErrorName } from "../errors.js";
import type { JsonObject } from "../json.js";
import { utf8ByteLength } from "../json.js";
import type { Frame } from "../execution/execution-state.js";
import type { StepSession } from "../execution/step-session.js";

export const MAX_VARIABLE_BYTES = 256 * 1024;
export const MAX_ASSIGN_BYTES = 256 * 1024;
export const MAX_EXECUTION_VARIABLE_BYTES = 10 * 1024 * 1024;

/** The JSON text and UTF-8 size of each value of one evaluated Assign, measured once. */
export interface MeasuredAssign {
  readonly texts: ReadonlyMap<string, string>;
  readonly bytes: ReadonlyMap<string, number>;
}

const measured = new WeakMap<JsonObject, MeasuredAssign>();

/**
 * Sizes of the variables stored in a scope, by name, kept beside the scope
 * object (never in the execution data, which stays plain JSON). A scope not
 * seen before, such as one restored from a snapshot, is measured once.
 */
const storedSizes = new WeakMap<JsonObject, { readonly byName: Map<string, number>; total: number }>();

/**
 * Checks an evaluated Assign against the three limits before any of it is
 * stored, and keeps its measurements for `recordStored`. Throws
 * StateRuntimeError (States.DataLimitExceeded) for the first limit broken.
 *
 * @example
 * checkVariableLimits(session, frame, { order: bigOrder }); // throws when bigOrder is over 256 KiB
 */
export function checkVariableLimits(
  session: StepSession,
  frame: Frame,
  assigned: JsonObject,
): MeasuredAssign {
  const texts = new Map<string, string>();
  const bytes = new Map<string, number>();
  let combined = 0;
  for (const [name, value] of Object.entries(assigned)) {
    const text = JSON.stringify(value);
    const size = utf8ByteLength(text);
    if (size > MAX_VARIABLE_BYTES) {
      throw limitError(
        `The value assigned to the variable '${name}' is ${size} bytes, more than the ${MAX_VARIABLE_BYTES} bytes a variable may hold.`,
      );
    }
    texts.set(name, text);
    bytes.set(name, size);
    combined += size;
  }
  if (combined > MAX_ASSIGN_BYTES) {
    throw limitError(
      `The variables assigned by the field 'Assign' are ${combined} bytes in all, more than the ${MAX_ASSIGN_BYTES} bytes one Assign may hold.`,
    );
  }
  const own = sizesOf(frame.variables);
  let replaced = 0;
  for (const name of bytes.keys()) replaced += own.byName.get(name) ?? 0;
  checkExecutionTotal(session, frame, combined - replaced);
  const result = { texts, bytes };
  measured.set(assigned, result);
  return result;
}

/** The measurements `checkVariableLimits` took of this Assign, if it checked it. */
export function measurementsOf(assigned: JsonObject): MeasuredAssign | undefined {
  return measured.get(assigned);
}

/** Keeps the stored sizes of a scope current after `name` was set to a value of `size` bytes. */
export function recordStored(variables: JsonObject, name: string, size: number): void {
  const sizes = sizesOf(variables);
  sizes.total += size - (sizes.byName.get(name) ?? 0);
  sizes.byName.set(name, size);
}

function limitError(detail: string): StateRuntimeError {
  return new StateRuntimeError(detail, StatesErrorName.DataLimitExceeded);
}

function sizesOf(variables: JsonObject): { readonly byName: Map<string, number>; total: number } {
  let sizes = storedSizes.get(variables);
  if (sizes === undefined) {
    sizes = { byName: new Map(), total: 0 };
    for (const [name, value] of Object.entries(variables)) {
      const size = utf8ByteLength(JSON.stringify(value));
      sizes.byName.set(name, size);
      sizes.total += size;
    }
    storedSizes.set(variables, sizes);
  }
  return sizes;
}

/**
 * An upper bound of the bytes all live frames store, per execution data:
 * bytes stored by checked Assigns are added, bytes dropped with a finished
 * frame are not subtracted. Counting exactly costs a walk over the live
 * frames, so it is done only when the bound is over the limit, and the bound
 * starts again from the exact count. It holds because whatever is stored was
 * checked first (evaluateAssign and jsonataOutcome check, storeVariables
 * stores), and whatever a frame held before the first check was counted then.
 */
const storedBound = new WeakMap<object, { bytes: number }>();

function checkExecutionTotal(session: StepSession, frame: Frame, growth: number): void {
  let bound = storedBound.get(session.state);
  if (bound === undefined) {
    bound = { bytes: allStoredBytes(session) };
    storedBound.set(session.state, bound);
  }
  if (bound.bytes + growth > MAX_EXECUTION_VARIABLE_BYTES) {
    bound.bytes = allStoredBytes(session);
    const total = executionStoredBytes(session, frame) + growth;
    if (total > MAX_EXECUTION_VARIABLE_BYTES) {
      throw limitError(
        `The variables stored by the execution would be ${total} bytes in all, more than the ${MAX_EXECUTION_VARIABLE_BYTES} bytes an execution may hold.`,
      );
    }
  }
  // Counted even if the state fails before storing them: the bound only has to stay above.
  bound.bytes += Math.max(growth, 0);
}

function allStoredBytes(session: StepSession): number {
  let sum = 0;
  for (const live of session.state.frames.values()) sum += sizesOf(live.variables).total;
  return sum;
}

/** Bytes stored by the frames of the (child) execution the frame belongs to. */
function executionStoredBytes(session: StepSession, frame: Frame): number {
  const execution = executionRoot(session, frame);
  let sum = 0;
  for (const live of session.state.frames.values()) {
    if (executionRoot(session, live) === execution) sum += sizesOf(live.variables).total;
  }
  return sum;
}

/** The frame that starts the (child) execution a frame belongs to: the root or an isolated iteration. */
function executionRoot(session: StepSession, frame: Frame): Frame {
  let current = frame;
  while (!current.isolated && current.parentId !== undefined) {
    const parent = session.state.frames.get(current.parentId);
    if (parent === undefined) break;
    current = parent;
  }
  return current;
}
