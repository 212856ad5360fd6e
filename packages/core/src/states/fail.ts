/**
 * Fail: ends its frame with Error and Cause, given literally, through
 * ErrorPath / CausePath (a path or an intrinsic function, read from the
 * state's raw input) or, in JSONata states, as expressions. A Fail state has
 * no exited event.
 */
import type { CompiledFail, JsonataField } from "../definition/compiled.js";
import { StatesError, StateRuntimeError } from "../errors.js";
import type { JsonValue } from "../json.js";
import type { ValueSource } from "../jsonpath/payload-template.js";
import { evaluatePayloadTemplate } from "../jsonpath/payload-template.js";
import { jsonataTypeError } from "../jsonata/jsonata-template.js";
import { evaluateData } from "../dataflow/data-template.js";
import { evalScope } from "../dataflow/eval-scope.js";
import type { Frame } from "../execution/execution-state.js";
import type { StepSession } from "../execution/step-session.js";
import type { StateOutcome } from "./state-outcome.js";

export function runFail(session: StepSession, frame: Frame, state: CompiledFail): StateOutcome {
  const error = readField(session, frame, state.error, "ErrorPath");
  const cause = readField(session, frame, state.cause, "CausePath");
  // StatesError carries "no Error" as the empty name; the frame result drops it.
  return { kind: "fail", error: new StatesError(error ?? "", cause) };
}

function readField(
  session: StepSession,
  frame: Frame,
  field: string | ValueSource | JsonataField | undefined,
  name: string,
): string | undefined {
  if (field === undefined || typeof field === "string") return field;
  const input = frame.stateInput;
  if (field.kind === "jsonata") {
    const value = evaluateData(
      session,
      frame,
      { language: "JSONata", template: field.template },
      field.field,
      { dollar: input, input },
    );
    if (typeof value !== "string") throw jsonataTypeError(field.template, field.field, "string", value);
    return value;
  }
  // A value source (ErrorPath, CausePath) is a template node of its own.
  const value: JsonValue = evaluatePayloadTemplate(field, evalScope(session, frame, input));
  if (typeof value !== "string") {
    throw new StateRuntimeError(
      `The ${name} field must resolve to a string, but was: ${JSON.stringify(value)}`,
    );
  }
  return value;
}
