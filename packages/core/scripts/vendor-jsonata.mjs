#!/usr/bin/env node
/**
 * Vendors JSONata as a synchronous ES module.
 *
 * The engine's step is synchronous (docs/architecture.md §2), but the npm
 * `jsonata` 2.x evaluator is async from top to bottom even though nothing in
 * it waits for I/O. This script reads the installed package's browser bundle
 * (`node_modules/jsonata/jsonata.js`, pinned as an exact devDependency) and
 * writes `src/jsonata/vendor/jsonata-sync.js` by a deterministic source
 * transform, plus its type declarations and jsonata's MIT LICENSE. Every edit
 * is a literal search-and-replace that must match an expected number of times,
 * so a new jsonata version that changes the source fails here loudly instead
 * of producing a half-transformed file. Never edit the generated files: change
 * this script and regenerate.
 *
 *   node scripts/vendor-jsonata.mjs           write the vendored files
 *   node scripts/vendor-jsonata.mjs --check   exit 1 if the committed files differ
 *   node scripts/vendor-jsonata.mjs --dist    copy them into dist/ after `tsc` (which emits no .js it did not compile)
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const EXPECTED_VERSION = "2.0.6";

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const vendorDir = join(packageRoot, "src", "jsonata", "vendor");

/** The browserify UMD prologue: replaced, so that loading the module never writes a global. */
const UMD_PROLOGUE =
  '(function(f){if(typeof exports==="object"&&typeof module!=="undefined"){module.exports=f()}' +
  'else if(typeof define==="function"&&define.amd){define([],f)}else{var g;if(typeof window!=="undefined"){g=window}' +
  'else if(typeof global!=="undefined"){g=global}else if(typeof self!=="undefined"){g=self}else{g=this}' +
  "g.jsonata = f()}})(";
const UMD_EPILOGUE = "\n});\n";

/**
 * Targeted edits, each applied exactly `count` times. The first group removes
 * async/await; the rest close holes that matter once expressions come from
 * untrusted definitions and evaluation shares (never copies) the engine's data.
 */
