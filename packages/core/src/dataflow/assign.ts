/**
 * Workflow variables: evaluating a state's `Assign` and storing the result
 * in the frame's scope when the state exits. JSONata: `$states.result` /
 * `$states.errorOutput` are available as in `Output`.
 *
 * Recorded (JSONPath): in `Assign`, `$` is the state's result — a Pass
 * state's Result or Parameters output, a Task's result after ResultSelector,
 * the error output in a Catcher — and the values are only visible to later
 * states (`OutputPath: "$answer"` in the assigning state still reads the old
 * value).
 *
 * Scopes: a frame (the execution, a Parallel branch, a Map iteration) stores
 * what its states assign in its own `variables`, and reads a name there
 * first, then in the enclosing frames (eval-scope.ts). So a branch or an
 * iteration reads the outer variables but never writes them, its siblings
 * never see its variables, and they go when it ends. A Catcher of a Parallel
 * or Map state runs in the frame of that state: it assigns in the outer scope.
 */
import type { JsonObject } from "../json.js";
import { isJsonObject, setOwn, utf8ByteLength } from "../json.js";
import type { Frame } from "../execution/execution-state.js";
import { NO_VARIABLES } from "../execution/execution-state.js";
import type { StepSession } from "../execution/step-session.js";
import type { DataContext, DataTemplate } from "./data-template.js";
import { evaluateData } from "./data-template.js";
import { checkVariableLimits, measurementsOf, recordStored } from "./variable-limits.js";

/**
 * Evaluates an `Assign` (JSONPath: `$` is `context.dollar`; JSONata: the
 * `$states` of the context) and checks it against AWS's size limits;
 * undefined when the state has none.
 */
export function evaluateAssign(
  session: StepSession,
  frame: Frame,
  assign: DataTemplate | undefined,
  context: DataContext,
): JsonObject | undefined {
  if (assign === undefined) return undefined;
  const assigned = evaluateData(session, frame, assign, "Assign", context);
  if (!isJsonObject(assigned)) return undefined;
  checkVariableLimits(session, frame, assigned);
  return assigned;
}

/**
 * Stores assigned variables in the frame's own scope and returns the
 * `assignedVariables` of the exited event: each value as JSON text (the
 * text measured by the limits check, when the Assign went through it).
 */
export function storeVariables(frame: Frame, assigned: JsonObject): JsonObject {
  const measured = measurementsOf(assigned);
  const shown: JsonObject = {};
  if (frame.variables === NO_VARIABLES) frame.variables = {};
  for (const [name, value] of Object.entries(assigned)) {
    const text = measured?.texts.get(name) ?? JSON.stringify(value);
    setOwn(frame.variables, name, value);
    recordStored(frame.variables, name, measured?.bytes.get(name) ?? utf8ByteLength(text));
    setOwn(shown, name, text);
  }
  return shown;
}
