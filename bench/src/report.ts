/**
 * Aggregates the rounds per workload and engine, and renders them: a
 * Markdown report for people and one JSON line for machines.
 */
import type { MachineInfo } from "./machine.js";
import type { ChildResult } from "./protocol.js";
import type { EngineName } from "./run-workload.js";
import { ENGINE_NAMES } from "./run-workload.js";
import type { Spread } from "./stats.js";
import { spread } from "./stats.js";
import type { Size, Workload } from "./workloads/workload.js";

/** One round's measurement, as the child reported it. */
export type Measurement = ChildResult;

export interface Summary {
  readonly workload: string;
  readonly title: string;
  readonly engine: EngineName;
  readonly rounds: number;
  readonly transitions: number;
  /** Wall time of the first run in a fresh process (JIT cold). */
  readonly ms: Spread;
  /** Median CPU time (ms): less disturbed than wall time by other work on the machine. */
  readonly cpuMs: number;
  readonly transitionsPerSecond: number;
  /** Medians over the rounds. */
  readonly peakHeapMb: number;
  readonly baselineHeapMb: number;
  readonly maxRssMb: number;
  /** Median time divided by the peer's and by plain JavaScript's median time. */
  readonly timeVsPeer: number | null;
  readonly timeVsPlain: number | null;
  /** The same for the run after warm-up; warmUpRuns is the median count of untimed runs before it. */
  readonly warmMs: Spread;
  readonly warmCpuMs: number;
  readonly warmTransitionsPerSecond: number;
  readonly warmUpRuns: number;
  readonly warmTimeVsPeer: number | null;
  readonly warmTimeVsPlain: number | null;
  readonly outputSha256: string;
  readonly outputBytes: number;
}

const PEER: EngineName = "aws-local-stepfunctions";

export function summarise(
  workloads: readonly Workload[],
  size: Size,
  measurements: readonly Measurement[],
): Summary[] {
  const summaries: Summary[] = [];
  for (const workload of workloads) {
    const transitions = workload.transitions(workload.params[size]);
    const rows: Omit<Summary, "timeVsPeer" | "timeVsPlain" | "warmTimeVsPeer" | "warmTimeVsPlain">[] = [];
    for (const engine of ENGINE_NAMES) {
      const runs = measurements.filter((m) => m.workload === workload.id && m.engine === engine);
      if (runs.length === 0) continue;
      const ms = spread(runs.map((m) => m.ms));
      const warmMs = spread(runs.map((m) => m.warmMs));
      rows.push({
        workload: workload.id,
        title: workload.title,
        engine,
        rounds: runs.length,
        transitions,
        ms,
        cpuMs: spread(runs.map((m) => m.cpuMs)).median,
        transitionsPerSecond: transitions / (ms.median / 1000),
        peakHeapMb: spread(runs.map((m) => m.peakHeapMb)).median,
        baselineHeapMb: spread(runs.map((m) => m.baselineHeapMb)).median,
        maxRssMb: spread(runs.map((m) => m.maxRssKb / 1024)).median,
        warmMs,
        warmCpuMs: spread(runs.map((m) => m.warmCpuMs)).median,
        warmTransitionsPerSecond: transitions / (warmMs.median / 1000),
        warmUpRuns: spread(runs.map((m) => m.warmUpRuns)).median,
        outputSha256: runs[0]!.output.sha256,
        outputBytes: runs[0]!.output.bytes,
      });
    }
    const peer = rows.find((row) => row.engine === PEER);
    const plain = rows.find((row) => row.engine === "plain");
    for (const row of rows) {
      summaries.push({
        ...row,
        timeVsPeer: peer === undefined ? null : row.ms.median / peer.ms.median,
        timeVsPlain: plain === undefined ? null : row.ms.median / plain.ms.median,
        warmTimeVsPeer: peer === undefined ? null : row.warmMs.median / peer.warmMs.median,
        warmTimeVsPlain: plain === undefined ? null : row.warmMs.median / plain.warmMs.median,
      });
    }
  }
  return summaries;
}

function fixed(n: number, digits: number): string {
  return n.toFixed(digits);
}

function ms(n: number): string {
  return n >= 100 ? fixed(n, 0) : n >= 10 ? fixed(n, 1) : fixed(n, 2);
}

