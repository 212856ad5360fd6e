/**
 * Module hooks that let a plain `node` child process run the workspace's
 * TypeScript sources, as Vitest does for the tests themselves: Node 20 has
 * no type stripping, and the packages' `dist` may be stale or absent while
 * their sources change. Used with `--conditions=source` so that `@stepwise/*`
 * resolve to their `src/index.ts`.
 *
 * Transpiled files are cached by content in this package's
 * `node_modules/.cache`: loading TypeScript and transpiling the core's
 * sources takes seconds, which would otherwise be counted in every restart
 * a crash test measures.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const cacheDir = fileURLToPath(new URL("../../node_modules/.cache/stepwise-ts-source/", import.meta.url));
const compilerOptions = {
  module: "ESNext",
  target: "ES2023",
  verbatimModuleSyntax: true,
  inlineSourceMap: true,
};
let typescript;

/** Sources import `./x.js` (NodeNext style) where only `./x.ts` exists. */
export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    const relative = specifier.startsWith(".") || specifier.startsWith("/") || specifier.startsWith("file:");
    if (!relative || !specifier.endsWith(".js") || error?.code !== "ERR_MODULE_NOT_FOUND") throw error;
    return nextResolve(`${specifier.slice(0, -3)}.ts`, context);
  }
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith("file:") || !url.endsWith(".ts")) return nextLoad(url, context);
  const fileName = fileURLToPath(url);
  const text = await readFile(fileName, "utf8");
  const key = createHash("sha256")
    .update(JSON.stringify([fileName, compilerOptions, text]))
    .digest("hex");
  const cached = join(cacheDir, `${key}.js`);
  const source = await readFile(cached, "utf8").catch(async () => {
    typescript ??= (await import("typescript")).default;
    const { options } = typescript.convertCompilerOptionsFromJson(compilerOptions, ".");
    const { outputText } = typescript.transpileModule(text, { fileName, compilerOptions: options });
    // Written aside then renamed: another process may be reading the same
    // entry. A cache that cannot be written only costs time.
    const partial = `${cached}.${process.pid}.partial`;
    await mkdir(cacheDir, { recursive: true })
      .then(() => writeFile(partial, outputText))
      .then(() => rename(partial, cached))
      .catch(() => undefined);
    return outputText;
  });
  return { format: "module", source, shortCircuit: true };
}
