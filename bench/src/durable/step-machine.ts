/**
 * The durable benchmark's execution: ten Task states in a row, each served
 * at once by a local integration, so that every state is one committed step
 * and the figures measure the store and the worker, not the work.
 */
import type { Integration } from "@stepwise/core";

export const STEPS = 10;
const RESOURCE = "arn:aws:states:::bench:step";

export const benchTask: Integration = {
  resource: RESOURCE,
  patterns: ["request-response"],
  invoke(request) {
    return Promise.resolve(request.parameters);
  },
};

export function stepMachine(): object {
  const states: Record<string, object> = {};
  for (let i = 1; i <= STEPS; i++) {
    states[`Step${String(i)}`] = {
      Type: "Task",
      Resource: RESOURCE,
      Parameters: { "count.$": "States.MathAdd($.count, 1)" },
      ...(i === STEPS ? { End: true } : { Next: `Step${String(i + 1)}` }),
    };
  }
  return { StartAt: "Step1", States: states };
}
