/**
 * Rows as pg hands them over, and the store records made of them. BIGINT
 * columns (epoch milliseconds, inbox ids) arrive as strings, pg not risking
 * numbers past 2^53: no time or id of ours comes near it, so Number() is exact.
 */
import type {
  ExecutionStatus,
  ExecutionSummary,
  InboxItem,
  MachineRecord,
  StoredExecution,
} from "@stepwise/core";

export interface MachineRow {
  readonly id: string;
  readonly name: string;
  readonly arn: string;
  readonly definition: string;
  readonly allow_unserved: boolean;
}

export interface SummaryRow {
  readonly execution_arn: string;
  readonly state_machine_arn: string;
  readonly name: string;
  readonly status: ExecutionStatus;
  readonly start_date: string;
  readonly stop_date: string | null;
}

export interface ExecutionRow extends SummaryRow {
  readonly machine_id: string;
  readonly version: number;
  readonly state: string;
}

export interface InboxRow {
  readonly id: string;
  readonly execution_arn: string;
  readonly activation: string;
}

export const summaryColumns = "execution_arn, state_machine_arn, name, status, start_date, stop_date";
export const executionColumns = `${summaryColumns}, machine_id, version, state`;

export function toMachine(row: MachineRow): MachineRecord {
  return {
    id: row.id,
    name: row.name,
    arn: row.arn,
    definition: row.definition,
    allowUnservedResources: row.allow_unserved,
  };
}

export function toSummary(row: SummaryRow): ExecutionSummary {
  return {
    executionArn: row.execution_arn,
    stateMachineArn: row.state_machine_arn,
    name: row.name,
    status: row.status,
    startDate: Number(row.start_date),
    stopDate: row.stop_date === null ? undefined : Number(row.stop_date),
  };
}

export function toExecution(row: ExecutionRow): StoredExecution {
  return { ...toSummary(row), machineId: row.machine_id, version: row.version, state: row.state };
}

export function toInboxItem(row: InboxRow): InboxItem {
  return { id: Number(row.id), executionArn: row.execution_arn, activation: row.activation };
}