function rate(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

function ratio(n: number | null): string {
  if (n === null) return "–";
  return n >= 10 ? `${fixed(n, 0)}×` : n >= 1 ? `${fixed(n, 1)}×` : `${fixed(n, 3)}×`;
}

function engineLabel(engine: EngineName): string {
  return engine === "plain" ? "plain JS" : engine === "stepwise" ? "Stepwise" : "aws-local-stepfunctions";
}

/**
 * Median times per workload, an engine per column, and Stepwise's ratios to
 * the peer and plain JavaScript; `medianMs` picks the figure (first run or
 * after warm-up).
 */
export function headlineTable(summaries: readonly Summary[], medianMs: (summary: Summary) => number): string {
  const lines = [
    "| workload | transitions | Stepwise ms | aws-local-stepfunctions ms | plain JS ms | Stepwise speed-up over the peer | Stepwise time ÷ plain JS |",
    "|---|--:|--:|--:|--:|--:|--:|",
  ];
  const ids = [...new Set(summaries.map((s) => s.workload))];
  for (const id of ids) {
    const of = (engine: EngineName): Summary | undefined =>
      summaries.find((s) => s.workload === id && s.engine === engine);
    const stepwise = of("stepwise");
    const peer = of(PEER);
    const plain = of("plain");
    const first = stepwise ?? peer ?? plain!;
    lines.push(
      `| (${id}) ${first.title} | ${rate(first.transitions)} | ${stepwise ? ms(medianMs(stepwise)) : "–"} | ${peer ? ms(medianMs(peer)) : "–"} | ${plain ? ms(medianMs(plain)) : "–"} | ${stepwise && peer ? ratio(medianMs(peer) / medianMs(stepwise)) : "–"} | ${stepwise && plain ? ratio(medianMs(stepwise) / medianMs(plain)) : "–"} |`,
    );
  }
  return lines.join("\n");
}

export function detailTable(summaries: readonly Summary[]): string {
  const lines = [
    "| workload | engine | median ms | min – max ms | IQR ms | CPU ms | transitions/s | peak heap MB (baseline) | peak RSS MB | time ÷ peer | time ÷ plain | warm median ms | warm IQR ms | warm transitions/s | warm-up runs |",
    "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
  ];
  for (const s of summaries) {
    lines.push(
      `| ${s.workload} | ${engineLabel(s.engine)} | ${ms(s.ms.median)} | ${ms(s.ms.min)} – ${ms(s.ms.max)} | ${ms(s.ms.q3 - s.ms.q1)} | ${ms(s.cpuMs)} | ${rate(s.transitionsPerSecond)} | ${fixed(s.peakHeapMb, 1)} (${fixed(s.baselineHeapMb, 1)}) | ${fixed(s.maxRssMb, 0)} | ${ratio(s.timeVsPeer)} | ${ratio(s.timeVsPlain)} | ${ms(s.warmMs.median)} | ${ms(s.warmMs.q3 - s.warmMs.q1)} | ${rate(s.warmTransitionsPerSecond)} | ${rate(s.warmUpRuns)} |`,
    );
  }
  return lines.join("\n");
}

export function jsonLine(
  machine: MachineInfo & {
    readonly stepwiseModule: string | undefined;
    readonly loadAverageAtEnd: readonly number[];
  },
  rounds: number,
  warmUpMs: number,
  summaries: readonly Summary[],
): string {
  return JSON.stringify({
    benchmark: "@stepwise/bench",
    machine,
    rounds,
    warmUpMs,
    results: summaries.map((s) => ({
      workload: s.workload,
      engine: s.engine,
      rounds: s.rounds,
      transitions: s.transitions,
      medianMs: round(s.ms.median),
      minMs: round(s.ms.min),
      maxMs: round(s.ms.max),
      q1Ms: round(s.ms.q1),
      q3Ms: round(s.ms.q3),
      cpuMs: round(s.cpuMs),
      transitionsPerSecond: Math.round(s.transitionsPerSecond),
      peakHeapMb: round(s.peakHeapMb, 1),
      baselineHeapMb: round(s.baselineHeapMb, 1),
      maxRssMb: round(s.maxRssMb),
      timeVsPeer: s.timeVsPeer === null ? null : round(s.timeVsPeer, 4),
      timeVsPlain: s.timeVsPlain === null ? null : round(s.timeVsPlain, 4),
      warmMedianMs: round(s.warmMs.median),
      warmMinMs: round(s.warmMs.min),
      warmMaxMs: round(s.warmMs.max),
      warmQ1Ms: round(s.warmMs.q1),
      warmQ3Ms: round(s.warmMs.q3),
      warmCpuMs: round(s.warmCpuMs),
      warmTransitionsPerSecond: Math.round(s.warmTransitionsPerSecond),
      warmUpRuns: s.warmUpRuns,
      warmTimeVsPeer: s.warmTimeVsPeer === null ? null : round(s.warmTimeVsPeer, 4),
      warmTimeVsPlain: s.warmTimeVsPlain === null ? null : round(s.warmTimeVsPlain, 4),
      outputSha256: s.outputSha256,
    })),
  });
}

function round(n: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(n * factor) / factor;
}
