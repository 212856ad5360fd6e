import { describe, expect, it } from "vitest";
import { StateRuntimeError } from "../errors.js";
import type { JsonObject } from "../json.js";
import type { Frame } from "../execution/execution-state.js";
import type { StepSession } from "../execution/step-session.js";
import { storeVariables } from "./assign.js";
import { checkVariableLimits, MAX_EXECUTION_VARIABLE_BYTES, measurementsOf } from "./variable-limits.js";
import { IdTable } from "../execution/id-table.js";

function frame(id: string, variables: JsonObject = {}, parentId?: string, isolated = false): Frame {
  return {
    id,
    parentId,
    scope: "",
    kind: parentId === undefined ? "root" : "iteration",
    index: undefined,
    stateName: "S",
    stateInput: null,
    enteredEventId: 1,
    enteredTime: 0,
    lastEventId: 1,
    retryCounts: [],
    variables,
    waiting: undefined,
    join: undefined,
    effectiveInput: undefined,
    silent: false,
    isolated,
  };
}

/** Only `state.frames` is read by the limits. */
function session(...frames: Frame[]): StepSession {
  return {
    state: { frames: IdTable.from(Object.fromEntries(frames.map((f) => [f.id, f]))) },
  } as unknown as StepSession;
}

/** A string whose JSON text is exactly `bytes` bytes. */
function sized(bytes: number): string {
  return "x".repeat(bytes - 2);
}

const KIB = 1024;

function failure(run: () => unknown): StateRuntimeError {
  try {
    run();
  } catch (error) {
    if (error instanceof StateRuntimeError) return error;
    throw error;
  }
  throw new Error("expected a failure");
}

/** Frames that together store `bytes`, in values of 250,000 bytes at most. */
function filled(prefix: string, bytes: number, parentId?: string, isolated = false): Frame {
  const variables: JsonObject = {};
  let left = bytes;
  for (let i = 0; left > 0; i++) {
    const size = Math.min(250_000, left);
    variables[`${prefix}${i}`] = sized(size);
    left -= size;
  }
  return frame(prefix, variables, parentId, isolated);
}

describe("checkVariableLimits", () => {
  it("measures UTF-8 bytes of the JSON text: a variable of 256 KiB passes, one byte more fails", () => {
    const root = frame("root");
    expect(() => checkVariableLimits(session(root), root, { v: sized(256 * KIB) })).not.toThrow();
    const error = failure(() => checkVariableLimits(session(root), root, { v: "é".repeat(128 * KIB) }));
    expect(error.name).toBe("States.DataLimitExceeded");
    expect(error.detail).toBe(
      "The value assigned to the variable 'v' is 262146 bytes, more than the 262144 bytes a variable may hold.",
    );
  });

  it("limits the values of one Assign together", () => {
    const root = frame("root");
    const error = failure(() =>
      checkVariableLimits(session(root), root, { a: sized(200 * KIB), b: sized(57 * KIB) }),
    );
    expect(error.detail).toBe(
      "The variables assigned by the field 'Assign' are 263168 bytes in all, more than the 262144 bytes one Assign may hold.",
    );
  });

  it("counts the variables of every frame of the execution, less the ones the Assign replaces", () => {
    const root = filled("r", MAX_EXECUTION_VARIABLE_BYTES - 100_000);
    const branch = frame("b", { mine: sized(100_000) }, "r");
    const all = session(root, branch);
    // Replacing a stored variable by one of the same size keeps the total.
    expect(() => checkVariableLimits(all, branch, { mine: sized(100_000) })).not.toThrow();
    const error = failure(() => checkVariableLimits(all, branch, { other: sized(10) }));
    expect(error.detail).toBe(
      `The variables stored by the execution would be ${MAX_EXECUTION_VARIABLE_BYTES + 10} bytes in all, more than the 10485760 bytes an execution may hold.`,
    );
  });

  it("gives each child execution of a distributed Map a total of its own", () => {
    const root = filled("r", MAX_EXECUTION_VARIABLE_BYTES - 1_000);
    const child = frame("c", {}, "r", true);
    const nested = frame("n", {}, "c");
    expect(() =>
      checkVariableLimits(session(root, child, nested), nested, { v: sized(200_000) }),
    ).not.toThrow();
    expect(() => checkVariableLimits(session(root, child, nested), root, { v: sized(2_000) })).toThrow(
      StateRuntimeError,
    );
  });

  it("keeps its measurements for storeVariables, which writes them as assignedVariables and counts what is stored", () => {
    const root = frame("root");
    const all = session(root);
    const assigned: JsonObject = { a: [1, 2], b: "é" };
    checkVariableLimits(all, root, assigned);
    expect(measurementsOf(assigned)?.bytes).toEqual(
      new Map([
        ["a", 5],
        ["b", 4],
      ]),
    );
    expect(storeVariables(root, assigned)).toEqual({ a: "[1,2]", b: '"é"' });
    expect(root.variables).toEqual({ a: [1, 2], b: "é" });
    for (let i = 0; i < 39; i++) {
      const next = { [`v${i}`]: sized(256 * KIB) };
      checkVariableLimits(all, root, next);
      storeVariables(root, next);
    }
    // 39 × 256 KiB + 9 bytes are stored: a 40th variable of 256 KiB is 9 bytes too many.
    expect(() => checkVariableLimits(all, root, { big: sized(256 * KIB) })).toThrow(StateRuntimeError);
    expect(() => checkVariableLimits(all, root, { v0: sized(256 * KIB) })).not.toThrow();
  });
});
