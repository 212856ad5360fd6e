import { randomUUID } from "node:crypto";

/** A schema nobody else uses: each test gets its own tables on the shared server. */
export function freshSchema(): string {
  return `t_${randomUUID().replaceAll("-", "")}`;
}
