/**
 * @stepwise/core — run Amazon States Language state machines in-process,
 * exactly like AWS Step Functions.
 */
export type { JsonValue, JsonObject, JsonArray, JsonPrimitive } from "./json.js";
export { StatesError, StatesErrorName, DefinitionError } from "./errors.js";
export type { Diagnostic, DiagnosticSeverity } from "./definition/diagnostics.js";
export type { StateMachineDefinition, StateDefinition, QueryLanguage } from "./definition/types.js";
export type { Clock, VirtualClock, VirtualClockOptions, CancelTimer } from "./clock.js";
export { systemClock, virtualClock } from "./clock.js";
export type { Random } from "./random.js";
export { systemRandom, seededRandom } from "./random.js";
export type {
  DurableRuntime,
  DurableRuntimeOptions,
  Runtime,
  RuntimeOptions,
  LoadOptions,
  StartOptions,
  StateMachine,
} from "./runtime.js";
export { createRuntime, DEFAULT_ACCOUNT, DEFAULT_REGION, DEFAULT_HISTORY_LIMIT } from "./runtime.js";
export type { InspectionData, TestStateOptions, TestStateResult, TestStateStatus } from "./test-state.js";
export type { Execution, ExecutionResult, HistoryMode, HistoryObserver } from "./execution/execution.js";
export type { ExecutionSnapshot, ExecutionStatus } from "./execution/execution-state.js";
export type { HistoryEvent, HistoryEventType } from "./execution/history-event.js";
export { TaskTokenError } from "./execution/task-tokens.js";
export type {
  ClaimedExecution,
  Commit,
  ExecutionStore,
  ExecutionSummary,
  InboxItem,
  ListCursor,
  ListFilter,
  MachineRecord,
  NewExecutionRecord,
  StoredEvent,
  StoredExecution,
  TokenRecord,
} from "./durable/execution-store.js";
export { memoryStore } from "./durable/memory-store.js";
export type {
  DurableApi,
  ExecutionDescription,
  ExecutionListItem,
  HistoryPageOptions,
  ListExecutionsOptions,
} from "./durable/durable-runtime.js";
export type { WorkOptions, Worker } from "./durable/worker.js";
export { ExecutionApiError } from "./durable/api-error.js";
export type { ExecutionApiErrorName } from "./durable/api-error.js";
export type { TaskTokenErrorName } from "./execution/task-tokens.js";
export type {
  Integration,
  TaskContext,
  TaskRequest,
  TaskInterceptor,
  TaskOutcome,
} from "./integrations/types.js";
export type { IntegrationPattern, ResourceFamily, ResourceInfo } from "./integrations/arn.js";
export { parseResource } from "./integrations/arn.js";
export type {
  MockConfig,
  MockTestCase,
  MockedResponse,
  MockedResponseSeries,
} from "./mocking/mock-config.js";
export { MockConfigError, parseMockConfig, selectTestCase } from "./mocking/mock-config.js";
export { mockInterceptor } from "./mocking/mock-interceptor.js";
export type { LambdaContext, LambdaHandler } from "./integrations/lambda-invocation.js";
export type { LambdaFunctionsOptions } from "./integrations/lambda.js";
export { lambdaFunctions } from "./integrations/lambda.js";
export type {
  Activities,
  ActivitiesOptions,
  ActivityTask,
  GetActivityTaskOptions,
} from "./integrations/activities.js";
export { createActivities } from "./integrations/activities.js";
