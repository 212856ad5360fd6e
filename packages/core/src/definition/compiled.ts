/**
 * A definition compiled once: every path, template and rule pre-parsed,
 * frozen, and shared by all executions of the machine.
 */
import type { JsonValue } from "../json.js";
import type { JsonPath } from "../jsonpath/json-path.js";
import type { PayloadTemplate, ValueSource } from "../jsonpath/payload-template.js";
import type { CompiledChoiceRule } from "../states/choice-rules.js";
import type { ResourceInfo } from "../integrations/arn.js";
import type { ReaderConfig } from "../states/map-item-reader.js";
import type { DataTemplate } from "../dataflow/data-template.js";
import type { JsonataTemplate } from "../jsonata/jsonata-template.js";
import type { EventHead } from "../execution/history-event.js";
import type { QueryLanguage, StateMachineDefinition } from "./types.js";

export interface CompiledMachine {
  readonly definition: StateMachineDefinition;
  /** The root scope is `""`; branches and item processors are keyed by their JSON pointer. */
  readonly scopes: ReadonlyMap<string, CompiledScope>;
  /** The root scope (`scopes.get("")`), at hand: every execution starts there. */
  readonly root: CompiledScope;
  readonly timeoutSeconds?: number;
  readonly queryLanguage: QueryLanguage;
}

export interface CompiledScope {
  readonly key: string;
  readonly startAt: string;
  readonly states: ReadonlyMap<string, CompiledState>;
  /** The state named by `startAt`, resolved once the scope is compiled. */
  readonly startState: CompiledState | undefined;
}

export type CompiledState =
  | CompiledPass
  | CompiledTask
  | CompiledChoice
  | CompiledWait
  | CompiledSucceed
  | CompiledFail
  | CompiledParallel
  | CompiledMap;

/**
 * How a state's input and output are shaped (JSONPath flavour):
 * `undefined` means the default path `$`, `null` means the field was null.
 */
export interface CompiledStateBase {
  readonly name: string;
  /** JSON pointer of the state in the definition, e.g. `/States/Charge`. */
  readonly location: string;
  readonly queryLanguage: QueryLanguage;
  readonly next?: string;
  /**
   * The state named by `next`, resolved once the scope is compiled: moving
   * on to it costs no lookup by name (this runs for nearly every state).
   */
  readonly nextState: CompiledState | undefined;
  readonly end: boolean;
  /** Heads of the state's `…StateEntered` and `…StateExited` events, made once for all its runs. */
  readonly enteredEvent: EventHead;
  readonly exitedEvent: EventHead;
  readonly inputPath?: JsonPath | null;
  readonly outputPath?: JsonPath | null;
  /** Variables the state assigns when it exits. */
  readonly assign?: DataTemplate;
  /** JSONata `Output`: the state's output (by default its result, or its input when it has none). */
  readonly output?: JsonataTemplate;
}

/** A JSONata expression standing for a field's value. */
export interface JsonataField {
  readonly kind: "jsonata";
  readonly template: JsonataTemplate;
  readonly field: string;
}

export interface ResultShaping {
  readonly resultSelector?: PayloadTemplate;
  readonly resultPath?: JsonPath | null;
}

export interface CompiledRetrier {
  readonly errorEquals: readonly string[];
  readonly intervalSeconds: number;
  readonly maxAttempts: number;
  readonly backoffRate: number;
  readonly maxDelaySeconds?: number;
  readonly jitter: "FULL" | "NONE";
}

export interface CompiledCatcher {
  readonly errorEquals: readonly string[];
  readonly next: string;
  readonly resultPath?: JsonPath | null;
  /** Variables assigned when this catcher handles an error (`$` is the error output). */
  readonly assign?: DataTemplate;
  /** JSONata `Output` of the catcher (by default the error output). */
  readonly output?: JsonataTemplate;
}

export interface ErrorHandling {
  readonly retriers: readonly CompiledRetrier[];
  readonly catchers: readonly CompiledCatcher[];
}

export interface CompiledPass extends CompiledStateBase {
  readonly type: "Pass";
  readonly result?: JsonValue;
  readonly parameters?: PayloadTemplate;
  readonly resultPath?: JsonPath | null;
}

/** A number given literally or read from the input through a path. */
export type NumberSource =
  | { readonly kind: "literal"; readonly value: number }
  | { readonly kind: "path"; readonly path: JsonPath; readonly field: string }
  | JsonataField;

