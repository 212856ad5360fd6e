import { describe, expect, it } from "vitest";
import { TaskAttempt } from "./task-attempt.js";

describe("TaskAttempt", () => {
  it("fires the signal of an integration that listens", () => {
    const attempt = new TaskAttempt(true);
    const signal = attempt.signal;
    let reason: unknown;
    signal.addEventListener("abort", () => {
      reason = signal.reason;
    });
    const timedOut = new Error("Task timed-out");
    attempt.abort(timedOut);
    expect(signal.aborted).toBe(true);
    expect(reason).toBe(timedOut);
  });

  it("hands out an already aborted signal when asked after the abort", () => {
    const attempt = new TaskAttempt(true);
    const stopped = new Error("Execution ended");
    attempt.abort(stopped);
    attempt.abort(new Error("later"));
    expect(attempt.signal.aborted).toBe(true);
    expect(attempt.signal.reason).toBe(stopped);
  });

  it("releases its clock hold once", () => {
    let releases = 0;
    const attempt = new TaskAttempt(true, { done: () => releases++ });
    attempt.releaseHold();
    attempt.releaseHold();
    expect(releases).toBe(1);
  });
});
