/**
 * How the CLI tunes its own process for one run (never a library caller's:
 * `generate()` leaves the host's engine alone).
 *
 * A run is a short batch job: most of the generator's code (the templates,
 * tidy, prettier's document printer) runs a few thousand times and then
 * never again. V8 hands a function to its optimizing compiler once the
 * function has used up an interrupt budget (67,584 by default in Node 20), and
 * on such a run most of that compiling, on the engine's background threads,
 * is for code that is done before the optimized version could pay for itself;
 * on two cores it takes the core the tidy worker would use. A budget 12 times
 * larger leaves the compiler the functions that stay hot. Measured on the
 * cognito-idp corpus and a second service, all artifacts, cold processes
 * (2 cores, medians of 9): 1,650 → 1,280 ms, 2.95 → 2.12 s of CPU; types
 * only: 650 → 550 ms. Under --watch, where the same code runs on every edit,
 * the default is kept: there the optimized code pays.
 *
 * The output is the same either way (test/v8-tuning.test.ts).
 */
import { setFlagsFromString } from "node:v8";

/** The interrupt budget for one run (V8's `--interrupt-budget`). */
export const ONE_RUN_INTERRUPT_BUDGET = 800_000;

/** Tunes this process's engine for one run; a flag set on the command line (NODE_OPTIONS, node's own) wins. */
export function tuneForOneRun(): void {
  if (process.execArgv.some((a) => a.startsWith("--interrupt-budget")) || (process.env["NODE_OPTIONS"] ?? "").includes("--interrupt-budget")) return;
  setFlagsFromString(`--interrupt-budget=${ONE_RUN_INTERRUPT_BUDGET}`);
}
