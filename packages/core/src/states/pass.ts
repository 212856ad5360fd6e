/**
 * Pass. JSONPath: InputPath → Parameters (or the literal Result, whose `.$`
 * keys are data) → ResultPath → OutputPath. JSONata: Output (by default the
 * input).
 */
import type { CompiledPass } from "../definition/compiled.js";
import { evaluateAssign } from "../dataflow/assign.js";
import { jsonataOutcome } from "../dataflow/data-template.js";
import { evalScope } from "../dataflow/eval-scope.js";
import { placeResult, selectFramePath } from "../dataflow/jsonpath-pipeline.js";
import { evaluateResultTemplate } from "../jsonpath/payload-template.js";
import { inspect } from "../execution/inspection.js";
import { notePlacement } from "../execution/payload-quota.js";
import type { Frame } from "../execution/execution-state.js";
import type { StepSession } from "../execution/step-session.js";
import type { StateOutcome } from "./state-outcome.js";
import { exitWith } from "./state-outcome.js";

export function runPass(session: StepSession, frame: Frame, state: CompiledPass): StateOutcome {
  const raw = frame.stateInput;
  if (state.queryLanguage === "JSONata") {
    const { output, assigned } = jsonataOutcome(session, frame, state, { dollar: raw, input: raw }, raw);
    return exitWith(output, undefined, assigned);
  }
  const effective = inspect(session, "afterInputPath", selectFramePath(session, frame, state.inputPath, raw));
  const result = inspect(
    session,
    "result",
    state.result !== undefined
      ? state.result
      : inspect(
          session,
          "afterParameters",
          state.parameters === undefined
            ? effective
            : evaluateResultTemplate(state.parameters, evalScope(session, frame, effective)),
        ),
  );
  const combined = inspect(session, "afterResultPath", placeResult(state.resultPath, raw, result));
  if (state.resultPath) notePlacement(session.quota, raw, state.resultPath, result, combined);
  const output = selectFramePath(session, frame, state.outputPath, combined);
  return exitWith(
    output,
    undefined,
    evaluateAssign(session, frame, state.assign, { dollar: result, input: raw }),
  );
}