const EDITS = [
  // The two "parallel" evaluations (array constructor items, object
  // constructor values): evaluated in order, the map already yields the pairs.
  {
    why: "array constructor: evaluate items in order instead of Promise.all",
    find: "let generators = await Promise.all(expr.expressions\n                    .map(async (item, idx) => {\n                        environment.isParallelCall = idx > 0\n                        return [item, await evaluate(item, input, environment)]\n                    }));",
    replace:
      "let generators = expr.expressions\n                    .map((item, idx) => {\n                        environment.isParallelCall = idx > 0\n                        return [item, evaluate(item, input, environment)]\n                    });",
    count: 1,
  },
  {
    why: "object constructor: evaluate values in order instead of Promise.all",
    find: "let generators = await Promise.all(Object.keys(groups).map(async (key, idx) => {",
    replace: "let generators = Object.keys(groups).map((key, idx) => {",
    count: 1,
  },
  {
    why: "object constructor: close the map call opened above (was Promise.all(...))",
    find: "            return [key, await evaluate(expr.lhs[entry.exprIndex][1], context, env)];\n        }));",
    replace: "            return [key, evaluate(expr.lhs[entry.exprIndex][1], context, env)];\n        });",
    count: 1,
  },
  {
    why: "async arrow functions become plain arrows",
    find: "async () =>",
    replace: "() =>",
    count: 1,
  },
  {
    why: "async function declarations and expressions become plain functions",
    find: "async function",
    replace: "function",
    count: 43,
  },
  {
    why: "nothing is awaited: every callee is now synchronous",
    find: "await ",
    replace: "",
    count: 100,
  },
  {
    why: "path steps read own properties only: `$states.input.constructor` or `.__proto__` must not reach Object or Object.prototype (the transform operator could then write to it)",
    find: "            result = input[key];",
    replace:
      "            result = Object.prototype.hasOwnProperty.call(input, key) ? input[key] : undefined;",
    count: 1,
  },
  {
    // AWS evaluates on its own copy of the data, so there such an update
    // changes nothing the expression returns; skipping it gives that result.
    why: "the transform operator may only change the copy it made, never data bound from outside ($states, variables), which evaluation shares instead of copying",
    find: "                    var match = matches[ii];\n",
    replace:
      "                    var match = matches[ii];\n                    if (!host.isTransformTarget(match)) continue;\n",
    count: 1,
  },
  {
    why: "keepSingleton only matters on a sequence; setting it on an array that came from the input would write a property into shared data",
    find: "            resultSequence.keepSingleton = true;",
    replace: "            if (isSequence(resultSequence)) resultSequence.keepSingleton = true;",
    count: 1,
  },
  {
    why: "an empty array reaching a group-by (`$states.input.list{...}`) was padded in place, writing into shared data",
    find: "            input.push(undefined);",
    replace: "            input = [undefined];",
    count: 1,
  },
  {
    why: "frames bind variables by name: a workflow variable named `hasOwnProperty` or `__proto__` must stay a plain entry",
    find: "        var bindings = {};",
    replace: "        var bindings = Object.create(null);",
    count: 1,
  },
  {
    why: "(same) look names up without calling a method the bindings could shadow",
    find: "if(bindings.hasOwnProperty(name)) {",
    replace: "if(Object.prototype.hasOwnProperty.call(bindings, name)) {",
    count: 1,
  },
  {
    why: "group-by keys come from data: a key `hasOwnProperty` must not break the grouping",
    find: "        var groups = {};",
    replace: "        var groups = Object.create(null);",
    count: 1,
  },
  {
    why: "(same)",
    find: "if (groups.hasOwnProperty(key)) {",
    replace: "if (Object.prototype.hasOwnProperty.call(groups, key)) {",
    count: 1,
  },
  // Keys that come from data are stored as own properties (setDataKey, in
  // the wrapper below): assigned, a key "__proto__" set the new object's
  // prototype to a value from the expression or the input — the key was
  // lost (`{"__proto__": {"p": 1}}` gave `{}`) and `$merge` then copied the
  // prototype's fields as its own. AWS's results for such keys are not
  // recorded; a key kept as a key is what JSON data means.
  {
    why: "object constructor: a key from data is an own property",
    find: "                result[key] = value;",
    replace: "                setDataKey(result, key, value);",
    count: 1,
  },
  {
    why: "$merge: a key from data is an own property",
    find: "                result[prop] = obj[prop];",
    replace: "                setDataKey(result, prop, obj[prop]);",
    count: 1,
  },
  {
    why: "$spread: a key from data is an own property",
    find: "                obj[key] = arg[key];",
    replace: "                setDataKey(obj, key, arg[key]);",
    count: 1,
  },
  {
    why: "$sift: a key from data is an own property",
    find: "                result[item] = entry;",
    replace: "                setDataKey(result, item, entry);",
    count: 1,
  },
  {
    why: "$keys: a key from data is an own property of the set of keys",
    find: "                    merge[key] = true;",
    replace: "                    setDataKey(merge, key, true);",
    count: 1,
  },
  {
    why: "transform operator: an updated key is an own property of the copy",
    find: "                            match[prop] = update[prop];",
    replace: "                            setDataKey(match, prop, update[prop]);",
    count: 1,
  },
  {
    why: "String.prototype.match would compile a backtracking RegExp from a (possibly user-written) signature; route it through the host's RegExp",
    find: "var match = badSig.match(partialPattern);",
    replace: "var match = new RegExp(partialPattern).exec(badSig);",
    count: 1,
  },
  // Speed. Every evaluation step looked its entry and exit hooks up by
  // `Symbol.for` (a registry lookup) through the whole chain of frames, and
  // every new frame its push hook: a fifth of a JSONata Pass state's time.
  // A frame now carries the hooks, inherited when it is made and set when
  // one is bound. Stepwise binds its hooks (evaluation-bounds.ts) on an
  // expression's environment before it is ever evaluated, so every frame
  // an evaluation makes inherits them: the same hooks the lookups found.
  {
    why: "speed: the hook symbols are made once",
    find: "    var staticFrame = createFrame(null);",
    replace:
      "    var EVALUATE_ENTRY = Symbol.for('jsonata.__evaluate_entry');\n    var EVALUATE_EXIT = Symbol.for('jsonata.__evaluate_exit');\n    var CREATE_FRAME_PUSH = Symbol.for('jsonata.__createFrame_push');\n    var staticFrame = createFrame(null);",
    count: 1,
  },
  {
    why: "speed: binding a hook sets it on the frame",
    find: "            bind: function (name, value) {\n                bindings[name] = value;\n            },",
    replace:
      "            bind: function (name, value) {\n                bindings[name] = value;\n                if (name === EVALUATE_ENTRY) newFrame.evaluateEntry = value;\n                else if (name === EVALUATE_EXIT) newFrame.evaluateExit = value;\n                else if (name === CREATE_FRAME_PUSH) newFrame.createFramePush = value;\n            },",
    count: 1,
  },
  {
    why: "speed: a new frame inherits the hooks of the frame it is made in",
    find: "            global: enclosingEnvironment ? enclosingEnvironment.global : {\n                ancestry: [ null ]\n            }\n        };",
    replace:
      "            global: enclosingEnvironment ? enclosingEnvironment.global : {\n                ancestry: [ null ]\n            },\n            evaluateEntry: enclosingEnvironment ? enclosingEnvironment.evaluateEntry : undefined,\n            evaluateExit: enclosingEnvironment ? enclosingEnvironment.evaluateExit : undefined,\n            createFramePush: enclosingEnvironment ? enclosingEnvironment.createFramePush : undefined\n        };",
    count: 1,
  },
  {
    why: "speed: the push hook is read from the frame",
    find: "enclosingEnvironment.lookup(Symbol.for('jsonata.__createFrame_push'))",
    replace: "enclosingEnvironment.createFramePush",
    count: 1,
  },
  {
    why: "speed: the entry hook is read from the frame",
    find: "environment.lookup(Symbol.for('jsonata.__evaluate_entry'))",
    replace: "environment.evaluateEntry",
    count: 1,
  },
  {
    why: "speed: a sequence of one item is made at its size (a push onto [] reserves 17 slots; every path step made one)",
    find: "        var sequence = [];\n        sequence.sequence = true;\n        if (arguments.length === 1) {\n            sequence.push(arguments[0]);\n        }\n        return sequence;",
    replace:
      "        var sequence = arguments.length === 1 ? [arguments[0]] : [];\n        sequence.sequence = true;\n        return sequence;",
    count: 1,
  },
  {
    why: "speed: the exit hook is read from the frame",
    find: "environment.lookup(Symbol.for('jsonata.__evaluate_exit'))",
    replace: "environment.evaluateExit",
    count: 1,
  },
];

