/** What a child process reports to the parent, on one tagged stderr line. */
import type { EngineName } from "./run-workload.js";
import type { Size } from "./workloads/workload.js";

export const RESULT_TAG = "@@bench-result ";

/** The warm-up budget (ms) unless told otherwise. At smoke size 0: one warm-up run still happens, and a harness check stays quick. */
function defaultWarmUpMs(size: Size): number {
  return size === "full" ? 1000 : 0;
}

/** The warm-up budget as given on a command line (`--warm-up-ms`, or the child's argument), or the default. */
export function warmUpMsOf(text: string | undefined, size: Size): number {
  const warmUpMs = text === undefined ? defaultWarmUpMs(size) : Number(text);
  if (!Number.isInteger(warmUpMs) || warmUpMs < 0)
    throw new Error(`The warm-up '${String(text)}' is not a whole number of ms ≥ 0.`);
  return warmUpMs;
}

export interface ChildResult {
  readonly workload: string;
  readonly engine: EngineName;
  readonly size: Size;
  /** Wall time of the first run in the process, JIT cold (ms). The heap and RSS figures are this run's. */
  readonly ms: number;
  /** CPU time of the process during the run, user + system, all threads (ms). */
  readonly cpuMs: number;
  /** Largest heap in use during the run, and the heap in use after a forced collection just before it (MB). */
  readonly peakHeapMb: number;
  readonly baselineHeapMb: number;
  /** Garbage collections during the run. */
  readonly collections: number;
  /** Peak resident set size over the process's life at the end of the first run, and before it (KB). */
  readonly maxRssKb: number;
  readonly rssBeforeKb: number;
  /** Wall time and CPU time (user + system) of one run after the warm-up, prepared afresh like the first (ms). */
  readonly warmMs: number;
  readonly warmCpuMs: number;
  /** Untimed runs before it: as many as the warm-up budget took, at least one. */
  readonly warmUpRuns: number;
  /** Where `@stepwise/core` resolved to (its real path), for Stepwise runs. */
  readonly stepwiseModule?: string;
  /** The output's canonical JSON: its SHA-256 and length (the same for both timed runs, or the child fails). */
  readonly output: { readonly sha256: string; readonly bytes: number };
}

export function findResult(stderr: string): ChildResult | undefined {
  const line = stderr.split("\n").find((l) => l.startsWith(RESULT_TAG));
  return line === undefined ? undefined : (JSON.parse(line.slice(RESULT_TAG.length)) as ChildResult);
}
