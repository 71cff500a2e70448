import { defineConfig } from "vitest/config";

// End-to-end tests: the built add-in in a real (headless) Chromium with a fake Office host. The build runs
// once per run (globalSetup); each file starts its own servers and browser, one file at a time.
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.e2e.ts"],
    environment: "node",
    globalSetup: ["test/e2e/support/globalSetup.ts"],
    testTimeout: 60000,
    hookTimeout: 60000,
    fileParallelism: false,
    // The JSON report is what .ci/run counts passed/failed tests from.
    reporters: ["default", "json"],
    outputFile: { json: "test-results/e2e.json" },
  },
});
