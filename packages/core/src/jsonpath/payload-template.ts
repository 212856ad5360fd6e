/**
 * Payload templates (`Parameters`, `ResultSelector`, `ItemSelector`,
 * `Credentials`): objects whose keys ending in `.$` take their value from a
 * path or an intrinsic function. Compiled once; evaluation builds only the
 * dynamic parts and shares every literal subtree.
 */
import { StateRuntimeError } from "../errors.js";
import type { JsonObject, JsonValue } from "../json.js";
import { isJsonObject, setOwn } from "../json.js";
import type { Random } from "../random.js";
import type { IntrinsicExpression } from "../intrinsics/intrinsic-expression.js";
import { evaluateIntrinsic, parseIntrinsic } from "../intrinsics/intrinsic-expression.js";
import type { JsonPath, PathScope } from "./json-path.js";
import { parseJsonPath, resolvePath } from "./json-path.js";
import { javaJsonText } from "../intrinsics/java-text.js";

/** A path or an intrinsic call: what a `.$` field, ErrorPath or CausePath holds. */
export type ValueSource =
  | { readonly kind: "path"; readonly path: JsonPath; readonly field: string }
  | { readonly kind: "intrinsic"; readonly expression: IntrinsicExpression; readonly field: string };

export type PayloadTemplate =
  | { readonly kind: "literal"; readonly value: JsonValue }
  | { readonly kind: "object"; readonly fields: readonly TemplateField[] }
  | { readonly kind: "array"; readonly items: readonly PayloadTemplate[] }
  | { readonly kind: "source"; readonly source: ValueSource };

interface TemplateField {
  readonly key: string;
  readonly value: PayloadTemplate;
}

export interface TemplateProblem {
  /** JSON pointer segments below the template's own location. */
  readonly at: readonly (string | number)[];
  readonly message: string;
}

/**
 * Compiles a value source: `$…` is a path, `States.…(…)` an intrinsic call.
 * Throws an Error with a message saying what is wrong.
 */
export function compileValueSource(text: string, field: string): ValueSource {
  if (text.startsWith("$")) return { kind: "path", path: parseJsonPath(text), field };
  return { kind: "intrinsic", expression: parseIntrinsic(text), field };
}

/** Compiles a template; every malformed `.$` field is reported through `problems`. */
export function compilePayloadTemplate(value: JsonValue, problems: TemplateProblem[]): PayloadTemplate {
  return compileAt(value, [], problems);
}

function compileAt(value: JsonValue, at: (string | number)[], problems: TemplateProblem[]): PayloadTemplate {
  if (Array.isArray(value)) {
    const items = value.map((item, i) => compileAt(item, [...at, i], problems));
    return items.every((t) => t.kind === "literal") ? { kind: "literal", value } : { kind: "array", items };
  }
  if (!isJsonObject(value)) return { kind: "literal", value };
  const fields: TemplateField[] = [];
  let dynamic = false;
  for (const [key, child] of Object.entries(value)) {
    if (key.endsWith(".$")) {
      dynamic = true;
      if (typeof child !== "string") {
        problems.push({
          at: [...at, key],
          message: `The value of the field '${key}' must be a path or an intrinsic function (a string).`,
        });
        continue;
      }
      try {
        fields.push({
          key: key.slice(0, -2),
          value: { kind: "source", source: compileValueSource(child, key) },
        });
      } catch (error) {
        problems.push({
          at: [...at, key],
          message: `The value of the field '${key}' is not a valid path or intrinsic function: ${(error as Error).message}`,
        });
      }
    } else {
      const compiled = compileAt(child, [...at, key], problems);
      if (compiled.kind !== "literal") dynamic = true;
      fields.push({ key, value: compiled });
    }
  }
  return dynamic ? { kind: "object", fields } : { kind: "literal", value };
}

/** Evaluation needs the scope of paths and the execution's randomness (States.UUID, States.MathRandom). */
export interface TemplateScope extends PathScope {
  readonly random: Random;
}

export function evaluatePayloadTemplate(template: PayloadTemplate, scope: TemplateScope): JsonValue {
  switch (template.kind) {
    case "literal":
      return template.value;
    case "array":
      return template.items.map((item) => evaluatePayloadTemplate(item, scope));
    case "object": {
      const result: JsonObject = {};
      const fields = template.fields;
      for (let i = 0; i < fields.length; i++) {
        const field = fields[i]!;
        setOwn(result, field.key, evaluatePayloadTemplate(field.value, scope));
      }
      return result;
    }
    case "source":
      return evaluateValueSource(template.source, scope);
  }
}

export function evaluateValueSource(source: ValueSource, scope: TemplateScope): JsonValue {
  if (source.kind === "intrinsic") return evaluateIntrinsic(source.expression, scope, scope.random);
  const result = resolvePath(source.path, scope);
  if (!result.found) {
    throw new StateRuntimeError(
      `The JSONPath '${source.path.text}' specified for the field '${source.field}' could not be found in the input '${javaJsonText(scope.input)}'`,
    );
  }
  return result.value;
}
