/**
 * The runtime: load definitions once, start and resume executions, answer
 * task tokens. Time, randomness and integrations are injected here.
 *
 * @example
 * const runtime = createRuntime({ clock: virtualClock() });
 * const machine = runtime.load({ StartAt: "Hi", States: { Hi: { Type: "Pass", End: true } } });
 * const result = await runtime.start(machine, { input: { name: "Ada" } }).settled();
 */
import type { Clock } from "./clock.js";
import { systemClock } from "./clock.js";
import type { CompiledMachine } from "./definition/compiled.js";
import { compileMachine } from "./definition/compile.js";
import type { Diagnostic } from "./definition/diagnostics.js";
import { parseDefinitionText } from "./definition/parse.js";
import type { StateMachineDefinition } from "./definition/types.js";
import { validateDefinition } from "./definition/validate.js";
import { DefinitionError } from "./errors.js";
import { Execution } from "./execution/execution.js";
import type { HistoryMode, HistoryObserver } from "./execution/execution.js";
import type { ExecutionSnapshot } from "./execution/execution-state.js";
import { newExecutionState } from "./execution/new-execution.js";
import { SNAPSHOT_VERSION } from "./execution/execution-state.js";
import { checkResources } from "./integrations/resource-check.js";
import { createTaskTokenRegistry, TaskTokenError } from "./execution/task-tokens.js";
import type { IntegrationRegistry } from "./integrations/registry.js";
import { createRegistry } from "./integrations/registry.js";
import type { Integration, TaskInterceptor } from "./integrations/types.js";
import type { JsonValue } from "./json.js";
import { cloneJson } from "./json.js";
import type { Random } from "./random.js";
import type { DurableApi } from "./durable/durable-runtime.js";
import { durableApi } from "./durable/durable-runtime.js";
import type { ExecutionStore } from "./durable/execution-store.js";
import type { TestStateOptions, TestStateResult } from "./test-state.js";
import { runTestState } from "./test-state.js";
import { systemRandom } from "./random.js";

export interface RuntimeOptions {
  readonly integrations?: readonly Integration[];
  readonly interceptors?: readonly TaskInterceptor[];
  readonly clock?: Clock;
  readonly random?: Random;
  readonly observers?: readonly HistoryObserver[];
  /** Account and region used to make up ARNs (default 111111111111, us-east-1). */
  readonly account?: string;
  readonly region?: string;
  /** Events beyond this count fail an execution (AWS: 25,000). */
  readonly historyLimit?: number;
  /** How much history executions keep (default "full"); `start()` can say otherwise per execution. */
  readonly history?: HistoryMode;
}

export interface LoadOptions {
  /** The state machine's name, part of its ARN (default "StateMachine"). */
  readonly name?: string;
  /**
   * Load even when a Task's Resource is served by no integration, or asks
   * for a pattern its integration does not support (default false).
   */
  readonly allowUnservedResources?: boolean;
  /** Task states answered by mocks (a MockConfigFile test case): they need no integration. */
  readonly mockedStates?: ReadonlySet<string>;
}

/** A loaded state machine: parsed, validated and compiled once. */
export interface StateMachine {
  readonly name: string;
  readonly arn: string;
  readonly definition: StateMachineDefinition;
  /** Problems that do not stop the machine from running (e.g. unserved resources when allowed). */
  readonly warnings: readonly Diagnostic[];
  /** Loaded with `allowUnservedResources`: a durable store keeps it with the definition. */
  readonly allowUnservedResources: boolean;
  /** @internal */
  readonly compiled: CompiledMachine;
}

export interface StartOptions {
  readonly input?: JsonValue;
  /** The execution's name, part of its ARN (default: a UUID). */
  readonly name?: string;
  readonly roleArn?: string;
  /** How much history this execution keeps (default: the runtime's). */
  readonly history?: HistoryMode;
}

