/**
 * Compiling a validated definition into a `CompiledMachine`: every path,
 * payload template, intrinsic call and Choice rule is parsed here, once.
 * Problems found while parsing them are reported as diagnostics; the
 * structure itself was checked by `validate.ts` before.
 */
import type { JsonObject } from "../json.js";
import type { JsonPath } from "../jsonpath/json-path.js";
import type { JsonataTemplate } from "../jsonata/jsonata-template.js";
import { isJsonataText } from "../jsonata/jsonata-template.js";
import { parseResource } from "../integrations/arn.js";
import { compileChoiceRule } from "../states/choice-rules.js";
import type { StateCompiler } from "./state-compiler.js";
import { errorHandling } from "./compile-error-handling.js";
import { distributedMapIo } from "./compile-map-io.js";
import { stateCompiler } from "./state-compiler.js";
import type {
  CompiledChoice,
  CompiledWait,
  JsonataField,
  CompiledMachine,
  CompiledScope,
  CompiledState,
  CompiledStateBase,
} from "./compiled.js";
import type { Diagnostic } from "./diagnostics.js";
import { pointerSegment } from "./diagnostics.js";
import { STATE_ENTERED, STATE_EXITED, eventHead } from "../execution/history-event.js";
import type { QueryLanguage, StateDefinition, StateMachineDefinition, WaitState } from "./types.js";

export interface CompileResult {
  readonly machine?: CompiledMachine;
  readonly diagnostics: readonly Diagnostic[];
}

export function compileMachine(definition: StateMachineDefinition): CompileResult {
  const compiler = new Map<string, CompiledScope>();
  const diagnostics: Diagnostic[] = [];
  const queryLanguage = definition.QueryLanguage ?? "JSONPath";
  compileScope(definition, "", queryLanguage, compiler, diagnostics);
  if (diagnostics.some((d) => d.severity === "error")) return { diagnostics };
  const machine: CompiledMachine = {
    definition,
    scopes: compiler,
    root: compiler.get("")!,
    queryLanguage,
    ...(definition.TimeoutSeconds === undefined ? {} : { timeoutSeconds: definition.TimeoutSeconds }),
  };
  return { machine: Object.freeze(machine), diagnostics };
}

function compileScope(
  scope: { readonly StartAt: string; readonly States: Readonly<Record<string, StateDefinition>> },
  key: string,
  queryLanguage: QueryLanguage,
  scopes: Map<string, CompiledScope>,
  diagnostics: Diagnostic[],
): void {
  const states = new Map<string, CompiledState>();
  const compiledScope: { -readonly [K in keyof CompiledScope]: CompiledScope[K] } = {
    key,
    startAt: scope.StartAt,
    states,
    startState: undefined,
  };
  scopes.set(key, compiledScope);
  for (const [name, definition] of Object.entries(scope.States)) {
    const location = `${key}/States/${pointerSegment(name)}`;
    const compiled = compileState(name, definition, location, queryLanguage, scopes, diagnostics);
    if (compiled) states.set(name, compiled);
  }
  // Transitions are linked once every state of the scope exists (a Next may name a later one).
  compiledScope.startState = states.get(scope.StartAt);
  for (const state of states.values()) {
    if (state.next !== undefined) linkTo(state, "nextState", states.get(state.next));
    if (state.type === "Choice") {
      for (const choice of state.choices) linkTo(choice, "nextState", states.get(choice.next));
      if (state.default !== undefined) linkTo(state, "defaultState", states.get(state.default));
    }
    Object.freeze(state);
  }
}

/** Sets a link of a compiled object while its scope is being compiled (it is read-only from then on). */
function linkTo<T extends object, K extends keyof T>(target: T, key: K, value: T[K]): void {
  (target as { -readonly [P in K]: T[P] })[key] = value;
}

