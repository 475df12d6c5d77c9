/**
 * `--watch`: a run, then another whenever a schema file or the config
 * changes (debounced), until SIGINT or SIGTERM.
 *
 * Each folder is watched on its own (fs.watch, not recursive: that one would
 * also watch node_modules and dot-folders, which inputs skip), and the set
 * of folders is brought up to date after every change, so new folders are
 * seen. Only input files count: `.json`, `.yaml`, `.yml` that are not dot-files
 * (the generator's own manifests and temporary files are), and the config.
 * A run that fails writes nothing: the last good output stays, the error is
 * printed, and the next change runs again.
 */
import { existsSync, readdirSync, statSync, watch, type FSWatcher } from "node:fs";
import path from "node:path";
import { CONFIG_FILE } from "./config.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import { Printer, runOnce, type RunMemory, type Settings } from "./run.js";

/**
 * Silent runs after the first one, before "waiting for changes", until WARM_RUNS or WARM_MS: the
 * engine's compiler settles on the stages' code over some tens of runs. On the corpus, the median of
 * the first five edits of a session (six sessions each, alternated): 135 ms after 15 runs, 119 ms
 * after 40 (about 2.5 s of warming; earlier, the first five after 5 runs took ~150 ms each). WARM_MS
 * bounds it for large inputs, whose runs are slower. A change stops them: they delay no edit.
 */
const WARM_RUNS = 40;
const WARM_MS = 4_000;

/** How long a burst of changes (an editor's save is several writes) settles before a run. */
export const DEBOUNCE_MS = 10;
const INPUT = /\.(?:json|ya?ml)$/;
const SKIPPED = new Set(["node_modules"]);
const SIBLINGS = new Set(["openapi.yaml", "openapi.yml", "openapi.json"]);

/** A folder to watch and which of its entries count. */
interface Watched {
  readonly dir: string;
  readonly counts: (name: string) => boolean;
}

