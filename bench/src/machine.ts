/** The machine and versions a run was measured on, for the report. */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";

export interface MachineInfo {
  readonly date: string;
  readonly cpu: string;
  readonly cpus: number;
  readonly memoryGb: number;
  readonly os: string;
  readonly node: string;
  readonly v8: string;
  readonly peerVersion: string;
  readonly stepwiseCommit: string;
  /** 1-, 5- and 15-minute load averages when the run started. */
  readonly loadAverage: readonly number[];
}

export function loadAverage(): number[] {
  return os.loadavg().map((n) => Math.round(n * 100) / 100);
}

function readVersion(relative: string): string {
  try {
    const text = readFileSync(new URL(relative, import.meta.url), "utf8");
    const version = (JSON.parse(text) as { version?: unknown }).version;
    return typeof version === "string" ? version : "unknown";
  } catch {
    return "unknown";
  }
}

function gitCommit(): string {
  try {
    const cwd = new URL("..", import.meta.url);
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--", "../packages/core/src"], {
      cwd,
      encoding: "utf8",
    }).trim();
    return dirty === "" ? commit : `${commit} (packages/core/src modified)`;
  } catch {
    return "unknown";
  }
}

/** Node's and V8's versions of the binary the measured processes run on. */
function runtimeVersions(node: string): { node: string; v8: string } {
  if (node === process.execPath) return { node: process.version, v8: process.versions.v8 };
  const [version = "unknown", v8 = "unknown"] = execFileSync(
    node,
    ["-p", "process.version + ' ' + process.versions.v8"],
    { encoding: "utf8" },
  )
    .trim()
    .split(" ");
  return { node: version, v8 };
}

export function machineInfo(node: string = process.execPath): MachineInfo {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    cpu: cpus[0]?.speed ? `${cpus[0].model} @ ${cpus[0].speed} MHz` : (cpus[0]?.model ?? "unknown"),
    cpus: cpus.length,
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    ...runtimeVersions(node),
    // The peer's exports map hides its package.json from require.resolve.
    peerVersion: readVersion("../node_modules/aws-local-stepfunctions/package.json"),
    stepwiseCommit: gitCommit(),
    loadAverage: loadAverage(),
  };
}
