/**
 * Randomness, injected: States.UUID, States.MathRandom, $uuid, $random,
 * FULL jitter, task tokens and generated names all draw from a Random.
 */
import { formatUuidV4, secureUuidV4 } from "./uuid-v4.js";

export interface Random {
  /** A number in [0, 1). */
  next(): number;
  /** A version-4 UUID in lowercase hex. */
  uuid(): string;
}

/** Math.random and UUIDs from the operating system's secure random bytes. */
export function systemRandom(): Random {
  return { next: () => Math.random(), uuid: secureUuidV4 };
}

/**
 * A deterministic generator (sfc32 seeded through splitmix32), for tests and
 * reproducible runs: the same seed gives the same numbers and UUIDs.
 */
export function seededRandom(seed: number | string): Random {
  let state = typeof seed === "number" ? seed >>> 0 : hashString(seed);
  const splitmix = (): number => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const nextUint32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  return {
    next: () => nextUint32() / 4294967296,
    uuid: () => {
      for (let i = 0; i < 4; i++) {
        const word = nextUint32();
        seededBytes[4 * i] = word >>> 24;
        seededBytes[4 * i + 1] = word >>> 16;
        seededBytes[4 * i + 2] = word >>> 8;
        seededBytes[4 * i + 3] = word;
      }
      return formatUuidV4(seededBytes, 0);
    },
  };
}

/** Scratch room for a seeded UUID's bytes (Uint8Array stores keep the low 8 bits). */
const seededBytes = new Uint8Array(16);

function hashString(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 16777619) >>> 0;
  }
  return hash;
}
