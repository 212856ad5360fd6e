import { describe, expect, it } from "vitest";
import { compileMachine } from "./compile.js";
import type { StateMachineDefinition } from "./types.js";

describe("compileMachine", () => {
  it("links each state to the state its Next names (a Choice its rules' and Default's), and each scope to its first state", () => {
    const definition = {
      StartAt: "Loop",
      States: {
        Loop: { Type: "Pass", Next: "Check" },
        Check: {
          Type: "Choice",
          Choices: [{ Variable: "$.done", BooleanEquals: true, Next: "Done" }],
          Default: "Loop",
        },
        Done: { Type: "Succeed" },
      },
    } as unknown as StateMachineDefinition;
    const { machine, diagnostics } = compileMachine(definition);
    expect(diagnostics).toEqual([]);
    const root = machine!.scopes.get("")!;
    const [loop, check, done] = ["Loop", "Check", "Done"].map((name) => root.states.get(name)!);
    expect(root.startState).toBe(loop);
    expect(loop!.nextState).toBe(check);
    // A Choice has no Next of its own: its rules and its Default are linked instead.
    expect(check!.nextState).toBeUndefined();
    const choice = check!.type === "Choice" ? check : undefined;
    expect(choice?.choices[0]?.nextState).toBe(done);
    expect(choice?.defaultState).toBe(loop);
    expect(done!.nextState).toBeUndefined();
    expect(Object.isFrozen(loop)).toBe(true);
  });
});
