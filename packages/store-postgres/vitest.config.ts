import { defineProject, mergeConfig } from "vitest/config";
import { sharedConfig } from "../../vitest.shared.js";

export default mergeConfig(
  sharedConfig,
  defineProject({
    test: {
      name: "store-postgres",
      // One PostgreSQL server for the whole suite; each test makes its own schema in it.
      globalSetup: ["./test/global-setup.ts"],
    },
  }),
);
