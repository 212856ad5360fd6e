/**
 * States.Format: the template (first argument) with each `{}` replaced by
 * the next argument's Java text. Recorded: a string goes in as it is, null
 * as `null`, 1.1 as `1.1`, the object {"Arg1": 1, "Arg2": []} as
 * `{Arg1=1, Arg2=[]}`.
 */
import type { JsonValue } from "../json.js";
import type { IntrinsicNode } from "./intrinsic-ast.js";
import { invalidArguments } from "./intrinsic-failure.js";
import { javaToString } from "./java-text.js";

/** Literal text pieces around the placeholders: n placeholders give n + 1 pieces. */
type FormatTemplate = readonly string[];

const literalTemplates = new WeakMap<IntrinsicNode, FormatTemplate | undefined>();

/**
 * `templateNode` is the first argument as written: in a string literal an
 * escaped `\{` or `\}` is a literal brace, so the template is read from the
 * literal's raw text, once per node.
 */
export function format(args: readonly JsonValue[], templateNode: IntrinsicNode | undefined): JsonValue {
  const template = args[0];
  if (typeof template !== "string") throw invalidArguments("States.Format");
  let pieces: FormatTemplate | undefined;
  if (templateNode?.kind === "string") {
    pieces = literalTemplates.get(templateNode);
    if (pieces === undefined && !literalTemplates.has(templateNode)) {
      pieces = parseTemplate(templateNode.raw, true);
      literalTemplates.set(templateNode, pieces);
    }
  } else {
    pieces = parseTemplate(template, false);
  }
  // "There must be as many remaining arguments in the Invocation as there are occurrences of {}."
  // The values are args[1…]: indexed, not destructured, as this runs for every Format call.
  if (pieces === undefined || pieces.length !== args.length) throw invalidArguments("States.Format");
  let result = pieces[0]!;
  for (let i = 1; i < args.length; i++) result += javaToString(args[i]!) + pieces[i]!;
  return result;
}

/**
 * Splits a template at its `{}` placeholders. A brace that is not part of
 * `{}` (and not escaped in a literal) makes the template invalid: AWS fails
 * `States.Format('Hello {', $.a)`, `States.Format('Hello {{}}', $.a)` and
 * `States.Format('}')` at run time.
 */
function parseTemplate(text: string, escapes: boolean): FormatTemplate | undefined {
  const pieces: string[] = [];
  let piece = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (escapes && ch === "\\") {
      // The parser only lets \' \{ \} and \\ through.
      piece += text[i + 1] ?? "";
      i++;
    } else if (ch === "{") {
      if (text[i + 1] !== "}") return undefined;
      pieces.push(piece);
      piece = "";
      i++;
    } else if (ch === "}") {
      return undefined;
    } else {
      piece += ch;
    }
  }
  pieces.push(piece);
  return pieces;
}
