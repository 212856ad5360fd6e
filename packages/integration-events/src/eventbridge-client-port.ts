/**
 * A real `EventBridgeClient` (AWS SDK for JavaScript v3) behind the port.
 * The SDK is an optional peer dependency: only its types are imported
 * statically, and the command class is loaded when the first call is made,
 * so users of the fake bus never need the SDK installed.
 */
import type {
  EventBridgeClient,
  PutEventsCommandInput,
  PutEventsResultEntry as SdkResultEntry,
} from "@aws-sdk/client-eventbridge";
import type { EventBridgePort, PutEventsRequest, PutEventsResultEntry } from "./port.js";

/**
 * Adapts a configured `EventBridgeClient` (region, credentials, endpoint,
 * retries are the client's business) to the port. The task's abort signal
 * is passed as the SDK's `abortSignal`; the result keeps `Entries` and
 * `FailedEntryCount` only (no `$metadata`). Service and network errors are
 * rethrown as the SDK raised them, for `mapEventBridgeError`.
 *
 * @example
 * import { EventBridgeClient } from "@aws-sdk/client-eventbridge";
 * const client = new EventBridgeClient({ region: "eu-west-1" });
 * const runtime = createRuntime({ integrations: [putEventsIntegration(fromEventBridgeClient(client))] });
 */
export function fromEventBridgeClient(client: EventBridgeClient): EventBridgePort {
  return {
    async putEvents(request, options = {}) {
      const { PutEventsCommand } = await import("@aws-sdk/client-eventbridge");
      const output = await client.send(
        new PutEventsCommand(toCommandInput(request)),
        options.signal ? { abortSignal: options.signal } : {},
      );
      return {
        Entries: (output.Entries ?? []).map(toResultEntry),
        FailedEntryCount: output.FailedEntryCount ?? 0,
      };
    },
  };
}

/** The SDK's input shape: mutable arrays, no `undefined` members. */
export function toCommandInput(request: PutEventsRequest): PutEventsCommandInput {
  return {
    // `rest` is a new object already; only the key Resources is assigned to it.
    Entries: request.Entries.map(({ Resources, ...rest }) =>
      Resources === undefined ? rest : Object.assign(rest, { Resources: [...Resources] }),
    ),
    ...(request.EndpointId === undefined ? {} : { EndpointId: request.EndpointId }),
  };
}

function toResultEntry(entry: SdkResultEntry): PutEventsResultEntry {
  return Object.assign(
    {},
    entry.EventId === undefined ? {} : { EventId: entry.EventId },
    entry.ErrorCode === undefined ? {} : { ErrorCode: entry.ErrorCode },
    entry.ErrorMessage === undefined ? {} : { ErrorMessage: entry.ErrorMessage },
  );
}
