import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

/**
 * Projects: pure core logic once; every server test file twice, on PGlite and on PostgreSQL
 * (FAZHI_TEST_DB tells the test helper which); web components in jsdom; browser tests against the built app; the
 * README's commands.
 */
const server = (db: "pglite" | "postgres") => ({
  test: {
    name: `server-${db}`,
    include: ["src/server/**/*.test.ts"],
    env: { FAZHI_TEST_DB: db },
    globalSetup: ["src/server/test/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    // test files run two at a time even on a 2-core machine (Vitest's default there is one): the tests wait on
    // PostgreSQL, PGlite, the product's server and Chromium much of the time; the whole suite takes half as long
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      {
        test: {
          name: "core",
          include: ["src/core/**/*.test.ts", "src/shared/**/*.test.ts", "src/cli/**/*.test.ts"],
          testTimeout: 30_000,
        },
      },
      server("pglite"),
      server("postgres"),
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.test.ts"],
          exclude: ["e2e/readme.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      // the README's commands, the benchmarks among them, run on their own: beside a browser test they starved it
      {
        test: {
          name: "readme",
          include: ["e2e/readme.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
