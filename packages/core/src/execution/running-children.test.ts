import { describe, expect, it } from "vitest";
import { RunningChildren } from "./running-children.js";

describe("RunningChildren", () => {
  it("keeps start order whether one or many children run", () => {
    const running = new RunningChildren();
    running.add("4");
    expect(running.ids()).toEqual(["4"]);
    running.add("7");
    running.add("9");
    running.delete("7");
    running.add("12");
    expect(running.ids()).toEqual(["4", "9", "12"]);
    expect(running.size).toBe(3);
    for (const id of running.ids()) running.delete(id);
    expect(running.size).toBe(0);
    running.add("15");
    expect(running.ids()).toEqual(["15"]);
  });

  it("is written out as the array of ids and read back from it", () => {
    const running = new RunningChildren(["3", "5"]);
    running.delete("3");
    running.add("8");
    const written = JSON.parse(JSON.stringify({ running })) as { running: string[] };
    expect(written.running).toEqual(["5", "8"]);
    const live = RunningChildren.from(written.running);
    expect(live.ids()).toEqual(["5", "8"]);
    expect(RunningChildren.from(live)).toBe(live);
    expect(new RunningChildren().toJSON()).toEqual([]);
  });
});
