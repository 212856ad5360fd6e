/**
 * Errors of the durable runtime's execution API, named as AWS Step
 * Functions names them (StartExecution, DescribeExecution, StopExecution,
 * GetExecutionHistory, ListExecutions).
 */
export type ExecutionApiErrorName =
  "ExecutionDoesNotExist" | "ExecutionAlreadyExists" | "InvalidToken" | "ValidationException";

export class ExecutionApiError extends Error {
  override readonly name: ExecutionApiErrorName;

  constructor(name: ExecutionApiErrorName, message: string) {
    super(message);
    this.name = name;
  }
}