export interface Runtime {
  /** Parses, validates and compiles a definition; throws DefinitionError listing every problem. */
  load(definition: string | object, options?: LoadOptions): StateMachine;
  /** Every problem of a definition, without throwing. */
  validate(definition: string | object, options?: LoadOptions): readonly Diagnostic[];
  start(machine: StateMachine, options?: StartOptions): Execution;
  /** Continues an execution from a snapshot (possibly taken in another process). */
  resume(machine: StateMachine, snapshot: ExecutionSnapshot): Execution;
  /**
   * Runs one state in isolation, like the AWS TestState API: a state's
   * definition (or a machine and `stateName`), an input, an optional mocked
   * result or error; answers its status, output, next state and inspection data.
   */
  testState(definition: string | object, options?: TestStateOptions): Promise<TestStateResult>;
  sendTaskSuccess(taskToken: string, output: string): void;
  sendTaskFailure(taskToken: string, error?: string, cause?: string): void;
  sendTaskHeartbeat(taskToken: string): void;
  readonly clock: Clock;
  readonly registry: IntegrationRegistry;
}

export interface DurableRuntimeOptions extends RuntimeOptions {
  /**
   * Where executions live (`memoryStore()`, `sqliteStore()`,
   * `postgresStore()`): every step is committed there, with its whole
   * history (the `history` option does not apply).
   */
  readonly store: ExecutionStore;
}

/**
 * A runtime whose executions live in a store and survive restarts: started
 * with `startExecution`, advanced by workers (`work()`), looked at and
 * answered through the store with AWS's API shapes.
 */
export interface DurableRuntime
  extends
    Omit<Runtime, "start" | "resume" | "sendTaskSuccess" | "sendTaskFailure" | "sendTaskHeartbeat">,
    DurableApi {}

export const DEFAULT_ACCOUNT = "111111111111";
export const DEFAULT_REGION = "us-east-1";
export const DEFAULT_HISTORY_LIMIT = 25_000;

