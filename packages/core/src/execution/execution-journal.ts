/**
 * How a durable execution hands its steps to a store: the Execution steps
 * what is queued, gives the batch to its journal, and carries out the
 * commands only once the journal has committed it.
 */
import type { Activation } from "./activation.js";
import type { ExecutionState } from "./execution-state.js";
import type { HistoryEvent } from "./history-event.js";

/** What one commit of a durable execution holds: the steps applied since the last one. */
export interface StepBatch {
  /** The live state: a journal serializes it before it first awaits. */
  readonly state: ExecutionState;
  readonly events: readonly HistoryEvent[];
  readonly activations: readonly Activation[];
  /** Code runs for this execution in this process (a task being invoked): it cannot be parked. */
  readonly busy: boolean;
}

/**
 * Where a durable execution commits its steps. "hold": go on here; "park":
 * committed, but the execution leaves this process until it is due again;
 * "lost": not committed (another worker has it), stop advancing it.
 */
export interface ExecutionJournal {
  commit(batch: StepBatch): Promise<"hold" | "park" | "lost">;
}
