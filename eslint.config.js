import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "**/dist/**",
      "**/node_modules/**",
      "**/coverage/**",
      "**/test/fixtures/**",
      "**/*.js",
      "**/*.mjs",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/switch-exhaustiveness-check": "error",
      "@typescript-eslint/restrict-template-expressions": [
        "error",
        { allowNumber: true, allowBoolean: true },
      ],
      "@typescript-eslint/no-unnecessary-condition": "off",
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/consistent-type-imports": "error",
      // Execution data is plain JSON (records keyed by id) so it can be snapshotted: entries are deleted by key.
      "@typescript-eslint/no-dynamic-delete": "off",
      "no-restricted-syntax": [
        "error",
        { selector: "TSEnumDeclaration", message: "Use an `as const` table instead of a TS enum." },
      ],
    },
  },
  {
    // Node 20's V8 gives every object made by a literal that starts with a
    // spread and goes on (`{ ...a, b }`, `{ ...a, ...b }`) a hidden class of
    // its own, so the code reading such objects misses its inline caches
    // (a 1,000-state machine ran 4× slower per state). Node 24 does not;
    // Node 20 is supported, so the code that runs per state, task or event
    // avoids the form. The stores, the CLI and the testing tools make their
    // objects once per command or commit and are left to write it.
    files: ["packages/core/src/**/*.ts", "packages/integration-events/src/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "TSEnumDeclaration", message: "Use an `as const` table instead of a TS enum." },
        {
          selector: "ObjectExpression > SpreadElement:first-child:not(:last-child)",
          message:
            "On Node 20 an object literal that starts with a spread and goes on gets a hidden class of its own: put a property first, use Object.assign({}, …) where every key is ours, or copyJsonObject (core's json.ts) for data.",
        },
      ],
    },
  },
  {
    // Test integrations are async functions that may only throw: that is the shape of an integration.
    files: ["**/*.test.ts", "**/test/**/*.ts"],
    rules: { "@typescript-eslint/require-await": "off" },
  },
);
