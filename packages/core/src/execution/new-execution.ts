/**
 * The data of a new execution: its identity (ARNs made up from the account,
 * region, machine and execution names), its input, and its root frame at the
 * machine's StartAt.
 */
import type { CompiledMachine } from "../definition/compiled.js";
import type { JsonObject, JsonValue } from "../json.js";
import type { ExecutionState, Frame } from "./execution-state.js";
import { isoTimestamp } from "./iso-timestamp.js";
import { NO_RETRIES, NO_VARIABLES, SNAPSHOT_VERSION } from "./execution-state.js";
import { IdTable } from "./id-table.js";

export interface NewExecution {
  readonly compiled: CompiledMachine;
  readonly stateMachineName: string;
  readonly stateMachineArn: string;
  readonly name: string;
  readonly input: JsonValue;
  /** The execution role; by default a made-up one in the account (see `defaultRoleArn`). */
  readonly roleArn: string | undefined;
  readonly region: string;
  readonly account: string;
  /** Epoch ms. */
  readonly now: number;
  readonly historyLimit: number;
  /** Variables the execution starts with (runtime.testState). */
  readonly variables?: JsonObject;
  /** Fields of `$$` to show instead of the made-up ones (runtime.testState). */
  readonly contextOverrides?: JsonObject;
}

export function newExecutionState(spec: NewExecution): ExecutionState {
  const rootFrameId = "0";
  const root: Frame = {
    id: rootFrameId,
    parentId: undefined,
    scope: "",
    kind: "root",
    index: undefined,
    stateName: spec.compiled.root.startAt,
    stateInput: spec.input,
    enteredEventId: 0,
    enteredTime: spec.now,
    lastEventId: 0,
    retryCounts: NO_RETRIES,
    variables: spec.variables ?? NO_VARIABLES,
    waiting: undefined,
    join: undefined,
    effectiveInput: undefined,
    silent: false,
    isolated: false,
  };
  const frames = new IdTable<Frame>();
  frames.set(rootFrameId, root);
  const state: ExecutionState = {
    version: SNAPSHOT_VERSION,
    identity: {
      executionArn: executionArnPrefix(spec.region, spec.account, spec.stateMachineName) + spec.name,
      name: spec.name,
      stateMachineArn: spec.stateMachineArn,
      stateMachineName: spec.stateMachineName,
      roleArn: spec.roleArn ?? defaultRoleArn(spec.account),
      region: spec.region,
      account: spec.account,
      startTime: isoTimestamp(spec.now),
      redriveCount: 0,
    },
    input: spec.input,
    status: "RUNNING",
    frames,
    rootFrameId,
    timers: new IdTable(),
    tasks: new IdTable(),
    nextId: 1,
    lastEventId: 0,
    invocations: {},
    historyLimit: spec.historyLimit,
  };
  return spec.contextOverrides ? Object.assign(state, { contextOverrides: spec.contextOverrides }) : state;
}

/**
 * The role an execution started without one runs as: a name made up in the
 * account (nothing assumes it; `$$.Execution.RoleArn` shows it). The last
 * one is kept, as the execution ARN's prefix is, rather than joined anew
 * for each short execution.
 */
export function defaultRoleArn(account: string): string {
  let last = lastDefaultRole;
  if (last?.account !== account) {
    last = lastDefaultRole = { account, roleArn: `arn:aws:iam::${account}:role/StepwiseExecutionRole` };
  }
  return last.roleArn;
}

let lastDefaultRole: { readonly account: string; readonly roleArn: string } | undefined;

/**
 * `arn:aws:states:<region>:<account>:execution:<machine>:`, the last one
 * kept: executions of one machine follow one another, and joining the
 * seven parts anew was a measurable part of starting a short execution.
 */
function executionArnPrefix(region: string, account: string, stateMachineName: string): string {
  const last = lastArnPrefix;
  if (last.region === region && last.account === account && last.stateMachineName === stateMachineName)
    return last.prefix;
  const prefix = `arn:aws:states:${region}:${account}:execution:${stateMachineName}:`;
  lastArnPrefix = { region, account, stateMachineName, prefix };
  return prefix;
}

let lastArnPrefix = { region: "", account: "", stateMachineName: "", prefix: "" };
