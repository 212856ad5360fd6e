import { describe, expect, it } from "vitest";
import { seededRandom } from "./random.js";

describe("seededRandom", () => {
  it("repeats its numbers and UUIDs for the same seed", () => {
    const a = seededRandom("case-1");
    const b = seededRandom("case-1");
    expect([a.next(), a.uuid(), a.next()]).toEqual([b.next(), b.uuid(), b.next()]);
  });

  it("gives the UUIDs it always gave for a seed", () => {
    // Pinned before the UUIDs were written by formatUuidV4: seeded runs stay reproducible across versions.
    const random = seededRandom(42);
    expect([random.uuid(), random.uuid()]).toEqual([
      "e91d07ed-5d48-4d49-8868-4bd4e225a9c1",
      "75b82c3b-5722-489d-970c-507c83add2bc",
    ]);
  });

  it("makes version-4 UUIDs and numbers in [0, 1)", () => {
    const random = seededRandom(42);
    expect(random.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const numbers = Array.from({ length: 1000 }, () => random.next());
    expect(Math.min(...numbers)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...numbers)).toBeLessThan(1);
  });
});
