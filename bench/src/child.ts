/**
 * One measurement, in a fresh process: `node --expose-gc dist/child.js
 * <workload> <engine> [full|smoke] [warm-up ms]`. Prepares the workload
 * (untimed) and times its first run; then runs it untimed, freshly prepared
 * each time, for the warm-up budget, and times one more run. Reports on
 * stderr as one tagged JSON line.
 */
import { realpathSync } from "node:fs";
import { performance } from "node:perf_hooks";
import v8 from "node:v8";
import { fileURLToPath } from "node:url";
import type { JsonValue } from "@stepwise/core";
import { digest } from "./canonical.js";
import { watchHeap } from "./heap-peak.js";
import type { ChildResult } from "./protocol.js";
import { RESULT_TAG, warmUpMsOf } from "./protocol.js";
import type { EngineName } from "./run-workload.js";
import { isEngineName, prepareRun } from "./run-workload.js";
import { findWorkload } from "./workloads/index.js";
import type { Size, TimedRun, Workload } from "./workloads/workload.js";

function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("Run the child with --expose-gc.");
  gc();
}

/** Wall and CPU time of one run (ms); the caller digests the output, after any heap watch has stopped. */
async function timeRun(run: TimedRun): Promise<{ ms: number; cpuMs: number; output: JsonValue }> {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const output = await run();
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, output };
}

type FirstRun = Pick<
  ChildResult,
  "ms" | "cpuMs" | "peakHeapMb" | "baselineHeapMb" | "collections" | "maxRssKb" | "rssBeforeKb" | "output"
>;

/** The first run in the process, JIT cold, as a test run sees it; the only one whose heap and RSS are watched. */
async function measureFirstRun(run: TimedRun): Promise<FirstRun> {
  collect();
  const baselineBytes = v8.getHeapStatistics().used_heap_size;
  const rssBeforeKb = process.resourceUsage().maxRSS;
  const heap = watchHeap();
  const { ms, cpuMs, output } = await timeRun(run);
  const { peakBytes, collections } = heap.stop();
  return {
    ms,
    cpuMs,
    peakHeapMb: peakBytes / 2 ** 20,
    baselineHeapMb: baselineBytes / 2 ** 20,
    collections,
    maxRssKb: process.resourceUsage().maxRSS,
    rssBeforeKb,
    output: digest(output),
  };
}

type WarmRun = Pick<ChildResult, "warmMs" | "warmCpuMs" | "warmUpRuns" | "output">;

/**
 * Steady state: untimed runs until `warmUpMs` has passed (at least one run),
 * then one timed run. Every run is prepared afresh, as the first one was, so
 * the timed run does the same work (a new machine, a new interpreter) with
 * the JIT warm.
 */
async function measureWarmRun(
  workload: Workload,
  engine: EngineName,
  size: Size,
  warmUpMs: number,
): Promise<WarmRun> {
  const warmUpStart = performance.now();
  let warmUpRuns = 0;
  do {
    const warmUpRun = await prepareRun(workload, engine, size);
    await warmUpRun();
    warmUpRuns++;
  } while (performance.now() - warmUpStart < warmUpMs);
  const run = await prepareRun(workload, engine, size);
  // No forced collection first, unlike the first run: a full GC frees the
  // hidden classes of the warm-up runs' payloads (nothing holds an object of
  // theirs any more), and V8 drops all optimized code that checks for them,
  // so the timed run would measure the JIT compiling again ((b) on Stepwise,
  // a few tries: 28–34 ms without the collection, 54 with it). The heap is
  // not reported for this run.
  const { ms, cpuMs, output } = await timeRun(run);
  return { warmMs: ms, warmCpuMs: cpuMs, warmUpRuns, output: digest(output) };
}

async function main(): Promise<void> {
  const [workloadId = "", engine = "", size = "full", warmUpArgument] = process.argv.slice(2);
  if (!isEngineName(engine)) throw new Error(`Unknown engine '${engine}'.`);
  if (size !== "full" && size !== "smoke") throw new Error(`Unknown size '${size}'.`);
  const warmUpMs = warmUpMsOf(warmUpArgument, size);
  const workload = findWorkload(workloadId);

  const first = await measureFirstRun(await prepareRun(workload, engine, size));
  const warm = await measureWarmRun(workload, engine, size, warmUpMs);
  if (warm.output.sha256 !== first.output.sha256) {
    throw new Error(
      `(${workload.id}) ${engine}: the run after warm-up gave ${warm.output.sha256}, the first run ${first.output.sha256}.`,
    );
  }

  const result: ChildResult = {
    workload: workload.id,
    engine,
    size,
    ...first,
    warmMs: warm.warmMs,
    warmCpuMs: warm.warmCpuMs,
    warmUpRuns: warm.warmUpRuns,
    ...(engine === "stepwise"
      ? { stepwiseModule: realpathSync(fileURLToPath(import.meta.resolve("@stepwise/core"))) }
      : {}),
  };
  process.stderr.write(`${RESULT_TAG}${JSON.stringify(result)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
