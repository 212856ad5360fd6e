import { describe, expect, it } from "vitest";
import { virtualClock } from "../clock.js";
import { seededRandom } from "../random.js";
import { createActivities } from "./activities.js";
import { parseResource } from "./arn.js";
import type { TaskContext, TaskRequest } from "./types.js";

const ARN = "arn:aws:states:us-east-1:111111111111:activity:review";

function taskFor(arn: string, taskToken: string, parameters: object = {}) {
  const controller = new AbortController();
  const started: (string | undefined)[] = [];
  const context: TaskContext = {
    signal: controller.signal,
    heartbeat: () => undefined,
    submitted: () => undefined,
    started: (workerName) => started.push(workerName),
    clock: virtualClock({ start: 0 }),
    random: seededRandom(1),
    idempotencyKey: "key",
  };
  const request: TaskRequest = {
    stateName: "Review",
    resource: parseResource(arn)!,
    parameters: parameters as TaskRequest["parameters"],
    taskToken,
    invocationIndex: 0,
    attempt: 0,
    executionArn: "arn:aws:states:us-east-1:111111111111:execution:M:e",
    stateMachineArn: "arn:aws:states:us-east-1:111111111111:stateMachine:M",
  };
  return { request, context, controller, started };
}

describe("createActivities", () => {
  it("queues a task until a worker polls, hands tasks out oldest first, and marks each started with the worker's name", async () => {
    const activities = createActivities({ clock: virtualClock({ start: 0 }) });
    const first = taskFor(ARN, "token-one-aaaaaaaa", { n: 1 });
    const second = taskFor(ARN, "token-two-bbbbbbbb", { n: 2 });
    await expect(activities.integration.invoke(first.request, first.context)).resolves.toBeNull();
    await activities.integration.invoke(second.request, second.context);
    expect(activities.pendingTasks(ARN)).toBe(2);
    await expect(activities.getActivityTask(ARN, { workerName: "w1" })).resolves.toEqual({
      taskToken: "token-one-aaaaaaaa",
      input: '{"n":1}',
    });
    expect(first.started).toEqual(["w1"]);
    await expect(activities.getActivityTask(ARN)).resolves.toEqual({
      taskToken: "token-two-bbbbbbbb",
      input: '{"n":2}',
    });
    expect(second.started).toEqual([undefined]);
    expect(activities.pendingTasks(ARN)).toBe(0);
  });

  it("answers a poll that waits as soon as a task is scheduled", async () => {
    const activities = createActivities({ clock: virtualClock({ start: 0, autoAdvance: false }) });
    const poll = activities.getActivityTask(ARN, { workerName: "early" });
    const task = taskFor(ARN, "token-early-cccccc");
    await activities.integration.invoke(task.request, task.context);
    await expect(poll).resolves.toMatchObject({ taskToken: "token-early-cccccc" });
    expect(task.started).toEqual(["early"]);
  });

  it("drops a task from the queue when it is cancelled", async () => {
    const activities = createActivities({ clock: virtualClock({ start: 0 }) });
    const task = taskFor(ARN, "token-cancel-dddddd");
    await activities.integration.invoke(task.request, task.context);
    task.controller.abort(new Error("Task timed-out"));
    expect(activities.pendingTasks(ARN)).toBe(0);
  });

  it("answers an empty poll with undefined after 60 seconds on its clock", async () => {
    const clock = virtualClock({ start: 0, autoAdvance: false });
    const activities = createActivities({ clock });
    const poll = activities.getActivityTask(ARN);
    clock.advanceBy(59_999);
    clock.advanceBy(1);
    await expect(poll).resolves.toBeUndefined();
    const task = taskFor(ARN, "token-later-eeeeee");
    await activities.integration.invoke(task.request, task.context);
    expect(activities.pendingTasks(ARN)).toBe(1);
  });

  it("ends a poll when its signal aborts, leaving later tasks queued", async () => {
    const activities = createActivities({ clock: virtualClock({ start: 0, autoAdvance: false }) });
    const controller = new AbortController();
    const poll = activities.getActivityTask(ARN, { signal: controller.signal });
    controller.abort(new Error("worker shutting down"));
    await expect(poll).rejects.toThrow("worker shutting down");
    const task = taskFor(ARN, "token-after-ffffff");
    await activities.integration.invoke(task.request, task.context);
    expect(activities.pendingTasks(ARN)).toBe(1);
  });

  it("serves only the listed activities when given a list", async () => {
    const activities = createActivities({ activities: [ARN, "other"] });
    const pattern = activities.integration.resource as RegExp;
    expect(pattern.test(ARN)).toBe(true);
    expect(pattern.test("arn:aws:states:eu-west-1:222222222222:activity:other")).toBe(true);
    expect(pattern.test("arn:aws:states:us-east-1:111111111111:activity:unknown")).toBe(false);
    await expect(
      activities.getActivityTask("arn:aws:states:us-east-1:111111111111:activity:unknown"),
    ).rejects.toMatchObject({
      name: "ActivityDoesNotExist",
    });
  });
});
