import { describe, expect, it } from "vitest";
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
      log.recordState(2 * i + 1, start + i, "PassStateEntered", `Step${i}`, payload);
      log.recordState(2 * i + 2, start + i, "PassStateExited", `Step${i}`, payload);
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
