import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const register = fileURLToPath(new URL("./register-ts-source.mjs", import.meta.url));

/** Starts `node` on a TypeScript file of this directory (`file` relative to it), reading the workspace packages from source. */
export function spawnTs(file: string, args: readonly string[]): ChildProcess {
  const script = fileURLToPath(new URL(file, import.meta.url));
  return spawn(
    process.execPath,
    ["--conditions=source", "--enable-source-maps", "--import", register, script, ...args],
    { stdio: ["pipe", "pipe", "pipe"] },
  );
}

/** Resolves when the child prints a line that matches. */
export function lineFrom(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = "";
    const onData = (chunk: Buffer): void => {
      buffered += chunk.toString("utf8");
      const line = buffered.split("\n").find((candidate) => pattern.test(candidate));
      if (line === undefined) return;
      child.stdout?.off("data", onData);
      resolve(line);
    };
    child.stdout?.on("data", onData);
    child.on("exit", (code, signal) => {
      reject(new Error(`child exited with ${signal ?? code} before printing ${String(pattern)}`));
    });
  });
}

/** Everything a child printed, once it has exited with code 0. */
export function output(child: ChildProcess): Promise<{ stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve({ stdout, stderr });
      else reject(new Error(`child exited with ${signal ?? code}: ${stderr}`));
    });
  });
}
