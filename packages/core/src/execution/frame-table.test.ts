import { describe, expect, it } from "vitest";
import { createRuntime, virtualClock } from "../index.js";
import type { Frame, WrittenExecutionState } from "./execution-state.js";
import { FrameTable, liveExecutionState } from "./frame-table.js";

function frame(id: string, parentId?: string): Frame {
  return {
    id,
    parentId,
    scope: "",
    kind: parentId === undefined ? "root" : "iteration",
    index: undefined,
    stateName: "A",
    stateInput: {},
    enteredEventId: 0,
    enteredTime: 0,
    lastEventId: 0,
    retryCounts: [],
    variables: {},
    waiting: undefined,
    join: undefined,
    effectiveInput: undefined,
    silent: false,
    isolated: false,
  };
}

describe("FrameTable", () => {
  it("is written out as the record { [id]: frame } and read back from one", () => {
    const table = new FrameTable();
    const root = frame("0");
    const child = frame("12", "0");
    table.add(root);
    table.add(child);
    table.delete("12");
    table.add(frame("13", "0"));
    expect(JSON.parse(JSON.stringify(table))).toEqual({ 0: root, 13: frame("13", "0") });
    const read = FrameTable.from(JSON.parse(JSON.stringify(table)) as Record<string, Frame>);
    expect(read.get("0")).toEqual(root);
    expect(read.get("12")).toBeUndefined();
    expect([...read.values()].map((f) => f.id)).toEqual(["0", "13"]);
    expect(FrameTable.from(read)).toBe(read);
  });

  it("holds a frame only while that very frame is the one under its id", () => {
    const table = new FrameTable();
    const root = frame("0");
    table.add(root);
    expect(table.holds(root)).toBe(true);
    expect(table.holds(frame("0"))).toBe(false);
    table.delete("0");
    expect(table.holds(root)).toBe(false);
  });

  it("turns a written-out execution's record into a table in place", () => {
    const written = { frames: { 0: frame("0") } } as unknown as WrittenExecutionState;
    const live = liveExecutionState(written);
    expect(live).toBe(written);
    expect(live.frames).toBeInstanceOf(FrameTable);
    expect(live.frames.get("0")?.id).toBe("0");
  });

  it("leaves a snapshot's frames a plain record, as before there was a table", () => {
    const runtime = createRuntime({ clock: virtualClock() });
    const machine = runtime.load({
      StartAt: "Hold",
      States: { Hold: { Type: "Wait", Seconds: 60, End: true } },
    });
    const execution = runtime.start(machine, { input: {} });
    const frames = execution.snapshot().state.frames;
    expect(Object.getPrototypeOf(frames)).toBe(Object.prototype);
    expect(Object.keys(frames)).toEqual(["0"]);
    expect(frames["0"]?.stateName).toBe("Hold");
    execution.stop();
  });
});
