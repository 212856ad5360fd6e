import { describe, expect, it } from "vitest";
import { eventHead } from "./history-event.js";
import { HistoryLog } from "./history-log.js";
import { outputDetails } from "./step-session.js";

describe("HistoryLog", () => {
  it("writes every event of a long history in order, across its chunks", () => {
    const log = new HistoryLog();
    const start = Date.UTC(2026, 0, 1);
    log.record(0, start, "ExecutionStarted");
    // 1,500 Pass states: 3,000 events, each step a millisecond later.
    for (let i = 0; i < 1500; i++) {
      const payload = { index: i };
      log.recordHeaded(2 * i + 1, start + i, eventHead("PassStateEntered", `Step${i}`, "input"), payload);
      log.recordHeaded(2 * i + 2, start + i, eventHead("PassStateExited", `Step${i}`, "output"), payload);
    }
    log.record(3001, start + 1500, "ExecutionSucceeded", outputDetails({ done: true }));
    expect(log.length).toBe(3002);

    const events = log.write(1);
    expect(events).toHaveLength(3002);
    expect(events.map((event) => event.id)).toEqual(Array.from({ length: 3002 }, (_, i) => i + 1));
    expect(events.every((event, i) => event.previousEventId === i)).toBe(true);
    // Events 1,024 and 1,025 sit on either side of the first chunk's end.
    for (const at of [1, 1023, 1024, 1025, 2048, 3000]) {
      const event = events[at]!;
      const step = Math.floor((at - 1) / 2);
      expect(event.type).toBe(at % 2 === 1 ? "PassStateEntered" : "PassStateExited");
      const details = (event.stateEnteredEventDetails ?? event.stateExitedEventDetails) as {
        name: string;
        input?: string;
        output?: string;
      };
      expect(details.name).toBe(`Step${step}`);
      expect(details.input ?? details.output).toBe(JSON.stringify({ index: step }));
      expect(event.timestamp).toBe(new Date(start + step).toISOString());
    }
    expect(events[3001]).toMatchObject({
      type: "ExecutionSucceeded",
      executionSucceededEventDetails: { output: '{"done":true}' },
    });
  });

  it("keeps every exception to the predictable times and previous ids, however many", () => {
    const log = new HistoryLog();
    // Each event at a time of its own and after an event other than the one before it, as a
    // Map state's iterations interleave: 6,000 of each exception, past a chunk of them.
    for (let i = 0; i < 6000; i++) log.record(i % 7, 1000 * i, "MapIterationStarted");
    const events = log.write(1);
    expect(events.every((event, i) => event.previousEventId === i % 7)).toBe(true);
    expect(events.every((event, i) => event.timestamp === new Date(1000 * i).toISOString())).toBe(true);
  });

  it("keeps the first exception apart from the rest, and the second after it", () => {
    // A resumed execution's log: its first event follows event 12, not event 0.
    const log = new HistoryLog();
    log.record(12, 5, "WaitStateExited");
    log.record(13, 5, "PassStateEntered");
    log.record(13, 9, "PassStateExited");
    expect(log.write(14).map(({ previousEventId, timestamp }) => ({ previousEventId, timestamp }))).toEqual([
      { previousEventId: 12, timestamp: new Date(5).toISOString() },
      { previousEventId: 13, timestamp: new Date(5).toISOString() },
      { previousEventId: 13, timestamp: new Date(9).toISOString() },
    ]);
  });

  it("writes a Map iteration's events from their head and index", () => {
    const log = new HistoryLog();
    const started = eventHead("MapIterationStarted", "EachItem", "index");
    log.recordHeaded(0, 0, started, 0);
    log.recordHeaded(1, 0, eventHead("MapIterationSucceeded", "EachItem", "index"), 0);
    log.recordHeaded(1, 0, started, 1);
    expect(log.write(1).map((event) => Object.entries(event)[4])).toEqual([
      ["mapIterationStartedEventDetails", { name: "EachItem", index: 0 }],
      ["mapIterationSucceededEventDetails", { name: "EachItem", index: 0 }],
      ["mapIterationStartedEventDetails", { name: "EachItem", index: 1 }],
    ]);
  });

  it("starts afresh once cleared", () => {
    const log = new HistoryLog();
    for (let i = 0; i < 2000; i++) log.record(i, 0, "PassStateEntered");
    log.clear();
    log.record(5, 10, "WaitStateExited");
    expect(log.write(7)).toEqual([
      {
        id: 7,
        previousEventId: 5,
        timestamp: new Date(10).toISOString(),
        type: "WaitStateExited",
        stateExitedEventDetails: {},
      },
    ]);
  });
});
