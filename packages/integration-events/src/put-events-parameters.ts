/**
 * From the task's evaluated parameters to the PutEvents request Step
 * Functions sends. What AWS does, as recorded (LocalStack
 * `test_events_task_service`, 2025-11-06): only `Entries` is accepted; a
 * `Detail` that is a JSON object is sent as its JSON text, a string
 * `Detail` unchanged; the state machine ARN and then the execution ARN are
 * appended to each entry's `Resources`, after the user's. The history's
 * `TaskScheduled` keeps the parameters as written: this runs after it.
 */
import type { JsonObject, JsonValue } from "@stepwise/core";
import { StatesError, StatesErrorName } from "@stepwise/core";
import type { PutEventsRequest, PutEventsRequestEntry } from "./port.js";

export interface ExecutionArns {
  readonly stateMachineArn: string;
  readonly executionArn: string;
}

const ENTRY_FIELDS: ReadonlySet<string> = new Set([
  "Detail",
  "DetailType",
  "EventBusName",
  "Resources",
  "Source",
  "Time",
  "TraceHeader",
]);

// RFC 3339 date-time, as the PutEvents `Time` member documents. Linear: no nested quantifiers.
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;

function invalid(detail: string): StatesError {
  return new StatesError(StatesErrorName.Runtime, detail);
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Builds the PutEvents request for one attempt. Throws `States.Runtime` for
 * parameters that cannot make a PutEvents request at all (a field other
 * than `Entries`, an entry that is not an object, a `Time` that is not a
 * timestamp). Everything EventBridge itself validates (missing `Source`, a
 * `Detail` that is not an object, 11 entries) is sent as is, so the answer
 * comes from EventBridge, as on AWS.
 *
 * @example
 * toPutEventsRequest({ Entries: [{ Source: "s", DetailType: "t", Detail: { a: 1 } }] }, arns);
 * // { Entries: [{ Source: "s", DetailType: "t", Detail: '{"a":1}', Resources: [arns.stateMachineArn, arns.executionArn] }] }
 */
export function toPutEventsRequest(parameters: JsonValue, arns: ExecutionArns): PutEventsRequest {
  if (!isObject(parameters)) {
    throw invalid(
      `The parameters of the putEvents task must be a JSON object with the field 'Entries', but were ${kindOf(parameters)}.`,
    );
  }
  for (const key of Object.keys(parameters)) {
    // AWS documents a single supported parameter for this integration: "Supported parameter: Entries".
    if (key !== "Entries")
      throw invalid(
        `The field '${key}' is not supported by Step Functions for putEvents: the only supported parameter is 'Entries'.`,
      );
  }
  const entries = Object.prototype.hasOwnProperty.call(parameters, "Entries")
    ? parameters["Entries"]
    : undefined;
  if (!Array.isArray(entries)) {
    throw invalid(
      `The field 'Entries' of the putEvents parameters must be an array of entries, but was ${kindOf(entries)}.`,
    );
  }
  return { Entries: entries.map((entry, index) => toEntry(entry, index, arns)) };
}

function toEntry(value: JsonValue, index: number, arns: ExecutionArns): PutEventsRequestEntry {
  if (!isObject(value))
    throw invalid(
      `Entries[${index}] of the putEvents parameters must be a JSON object, but was ${kindOf(value)}.`,
    );
  for (const key of Object.keys(value)) {
    if (!ENTRY_FIELDS.has(key)) {
      throw invalid(
        `The field '${key}' in Entries[${index}] is not a PutEventsRequestEntry field (${[...ENTRY_FIELDS].join(", ")}).`,
      );
    }
  }
  const field = (name: string): JsonValue | undefined =>
    Object.prototype.hasOwnProperty.call(value, name) ? value[name] : undefined;
  const text = (name: string): string | undefined => toText(field(name), `Entries[${index}].${name}`);
  const detail = field("Detail");
  const time = field("Time");
  const source = text("Source");
  const detailType = text("DetailType");
  const eventBusName = text("EventBusName");
  const traceHeader = text("TraceHeader");
  // The API's field order, kept for whoever reads the request; the object's
  // own hidden class (see eslint.config.js) costs little once per entry.
  return {
    // eslint-disable-next-line no-restricted-syntax
    ...(time === undefined || time === null ? {} : { Time: toTime(time, index) }),
    ...(source === undefined ? {} : { Source: source }),
    Resources: [...toResources(field("Resources"), index), arns.stateMachineArn, arns.executionArn],
    ...(detailType === undefined ? {} : { DetailType: detailType }),
    // Recorded: an object Detail arrives as its JSON text. Other non-strings
    // are sent as JSON text too, which EventBridge refuses as MalformedDetail.
    ...(detail === undefined || detail === null
      ? {}
      : { Detail: typeof detail === "string" ? detail : JSON.stringify(detail) }),
    ...(eventBusName === undefined ? {} : { EventBusName: eventBusName }),
    ...(traceHeader === undefined ? {} : { TraceHeader: traceHeader }),
  };
}

/** A string member: numbers and booleans are taken as their text (as Jackson does for a String field); null is absent. */
function toText(value: JsonValue | undefined, where: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  throw invalid(`${where} must be a string, but was ${kindOf(value)}.`);
}

function toResources(value: JsonValue | undefined, index: number): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value))
    throw invalid(`Entries[${index}].Resources must be an array of strings, but was ${kindOf(value)}.`);
  return value.map((item, i) => toText(item, `Entries[${index}].Resources[${i}]`) ?? "null");
}

/**
 * `Time` is a timestamp member: an RFC 3339 date-time string, or epoch
 * seconds as a number (the wire form). The SDK would forward a string
 * untouched and EventBridge would not read it as a time, so it is parsed here.
 */
export function toTime(value: JsonValue, index: number): Date {
  if (typeof value === "number" && Number.isFinite(value)) return new Date(value * 1000);
  if (typeof value === "string") {
    const match = RFC3339.exec(value);
    if (match && validFields(match)) {
      const millis = Date.parse(value.replace(" ", "T").toUpperCase());
      if (!Number.isNaN(millis)) return new Date(millis);
    }
  }
  throw invalid(
    `Entries[${index}].Time must be an RFC 3339 timestamp such as "2024-01-31T12:00:00Z" or epoch seconds, but was ${JSON.stringify(value)}.`,
  );
}

// Date.parse rolls 2024-02-30 over to March: refuse impossible fields instead.
function validFields(match: RegExpExecArray): boolean {
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return (
    month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59
  );
}

function kindOf(value: JsonValue | undefined): string {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `the ${typeof value} ${JSON.stringify(value)}`;
}
