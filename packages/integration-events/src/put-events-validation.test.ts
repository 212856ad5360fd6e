import { describe, expect, it } from "vitest";
import { checkEntry, entrySize, requestError } from "./put-events-validation.js";
import type { PutEventsRequestEntry } from "./port.js";

const entry = { Source: "some.source", DetailType: "dt", Detail: '{"a":1}' };

describe("checkEntry", () => {
  it("refuses a missing or empty Source, DetailType, Detail in that order, as recorded", () => {
    expect(checkEntry({ DetailType: "dt" })).toEqual({
      kind: "failed",
      failure: {
        ErrorCode: "InvalidArgument",
        ErrorMessage: "Parameter Source is not valid. Reason: Source is a required argument.",
      },
    });
    expect(checkEntry({ Source: "s", DetailType: "" })).toEqual({
      kind: "failed",
      failure: {
        ErrorCode: "InvalidArgument",
        ErrorMessage: "Parameter DetailType is not valid. Reason: DetailType is a required argument.",
      },
    });
    expect(checkEntry({ Source: "s", DetailType: "t" })).toEqual({
      kind: "failed",
      failure: {
        ErrorCode: "InvalidArgument",
        ErrorMessage: "Parameter Detail is not valid. Reason: Detail is a required argument.",
      },
    });
  });

  it("refuses a Detail that is not a JSON object as MalformedDetail", () => {
    for (const detail of ["NotJSON", "[]", "{{}", '"NotJSON"', '"jsonstring"', "null", "1"]) {
      expect(checkEntry({ ...entry, Detail: detail })).toEqual({
        kind: "failed",
        failure: { ErrorCode: "MalformedDetail", ErrorMessage: "Detail is malformed." },
      });
    }
  });

  it("accepts a JSON object Detail and parses it, keeping a __proto__ key as data", () => {
    const checked = checkEntry({ ...entry, Detail: '{"__proto__": {"x": 1}, "b": [1]}' });
    expect(checked.kind).toBe("accepted");
    if (checked.kind !== "accepted") return;
    expect(Object.keys(checked.detail)).toEqual(["__proto__", "b"]);
    expect(Object.getPrototypeOf(checked.detail)).toBe(Object.prototype);
  });

  it("copies an entry with an own __proto__ key without taking it as the copy's prototype", () => {
    const parsed = JSON.parse(
      '{"Source":"s","DetailType":"t","Detail":"{}","__proto__":{"EventBusName":"elsewhere"}}',
    ) as PutEventsRequestEntry;
    const checked = checkEntry(parsed);
    expect(checked.kind).toBe("accepted");
    if (checked.kind !== "accepted") return;
    expect(Object.getPrototypeOf(checked.entry)).toBe(Object.prototype);
    expect(checked.entry.EventBusName).toBeUndefined();
  });
});

describe("requestError", () => {
  it("refuses more than 10 entries with the recorded ValidationException text", () => {
    const error = requestError({ Entries: Array.from({ length: 11 }, () => entry) });
    expect(error?.name).toBe("ValidationException");
    expect(error?.$metadata.httpStatusCode).toBe(400);
    const one =
      'PutEventsRequestEntry(time=null, source=some.source, resources=null, detailType=dt, detail={"a":1}, eventBusName=null, traceHeader=null, kmsKeyIdentifier=null, internalMetadata=null)';
    expect(error?.message).toBe(
      `1 validation error detected: Value '[${Array.from({ length: 11 }, () => one).join(", ")}]' at 'entries' failed to satisfy constraint: Member must have length less than or equal to 10`,
    );
    expect(requestError({ Entries: Array.from({ length: 10 }, () => entry) })).toBeUndefined();
  });

  it("refuses an empty request", () => {
    expect(requestError({ Entries: [] })?.message).toBe(
      "1 validation error detected: Value '[]' at 'entries' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  });

  it("refuses a request whose entries total 256 KB or more", () => {
    const detail = (bytes: number): string => `{"p":"${"x".repeat(bytes - 8)}"}`;
    const fits = { Source: "s", DetailType: "t", Detail: detail(262_143 - 2) };
    expect(entrySize(fits)).toBe(262_143);
    expect(requestError({ Entries: [fits] })).toBeUndefined();
    const over = { ...fits, Time: new Date(0) };
    expect(requestError({ Entries: [over] })?.message).toBe(
      "Total size of the entries in the request is over the limit.",
    );
    expect(requestError({ Entries: [over] }, 1_048_576)).toBeUndefined();
  });
});

describe("entrySize", () => {
  it("counts UTF-8 bytes of Source, DetailType, Detail and Resources, and 14 for a Time", () => {
    expect(
      entrySize({
        Source: "é",
        DetailType: "t",
        Detail: "{}",
        Resources: ["ab", "€"],
        EventBusName: "ignored",
        TraceHeader: "ignored",
      }),
    ).toBe(2 + 1 + 2 + 2 + 3);
    expect(entrySize({ Time: new Date(0) })).toBe(14);
  });
});
