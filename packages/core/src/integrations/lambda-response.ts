/**
 * The result of an `arn:aws:states:::lambda:invoke` task: the Lambda Invoke
 * response as Step Functions hands it on, with the fields, headers and
 * their order as recorded against AWS.
 */
import type { JsonObject, JsonValue } from "../json.js";
import type { Random } from "../random.js";
import { pythonStyleJson } from "./lambda-payload.js";

export interface InvokeFacts {
  readonly requestId: string;
  /** 200 for RequestResponse, 202 for Event, 204 for DryRun. */
  readonly statusCode: number;
  /** The function's result as JSON text; empty when the call returns no payload (Event, DryRun). */
  readonly payloadText: string;
  /** `$LATEST` or a version number; only a synchronous call reports it. */
  readonly executedVersion?: string;
  /** Epoch ms of the response (its Date header). */
  readonly now: number;
  readonly traceId: string;
}

/**
 * Recorded shape: `{ ExecutedVersion, Payload, SdkHttpMetadata: {
 * AllHttpHeaders, HttpHeaders, HttpStatusCode }, SdkResponseMetadata: {
 * RequestId }, StatusCode }`, the payload parsed back from JSON (an empty
 * payload stays the empty string). The recorded Content-Length counts the
 * payload as the recorded Python functions wrote it.
 */
export function invokeResponse(facts: InvokeFacts): JsonObject {
  const payload: JsonValue = facts.payloadText === "" ? "" : (JSON.parse(facts.payloadText) as JsonValue);
  // Python-style JSON is pure ASCII: its length is its byte count.
  const contentLength = String(facts.payloadText === "" ? 0 : pythonStyleJson(facts.payloadText).length);
  const date = new Date(facts.now).toUTCString();
  const version = facts.executedVersion;
  const allHeaders: JsonObject = Object.assign(
    version === undefined ? {} : { "X-Amz-Executed-Version": [version] },
    {
      "x-amzn-Remapped-Content-Length": ["0"],
      Connection: ["keep-alive"],
      "x-amzn-RequestId": [facts.requestId],
      "Content-Length": [contentLength],
      Date: [date],
      "X-Amzn-Trace-Id": [facts.traceId],
      "Content-Type": ["application/json"],
    },
  );
  const headers: JsonObject = {
    Connection: "keep-alive",
    "Content-Length": contentLength,
    "Content-Type": "application/json",
    Date: date,
    ...(version === undefined ? {} : { "X-Amz-Executed-Version": version }),
    "x-amzn-Remapped-Content-Length": "0",
    "x-amzn-RequestId": facts.requestId,
    "X-Amzn-Trace-Id": facts.traceId,
  };
  return Object.assign(version === undefined ? {} : { ExecutedVersion: version }, {
    Payload: payload,
    SdkHttpMetadata: { AllHttpHeaders: allHeaders, HttpHeaders: headers, HttpStatusCode: facts.statusCode },
    SdkResponseMetadata: { RequestId: facts.requestId },
    StatusCode: facts.statusCode,
  });
}

/** An X-Ray trace header (`Root=1-<epoch hex>-<24 hex>;Parent=<16 hex>;Sampled=0`) drawn from the Random. */
export function traceHeader(now: number, random: Random): string {
  const hex = (random.uuid() + random.uuid()).replaceAll("-", "");
  const epoch = Math.floor(now / 1000)
    .toString(16)
    .padStart(8, "0");
  return `Root=1-${epoch}-${hex.slice(0, 24)};Parent=${hex.slice(32, 48)};Sampled=0`;
}
