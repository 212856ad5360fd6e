#!/usr/bin/env node
/**
 * Bundles the compiled `dist/` into one ES module, `dist/stepwise-core.js`,
 * the file the package's `default` export condition names.
 *
 * Why: Node loads an ES module graph file by file (resolve, stat, read,
 * compile each), and the core's ~140 modules took 100–150 ms to import on
 * our 2-core VM against about 40 ms for the same code in one file — paid by
 * every process that starts: the CLI, a durable worker restarting after a
 * crash, a serverless cold start. Types still come from tsc's
 * `dist/index.d.ts`; tests read the sources and never see the bundle.
 *
 *   node scripts/bundle.mjs    after `tsc` and `vendor-jsonata.mjs --dist`
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), "..");

await build({
  entryPoints: [join(packageRoot, "dist", "index.js")],
  outfile: join(packageRoot, "dist", "stepwise-core.js"),
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // Dependencies stay packages of their own, resolved as the user installed them.
  packages: "external",
  sourcemap: "linked",
  // The vendored JSONata's MIT notice goes with the code that carries it.
  legalComments: "inline",
  logLevel: "warning",
});
