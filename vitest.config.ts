import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    exclude: ["test/e2e/**", "node_modules/**"],
    environment: "node",
    testTimeout: 30000,
    // The JSON report is what .ci/run counts passed/failed tests from.
    reporters: ["default", "json"],
    outputFile: { json: "test-results/unit.json" },
  },
});