export function createRuntime(options: DurableRuntimeOptions): DurableRuntime;
export function createRuntime(options?: RuntimeOptions & { readonly store?: undefined }): Runtime;
export function createRuntime(
  options: RuntimeOptions & { readonly store?: ExecutionStore | undefined } = {},
): Runtime | DurableRuntime {
  const clock = options.clock ?? systemClock();
  const random = options.random ?? systemRandom();
  const account = options.account ?? DEFAULT_ACCOUNT;
  const region = options.region ?? DEFAULT_REGION;
  const registry = createRegistry(options.integrations ?? []);
  const tokens = createTaskTokenRegistry();
  const env = {
    clock,
    random,
    registry,
    interceptors: options.interceptors ?? [],
    observers: options.observers ?? [],
    tokens,
  };

  const analyse = (
    definition: string | object,
    loadOptions: LoadOptions,
  ): { machine?: CompiledMachine; diagnostics: Diagnostic[] } => {
    let value: unknown = definition;
    if (typeof definition === "string") {
      const parsed = parseDefinitionText(definition);
      if (parsed.definition === undefined) return { diagnostics: [...parsed.diagnostics] };
      value = parsed.definition;
    }
    const diagnostics = validateDefinition(value);
    if (diagnostics.some((d) => d.severity === "error")) return { diagnostics };
    const compiled = compileMachine(value as StateMachineDefinition);
    diagnostics.push(...compiled.diagnostics);
    if (!compiled.machine) return { diagnostics };
    const unserved = checkResources(compiled.machine, registry, loadOptions.mockedStates ?? new Set());
    // Opting out keeps the problems visible, as warnings: such a Task fails when it runs.
    diagnostics.push(
      ...(loadOptions.allowUnservedResources
        ? unserved.map((d) => Object.assign({}, d, { severity: "warning" as const }))
        : unserved),
    );
    return { machine: compiled.machine, diagnostics };
  };

  const runtime: Runtime = {
    clock,
    registry,
    load(definition, loadOptions = {}) {
      const { machine, diagnostics } = analyse(definition, loadOptions);
      if (!machine || diagnostics.some((d) => d.severity === "error")) throw new DefinitionError(diagnostics);
      const name = loadOptions.name ?? "StateMachine";
      return {
        name,
        arn: `arn:aws:states:${region}:${account}:stateMachine:${name}`,
        definition: machine.definition,
        warnings: diagnostics.filter((d) => d.severity === "warning"),
        allowUnservedResources: loadOptions.allowUnservedResources ?? false,
        compiled: machine,
      };
    },
    validate(definition, loadOptions = {}) {
      return analyse(definition, loadOptions).diagnostics;
    },
    start(machine, startOptions = {}) {
      const state = newExecutionState({
        compiled: machine.compiled,
        stateMachineName: machine.name,
        stateMachineArn: machine.arn,
        name: startOptions.name ?? random.uuid(),
        input: startOptions.input === undefined ? {} : cloneJson(startOptions.input),
        roleArn: startOptions.roleArn,
        region,
        account,
        now: clock.now(),
        historyLimit: options.historyLimit ?? DEFAULT_HISTORY_LIMIT,
      });
      const execution = new Execution(machine.compiled, state, [], env, {
        history: startOptions.history ?? options.history ?? "full",
      });
      execution.begin();
      return execution;
    },
    resume(machine, snapshot) {
      const copy = cloneJson(snapshot as unknown as JsonValue) as unknown as ExecutionSnapshot;
      const version: unknown = copy.state.version;
      if (version !== SNAPSHOT_VERSION) {
        throw new Error(
          `Cannot resume a snapshot of version ${JSON.stringify(version)} (this runtime reads version ${SNAPSHOT_VERSION}).`,
        );
      }
      const execution = new Execution(machine.compiled, copy.state, [...copy.history], env, {
        history: options.history ?? "full",
      });
      execution.revive();
      return execution;
    },
    testState(definition, testOptions) {
      return runTestState(
        {
          env,
          account,
          region,
          load: (machineDefinition, name, mockedStates) =>
            runtime.load(machineDefinition, { name, mockedStates, allowUnservedResources: true }),
        },
        definition,
        testOptions,
      );
    },
    sendTaskSuccess(taskToken, output) {
      const { execution, taskId } = tokens.resolve(taskToken);
      let parsed: JsonValue;
      try {
        parsed = JSON.parse(output) as JsonValue;
      } catch {
        throw new TaskTokenError("InvalidOutput", "Invalid Output: the output must be a valid JSON text");
      }
      execution.deliverCallback(taskId, { type: "task-succeeded", taskId, output: parsed });
    },
    sendTaskFailure(taskToken, error, cause) {
      const { execution, taskId } = tokens.resolve(taskToken);
      execution.deliverCallback(taskId, {
        type: "task-failed",
        taskId,
        ...(error === undefined ? {} : { error }),
        ...(cause === undefined ? {} : { cause }),
      });
    },
    sendTaskHeartbeat(taskToken) {
      const { execution, taskId } = tokens.resolve(taskToken);
      execution.deliverCallback(taskId, { type: "task-heartbeat", taskId });
    },
  };
  if (!options.store) return runtime;
  const durableTokens = { register() {}, release() {} };
  return {
    clock,
    registry,
    load: (definition, loadOptions) => runtime.load(definition, loadOptions),
    validate: (definition, loadOptions) => runtime.validate(definition, loadOptions),
    testState: (definition, testOptions) => runtime.testState(definition, testOptions),
    ...durableApi({
      store: options.store,
      // Tokens of durable executions are kept and looked up in the store.
      env: Object.assign({}, env, { tokens: durableTokens }),
      clock,
      random,
      account,
      region,
      historyLimit: options.historyLimit ?? DEFAULT_HISTORY_LIMIT,
      load: (definition, loadOptions) => runtime.load(definition, loadOptions),
    }),
  };
}
