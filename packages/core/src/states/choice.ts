/**
 * Choice: the first rule that matches (a JSONPath rule on the effective
 * input, or a JSONata Condition) picks the next state, else Default, else
 * `States.NoChoiceMatched`. The matching rule's Assign and Output apply, or
 * the state's own when Default is taken. The output is the input (after
 * InputPath/OutputPath, or the JSONata Output).
 */
import type { CompiledChoice } from "../definition/compiled.js";
import { StatesError, StatesErrorName } from "../errors.js";
import type { JsonValue } from "../json.js";
import { jsonataTypeError } from "../jsonata/jsonata-template.js";
import { evaluateAssign } from "../dataflow/assign.js";
import type { DataContext } from "../dataflow/data-template.js";
import { evaluateJsonataField, jsonataOutcome } from "../dataflow/data-template.js";
import { evalScope } from "../dataflow/eval-scope.js";
import { selectFramePath } from "../dataflow/jsonpath-pipeline.js";
import { inspect } from "../execution/inspection.js";
import type { Frame } from "../execution/execution-state.js";
import type { StepSession } from "../execution/step-session.js";
import type { TemplateScope } from "../jsonpath/payload-template.js";
import { evaluateChoiceRule } from "./choice-rules.js";
import type { StateOutcome } from "./state-outcome.js";
import { exitWith } from "./state-outcome.js";

export function runChoice(session: StepSession, frame: Frame, state: CompiledChoice): StateOutcome {
  const raw = frame.stateInput;
  const jsonata = state.queryLanguage === "JSONata";
  const effective = jsonata
    ? raw
    : inspect(session, "afterInputPath", selectFramePath(session, frame, state.inputPath, raw));
  const context: DataContext = { dollar: effective, input: raw };
  const chosenIndex = jsonata
    ? firstHeldCondition(session, frame, state, context)
    : firstMatchingRule(state, evalScope(session, frame, effective));
  const chosen = state.choices[chosenIndex];
  const next = chosen?.next ?? state.default;
  const nextState = chosen ? chosen.nextState : state.defaultState;
  if (next === undefined) {
    // AWS's cause for this error is not in the recordings; none is invented here.
    return { kind: "fail", error: new StatesError(StatesErrorName.NoChoiceMatched) };
  }
  const ending = chosen ?? state;
  if (jsonata) {
    const { output, assigned } = jsonataOutcome(
      session,
      frame,
      ending,
      context,
      raw,
      chosen ? `Choices[${chosenIndex}]/` : "",
    );
    return exitWith(output, next, assigned, nextState);
  }
  const output = selectFramePath(session, frame, state.outputPath, effective);
  return exitWith(output, next, evaluateAssign(session, frame, ending.assign, context), nextState);
}

function firstMatchingRule(state: CompiledChoice, scope: TemplateScope): number {
  const choices = state.choices;
  for (let i = 0; i < choices.length; i++) if (evaluateChoiceRule(choices[i]!.rule!, scope)) return i;
  return -1;
}

function firstHeldCondition(
  session: StepSession,
  frame: Frame,
  state: CompiledChoice,
  context: DataContext,
): number {
  // Causes name a rule's fields as AWS does: `Choices[0]/Condition`, `Choices[1]/Output/v`.
  return state.choices.findIndex((choice, index) =>
    conditionHolds(session, frame, choice.condition!, `Choices[${index}]/Condition`, context),
  );
}

function conditionHolds(
  session: StepSession,
  frame: Frame,
  condition: NonNullable<CompiledChoice.Choice["condition"]>,
  field: string,
  context: DataContext,
): boolean {
  const value: JsonValue | undefined = evaluateJsonataField(session, frame, condition, field, context);
  if (typeof value !== "boolean") throw jsonataTypeError(condition, field, "boolean", value ?? null);
  return value;
}
