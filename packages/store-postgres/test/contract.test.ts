import { describeExecutionStore } from "@stepwise/testing/store-contract";
import { inject } from "vitest";
import { postgresStore } from "../src/index.js";
import { freshSchema } from "./schema-name.js";

describeExecutionStore("postgres", () =>
  postgresStore({ connectionString: inject("postgresUrl"), max: 4, schema: freshSchema() }),
);
