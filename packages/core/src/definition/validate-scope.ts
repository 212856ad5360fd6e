/**
 * A scope: the top level of a definition, a Parallel branch, or a Map's item
 * processor. Each has its own `StartAt` and `States`; transitions never cross
 * scopes.
 */
import type { JsonObject } from "../json.js";
import { getOwn, hasOwn, isJsonObject } from "../json.js";
import { DiagnosticCode } from "./diagnostics.js";
import { Messages } from "./messages.js";
import type { FieldSpec } from "./validate-fields.js";
import { checkField, FIELD_SPECS, specOf } from "./validate-fields.js";
import type { NestedScopeKind } from "./validate-state.js";
import { checkState } from "./validate-state.js";
import { checkScopeGraph, checkTarget } from "./validate-transitions.js";
import type { Path, ValidationContext } from "./validation-context.js";
import { report } from "./validation-context.js";

export type ScopeKind = "top" | NestedScopeKind;

/**
 * Ours: AWS has a TOO_DEEPLY_NESTED code but publishes no limit. The bound
 * keeps validation (and every later walk of the definition) off the edge of
 * the stack for hostile input.
 */
export const MAX_SCOPE_DEPTH = 100;

const STRING: FieldSpec = { types: ["String"] };

const COMMON_FIELDS: Readonly<Record<string, FieldSpec>> = {
  StartAt: STRING,
  States: { types: ["Object"] },
  Comment: STRING,
};

/**
 * A branch or item processor carries no QueryLanguage of its own (measured on
 * AWS: "Field 'QueryLanguage' is not supported" there).
 */
const SCOPE_FIELDS: Readonly<Record<ScopeKind, Readonly<Record<string, FieldSpec>>>> = {
  top: Object.assign({}, COMMON_FIELDS, {
    Version: { types: ["String"], values: ["1.0"] },
    // Measured: 0 is accepted. The maximum is ours, the one AWS applies to state timeouts.
    TimeoutSeconds: { types: ["Integer"], min: 0, max: 99_999_999 },
    QueryLanguage: FIELD_SPECS.QueryLanguage!,
  }),
  branch: COMMON_FIELDS,
  processor: Object.assign({}, COMMON_FIELDS, { ProcessorConfig: { types: ["Object"] } }),
  // Recorded: the legacy Iterator takes a ProcessorConfig too.
  iterator: Object.assign({}, COMMON_FIELDS, { ProcessorConfig: { types: ["Object"] } }),
};

/** AWS lists the required top-level fields in this order (recorded: "These fields are required: [States, StartAt]"). */
const REQUIRED = ["States", "StartAt"];

const PROCESSOR_CONFIG: Readonly<Record<string, FieldSpec>> = {
  Mode: { types: ["String"], values: ["INLINE", "DISTRIBUTED"] },
  ExecutionType: { types: ["String"], values: ["STANDARD", "EXPRESS"] },
};

export function checkScope(
  ctx: ValidationContext,
  scope: unknown,
  location: Path,
  kind: ScopeKind,
  depth: number,
): void {
  if (depth > MAX_SCOPE_DEPTH) {
    report(ctx, DiagnosticCode.TooDeeplyNested, location, Messages.tooDeeplyNested(MAX_SCOPE_DEPTH));
    return;
  }
  if (!isJsonObject(scope)) {
    const rule = kind === "top" ? Messages.notAnObject() : Messages.expectedType("Object");
    report(ctx, DiagnosticCode.SchemaValidationFailed, location, rule);
    return;
  }
  const missing = REQUIRED.filter((field) => !hasOwn(scope, field));
  if (missing.length > 0)
    report(ctx, DiagnosticCode.SchemaValidationFailed, location, Messages.required(missing));

  const rawStates = getOwn(scope, "States");
  const states = isJsonObject(rawStates) && Object.keys(rawStates).length > 0 ? rawStates : undefined;
  const rawStartAt = getOwn(scope, "StartAt");
  const startAt = typeof rawStartAt === "string" ? rawStartAt : undefined;
  const specs = SCOPE_FIELDS[kind];
  const checkNested = (value: unknown, at: Path, nestedKind: NestedScopeKind): void => {
    checkScope(ctx, value, at, nestedKind, depth + 1);
  };

  for (const key of Object.keys(scope)) {
    const value = getOwn(scope, key);
    const at = [...location, key];
    const spec = specOf(specs, key);
    if (spec === undefined) {
      report(ctx, DiagnosticCode.SchemaValidationFailed, at, Messages.notSupported(key), {
        subject: location,
      });
      continue;
    }
    if (!checkField(ctx, ctx.topLanguage, value, at, spec)) continue;
    if (key === "StartAt" && states !== undefined && startAt !== undefined) {
      checkTarget(ctx, startAt, at, states);
    } else if (key === "States") {
      if (states === undefined) {
        report(ctx, DiagnosticCode.SchemaValidationFailed, at, Messages.notEmpty());
        continue;
      }
      for (const name of Object.keys(states)) {
        checkState(ctx, name, getOwn(states, name), [...at, name], { states }, checkNested);
      }
    } else if (key === "ProcessorConfig" && isJsonObject(value)) {
      checkProcessorConfig(ctx, value, at);
    }
  }
  if (states !== undefined) checkScopeGraph(ctx, states, [...location, "States"], startAt, kind === "top");
}

/** `ExecutionType` belongs to DISTRIBUTED mode, where it is required. */
function checkProcessorConfig(ctx: ValidationContext, config: JsonObject, location: Path): void {
  for (const key of Object.keys(config)) {
    const spec = specOf(PROCESSOR_CONFIG, key);
    if (spec === undefined) {
      report(ctx, DiagnosticCode.SchemaValidationFailed, [...location, key], Messages.notSupported(key), {
        subject: location,
      });
    } else {
      checkField(ctx, ctx.topLanguage, getOwn(config, key), [...location, key], spec);
    }
  }
  const distributed = getOwn(config, "Mode") === "DISTRIBUTED";
  if (distributed && !hasOwn(config, "ExecutionType")) {
    report(ctx, DiagnosticCode.SchemaValidationFailed, location, Messages.required(["ExecutionType"]));
  } else if (!distributed && hasOwn(config, "ExecutionType")) {
    report(
      ctx,
      DiagnosticCode.SchemaValidationFailed,
      [...location, "ExecutionType"],
      Messages.notSupported("ExecutionType"),
      {
        subject: location,
      },
    );
  }
}