function compileState(
  name: string,
  definition: StateDefinition,
  location: string,
  inherited: QueryLanguage,
  scopes: Map<string, CompiledScope>,
  diagnostics: Diagnostic[],
): CompiledState | undefined {
  const queryLanguage = definition.QueryLanguage ?? inherited;
  const jsonata = queryLanguage === "JSONata";
  const c = stateCompiler(location, diagnostics, queryLanguage);
  const raw = definition as unknown as JsonObject;
  const inputPath = c.path("InputPath", raw["InputPath"]);
  const outputPath = c.path("OutputPath", raw["OutputPath"]);
  const assign = c.data("Assign", raw["Assign"]);
  const output = jsonata ? c.jsonata("Output", raw["Output"]) : undefined;
  const base: BaseFields = {
    name,
    location,
    queryLanguage,
    end: definition.End === true || definition.Type === "Succeed" || definition.Type === "Fail",
    ...(definition.Next === undefined ? {} : { next: definition.Next }),
    nextState: undefined,
    ...(inputPath === undefined ? {} : { inputPath }),
    ...(outputPath === undefined ? {} : { outputPath }),
    ...(assign === undefined ? {} : { assign }),
    ...(output === undefined ? {} : { output }),
  };
  const resultShaping = () => {
    const resultPath = c.path("ResultPath", raw["ResultPath"]);
    const resultSelector = c.template("ResultSelector", raw["ResultSelector"]);
    return Object.assign(
      {},
      resultPath === undefined ? {} : { resultPath },
      resultSelector === undefined ? {} : { resultSelector },
    );
  };
  const args = () => {
    const compiled = jsonata ? c.jsonata("Arguments", raw["Arguments"]) : undefined;
    return compiled === undefined ? {} : { arguments: compiled };
  };
  switch (definition.Type) {
    case "Pass": {
      const resultPath = c.path("ResultPath", raw["ResultPath"]);
      const parameters = c.template("Parameters", definition.Parameters);
      return compiledState(base, {
        type: "Pass",
        ...(definition.Result === undefined ? {} : { result: definition.Result }),
        ...(parameters === undefined ? {} : { parameters }),
        ...(resultPath === undefined ? {} : { resultPath }),
      });
    }
    case "Succeed":
      return compiledState(base, { type: "Succeed" });
    case "Fail": {
      const field = (literal: string | undefined, pathField: string, path: string | undefined) =>
        jsonata && literal !== undefined && isJsonataText(literal)
          ? jsonataField(c, pathField.replace("Path", ""), literal)
          : (literal ?? c.valueSource(pathField, path));
      const error = field(definition.Error, "ErrorPath", definition.ErrorPath);
      const cause = field(definition.Cause, "CausePath", definition.CausePath);
      return compiledState(base, {
        type: "Fail",
        ...(error === undefined ? {} : { error }),
        ...(cause === undefined ? {} : { cause }),
      });
    }
    case "Wait":
      return withWait(c, base, definition, jsonata);
    case "Choice": {
      const choices = definition.Choices.flatMap((rule, index): CompiledChoice.Choice[] => {
        const at = `Choices/${index}`;
        if (typeof rule.Next !== "string") return [];
        const ruleAssign = c.data(`${at}/Assign`, rule.Assign);
        const ruleOutput = jsonata ? c.jsonata(`${at}/Output`, rule.Output) : undefined;
        const extras = {
          next: rule.Next,
          nextState: undefined,
          ...(ruleAssign === undefined ? {} : { assign: ruleAssign }),
          ...(ruleOutput === undefined ? {} : { output: ruleOutput }),
        };
        if (jsonata) {
          const condition = c.jsonata(`${at}/Condition`, rule.Condition);
          return condition ? [{ condition, ...extras }] : [];
        }
        const compiled = compileChoiceRule(rule, `${location}/${at}`, (d) => diagnostics.push(d), {
          isTopLevel: true,
        });
        return compiled ? [{ rule: compiled, ...extras }] : [];
      });
      return compiledState(base, {
        type: "Choice",
        choices,
        ...(definition.Default === undefined ? {} : { default: definition.Default }),
        defaultState: undefined,
      });
    }
    case "Task": {
      const resource = parseResource(definition.Resource);
      if (!resource) {
        c.problem(
          "Resource",
          `The value for the field 'Resource' must be a valid ARN: '${definition.Resource}'`,
        );
        return undefined;
      }
      const parameters = c.template("Parameters", definition.Parameters);
      const credentials = jsonata ? undefined : c.template("Credentials", definition.Credentials);
      const timeoutSeconds = c.number(
        "TimeoutSeconds",
        "TimeoutSecondsPath",
        definition.TimeoutSeconds,
        definition.TimeoutSecondsPath,
      );
      const heartbeatSeconds = c.number(
        "HeartbeatSeconds",
        "HeartbeatSecondsPath",
        definition.HeartbeatSeconds,
        definition.HeartbeatSecondsPath,
      );
      return compiledState(base, {
        type: "Task",
        resource,
        ...resultShaping(),
        ...errorHandling(c, raw),
        ...args(),
        ...(parameters === undefined ? {} : { parameters }),
        ...(credentials === undefined ? {} : { credentials }),
        ...(timeoutSeconds === undefined ? {} : { timeoutSeconds }),
        ...(heartbeatSeconds === undefined ? {} : { heartbeatSeconds }),
      });
    }
    case "Parallel": {
      const branches = definition.Branches.map((branch, index) => {
        const key = `${location}/Branches/${index}`;
        compileScope(branch, key, inherited, scopes, diagnostics);
        return key;
      });
      const parameters = c.template("Parameters", definition.Parameters);
      return compiledState(base, {
        type: "Parallel",
        branches,
        ...resultShaping(),
        ...errorHandling(c, raw),
        ...args(),
        ...(parameters === undefined ? {} : { parameters }),
      });
    }
    case "Map": {
      const processorField = definition.ItemProcessor ? "ItemProcessor" : "Iterator";
      const processor = definition.ItemProcessor ?? definition.Iterator;
      if (!processor) return undefined;
      const key = `${location}/${processorField}`;
      // Recorded: nested scopes take the machine's QueryLanguage, not the enclosing state's.
      compileScope(processor, key, inherited, scopes, diagnostics);
      const itemsPath = c.path("ItemsPath", definition.ItemsPath);
      const items = jsonata ? c.jsonata("Items", definition.Items) : undefined;
      const selectorField = definition.ItemSelector !== undefined ? "ItemSelector" : "Parameters";
      const itemSelector = c.data(selectorField, definition.ItemSelector ?? definition.Parameters);
      const maxConcurrency = c.number(
        "MaxConcurrency",
        "MaxConcurrencyPath",
        definition.MaxConcurrency,
        definition.MaxConcurrencyPath,
      );
      const toleratedFailureCount = c.number(
        "ToleratedFailureCount",
        "ToleratedFailureCountPath",
        definition.ToleratedFailureCount,
        definition.ToleratedFailureCountPath,
      );
      const toleratedFailurePercentage = c.number(
        "ToleratedFailurePercentage",
        "ToleratedFailurePercentagePath",
        definition.ToleratedFailurePercentage,
        definition.ToleratedFailurePercentagePath,
      );
      return compiledState(base, {
        type: "Map",
        ...resultShaping(),
        ...errorHandling(c, raw),
        processor: key,
        mode: processor.ProcessorConfig?.Mode ?? "INLINE",
        maxConcurrency: maxConcurrency ?? { kind: "literal", value: 0 },
        ...(itemsPath ? { itemsPath } : {}),
        ...(items === undefined ? {} : { items }),
        ...(itemSelector === undefined ? {} : { itemSelector }),
        ...(toleratedFailureCount === undefined ? {} : { toleratedFailureCount }),
        ...(toleratedFailurePercentage === undefined ? {} : { toleratedFailurePercentage }),
        ...(definition.Label === undefined ? {} : { label: definition.Label }),
        iterationStarted: eventHead("MapIterationStarted", name, "index"),
        iterationSucceeded: eventHead("MapIterationSucceeded", name, "index"),
        ...distributedMapIo(c, definition),
      });
    }
  }
}

