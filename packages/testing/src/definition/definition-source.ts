/**
 * Definition sources as people write them: JSON or YAML text, or an object,
 * with `${KEY}` placeholders filled in the way SAM's
 * `DefinitionSubstitutions` fill them. Shared by the harness and the CLI so
 * both read a definition file the same way.
 */
import { createRequire } from "node:module";

type ParseYaml = (text: string) => unknown;

let yamlParser: ParseYaml | undefined;

/**
 * The YAML parser, loaded at its first use: `yaml` takes 50–70 ms to load,
 * about as long as the rest of this package and the core together, and most
 * test files only ever read JSON definitions. `require` (the package's Node
 * entry is CommonJS) keeps parsing synchronous.
 */
function parseYaml(text: string): unknown {
  yamlParser ??= (createRequire(import.meta.url)("yaml") as { parse: ParseYaml }).parse;
  return yamlParser(text);
}

/** `${KEY}` → value; a map or a plain record (only its own keys count). */
export type DefinitionSubstitutions = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

// One bounded character class between fixed delimiters: linear on any text.
const PLACEHOLDER = /\$\{([A-Za-z0-9_.:-]+)\}/g;

function lookup(substitutions: DefinitionSubstitutions, key: string): string | undefined {
  if (substitutions instanceof Map) return (substitutions as ReadonlyMap<string, string>).get(key);
  const record = substitutions as Readonly<Record<string, string>>;
  // Own keys only: `${constructor}` must not find Object.prototype.constructor.
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function isEmpty(substitutions: DefinitionSubstitutions): boolean {
  return substitutions instanceof Map ? substitutions.size === 0 : Object.keys(substitutions).length === 0;
}

/**
 * Replaces every `${KEY}` of the text whose KEY is given; unknown keys stay
 * as written (CloudFormation leaves them for the service to reject).
 *
 * @example
 * substituteDefinitionText('{"Resource": "${ChargeFn}"}', { ChargeFn: "arn:aws:lambda:us-east-1:1:function:charge" });
 */
export function substituteDefinitionText(text: string, substitutions: DefinitionSubstitutions): string {
  if (isEmpty(substitutions)) return text;
  return text.replace(PLACEHOLDER, (whole, key: string) => lookup(substitutions, key) ?? whole);
}

/**
 * The same replacement inside the strings (keys and values) of a definition
 * object. Values are inserted as string content, so a value holding quotes
 * cannot change the object's structure.
 */
export function substituteDefinitionObject(
  definition: object,
  substitutions: DefinitionSubstitutions,
): object {
  if (isEmpty(substitutions)) return definition;
  // In JSON text a `${...}` can only sit inside a string literal, so escaping
  // the value as string content is exactly "replace inside strings".
  const text = JSON.stringify(definition).replace(PLACEHOLDER, (whole, key: string) => {
    const value = lookup(substitutions, key);
    return value === undefined ? whole : JSON.stringify(value).slice(1, -1);
  });
  return JSON.parse(text) as object;
}

export type YamlDefinition =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

/**
 * Parses YAML definition text. Duplicate keys are an error (as in JSON
 * state names), aliases are capped by the parser (no billion laughs), and a
 * `__proto__` key stays an own key.
 */
export function parseYamlDefinition(text: string): YamlDefinition {
  try {
    return { ok: true, value: parseYaml(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, message: message.split("\n")[0] ?? message };
  }
}

/** JSON text starts with `{`; anything else is read as YAML (a block mapping). */
export function looksLikeJson(text: string): boolean {
  return text.trimStart().startsWith("{");
}
