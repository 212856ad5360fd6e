/**
 * How a state with a result (Task, Parallel, Map) turns it into its output.
 * JSONPath: ResultSelector → ResultPath (into the raw input) → OutputPath,
 * Assign seeing the selected result as `$`. JSONata: Output and Assign with
 * `$states.result`, the output being the result by default.
 */
import type { CompiledMap, CompiledParallel, CompiledTask } from "../definition/compiled.js";
import type { JsonValue } from "../json.js";
import { evaluateAssign } from "../dataflow/assign.js";
import { jsonataOutcome } from "../dataflow/data-template.js";
import { evalScope } from "../dataflow/eval-scope.js";
import { applyTemplate, placeResult, selectFramePath } from "../dataflow/jsonpath-pipeline.js";
import type { Frame } from "../execution/execution-state.js";
import { inspect } from "../execution/inspection.js";
import { notePlacement } from "../execution/payload-quota.js";
import type { StepSession } from "../execution/step-session.js";
import type { StateOutcome } from "./state-outcome.js";
import { exitWith } from "./state-outcome.js";

export function exitWithResult(
  session: StepSession,
  frame: Frame,
  state: CompiledTask | CompiledParallel | CompiledMap,
  result: JsonValue,
): StateOutcome {
  const raw = frame.stateInput;
  inspect(session, "result", result);
  if (state.queryLanguage === "JSONata") {
    const ending = jsonataOutcome(session, frame, state, { dollar: result, input: raw, result }, result);
    return exitWith(ending.output, undefined, ending.assigned);
  }
  const selected = inspect(
    session,
    "afterResultSelector",
    applyTemplate(state.resultSelector, evalScope(session, frame, result)),
  );
  const combined = inspect(session, "afterResultPath", placeResult(state.resultPath, raw, selected));
  if (state.resultPath) notePlacement(session.quota, raw, state.resultPath, selected, combined);
  const output = selectFramePath(session, frame, state.outputPath, combined);
  return exitWith(
    output,
    undefined,
    evaluateAssign(session, frame, state.assign, { dollar: selected, input: raw, result: selected }),
  );
}