function jsonataField(c: StateCompiler, field: string, text: string): JsonataField | undefined {
  const template = c.jsonata(field, text);
  return template && { kind: "jsonata", template, field };
}

function withWait(
  c: StateCompiler,
  base: BaseFields,
  definition: WaitState,
  jsonata: boolean,
): CompiledWait | undefined {
  const seconds = definition.Seconds;
  const timestamp = definition.Timestamp;
  let wait: CompiledWait["wait"] | undefined;
  if (typeof seconds === "number") wait = { kind: "seconds", seconds };
  else if (jsonata && typeof seconds === "string")
    wait = withTemplate("seconds-jsonata", c.jsonata("Seconds", seconds));
  else if (jsonata && typeof timestamp === "string" && isJsonataText(timestamp))
    wait = withTemplate("timestamp-jsonata", c.jsonata("Timestamp", timestamp));
  else if (typeof timestamp === "string") wait = { kind: "timestamp", timestamp };
  else if (definition.SecondsPath !== undefined)
    wait = withPath("seconds-path", c.path("SecondsPath", definition.SecondsPath));
  else wait = withPath("timestamp-path", c.path("TimestampPath", definition.TimestampPath));
  return wait ? compiledState(base, { type: "Wait", wait }) : undefined;
}

function withTemplate<K extends "seconds-jsonata" | "timestamp-jsonata">(
  kind: K,
  template: JsonataTemplate | undefined,
) {
  return template ? { kind, template } : undefined;
}

function withPath<K extends "seconds-path" | "timestamp-path">(kind: K, path: JsonPath | null | undefined) {
  return path ? { kind, path } : undefined;
}

/** The fields every state has, but for the event heads, which `compiledState` adds from the type. */
type BaseFields = Omit<CompiledStateBase, "enteredEvent" | "exitedEvent">;

/** The fields of a state of one type, past those every state has. */
type OwnFields<S> = S extends CompiledState ? Omit<S, keyof CompiledStateBase> : never;

/**
 * A compiled state: its base fields, its event heads, then the fields of
 * its type (frozen by compileScope, once its `nextState` is linked). Made
 * with `Object.assign` onto an empty object, not as `{ ...base, type, … }`:
 * Node 20's V8 gives every object such a literal makes a hidden class of
 * its own, so with one per state, every property read of a state in the
 * interpreter missed V8's inline caches (a chain of 1,000 Pass states ran
 * 4× slower per state than one of 100). Newer V8 (Node 24) shares them.
 */
function compiledState<F extends OwnFields<CompiledState>>(
  base: BaseFields,
  fields: F,
): CompiledStateBase & F {
  const heads = {
    enteredEvent: eventHead(STATE_ENTERED[fields.type], base.name, "input"),
    exitedEvent: eventHead(STATE_EXITED[fields.type], base.name, "output"),
  };
  const state: CompiledStateBase = Object.assign({}, base, heads);
  return Object.assign(state, fields);
}
