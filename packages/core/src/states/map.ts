/**
 * Map: one child frame per item, at most MaxConcurrency at a time (0 = no
 * limit of ours), results in item order. Iterations are started one at a
 * time from the step loop, so quick iterations run one after the other in
 * index order (as AWS records them) and at most the running ones are held in
 * memory. A DISTRIBUTED Map runs its iterations as child executions: their
 * events are not part of this history, and they see none of its variables.
 */
import type { CompiledMap } from "../definition/compiled.js";
import { StatesErrorName, StateRuntimeError } from "../errors.js";
import type { JsonValue } from "../json.js";
import { evaluatePayloadTemplate } from "../jsonpath/payload-template.js";
import { evalScope } from "../dataflow/eval-scope.js";
import type { DataContext } from "../dataflow/data-template.js";
import { evaluateData, numberContext } from "../dataflow/data-template.js";
import { jsonataTypeError } from "../jsonata/jsonata-template.js";
import { applyTemplate, selectFramePath, selectPath } from "../dataflow/jsonpath-pipeline.js";
import { inspect } from "../execution/inspection.js";
import type { Frame, Join } from "../execution/execution-state.js";
import type { StepSession } from "../execution/step-session.js";
import { emit } from "../execution/step-session.js";
import { batchItems } from "./map-batcher.js";
import type { TaskAnswer } from "./map-io.js";
import { closeMapIo, mapIoFailure, requestMapIo } from "./map-io.js";
import { queueLauncher, succeedMap } from "./map-iterations.js";
import { itemsFromReader } from "./map-item-reader.js";
import { checkToleratedPercentage, readFloat, readInteger } from "./number-source.js";
import type { StateOutcome } from "./state-outcome.js";
import { BLOCKED } from "./state-outcome.js";
import { RunningChildren } from "../execution/running-children.js";

export function runMap(session: StepSession, frame: Frame, state: CompiledMap): StateOutcome {
  const raw = frame.stateInput;
  const jsonata = state.queryLanguage === "JSONata";
  const effective = jsonata
    ? raw
    : inspect(session, "afterInputPath", selectFramePath(session, frame, state.inputPath, raw));
  frame.effectiveInput = effective;
  const reader = state.itemReader;
  if (reader) {
    const parameters = applyTemplate(reader.parameters, evalScope(session, frame, effective));
    requestMapIo(session, frame, state, "item-reader", reader.resource, parameters);
    return BLOCKED;
  }
  if (jsonata) {
    // JSONata: the items are checked before MapStateStarted, as recorded.
    const items = state.items
      ? evaluateData(
          session,
          frame,
          { language: "JSONata", template: state.items },
          "Items",
          dataContext(frame),
        )
      : raw;
    if (state.items && !Array.isArray(items)) throw jsonataTypeError(state.items, "Items", "array", items);
    if (!Array.isArray(items)) throw notAnArray(items);
    return startMapRun(session, frame, state, items);
  }
  const items =
    state.itemsPath === undefined
      ? effective
      : selectPath(state.itemsPath, evalScope(session, frame, effective));
  return startMapRun(session, frame, state, inspect(session, "afterItemsPath", items));
}

function notAnArray(items: JsonValue): StateRuntimeError {
  return new StateRuntimeError(`Map state input must be an array but was: ${JSON.stringify(items)}`);
}

/** `$` is the Map's effective input; `$states.input` its raw input. */
function dataContext(frame: Frame, extras?: DataContext["extras"]): DataContext {
  return {
    dollar: frame.effectiveInput ?? frame.stateInput,
    input: frame.stateInput,
    ...(extras ? { extras } : {}),
  };
}

/** The ItemReader answered: its items start the map run. */
export function onItemsRead(
  session: StepSession,
  frame: Frame,
  state: CompiledMap,
  taskId: string,
  outcome: TaskAnswer,
): StateOutcome {
  closeMapIo(session, frame, taskId);
  if (outcome.kind === "failed") return mapIoFailure(outcome, StatesErrorName.ItemReaderFailed);
  const reader = state.itemReader!;
  const maxItems =
    reader.maxItems && readInteger(reader.maxItems, numberContext(session, frame, dataContext(frame)));
  return startMapRun(
    session,
    frame,
    state,
    itemsFromReader(reader.resource.resource, outcome.output, reader.readerConfig, maxItems),
  );
}

function startMapRun(session: StepSession, frame: Frame, state: CompiledMap, items: JsonValue): StateOutcome {
  const effective = frame.effectiveInput ?? frame.stateInput;
  const scope = numberContext(session, frame, dataContext(frame));
  // Recorded order: a bad MaxConcurrencyPath fails before MapStateStarted, bad tolerated failures after it.
  const maxConcurrency = readInteger(state.maxConcurrency, scope);
  inspect(session, "maxConcurrency", maxConcurrency);
  emit(session, frame, "MapStateStarted", { length: Array.isArray(items) ? items.length : 0 });
  if (!Array.isArray(items)) throw notAnArray(items);
  const toleratedFailureCount =
    state.toleratedFailureCount && readInteger(state.toleratedFailureCount, scope);
  const toleratedFailurePercentage =
    state.toleratedFailurePercentage &&
    checkToleratedPercentage(readFloat(state.toleratedFailurePercentage, scope));
  // With an ItemBatcher, each child gets a batch of selected items instead of one item.
  const batcher = state.itemBatcher;
  const iterationItems = batcher
    ? batchItems(
        items.map((value, index) => selectItem(session, frame, state, index, value)),
        batcher.maxItemsPerBatch && readInteger(batcher.maxItemsPerBatch, scope),
        batcher.maxInputBytesPerBatch && readInteger(batcher.maxInputBytesPerBatch, scope),
        batcher.batchInput &&
          evaluatePayloadTemplate(batcher.batchInput, evalScope(session, frame, effective)),
      )
    : items;
  const join: Join = {
    kind: "map",
    results: new Array<JsonValue | undefined>(iterationItems.length),
    running: new RunningChildren(),
    items: iterationItems,
    nextIndex: 0,
    maxConcurrency,
    failures: 0,
    ...(batcher ? { preselected: true } : {}),
    ...(toleratedFailureCount === undefined ? {} : { toleratedFailureCount }),
    ...(toleratedFailurePercentage === undefined ? {} : { toleratedFailurePercentage }),
  };
  frame.join = join;
  frame.waiting = { kind: "children" };
  if (state.mode === "DISTRIBUTED") {
    join.mapRunArn = mapRunArn(session, state);
    emit(session, frame, "MapRunStarted", { mapRunArn: join.mapRunArn });
  }
  if (iterationItems.length === 0) {
    succeedMap(session, frame, state);
    return BLOCKED;
  }
  queueLauncher(session, frame, state);
  return BLOCKED;
}

/** ItemSelector (or the older Parameters) for one item: `$` is the Map's input, `$$.Map.Item` the item. */
export function selectItem(
  session: StepSession,
  frame: Frame,
  state: CompiledMap,
  index: number,
  value: JsonValue,
): JsonValue {
  const selector = state.itemSelector;
  if (selector === undefined) return value;
  return evaluateData(
    session,
    frame,
    selector,
    "ItemSelector",
    dataContext(frame, { mapItem: { index, value } }),
  );
}

function mapRunArn(session: StepSession, state: CompiledMap): string {
  const identity = session.state.identity;
  const label = state.label ?? state.name;
  return `${identity.stateMachineArn.replace(":stateMachine:", ":mapRun:")}/${label}:${session.random.uuid()}`;
}
