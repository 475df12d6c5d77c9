import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // suites that need ../shared (the corpus, the JSON Schema Test Suite) are run by their own scripts
    exclude: ["test/shared/**", "node_modules/**"],
    // the CLI runs from dist/: built once from the current sources
    globalSetup: ["test/build-dist.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
