import { describe, expect, it } from "vitest";
import { formatUuidV4, secureUuidV4 } from "./uuid-v4.js";

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("formatUuidV4", () => {
  it("writes the bytes as hex, with the version and variant bits set over theirs", () => {
    expect(formatUuidV4(new Uint8Array(16), 0)).toBe("00000000-0000-4000-8000-000000000000");
    expect(formatUuidV4(new Uint8Array(16).fill(0xff), 0)).toBe("ffffffff-ffff-4fff-bfff-ffffffffffff");
    // i × 17, kept to its low byte: …, 0xee, 0xff, 0x10, 0x21, ….
    const bytes = Uint8Array.from({ length: 20 }, (_, i) => (i * 17) & 0xff);
    expect(formatUuidV4(bytes, 4)).toBe("44556677-8899-4abb-8cdd-eeff10213243");
  });
});

describe("secureUuidV4", () => {
  it("makes distinct version-4 UUIDs, past a refill of its pool of random bytes", () => {
    const uuids = Array.from({ length: 1000 }, () => secureUuidV4());
    expect(uuids.every((uuid) => UUID_V4.test(uuid))).toBe(true);
    expect(new Set(uuids).size).toBe(1000);
  });
});