export interface CompiledTask extends CompiledStateBase, ResultShaping, ErrorHandling {
  readonly type: "Task";
  readonly resource: ResourceInfo;
  readonly parameters?: PayloadTemplate;
  /** JSONata `Arguments`. */
  readonly arguments?: JsonataTemplate;
  readonly timeoutSeconds?: NumberSource;
  readonly heartbeatSeconds?: NumberSource;
  readonly credentials?: PayloadTemplate;
}

export interface CompiledChoice extends CompiledStateBase {
  // (see the CompiledChoice namespace for one choice)
  readonly type: "Choice";
  readonly choices: readonly CompiledChoice.Choice[];
  readonly default?: string;
  /** The state named by `default`, linked like `nextState`. */
  readonly defaultState: CompiledState | undefined;
}

export interface CompiledWait extends CompiledStateBase {
  readonly type: "Wait";
  readonly wait:
    | { readonly kind: "seconds"; readonly seconds: number }
    | { readonly kind: "seconds-path"; readonly path: JsonPath }
    | { readonly kind: "timestamp"; readonly timestamp: string }
    | { readonly kind: "timestamp-path"; readonly path: JsonPath }
    | { readonly kind: "seconds-jsonata"; readonly template: JsonataTemplate }
    | { readonly kind: "timestamp-jsonata"; readonly template: JsonataTemplate };
}

export interface CompiledSucceed extends CompiledStateBase {
  readonly type: "Succeed";
}

export interface CompiledFail extends CompiledStateBase {
  readonly type: "Fail";
  readonly error?: string | ValueSource | JsonataField;
  readonly cause?: string | ValueSource | JsonataField;
}

export interface CompiledParallel extends CompiledStateBase, ResultShaping, ErrorHandling {
  readonly type: "Parallel";
  /** Scope keys of the branches, in order. */
  readonly branches: readonly string[];
  readonly parameters?: PayloadTemplate;
  /** JSONata `Arguments`: the input of every branch. */
  readonly arguments?: JsonataTemplate;
}

export interface CompiledMap extends CompiledStateBase, ResultShaping, ErrorHandling {
  readonly type: "Map";
  /** Scope key of the item processor. */
  readonly processor: string;
  readonly mode: "INLINE" | "DISTRIBUTED";
  readonly itemsPath?: JsonPath;
  /** JSONata `Items`: an array, or an expression giving one. */
  readonly items?: JsonataTemplate;
  readonly itemSelector?: DataTemplate;
  readonly maxConcurrency: NumberSource;
  readonly toleratedFailureCount?: NumberSource;
  readonly toleratedFailurePercentage?: NumberSource;
  readonly label?: string;
  /** Heads of an iteration's MapIterationStarted and MapIterationSucceeded events. */
  readonly iterationStarted: EventHead;
  readonly iterationSucceeded: EventHead;
  readonly itemReader?: CompiledItemReader;
  readonly itemBatcher?: CompiledItemBatcher;
  readonly resultWriter?: CompiledResultWriter;
}

/** Where a distributed Map reads its items: through the integration serving `resource`. */
export interface CompiledItemReader {
  readonly resource: ResourceInfo;
  readonly parameters?: PayloadTemplate;
  readonly readerConfig: ReaderConfig;
  readonly maxItems?: NumberSource;
}

export interface CompiledItemBatcher {
  readonly maxItemsPerBatch?: NumberSource;
  readonly maxInputBytesPerBatch?: NumberSource;
  readonly batchInput?: PayloadTemplate;
}

/** Where a distributed Map writes its results: through the integration serving `resource`. */
export interface CompiledResultWriter {
  readonly resource: ResourceInfo;
  readonly parameters?: PayloadTemplate;
}

// eslint-disable-next-line @typescript-eslint/no-namespace -- a type-only namespace keeps the choice beside its state
export declare namespace CompiledChoice {
  /** One Choice rule: a JSONPath rule or a JSONata Condition, with what it assigns and outputs. */
  interface Choice {
    readonly rule?: CompiledChoiceRule;
    readonly condition?: JsonataTemplate;
    readonly next: string;
    /** The state named by `next`, linked like a state's `nextState`. */
    readonly nextState: CompiledState | undefined;
    readonly assign?: DataTemplate;
    readonly output?: JsonataTemplate;
  }
}