/** What may still mention async/Promise after the edits, and why it is harmless. */
const ALLOWED_LEFTOVERS = [
  // A frame property copied between environments; never read as a promise.
  { pattern: /\basync: enclosingEnvironment \? enclosingEnvironment\.async : false/g, count: 1 },
  // `isPromise(x)` checks stay: our functions never return promises, so they are always false.
  { pattern: /\bisPromise\b/g, count: 11 },
];

function countOccurrences(text, search) {
  let count = 0;
  for (let at = text.indexOf(search); at !== -1; at = text.indexOf(search, at + search.length)) count++;
  return count;
}

/**
 * The whole transform, a pure function of the bundle text: the `--check`
 * test re-runs it on the installed package and compares byte for byte.
 */
export function transformJsonata(source, version) {
  if (version !== EXPECTED_VERSION) {
    throw new Error(`expected jsonata ${EXPECTED_VERSION}, found ${version}: review EDITS before upgrading`);
  }
  if (!source.startsWith(UMD_PROLOGUE) || !source.endsWith(UMD_EPILOGUE)) {
    throw new Error("unexpected UMD wrapper in jsonata.js");
  }
  // Keep the factory function's closing brace; drop the UMD call's `);`.
  let body = source.slice(UMD_PROLOGUE.length, source.length - UMD_EPILOGUE.length + 2);
  for (const edit of EDITS) {
    const found = countOccurrences(body, edit.find);
    if (found !== edit.count) {
      throw new Error(`edit "${edit.why}": expected ${edit.count} occurrence(s), found ${found}`);
    }
    body = body.split(edit.find).join(edit.replace);
  }
  if (/\bawait\b/.test(body)) throw new Error("an `await` is left");
  if (/\bPromise\b/.test(body)) throw new Error("a `Promise` is left");
  let rest = body;
  for (const { pattern, count } of ALLOWED_LEFTOVERS) {
    const found = (rest.match(pattern) ?? []).length;
    if (found !== count) throw new Error(`expected ${count} match(es) of ${pattern}, found ${found}`);
    rest = rest.replace(pattern, "");
  }
  if (/\basync\b/.test(rest)) throw new Error("an `async` is left");
  return `${header(version)}
// The factory runs once per host: \`RegExp\` below shadows the global for the
// whole bundle, so every regular expression it builds (regex literals,
// signatures, date pictures) uses the host's linear-time engine; setDataKey
// stores a key that came from data as an own property, even "__proto__".
export function instantiateJsonata(host) {
const RegExp = host.RegExp;
function setDataKey(target, key, value) {
  if (key === "__proto__") Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
return (${body})();
}
`;
}

