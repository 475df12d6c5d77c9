/**
 * How the CLI tunes the engine it runs on: its own process for one run, or
 * (--watch) the process it starts to watch (never a library caller's:
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
 * Under --watch, the process runs again with a larger young generation
 * (watchTuned): every edit's run allocates some 65 MB, most of it live until
 * the run ends, which V8's default semi-space (16 MB) copies through four or
 * five scavenges in the middle of the run and promotes to the old generation.
 * With 96 MB, a run's allocations fit in the young generation, and watch.ts
 * collects it between runs (gc exposed), when little of it lives. V8 reads the
 * size only when it starts, hence a new process. The watching process's
 * memory (RSS) on the corpus: 228 → 547 MB. An edit, from the write to the
 * new output (one schema edited 25 times, medians, three alternated runs of
 * each build), with this and the other --watch changes of the same commits
 * (watch.ts, file-state.ts): 144, 137, 153 ms before, 114, 97, 96 ms after.
 * A semi-space size given to node (NODE_OPTIONS) keeps the watch in the first
 * process, with that size.
 *
 * The output is the same either way (test/v8-tuning.test.ts).
 */
import { spawn } from "node:child_process";
import { url as inspectorUrl } from "node:inspector";
import { setFlagsFromString } from "node:v8";

/** The interrupt budget for one run (V8's `--interrupt-budget`). */
export const ONE_RUN_INTERRUPT_BUDGET = 800_000;

/** Tunes this process's engine for one run; a flag set on the command line (NODE_OPTIONS, node's own) wins. */
export function tuneForOneRun(): void {
  if (process.execArgv.some((a) => a.startsWith("--interrupt-budget")) || (process.env["NODE_OPTIONS"] ?? "").includes("--interrupt-budget")) return;
  setFlagsFromString(`--interrupt-budget=${ONE_RUN_INTERRUPT_BUDGET}`);
}

/** The young generation's semi-space under --watch, in MB (V8's default is 16 at most). */
export const WATCH_SEMI_SPACE_MB = 96;

/** Set in the environment of the process watchTuned starts: it watches itself. */
const TUNED = "COGNITO_CODEGEN_WATCH_TUNED";

/** Whether a semi-space size was given to node already (its own flags, NODE_OPTIONS): that one wins. */
function semiSpaceGiven(): boolean {
  return [...process.execArgv, process.env["NODE_OPTIONS"] ?? ""].some((a) => a.includes("semi-space-size"));
}

/**
 * Under --watch: runs this command again in a process with a larger young generation, its output
 * and input this one's, and resolves with its exit code; SIGINT, SIGTERM and SIGHUP are passed on,
 * and it stops when this process goes (its IPC channel closes). Undefined where this process should
 * watch itself: it is that process, a semi-space size was given, it runs under a debugger, or no
 * process could be started.
 */
export function watchTuned(): Promise<number | undefined> {
  if (process.env[TUNED] === "1") {
    // the process watchTuned started: it stops when its parent goes, and the channel keeps nothing alive
    process.channel?.unref();
    process.once("disconnect", () => process.kill(process.pid, "SIGTERM"));
    return Promise.resolve(undefined);
  }
  const script = process.argv[1];
  // under a debugger (--inspect…, however given), the process it is attached to watches: a second one would not be the one debugged
  if (semiSpaceGiven() || inspectorUrl() !== undefined || script === undefined) return Promise.resolve(undefined);
  const size = `${WATCH_SEMI_SPACE_MB}`;
  // gc exposed: watch.ts collects the young generation between runs, when it is cheap
  const args = [...process.execArgv, `--max-semi-space-size=${size}`, `--min-semi-space-size=${size}`, "--expose-gc", script, ...process.argv.slice(2)];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ["inherit", "inherit", "inherit", "ipc"], env: { ...process.env, [TUNED]: "1" } });
    const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
    const pass = (signal: NodeJS.Signals): void => void child.kill(signal);
    let started = false;
    child.once("spawn", () => {
      started = true;
      for (const s of signals) process.on(s, pass);
    });
    // not started at all (no such executable, no resources): this process watches
    child.once("error", () => {
      if (!started) resolve(undefined);
    });
    child.once("exit", (code, signal) => {
      for (const s of signals) process.removeListener(s, pass);
      resolve(code ?? (signal === null ? 1 : 128 + (SIGNAL_NUMBERS[signal] ?? 0)));
    });
  });
}

/** Exit codes of a process ended by a signal, as a shell reports them (128 + the signal's number). */
const SIGNAL_NUMBERS: Readonly<Partial<Record<NodeJS.Signals, number>>> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };
