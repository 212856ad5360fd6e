/**
 * The benchmark: every workload × engine in its own fresh `node` process,
 * engines interleaved, several rounds, every output checked equal across
 * engines. Prints Markdown tables, then one JSON line.
 *
 * @example
 * // from the repository root
 * // pnpm bench                          all workloads, 5 timed rounds
 * // pnpm bench --rounds 3 --workloads a,g --out RESULTS.md
 * // pnpm bench --warm-up-ms 3000                  a longer untimed warm-up before each warm run
 * // pnpm bench --node /path/to/node24/bin/node     the children on another Node
 */
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadAverage, machineInfo } from "./machine.js";
import type { MachineInfo } from "./machine.js";
import { findResult, warmUpMsOf } from "./protocol.js";
import type { Measurement, Summary } from "./report.js";
import { detailTable, headlineTable, jsonLine, summarise } from "./report.js";
import { ENGINE_NAMES, isEngineName } from "./run-workload.js";
import type { EngineName } from "./run-workload.js";
import { findWorkload, WORKLOADS } from "./workloads/index.js";
import type { Size, Workload } from "./workloads/workload.js";

const CHILD = fileURLToPath(new URL("./child.js", import.meta.url));
const CHILD_TIMEOUT_MS = 10 * 60 * 1000;

function runChild(
  node: string,
  workload: Workload,
  engine: EngineName,
  size: Size,
  warmUpMs: number,
): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, ["--expose-gc", CHILD, workload.id, engine, size, String(warmUpMs)], {
      stdio: ["ignore", "ignore", "pipe"],
      timeout: CHILD_TIMEOUT_MS,
    });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      const result = findResult(stderr);
      if (code !== 0 || !result) {
        reject(new Error(`(${workload.id}) ${engine} exited with ${String(code)}:\n${stderr.trim()}`));
        return;
      }
      resolve(result);
    });
  });
}

/** Rotates the engine order per round and workload, so no engine always runs first. */
function engineOrder(engines: readonly EngineName[], round: number, workloadIndex: number): EngineName[] {
  const shift = (round + workloadIndex) % engines.length;
  return [...engines.slice(shift), ...engines.slice(0, shift)];
}

interface Options {
  readonly rounds: number;
  readonly workloads: readonly Workload[];
  readonly engines: readonly EngineName[];
  readonly size: Size;
  /** Untimed warm-up in each child before its warm run (ms). */
  readonly warmUpMs: number;
  readonly out: string | undefined;
  /** The Node binary the measured processes run on (default: this one). */
  readonly node: string;
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      rounds: { type: "string", default: "5" },
      workloads: { type: "string" },
      engines: { type: "string" },
      size: { type: "string", default: "full" },
      "warm-up-ms": { type: "string" },
      out: { type: "string" },
      node: { type: "string" },
    },
  });
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error("--rounds must be a positive integer.");
  const engines = values.engines === undefined ? [...ENGINE_NAMES] : values.engines.split(",");
  const unknown = engines.filter((e) => !isEngineName(e));
  if (unknown.length > 0)
    throw new Error(`Unknown engine(s): ${unknown.join(", ")} (known: ${ENGINE_NAMES.join(", ")}).`);
  if (values.size !== "full" && values.size !== "smoke") throw new Error("--size must be full or smoke.");
  const warmUpMs = warmUpMsOf(values["warm-up-ms"], values.size);
  return {
    rounds,
    workloads: values.workloads === undefined ? WORKLOADS : values.workloads.split(",").map(findWorkload),
    engines: engines as EngineName[],
    size: values.size,
    warmUpMs,
    out: values.out,
    node: values.node ?? process.execPath,
  };
}

/**
 * Round 0 checks and warms up (its times are dropped); every round's output
 * must match the first one seen for its workload, whatever the engine.
 */