function header(version) {
  return `/*
 * GENERATED FILE - do not edit. Regenerate with \`node scripts/vendor-jsonata.mjs\`.
 *
 * JSONata ${version} (https://github.com/jsonata-js/jsonata), the npm package's
 * jsonata.js bundle, transformed to evaluate synchronously: async/await and
 * Promise.all removed, plus the safety edits listed in
 * scripts/vendor-jsonata.mjs. JSONata is © IBM Corp. and contributors,
 * released under the MIT license: see ./LICENSE.
 */`;
}

const DECLARATIONS = `/*
 * GENERATED FILE - do not edit. Regenerate with \`node scripts/vendor-jsonata.mjs\`.
 *
 * Types for the parts of the vendored JSONata that Stepwise uses.
 */

/** A RegExp-compatible class: what JSONata calls \`new RegExp(...)\` on (also with a regex it made). */
export type RegExpClass = new (pattern: string | RegExpSource, flags?: string) => object;

export interface RegExpSource {
  readonly source: string;
  readonly flags: string;
}

export interface JsonataHost {
  readonly RegExp: RegExpClass;
  /** Whether the transform operator may modify this value (it belongs to the copy it made); it skips the others. */
  isTransformTarget(value: unknown): boolean;
}

/** A node of the parsed expression (\`expression.ast()\`). */
export interface JsonataNode {
  readonly type: string;
  readonly value?: unknown;
  readonly [key: string]: unknown;
}

/** What JSONata throws: a plain object with an error code, or a JavaScript Error. */
export interface JsonataError {
  readonly code?: string;
  readonly message?: string;
  readonly position?: number;
  readonly token?: string;
}

export interface JsonataExpression {
  /** Synchronous in this build. */
  evaluate(input: unknown, bindings?: Readonly<Record<string, unknown>>): unknown;
  assign(name: string | symbol, value: unknown): void;
  registerFunction(name: string, implementation: (...args: never[]) => unknown, signature?: string): void;
  ast(): JsonataNode;
}

export type JsonataFactory = (expression: string) => JsonataExpression;

export function instantiateJsonata(host: JsonataHost): JsonataFactory;
`;

function generate() {
  const require = createRequire(join(packageRoot, "package.json"));
  const jsonataDir = dirname(require.resolve("jsonata"));
  const { version } = JSON.parse(readFileSync(join(jsonataDir, "package.json"), "utf8"));
  return {
    "jsonata-sync.js": transformJsonata(readFileSync(join(jsonataDir, "jsonata.js"), "utf8"), version),
    "jsonata-sync.d.ts": DECLARATIONS,
    LICENSE: readFileSync(join(jsonataDir, "LICENSE"), "utf8"),
  };
}

const VENDORED_FILES = ["jsonata-sync.js", "jsonata-sync.d.ts", "LICENSE"];

function copyToDist() {
  const target = join(packageRoot, "dist", "jsonata", "vendor");
  mkdirSync(target, { recursive: true });
  for (const name of VENDORED_FILES) writeFileSync(join(target, name), readFileSync(join(vendorDir, name)));
}

function main(args) {
  if (args.includes("--dist")) {
    copyToDist();
    return;
  }
  const files = generate();
  if (args.includes("--check")) {
    const stale = Object.entries(files).filter(([name, text]) => {
      try {
        return readFileSync(join(vendorDir, name), "utf8") !== text;
      } catch {
        return true;
      }
    });
    if (stale.length > 0) {
      console.error(
        `stale vendored files: ${stale.map(([name]) => name).join(", ")}; run node scripts/vendor-jsonata.mjs`,
      );
      process.exit(1);
    }
    return;
  }
  mkdirSync(vendorDir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(vendorDir, name), text);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
