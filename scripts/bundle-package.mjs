#!/usr/bin/env node
/**
 * Bundles a package's compiled `dist/` into one ES module per entry point,
 * the files its `default` export conditions name. Entries that share code
 * (the testing package's three) share it through chunks in `dist/chunks/`,
 * so a module is never loaded twice.
 *
 * Why: Node loads an ES module graph file by file (resolve, stat, read,
 * compile each). On our 2-core VM the core's ~140 modules took 100–150 ms
 * to import against about 40 ms for the same code in one file, and the
 * testing package's ~50 another 35 ms — paid by every process that starts:
 * each test file vitest isolates, the CLI, a durable worker restarting after
 * a crash, a serverless cold start. Types still come from tsc's `.d.ts`;
 * tests read the sources and never see a bundle.
 *
 *   node ../../scripts/bundle-package.mjs <name>=<compiled entry> [...]
 *
 * run in the package's directory after `tsc`; `<name>` becomes `dist/<name>.js`.
 */
import { join } from "node:path";
import { build } from "esbuild";

const entryPoints = Object.fromEntries(
  process.argv.slice(2).map((argument) => {
    const [name, entry] = argument.split("=");
    if (!name || !entry) throw new Error(`Expected <name>=<compiled entry>, got '${argument}'.`);
    return [name, entry];
  }),
);
if (Object.keys(entryPoints).length === 0)
  throw new Error("Name at least one entry: <name>=<compiled entry>.");

await build({
  entryPoints,
  outdir: join(process.cwd(), "dist"),
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // Dependencies, the other Stepwise packages among them, stay packages of
  // their own, resolved as the user installed them (one core per process).
  packages: "external",
  sourcemap: "linked",
  // The vendored JSONata's MIT notice goes with the code that carries it.
  legalComments: "inline",
  logLevel: "warning",
});
