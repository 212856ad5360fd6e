/**
 * What a parsed expression reads, found once at load time: the `$names` it
 * may take from workflow variables, the `$states` fields it uses, and the
 * names it reads from the top-level context, which AWS refuses.
 */
import { SafeRegExp } from "./safe-regexp.js";
import type { JsonataNode } from "./vendor/jsonata-sync.js";

function isNode(value: unknown): value is JsonataNode {
  return (
    typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string"
  );
}

function nodes(value: unknown): JsonataNode[] {
  return Array.isArray(value) ? value.filter(isNode) : isNode(value) ? [value] : [];
}

/** Calls `visit` on every node of the tree, once each. */
function walk(root: JsonataNode, visit: (node: JsonataNode) => void): void {
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== "object" || value === null || seen.has(value)) continue;
    // JSONata's own tree, not the compiled pattern of a regex node.
    if (value instanceof SafeRegExp) continue;
    seen.add(value);
    if (isNode(value)) visit(value);
    for (const child of Object.values(value)) stack.push(child);
  }
}

export interface ExpressionReads {
  /** Variables (`$name`) that are neither `$states`, `$` nor `$$`: candidates for workflow variables. */
  readonly variables: readonly string[];
  /** Fields read directly under `$states` (`input`, `result`, `errorOutput`, `context`). */
  readonly statesFields: ReadonlySet<string>;
  /** `$states` used otherwise than as `$states.field` (`$keys($states)`, `$lookup($states, …)`). */
  readonly readsWholeStates: boolean;
}

export function expressionReads(ast: JsonataNode): ExpressionReads {
  const variables = new Set<string>();
  const statesFields = new Set<string>();
  const statesNodes = new Set<JsonataNode>();
  const fieldHeads = new Set<JsonataNode>();
  walk(ast, (node) => {
    if (
      node.type === "variable" &&
      typeof node.value === "string" &&
      node.value !== "" &&
      node.value !== "$"
    ) {
      if (node.value === "states") statesNodes.add(node);
      else variables.add(node.value);
    }
    if (node.type === "path") {
      const [first, second] = nodes(node["steps"]);
      if (
        first?.type === "variable" &&
        first.value === "states" &&
        second?.type === "name" &&
        typeof second.value === "string"
      ) {
        statesFields.add(second.value);
        fieldHeads.add(first);
      }
    }
  });
  const readsWholeStates = [...statesNodes].some((node) => !fieldHeads.has(node));
  return { variables: [...variables], statesFields, readsWholeStates };
}

/**
 * The names an expression reads from the top-level context, in the order
 * written. A Step Functions expression has no context item (the input is
 * `$states.input`), and AWS refuses the definition: "Reference to 'phone' at
 * the top level is not supported." (code UNSUPPORTED_JSONATA_EXPRESSION;
 * reported measured on AWS, as are the rules here). Only the first step of a
 * path reads the top-level context; later steps, predicates, sort terms,
 * group-by and transform clauses read what came before them. A lambda body
 * keeps the context it was written in, so `function($x){ b }` at the top
 * names `b`; an object constructor's keys are read too. The context item
 * itself is named `$`. `$$` (which AWS refuses with a message we do not know)
 * is left to fail at run time.
 */
export function topLevelReferences(ast: JsonataNode): string[] {
  const names = new Set<string>();
  const visit = (node: JsonataNode | undefined): void => {
    if (node === undefined) return;
    switch (node.type) {
      case "path":
        visit(nodes(node["steps"])[0]);
        return;
      case "name":
        if (typeof node.value === "string") names.add(node.value);
        return;
      case "variable":
        if (node.value === "") names.add("$");
        return;
      case "binary":
      case "apply":
        visit(nodes(node["lhs"])[0]);
        visit(nodes(node["rhs"])[0]);
        return;
      case "unary":
        if (node.value === "[") nodes(node["expressions"]).forEach(visit);
        else if (node.value === "{") visitPairs(node["lhs"], visit);
        else visit(nodes(node["expression"])[0]);
        return;
      case "function":
      case "partial":
        visit(nodes(node["procedure"])[0]);
        nodes(node["arguments"]).forEach(visit);
        return;
      case "lambda":
        visit(nodes(node["body"])[0]);
        return;
      case "condition":
        visit(nodes(node["condition"])[0]);
        visit(nodes(node["then"])[0]);
        visit(nodes(node["else"])[0]);
        return;
      case "block":
        nodes(node["expressions"]).forEach(visit);
        return;
      case "bind":
        visit(nodes(node["rhs"])[0]);
        return;
      default:
        return;
    }
  };
  visit(ast);
  return [...names];
}

function visitPairs(pairs: unknown, visit: (node: JsonataNode) => void): void {
  if (!Array.isArray(pairs)) return;
  for (const pair of pairs) nodes(pair).forEach(visit);
}
