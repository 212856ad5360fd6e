/**
 * What running (or resuming) a state produced: it exits with an output
 * (towards `next`, or the state's own Next/End), it failed, or it waits.
 */
import type { CompiledState } from "../definition/compiled.js";
import type { StatesError } from "../errors.js";
import type { JsonObject, JsonValue } from "../json.js";

export type StateOutcome =
  | {
      readonly kind: "exit";
      readonly output: JsonValue;
      /** The state to go to instead of the state's own Next (a Choice rule, a Catcher). */
      readonly next: string | undefined;
      /** That state when already at hand (a Choice rule's linked target), else looked up by name. */
      readonly nextState: CompiledState | undefined;
      /** Variables the state assigns, applied once it exits (later states see them, its own Output does not). */
      readonly assigned: JsonObject | undefined;
    }
  | {
      readonly kind: "fail";
      readonly error: StatesError;
      /** Set when a branch or iteration failed: the Parallel or Map writes its …StateFailed event unless it retries. */
      readonly childFailed?: boolean;
    }
  | { readonly kind: "blocked" };

export const BLOCKED: StateOutcome = { kind: "blocked" };

export function exitWith(
  output: JsonValue,
  next?: string,
  assigned?: JsonObject,
  nextState?: CompiledState,
): StateOutcome {
  // One shape for every exit (no optional members): this runs for nearly every state.
  return { kind: "exit", output, next, nextState, assigned };
}
