/**
 * PutEvents' own validation, as AWS answers it (eventbridge.md §2, recorded
 * in LocalStack's `test_events` snapshots unless noted): whole-request
 * errors (HTTP 400 `ValidationException`) for the number of entries and
 * their total size; per-entry errors (HTTP 200, counted in
 * `FailedEntryCount`) for a missing `Source`, `DetailType` or `Detail` and
 * for a `Detail` that is not a JSON object.
 */
import type { JsonObject, JsonValue } from "@stepwise/core";
import { EventBridgeServiceError } from "./event-bridge-errors.js";
import type { PutEventsRequest, PutEventsRequestEntry } from "./port.js";

/** The API model's bounds on `Entries`. */
export const MIN_ENTRIES = 1;
export const MAX_ENTRIES = 10;

/**
 * "The total entry size must be less than 256KB" (EventBridge user guide);
 * recorded: one 262,144-byte `Detail` is refused. AWS has since announced
 * larger events in some places: the fake takes another limit as an option.
 */
export const DEFAULT_REQUEST_SIZE_LIMIT = 262_144;

/** Bytes counted for a `Time`, whatever its value (user guide, "Calculating PutEvents event entry size"). */
const TIME_BYTES = 14;

/**
 * An entry's size as EventBridge counts it: the UTF-8 bytes of `Source`,
 * `DetailType`, `Detail` and each of `Resources`, plus 14 when `Time` is set.
 * `EventBusName` and `TraceHeader` do not count.
 */
export function entrySize(entry: PutEventsRequestEntry): number {
  let size = entry.Time === undefined ? 0 : TIME_BYTES;
  for (const text of [entry.Source, entry.DetailType, entry.Detail]) {
    if (text !== undefined) size += Buffer.byteLength(text, "utf8");
  }
  for (const resource of entry.Resources ?? []) size += Buffer.byteLength(resource, "utf8");
  return size;
}

/** The whole-request error for this request, if any: checked before any entry is looked at. */
export function requestError(
  request: PutEventsRequest,
  sizeLimit: number = DEFAULT_REQUEST_SIZE_LIMIT,
): EventBridgeServiceError | undefined {
  const entries = request.Entries;
  if (entries.length < MIN_ENTRIES || entries.length > MAX_ENTRIES) {
    // Recorded for 11 entries: the value is the Java rendering of the whole list.
    const bound =
      entries.length < MIN_ENTRIES
        ? `greater than or equal to ${MIN_ENTRIES}`
        : `less than or equal to ${MAX_ENTRIES}`;
    return validationError(
      `1 validation error detected: Value '[${entries.map(javaEntryText).join(", ")}]' at 'entries' failed to satisfy constraint: Member must have length ${bound}`,
    );
  }
  const total = entries.reduce((sum, entry) => sum + entrySize(entry), 0);
  if (total >= sizeLimit)
    return validationError("Total size of the entries in the request is over the limit.");
  return undefined;
}

function validationError(message: string): EventBridgeServiceError {
  return new EventBridgeServiceError("ValidationException", message, { statusCode: 400 });
}

/** A per-entry failure, as it appears in the response. */
export interface EntryFailure {
  readonly ErrorCode: string;
  readonly ErrorMessage: string;
}

const required = (field: string): EntryFailure => ({
  ErrorCode: "InvalidArgument",
  ErrorMessage: `Parameter ${field} is not valid. Reason: ${field} is a required argument.`,
});

const MALFORMED_DETAIL: EntryFailure = { ErrorCode: "MalformedDetail", ErrorMessage: "Detail is malformed." };

/** A valid entry, with its `Detail` parsed. */
export interface AcceptedEntry {
  readonly kind: "accepted";
  readonly entry: PutEventsRequestEntry & {
    readonly Source: string;
    readonly DetailType: string;
    readonly Detail: string;
  };
  readonly detail: JsonObject;
}

export interface RefusedEntry {
  readonly kind: "failed";
  readonly failure: EntryFailure;
}

/**
 * Checks one entry in AWS's order: `Source`, `DetailType`, `Detail`
 * present and non-empty, then `Detail` a JSON object (recorded refusals:
 * `"NotJSON"`, `"[]"`, `"{{}"`, `"\"NotJSON\""`).
 */
export function checkEntry(entry: PutEventsRequestEntry): AcceptedEntry | RefusedEntry {
  const { Source, DetailType, Detail } = entry;
  if (Source === undefined || Source === "") return refused(required("Source"));
  if (DetailType === undefined || DetailType === "") return refused(required("DetailType"));
  if (Detail === undefined || Detail === "") return refused(required("Detail"));
  let parsed: JsonValue;
  try {
    // JSON.parse defines keys as own properties, `__proto__` included: no prototype is touched.
    parsed = JSON.parse(Detail) as JsonValue;
  } catch {
    return refused(MALFORMED_DETAIL);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    return refused(MALFORMED_DETAIL);
  return {
    kind: "accepted",
    // A caller's entry: a spread defines its keys as data (an own `__proto__`
    // stays a key), where Object.assign would make that the copy's prototype
    // and let its fields pass for the entry's. Once per entry; see eslint.config.js.
    // eslint-disable-next-line no-restricted-syntax
    entry: { ...entry, Source, DetailType, Detail },
    detail: parsed,
  };
}

function refused(failure: EntryFailure): RefusedEntry {
  return { kind: "failed", failure };
}

/** How AWS prints an entry inside a validation message: Lombok's `toString` of the Java model. */
function javaEntryText(entry: PutEventsRequestEntry): string {
  const text = (value: string | undefined): string => value ?? "null";
  const time = entry.Time === undefined ? "null" : entry.Time.toISOString().replace(".000Z", "Z");
  const resources = entry.Resources === undefined ? "null" : `[${entry.Resources.join(", ")}]`;
  return (
    `PutEventsRequestEntry(time=${time}, source=${text(entry.Source)}, resources=${resources}, ` +
    `detailType=${text(entry.DetailType)}, detail=${text(entry.Detail)}, eventBusName=${text(entry.EventBusName)}, ` +
    `traceHeader=${text(entry.TraceHeader)}, kmsKeyIdentifier=null, internalMetadata=null)`
  );
}
