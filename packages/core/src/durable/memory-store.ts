/**
 * An ExecutionStore in memory: the same protocol as the SQL stores (leases,
 * compare-and-swap commits, inbox, tokens), lost with the process. For tests
 * of durable behaviour and for workers that share one process.
 *
 * @example
 * const runtime = createRuntime({ store: memoryStore() });
 */
/* eslint-disable @typescript-eslint/require-await -- memory answers at once; async keeps the interface's promises and turns a throw into a rejection */
import type {
  ClaimedExecution,
  Commit,
  ExecutionStore,
  ExecutionSummary,
  InboxItem,
  ListCursor,
  MachineRecord,
  StoredEvent,
  StoredExecution,
  TokenRecord,
} from "./execution-store.js";

interface Row {
  execution: StoredExecution;
  wakeAt: number | undefined;
  leaseOwner: string | undefined;
  leaseUntil: number;
  events: StoredEvent[];
}

export function memoryStore(): ExecutionStore {
  const machines = new Map<string, MachineRecord>();
  const rows = new Map<string, Row>();
  const tokens = new Map<string, TokenRecord>();
  let inbox: InboxItem[] = [];
  let nextInboxId = 1;
  const watchers = new Set<() => void>();
  const notify = (): void => {
    for (const onDue of watchers) onDue();
  };

  const leasedTo = (row: Row, workerId: string): boolean => row.leaseOwner === workerId;

  return {
    async putMachine(machine) {
      if (!machines.has(machine.id)) machines.set(machine.id, machine);
    },
    async getMachine(id) {
      return machines.get(id);
    },
    async create(record) {
      if (rows.has(record.executionArn)) return false;
      rows.set(record.executionArn, {
        execution: Object.assign({}, record, { status: "RUNNING" as const, version: 0 }),
        wakeAt: record.startDate,
        leaseOwner: undefined,
        leaseUntil: 0,
        events: [],
      });
      notify();
      return true;
    },
    async claim(workerId, { now, leaseUntil, limit }) {
      const due = [...rows.values()]
        .filter(
          (row) =>
            row.execution.status === "RUNNING" &&
            row.wakeAt !== undefined &&
            row.wakeAt <= now &&
            (row.leaseOwner === undefined || row.leaseUntil <= now),
        )
        .sort((a, b) => (a.wakeAt ?? 0) - (b.wakeAt ?? 0))
        .slice(0, limit);
      return due.map((row): ClaimedExecution => {
        row.leaseOwner = workerId;
        row.leaseUntil = leaseUntil;
        const arn = row.execution.executionArn;
        return { execution: row.execution, inbox: inbox.filter((item) => item.executionArn === arn) };
      });
    },
    async commit(workerId, commit: Commit) {
      const row = rows.get(commit.executionArn);
      if (!row || row.execution.version !== commit.expectedVersion || !leasedTo(row, workerId)) return false;
      row.execution = Object.assign({}, row.execution, {
        state: commit.state,
        status: commit.status,
        stopDate: commit.stopDate,
        version: commit.expectedVersion + 1,
      });
      row.events.push(...commit.events);
      row.wakeAt = commit.status === "RUNNING" ? commit.wakeAt : undefined;
      if (commit.leaseUntil === undefined) {
        row.leaseOwner = undefined;
        row.leaseUntil = 0;
      } else row.leaseUntil = commit.leaseUntil;
      for (const { token, taskId } of commit.tokensIssued)
        tokens.set(token, { executionArn: commit.executionArn, taskId, ended: false });
      for (const token of commit.tokensEnded) {
        const record = tokens.get(token);
        if (record) tokens.set(token, Object.assign({}, record, { ended: true }));
      }
      if (commit.inboxApplied.length > 0) {
        const applied = new Set(commit.inboxApplied);
        inbox = inbox.filter((item) => !applied.has(item.id));
      }
      // A callback that arrived meanwhile keeps the execution due.
      if (commit.status === "RUNNING" && inbox.some((item) => item.executionArn === commit.executionArn))
        row.wakeAt = 0;
      return true;
    },
    async renew(workerId, executionArns, leaseUntil) {
      const held: string[] = [];
      for (const arn of executionArns) {
        const row = rows.get(arn);
        if (row && leasedTo(row, workerId) && row.execution.status === "RUNNING") {
          row.leaseUntil = leaseUntil;
          held.push(arn);
        }
      }
      return held;
    },
    async releaseAll(workerId) {
      for (const row of rows.values()) {
        if (row.leaseOwner === workerId) {
          row.leaseOwner = undefined;
          row.leaseUntil = 0;
        }
      }
    },
    async enqueue(executionArn, activation, now) {
      const row = rows.get(executionArn);
      if (!row || row.execution.status !== "RUNNING") return false;
      inbox.push({ id: nextInboxId++, executionArn, activation });
      row.wakeAt = Math.min(row.wakeAt ?? Infinity, now);
      notify();
      return true;
    },
    async inbox(executionArns) {
      const wanted = new Set(executionArns);
      return inbox.filter((item) => wanted.has(item.executionArn));
    },
    async findToken(token) {
      return tokens.get(token);
    },
    async describe(executionArn) {
      return rows.get(executionArn)?.execution;
    },
    async list({ stateMachineArn, status, limit, after }) {
      const matching: ExecutionSummary[] = [];
      for (const { execution } of rows.values()) {
        if (stateMachineArn !== undefined && execution.stateMachineArn !== stateMachineArn) continue;
        if (status !== undefined && execution.status !== status) continue;
        if (after !== undefined && compareListed(execution, after) >= 0) continue;
        const { executionArn, name, startDate, stopDate } = execution;
        matching.push({
          executionArn,
          stateMachineArn: execution.stateMachineArn,
          name,
          status: execution.status,
          startDate,
          stopDate,
        });
      }
      matching.sort((a, b) => compareListed(b, a));
      return limit === undefined ? matching : matching.slice(0, limit);
    },
    async history(executionArn) {
      return [...(rows.get(executionArn)?.events ?? [])];
    },
    async deleteEnded(endedBefore, limit) {
      const ended = [...rows.values()]
        .map(({ execution }) => execution)
        .filter((execution) => execution.stopDate !== undefined && execution.stopDate < endedBefore)
        .sort((a, b) => a.stopDate! - b.stopDate!)
        .slice(0, Math.max(0, limit));
      const doomed = new Set(ended.map((execution) => execution.executionArn));
      for (const arn of doomed) rows.delete(arn);
      for (const [token, record] of tokens) if (doomed.has(record.executionArn)) tokens.delete(token);
      inbox = inbox.filter((item) => !doomed.has(item.executionArn));
      return doomed.size;
    },
    watch(onDue) {
      watchers.add(onDue);
      return () => watchers.delete(onDue);
    },
    async close() {
      watchers.clear();
    },
  };
}

/** Positive when `a` is listed before `b` (newer, or as new with a greater ARN). */
function compareListed(a: ListCursor, b: ListCursor): number {
  if (a.startDate !== b.startDate) return a.startDate - b.startDate;
  return a.executionArn < b.executionArn ? -1 : a.executionArn > b.executionArn ? 1 : 0;
}