async function measure(
  opts: Options,
): Promise<{ measurements: Measurement[]; stepwiseModule: string | undefined }> {
  const expected = new Map<string, { engine: EngineName; sha256: string }>();
  const stepwiseModules = new Set<string>();
  const kept: Measurement[] = [];
  for (let round = 0; round <= opts.rounds; round++) {
    for (const [index, workload] of opts.workloads.entries()) {
      const engines = workload.peerSkipped
        ? opts.engines.filter((e) => e !== "aws-local-stepfunctions")
        : opts.engines;
      for (const engine of engineOrder(engines, round, index)) {
        const m = await runChild(opts.node, workload, engine, opts.size, opts.warmUpMs);
        if (m.stepwiseModule !== undefined) stepwiseModules.add(m.stepwiseModule);
        if (stepwiseModules.size > 1)
          throw new Error(`@stepwise/core changed during the run: ${[...stepwiseModules].join(", ")}.`);
        const first = expected.get(workload.id);
        if (!first) expected.set(workload.id, { engine, sha256: m.output.sha256 });
        else if (first.sha256 !== m.output.sha256) {
          throw new Error(
            `(${workload.id}) outputs differ: ${engine} ${m.output.sha256} vs ${first.engine} ${first.sha256}.`,
          );
        }
        process.stderr.write(
          `round ${round}${round === 0 ? " (check, not timed)" : ""} (${workload.id}) ${engine.padEnd(23)} ${m.ms.toFixed(1).padStart(9)} ms  warm ${m.warmMs.toFixed(1).padStart(9)} ms  cpu ${m.cpuMs.toFixed(0).padStart(6)} ms  heap ${m.peakHeapMb.toFixed(1)} MB  rss ${(m.maxRssKb / 1024).toFixed(0)} MB\n`,
        );
        if (round > 0) kept.push(m);
      }
    }
  }
  return { measurements: kept, stepwiseModule: [...stepwiseModules][0] };
}

/** The two headline tables, first run and after warm-up, then the details: in the report and on stdout. */
function tables(summaries: readonly Summary[]): string {
  return [
    "## Summary: first run in a fresh process (median wall time)",
    "",
    headlineTable(summaries, (s) => s.ms.median),
    "",
    "## Summary: after warm-up (median wall time)",
    "",
    headlineTable(summaries, (s) => s.warmMs.median),
    "",
    "## Details",
    "",
    detailTable(summaries),
  ].join("\n");
}

function markdown(
  machine: MachineInfo & { readonly stepwiseModule: string | undefined },
  loadAtEnd: readonly number[],
  opts: Options,
  summaries: readonly Summary[],
  json: string,
): string {
  const workloads = opts.workloads.map(
    (w) =>
      `- (${w.id}) ${w.title}: ${w.transitions(w.params[opts.size]).toLocaleString("en-US")} transitions` +
      (w.peerSkipped ? ` (aws-local-stepfunctions not run: ${w.peerSkipped})` : ""),
  );
  return [
    "# Benchmark results",
    "",
    `Measured ${machine.date.slice(0, 10)} with \`pnpm bench --rounds ${opts.rounds}${opts.node === process.execPath ? "" : " --node …"}\` (see README.md for the method).`,
    "",
    `- Machine: ${machine.cpu}, ${machine.cpus} CPUs, ${machine.memoryGb} GB, ${machine.os}`,
    `- Node ${machine.node} (V8 ${machine.v8}); aws-local-stepfunctions ${machine.peerVersion}; Stepwise: repository at ${machine.stepwiseCommit}, \`@stepwise/core\` loaded from \`${machine.stepwiseModule ?? "(not run)"}\``,
    `- Load average (1, 5, 15 min) when the run started: ${machine.loadAverage.join(", ")}; when it ended: ${loadAtEnd.join(", ")}`,
    `- ${opts.rounds} timed rounds (plus one untimed checking round); each child times its first run, then one run after ≥ ${opts.warmUpMs} ms of untimed warm-up runs (at least one); every output equal across engines`,
    "",
    tables(summaries),
    "",
    "Workloads:",
    "",
    ...workloads,
    "",
    "## Machine-readable",
    "",
    "```json",
    json,
    "```",
    "",
  ].join("\n");
}

async function main(): Promise<void> {
  const opts = options();
  const machine = machineInfo(opts.node);
  const { measurements, stepwiseModule } = await measure(opts);
  const summaries = summarise(opts.workloads, opts.size, measurements);
  const loadAtEnd = loadAverage();
  const json = jsonLine(
    { ...machine, stepwiseModule, loadAverageAtEnd: loadAtEnd },
    opts.rounds,
    opts.warmUpMs,
    summaries,
  );
  const report = markdown({ ...machine, stepwiseModule }, loadAtEnd, opts, summaries, json);
  if (opts.out !== undefined) writeFileSync(opts.out, report);
  process.stdout.write(`${tables(summaries)}\n\n${json}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