function folders(root: string, out: string[] = []): string[] {
  out.push(root);
  let entries;
  try {
    entries = readdirSync(root, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) if (e.isDirectory() && !e.name.startsWith(".") && !SKIPPED.has(e.name)) folders(path.join(root, e.name), out);
  return out;
}

/** The folders to watch for a run's inputs and config. */
function targets(cwd: string, inputs: readonly string[], config: string | undefined): Watched[] {
  const list: Watched[] = [];
  const names = new Set([CONFIG_FILE, "package.json"]);
  list.push({ dir: cwd, counts: (n) => names.has(n) });
  if (config !== undefined) list.push({ dir: path.dirname(config), counts: (n) => n === path.basename(config) });
  for (const input of inputs) {
    let isFile = false;
    try {
      isFile = statSync(input).isFile();
    } catch {
      // not there (yet): its folder is watched for it
      list.push({ dir: path.dirname(input), counts: (n) => n === path.basename(input) });
      continue;
    }
    if (isFile) {
      list.push({ dir: path.dirname(input), counts: (n) => n === path.basename(input) });
      continue;
    }
    for (const dir of folders(input)) list.push({ dir, counts: (n) => !n.startsWith(".") && INPUT.test(n) });
    if (path.basename(input) === "json-schema") list.push({ dir: path.dirname(input), counts: (n) => SIBLINGS.has(n) });
  }
  return list;
}

/** Watches folders; `sync` makes the set of watchers match the targets. */
class Watchers {
  private readonly open = new Map<string, { watcher: FSWatcher; counts: ((n: string) => boolean)[] }>();
  constructor(private readonly onChange: (file: string) => void) {}

  sync(wanted: readonly Watched[]): void {
    const byDir = new Map<string, ((n: string) => boolean)[]>();
    for (const w of wanted) {
      if (!existsSync(w.dir)) continue;
      byDir.set(w.dir, [...(byDir.get(w.dir) ?? []), w.counts]);
    }
    for (const [dir, entry] of this.open) {
      if (byDir.has(dir)) continue;
      entry.watcher.close();
      this.open.delete(dir);
    }
    for (const [dir, counts] of byDir) {
      const existing = this.open.get(dir);
      if (existing) {
        existing.counts = counts;
        continue;
      }
      try {
        const entry = { watcher: undefined as unknown as FSWatcher, counts };
        entry.watcher = watch(dir, { persistent: true }, (_event, name) => {
          if (name === null) return;
          const base = name.toString();
          const full = path.join(dir, base);
          // a new folder below an input folder is watched from now on
          let isDir = false;
          try {
            isDir = statSync(full).isDirectory();
          } catch {
            // removed
          }
          if (isDir || entry.counts.some((c) => c(base))) this.onChange(full);
        });
        entry.watcher.on("error", () => {
          entry.watcher.close();
          this.open.delete(dir);
        });
        this.open.set(dir, entry);
      } catch {
        // the folder went away between listing and watching: the next sync sees it
      }
    }
  }

  close(): void {
    for (const { watcher } of this.open.values()) watcher.close();
    this.open.clear();
  }
}

/** A garbage collection (the young generation alone, or all), where the engine's `gc` is exposed (the tuned watching process); else nothing. */
function collect(young: boolean): void {
  const gc = (globalThis as { gc?: (options?: { type: "minor" }) => void }).gc;
  if (young) gc?.({ type: "minor" });
  else gc?.();
}

/** Runs, then runs again on every change, until SIGINT/SIGTERM: resolves with exit code 0 then. */
export function watchAndRun(settings: Settings, out: Printer, err: Printer, signals: NodeJS.EventEmitter = process): Promise<ExitCode> {
  return new Promise((resolve) => {
    const changed = new Set<string>();
    // what one run leaves for the next: formatted chunks, parsed input files, the output files found (an edit redoes only what it touches)
    const memory: RunMemory = { chunks: new Map(), inputs: new Map(), outputs: new Map() };
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<void> | undefined;
    let again = false;
    let stopping = false;
    const watchers = new Watchers((file) => {
      if (stopping) return;
      changed.add(file);
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void start(), DEBOUNCE_MS);
    });

    const once = async (reason: string | undefined, then?: () => Promise<void>): Promise<void> => {
      const started = performance.now();
      if (reason !== undefined) out.line(out.paint("cyan", `[watch] ${reason}`));
      const outcome = await runOnce(settings, out, err, memory);
      const ms = Math.round(performance.now() - started);
      watchers.sync(targets(settings.cwd, outcome.inputs, outcome.config));
      if (then) await then();
      if (outcome.code === EXIT.ok) out.line(out.paint("cyan", `[watch] ${reason === undefined ? "generated" : "regenerated"} in ${ms} ms; waiting for changes (Ctrl-C stops)`));
      else err.line(err.paint("yellow", `[watch] failed after ${ms} ms; the last good output is kept. Waiting for a fix…`));
      // the run's garbage collected now, while little else lives and nothing waits: the next run starts
      // with its young generation empty (exposed in the tuned process, v8-tuning.ts)
      setImmediate(() => collect(true));
    };

    const start = async (): Promise<void> => {
      timer = undefined;
      if (stopping) return;
      if (running) {
        again = true;
        return;
      }
      const files = [...changed].map((f) => path.relative(settings.cwd, f) || f).sort();
      changed.clear();
      const shown = files.slice(0, 3).join(", ");
      running = once(`changed: ${shown}${files.length > 3 ? ` and ${files.length - 3} more` : ""}`);
      await running;
      running = undefined;
      if (again) {
        again = false;
        if (changed.size > 0) await start();
      }
    };

    const stop = async (): Promise<void> => {
      if (stopping) return;
      stopping = true;
      if (timer) clearTimeout(timer);
      watchers.close();
      if (running) await running;
      out.line(out.paint("cyan", "[watch] stopped"));
      signals.removeListener("SIGINT", onSignal);
      signals.removeListener("SIGTERM", onSignal);
      resolve(EXIT.ok);
    };
    const onSignal = (): void => void stop();
    signals.on("SIGINT", onSignal);
    signals.on("SIGTERM", onSignal);

    // after the first run, the same run WARM_RUNS times more, silently (nothing changed: nothing is formatted or
    // written): the engine compiles the stages' code now, while nothing waits, not on the first edit
    const silent = new Printer({ write: () => true }, false);
    const warm = async (): Promise<void> => {
      const until = performance.now() + WARM_MS;
      for (let i = 0; i < WARM_RUNS && !stopping && changed.size === 0 && performance.now() < until; i++) await runOnce({ ...settings, quiet: true }, silent, silent, memory);
      // and their garbage collected, old and young, before the first edit (where gc is exposed)
      collect(false);
    };
    running = once(undefined, warm).then(() => {
      running = undefined;
      if (changed.size > 0 && !timer) void start();
    });
  });
}
