import { describe, expect, it } from "vitest";
import { createRuntime, virtualClock } from "../index.js";
import type { WrittenExecutionState } from "./execution-state.js";
import { IdTable, liveExecutionState } from "./id-table.js";

/** What a table holds does not matter to it: entries are small records here. */
interface Entry {
  readonly name: string;
}

describe("IdTable", () => {
  it("is written out as the record { [id]: value } and read back from one", () => {
    const table = new IdTable<Entry>();
    table.set("0", { name: "root" });
    table.set("12", { name: "gone" });
    table.delete("12");
    table.set("13", { name: "child" });
    expect(JSON.parse(JSON.stringify(table))).toEqual({ 0: { name: "root" }, 13: { name: "child" } });
    const read = IdTable.from(JSON.parse(JSON.stringify(table)) as Record<string, Entry>);
    expect(read.get("0")).toEqual({ name: "root" });
    expect(read.get("12")).toBeUndefined();
    expect([...read.ids()]).toEqual(["0", "13"]);
    expect(read.size).toBe(2);
    expect(IdTable.from(read)).toBe(read);
  });

  it("answers alike whether it holds its lone entry in fields or its entries in a Map", () => {
    const table = new IdTable<Entry>();
    expect([table.size, [...table.ids()], table.get("0"), table.has("0")]).toEqual([0, [], undefined, false]);
    table.set("0", { name: "first" });
    table.set("0", { name: "root" });
    expect([table.size, [...table.entries()], table.has("1")]).toEqual([1, [["0", { name: "root" }]], false]);
    table.set("5", { name: "child" });
    expect([...table.values()]).toEqual([{ name: "root" }, { name: "child" }]);
    table.delete("0");
    table.set("6", { name: "next" });
    expect([...table.ids()]).toEqual(["5", "6"]);
    expect(table.toJSON()).toEqual({ 5: { name: "child" }, 6: { name: "next" } });
    table.clear();
    expect([table.size, table.get("5"), [...table.values()]]).toEqual([0, undefined, []]);
    const lone = new IdTable<Entry>();
    lone.set("3", { name: "task" });
    lone.delete("4");
    expect(lone.get("3")).toEqual({ name: "task" });
    lone.delete("3");
    expect([lone.size, lone.toJSON()]).toEqual([0, {}]);
  });

  it("keeps an own __proto__ id as data when written out and read back", () => {
    const read = IdTable.from<number>(JSON.parse('{"__proto__":1,"7":2}') as Record<string, number>);
    expect(read.get("__proto__")).toBe(1);
    const written = read.toJSON();
    expect(Object.getPrototypeOf(written)).toBe(Object.prototype);
    expect(Object.keys(written).sort()).toEqual(["7", "__proto__"]);
  });

  it("turns a written-out execution's records into tables in place", () => {
    const timer = { frameId: "0", at: 5, purpose: "wait-state" as const };
    const written = {
      frames: { 0: { id: "0" } },
      timers: { 3: timer },
      tasks: {},
    } as unknown as WrittenExecutionState;
    const live = liveExecutionState(written);
    expect(live).toBe(written);
    expect(live.frames).toBeInstanceOf(IdTable);
    expect(live.frames.get("0")?.id).toBe("0");
    expect(live.timers.get("3")).toBe(timer);
    expect(live.tasks.size).toBe(0);
  });

  it("leaves a snapshot's tables plain records, as before there were tables", () => {
    const runtime = createRuntime({ clock: virtualClock() });
    const machine = runtime.load({
      StartAt: "Hold",
      States: { Hold: { Type: "Wait", Seconds: 60, End: true } },
    });
    const execution = runtime.start(machine, { input: {} });
    const { frames, timers } = execution.snapshot().state;
    expect(Object.getPrototypeOf(frames)).toBe(Object.prototype);
    expect(Object.keys(frames)).toEqual(["0"]);
    expect(frames["0"]?.stateName).toBe("Hold");
    expect(Object.values(timers).map((t) => t.purpose)).toEqual(["wait-state"]);
    execution.stop();
  });
});
