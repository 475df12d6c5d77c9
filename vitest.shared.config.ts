import { defineConfig } from "vitest/config";

/** Suites that need ../shared (SHARED_DIR): `npm run test:corpus`. */
export default defineConfig({
  test: {
    include: ["test/shared/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
