import { describe, expect, it } from "vitest";
import { virtualClock } from "./clock.js";

describe("virtualClock", () => {
  it("fires timers in deadline order when advanced by hand", () => {
    const clock = virtualClock({ start: 0, autoAdvance: false });
    const fired: string[] = [];
    clock.setTimer(300, () => fired.push("c"));
    clock.setTimer(100, () => fired.push("a"));
    const cancel = clock.setTimer(200, () => fired.push("cancelled"));
    clock.setTimer(200, () => fired.push("b"));
    cancel();
    clock.advanceBy(250);
    expect(fired).toEqual(["a", "b"]);
    expect(clock.now()).toBe(250);
    expect(clock.nextDeadline()).toBe(300);
  });

  it("jumps to the next deadline on its own once nothing holds it", async () => {
    const clock = virtualClock({ start: 0 });
    const release = clock.hold();
    const fired = new Promise<number>((resolve) =>
      clock.setTimer(86_400_000, () => {
        resolve(clock.now());
      }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(clock.now()).toBe(0);
    release();
    await expect(fired).resolves.toBe(86_400_000);
  });

  it("advances only once the promise chains started by a fired timer have settled", async () => {
    const clock = virtualClock({ start: 0 });
    const seen: string[] = [];
    // Each timer starts a chain of promise hops that sets the next timer at its end;
    // the clock must not move on while a chain is under way.
    const chain = (round: number): void => {
      let hops = Promise.resolve();
      for (let hop = 0; hop < 50; hop++) hops = hops.then(() => undefined);
      void hops.then(() => {
        seen.push(`chain ${round} done at ${clock.now()}`);
        if (round < 100)
          clock.setTimer(clock.now() + 1000, () => {
            chain(round + 1);
          });
      });
    };
    clock.setTimer(1500, () => seen.push("rival at 1500"));
    clock.setTimer(1000, () => {
      chain(1);
    });
    await new Promise<void>((resolve) => clock.setTimer(200_000, resolve));
    expect(seen).toHaveLength(101);
    expect(seen.slice(0, 3)).toEqual(["chain 1 done at 1000", "rival at 1500", "chain 2 done at 2000"]);
    expect(seen.at(-1)).toBe("chain 100 done at 100000");
  });

  it("lets real timers and I/O in between long runs of virtual timers", async () => {
    const clock = virtualClock({ start: 0 });
    let virtualFired = 0;
    let firedBeforeRealTimer: Promise<number> | undefined;
    const tick = (): void => {
      virtualFired++;
      // A real timer set amid the virtual ones runs before they are all done: the clock yields every few turns.
      if (virtualFired === 100)
        firedBeforeRealTimer = new Promise((resolve) =>
          setTimeout(() => {
            resolve(virtualFired);
          }, 0),
        );
      if (virtualFired < 10_000) clock.setTimer(clock.now() + 1, tick);
    };
    clock.setTimer(1, tick);
    await new Promise<void>((resolve) => clock.setTimer(20_000, resolve));
    expect(virtualFired).toBe(10_000);
    expect(await firedBeforeRealTimer).toBeLessThan(10_000);
  });
});
