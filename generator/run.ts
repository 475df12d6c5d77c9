/**
 * One run of `cognito-codegen generate`: the config and the flags → jobs →
 * generate every job in memory → check that no two jobs write one file →
 * write (or, with --check, compare) each job's output → a summary. The CLI
 * and --watch share it. Nothing is written unless every job generated.
 */
import { statSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { jobsToRun, loadConfig, type Config, type Flags, type Job } from "./config.js";
import { consumerPrettier } from "./consumer-prettier.js";
import { CodegenError, formatDiagnostic, type Diagnostic } from "./diagnostics.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import type { FormatCache } from "./format-cache.js";
import type { GenerateOptions, GenerateResult, InputCache } from "./index.js";
import { inputFilePaths } from "./input-files.js";
import { awayJob } from "./away-job.js";
import { overrideLines } from "./overrides.js";
import { cacheFolder, JobCache, jobKey, type ChunkStore, type JobRecord } from "./run-cache.js";
import { repairLines } from "./summary.js";
import { checkOutput, manifestName, manifestText, OutputError, writeOutput, type KnownFiles } from "./write.js";

/** What the command line says (each run option only when it was given). */
export interface Settings {
  readonly cwd: string;
  /** `--config`. */
  readonly config?: string;
  readonly flags: Flags;
  readonly check?: boolean;
  readonly quiet?: boolean;
  readonly verbose?: boolean;
  readonly color?: boolean;
  readonly watch?: boolean;
  /** `--no-cache`: no run cache (run-cache.ts) for this run. */
  readonly cache?: boolean;
  /** How the tool was started, as a command to print: `npx cognito-codegen`, `node dist/generator/cli.js`. */
  readonly program: string;
  /** The arguments after the program, as given (for the command that fixes a --check). */
  readonly args: readonly string[];
}

type Style = "red" | "green" | "yellow" | "cyan" | "bold" | "dim";
const CODES: Record<Style, [number, number]> = { red: [31, 39], green: [32, 39], yellow: [33, 39], cyan: [36, 39], bold: [1, 22], dim: [2, 22] };

/** A stream to print to, with colors or without. */
export class Printer {
  constructor(
    private readonly stream: { write(text: string): unknown },
    readonly color: boolean,
  ) {}
  paint(style: Style, text: string): string {
    if (!this.color) return text;
    const [on, off] = CODES[style];
    return `\u001b[${on}m${text}\u001b[${off}m`;
  }
  line(text = ""): void {
    this.stream.write(text + "\n");
  }
  diagnostic(d: Diagnostic): void {
    const text = formatDiagnostic(d);
    this.line(this.color ? text.replace(/: (error|warning): /, (_m, s: string) => `: ${this.paint(s === "error" ? "red" : "yellow", s)}: `).replace(/\n  hint: /, `\n  ${this.paint("dim", "hint:")} `) : text);
  }
  /** A unified diff, `-` lines red, `+` green, `@@` cyan. */
  diff(text: string): void {
    for (const l of text.split("\n")) {
      if (l.startsWith("+++") || l.startsWith("---")) this.line(this.paint("bold", l));
      else if (l.startsWith("@@")) this.line(this.paint("cyan", l));
      else if (l.startsWith("+")) this.line(this.paint("green", l));
      else if (l.startsWith("-")) this.line(this.paint("red", l));
      else this.line(l);
    }
  }
}

/**
 * Colors only on a terminal, never with NO_COLOR (any non-empty value) or
 * --no-color (`color: false`); FORCE_COLOR (not "0") stands in for a terminal.
 */
export function useColor(stream: { isTTY?: boolean }, color: boolean | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
  if (color === false) return false;
  if (env["NO_COLOR"] !== undefined && env["NO_COLOR"] !== "") return false;
  const forced = env["FORCE_COLOR"];
  if (forced !== undefined && forced !== "" && forced !== "0" && forced !== "false") return true;
  return stream.isTTY === true;
}

/** A shell word: as it is when it is plain, else in single quotes. */
export function shellQuote(arg: string): string {
  if (/^[A-Za-z0-9_/.,:=@%+-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** The command line without `--check` (with `--no-check` when the config asks for a check). */
export function fixCommand(settings: Settings, configChecks: boolean): string {
  const args = settings.args.filter((a) => a !== "--check" && !a.startsWith("--check="));
  if (configChecks) args.push("--no-check");
  return [settings.program, ...args.map(shellQuote)].join(" ");
}

/** The command that regenerates one job's files: the program, `generate`, the config and job, and the job's flags as given. */
export function regenerateCommand(settings: Settings, job: Job, config: Config | undefined, program = settings.program): string {
  const words = ["generate"];
  if (settings.config !== undefined) words.push("--config", settings.config);
  if (config !== undefined && config.jobs.length > 1 && job.name !== undefined) words.push("--job", job.name);
  const keep = /^--(?:schemas|out|operations|service|strict-responses|no-strict-responses|strictResponses|assert-formats|no-assert-formats|assertFormats|layout|extension)(?:=|$)/;
  const args = settings.args;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!keep.test(a)) continue;
    words.push(a);
    if (!a.includes("=") && /^--(?:schemas|out|operations|service|layout|extension)$/.test(a) && args[i + 1] !== undefined) words.push(args[++i]!);
  }
  return [program, ...words.map(shellQuote)].join(" ");
}

export interface RunOutcome {
  readonly code: ExitCode;
  /** What the run read: the config file and each job's input, for --watch. */
  readonly inputs: readonly string[];
  readonly config?: string;
}

interface Generated {
  readonly job: Job;
  readonly result: GenerateResult;
  readonly started: number;
  readonly ms: number;
  /** The job's place in the run cache, its key and its chunks. */
  readonly cached?: { readonly cache: JobCache; readonly key: string; readonly chunks: ChunkStore };
  /** Generated on the worker thread while this one did the other jobs (said under --verbose). */
  readonly away?: true;
}

/** A job the run cache answered: its output is on disk as the last run wrote it. */
interface Answered {
  readonly job: Job;
  readonly record: JobRecord;
  readonly started: number;
}

/** Memory kept by --watch from one run to the next: each job's formatted chunks, and the files parsed. */
export interface RunMemory {
  readonly chunks: Map<string, FormatCache>;
  readonly inputs: InputCache;
  /** The output files found on disk (write.ts): compared without reading them again while unchanged. */
  readonly outputs: KnownFiles;
}

/** What identifies a job's output for the run cache: everything generate() is given, as data. */
function jobOptions(settings: Settings, job: Job, config: Config | undefined): unknown {
  return { cwd: settings.cwd, job, regenerate: regenerateCommand(settings, job, config, "cognito-codegen") };
}

/** A path as messages show it: relative to the working directory when below it, else absolute. */
const rel = (cwd: string, p: string): string => {
  const r = path.relative(cwd, p);
  return r === "" ? "." : r.startsWith("..") || path.isAbsolute(r) ? p : r;
};
const elapsed = (since: number): number => Math.round(performance.now() - since);

function label(cwd: string, job: Job, result: GenerateResult): string {
  const services = result.ir.services.map((s) => s.id).join(", ") || "no service";
  return `${job.name !== undefined ? `${job.name}: ` : ""}${services} → ${rel(cwd, job.out)}`;
}

/** Two jobs that would write one file: a message each, before anything is written. */
function crossJobConflicts(cwd: string, generated: readonly { readonly job: Job; readonly paths: readonly string[] }[]): string[] {
  const owners = new Map<string, string>();
  const out: string[] = [];
  for (const g of generated) {
    const who = g.job.name !== undefined ? `job ${JSON.stringify(g.job.name)}` : "the job";
    for (const p of g.paths) {
      const f = { path: p };
      const key = path.join(g.job.out, f.path);
      const other = owners.get(key);
      if (other !== undefined) out.push(`${rel(cwd, key)} would be written by ${other} and ${who}`);
      else owners.set(key, who);
    }
  }
  return out;
}

/** The exit code of a failure, and what to print about it. */
export function failure(e: unknown, err: Printer): ExitCode {
  if (e instanceof CodegenError) {
    for (const d of e.diagnostics) err.diagnostic(d);
    err.line("\nNothing was written.");
    return EXIT.input;
  }
  if (e instanceof OutputError) {
    err.line(`${err.paint("red", "error")}: ${e.message}`);
    return EXIT.fileSystem;
  }
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === "string" && /^E[A-Z]+$/.test(code)) {
    // a file-system refusal (not a folder, no permission, disk full): the output was left as it was
    err.line(`${err.paint("red", "error")}: ${(e as Error).message}\nThe output folder was left as it was.`);
    return EXIT.fileSystem;
  }
  err.line(`${err.paint("red", "internal error")}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\nThis is a bug of cognito-codegen; please report it with this message.`);
  return EXIT.internal;
}

/** One run; never throws (a failure is printed and is its exit code). */
export async function runOnce(settings: Settings, out: Printer, err: Printer, memory?: RunMemory): Promise<RunOutcome> {
  const inputs: string[] = [];
  let config: Config | undefined;
  try {
    config = loadConfig(settings.cwd, settings.config);
  } catch (e) {
    return { code: failure(e, err), inputs, ...(settings.config !== undefined ? { config: path.resolve(settings.cwd, settings.config) } : {}) };
  }
  const outcome = (code: ExitCode): RunOutcome => ({ code, inputs, ...(config ? { config: config.path } : {}) });
  for (const w of config?.warnings ?? []) err.diagnostic(w);
  const run = config?.run ?? {};
  const check = settings.check ?? run.check ?? false;
  const quiet = settings.quiet ?? run.quiet ?? false;
  const verbose = !quiet && (settings.verbose ?? run.verbose ?? false);
  // the run cache: not for --check, which compares for real, nor with --no-cache
  // (under --watch the memory does its work: the key, which hashes every input, would be paid on every change)
  const folder = check || memory !== undefined || (settings.cache ?? run.cache) === false ? undefined : cacheFolder(settings.cwd);

  let jobs: Job[];
  try {
    jobs = jobsToRun(config, settings.flags, settings.cwd);
  } catch (e) {
    return outcome(failure(e, err));
  }
  inputs.push(...jobs.map((j) => j.schemas));

  // every job in memory first: nothing is written unless all of them generate
  const done = await generateJobs(jobs, { settings, config, folder, memory });
  if (done.failure !== undefined) return outcome(failure(done.failure, err));
  const { generated, answered } = done;
  const conflicts = crossJobConflicts(settings.cwd, [
    ...generated.map((g) => ({ job: g.job, paths: g.result.files.map((f) => f.path) })),
    ...answered.map((a) => ({ job: a.job, paths: Object.keys(a.record.files).filter((f) => f !== manifestName(a.job.name)) })),
  ]);
  if (conflicts.length > 0) {
    for (const c of conflicts) err.line(`${config?.file ?? "--out"}: ${err.paint("red", "error")}: ${c}`);
    err.line(`  ${err.paint("dim", "hint:")} two jobs cannot write the same file: give them different output folders (or operations of different services)\n\nNothing was written.`);
    return outcome(EXIT.input);
  }

  for (const { result } of generated) {
    for (const w of result.warnings) err.diagnostic(w);
  }
  // a job the cache answered says again what its run said
  for (const { record } of answered) for (const w of record.warnings) err.diagnostic(w);
  const summaries = new Map(generated.map((g) => [g, [...repairLines(g.result.repairs, verbose), ...overrideLines(g.result.overrides)]]));
  if (!quiet) {
    const lines = new Set([...[...summaries.values()].flat(), ...answered.flatMap((a) => a.record.lines)]);
    for (const line of lines) out.line(line);
  }
  const report = { settings, out, err, quiet, verbose };
  return outcome(check ? await checkJobs(generated, report, run.check === true && settings.check === undefined) : await writeJobs(generated, answered, summaries, report, memory?.outputs));
}

/** What the jobs' reports print with, and how much. */
interface Reporting {
  readonly settings: Settings;
  readonly out: Printer;
  readonly err: Printer;
  readonly quiet: boolean;
  readonly verbose: boolean;
}

/**
 * Every job generated in memory, or answered by the run cache (`folder`); the first error that
 * is not the input's own ends it, the input's are gathered from every job. With several jobs to
 * generate, one may go to the worker thread (away-job.ts) while this thread does the others.
 */
async function generateJobs(
  jobs: readonly Job[],
  context: { readonly settings: Settings; readonly config: Config | undefined; readonly folder: string | undefined; readonly memory: RunMemory | undefined },
): Promise<{ readonly generated: Generated[]; readonly answered: Answered[]; readonly failure?: unknown }> {
  const { settings, config, folder, memory } = context;
  const answered: Answered[] = [];
  /** The jobs the cache does not answer, in order. */
  const todo: ToGenerate[] = [];
  for (const job of jobs) {
    const started = performance.now();
    let cached: Generated["cached"];
    if (folder !== undefined) {
      const cache = new JobCache(folder, job.out, job.name);
      let key: string | undefined;
      try {
        key = jobKey(jobOptions(settings, job, config), job.schemas, job.out);
      } catch {
        // an input that cannot be read: generate() says what is wrong with it
      }
      const record = key !== undefined ? cache.upToDate(key, job.out) : undefined;
      if (record) {
        answered.push({ job, record, started });
        continue;
      }
      if (key !== undefined) cached = { cache, key, chunks: cache.chunks() };
    }
    let formatCache: FormatCache | undefined = cached?.chunks;
    if (memory) {
      const memoryKey = `${path.resolve(job.out)}\0${job.name ?? ""}`;
      formatCache = memory.chunks.get(memoryKey) ?? new Map<string, string>();
      memory.chunks.set(memoryKey, formatCache);
    }
    todo.push({ job, ...(cached ? { cached } : {}), ...(formatCache ? { formatCache } : {}) });
  }
  const results = new Array<Generated | undefined>(todo.length);
  /** Each job's input errors, reported in the jobs' order wherever they were generated. */
  const problems = todo.map((): readonly Diagnostic[] => []);
  // (the worker's module only when there are jobs to share: a rerun the cache answers loads nothing of the pipeline)
  const thread = memory === undefined && todo.length >= 2 ? await import("./tidy-thread.js") : undefined;
  const away = thread !== undefined && thread.tidyThreadAvailable() ? awayIndex(todo) : undefined;
  const here = async (i: number): Promise<Generated | undefined> => {
    const t = todo[i]!;
    const started = performance.now();
    try {
      const { generate } = await import("./index.js");
      const result = await generate(await generateOptions(t, settings, config, memory));
      return { job: t.job, result, started, ms: elapsed(started), ...(t.cached ? { cached: t.cached } : {}) };
    } catch (e) {
      if (!(e instanceof CodegenError)) throw e;
      problems[i] = e.diagnostics;
      return undefined;
    }
  };
  try {
    const remote = away !== undefined ? generateAway(thread!.generateOnThread, todo[away]!, await generateOptions(todo[away]!, settings, config, memory)) : undefined;
    for (let i = 0; i < todo.length; i++) if (i !== away) results[i] = await here(i);
    if (remote !== undefined) {
      const reply = await remote;
      if (reply === undefined) results[away!] = await here(away!);
      else if ("diagnostics" in reply) problems[away!] = reply.diagnostics;
      else results[away!] = reply.generated;
    }
  } catch (e) {
    return { generated: results.filter((g) => g !== undefined), answered, failure: e };
  }
  const generated = results.filter((g) => g !== undefined);
  const all = problems.flat();
  return all.length > 0 ? { generated, answered, failure: new CodegenError(all) } : { generated, answered };
}

/** A job to generate: where it is in the run cache, and the formatted chunks it may reuse. */
interface ToGenerate {
  readonly job: Job;
  readonly cached?: Generated["cached"];
  readonly formatCache?: FormatCache;
}

/** What generate() gets for a job. */
async function generateOptions(t: ToGenerate, settings: Settings, config: Config | undefined, memory: RunMemory | undefined): Promise<GenerateOptions> {
  const { job, formatCache } = t;
  return {
    schemas: job.schemas,
    cwd: settings.cwd,
    strictResponses: job.strictResponses,
    ...(job.assertFormats === true ? { assertFormats: true } : {}),
    ...(job.operations !== undefined ? { operations: job.operations } : {}),
    ...(job.operationsOrigin !== undefined ? { operationsOrigin: job.operationsOrigin } : {}),
    ...(job.overrides !== undefined ? { overrides: job.overrides } : {}),
    ...(job.service !== undefined ? { service: job.service } : {}),
    ...(job.layout !== undefined ? { layout: job.layout } : {}),
    ...(job.extension !== undefined ? { extension: job.extension } : {}),
    ...(await consumerPrettier(job.out)),
    ...(formatCache !== undefined ? { formatCache } : {}),
    ...(memory ? { inputCache: memory.inputs } : {}),
    // the files' header names the tool, not how it was reached here (npx, a path): the same bytes either way
    regenerate: regenerateCommand(settings, job, config, "cognito-codegen"),
  };
}

/** The job to generate on the worker thread, if any (away-job.ts); none when an input's size cannot be known. */
function awayIndex(todo: readonly ToGenerate[]): number | undefined {
  try {
    const sizes = todo.map((t) => ({
      bytes: inputFilePaths(t.job.schemas).reduce((n, file) => n + statSync(file).size, 0),
      reusable: t.cached?.chunks.size ?? 0,
    }));
    return awayJob(sizes, availableParallelism());
  } catch {
    return undefined;
  }
}

/** A job generated on the worker thread: its result, its input's errors, or undefined when it failed there (this thread then generates it). */
async function generateAway(
  generateOnThread: typeof import("./tidy-thread.js").generateOnThread,
  t: ToGenerate,
  options: GenerateOptions,
): Promise<{ readonly generated: Generated } | { readonly diagnostics: readonly Diagnostic[] } | undefined> {
  const started = performance.now();
  // the format cache is this thread's object: the worker formats everything, and gives back its chunks for the run cache
  // (no input cache: a job goes away only outside --watch)
  const { formatCache: _f, ...rest } = options;
  let reply;
  try {
    reply = await generateOnThread(rest, t.cached !== undefined);
  } catch {
    return undefined;
  }
  if (reply === undefined || "error" in reply) return undefined;
  if ("diagnostics" in reply) return { diagnostics: reply.diagnostics };
  for (const [key, text] of reply.chunks ?? []) t.cached?.chunks.set(key, text);
  return { generated: { job: t.job, result: reply.result, started, ms: elapsed(started), away: true, ...(t.cached ? { cached: t.cached } : {}) } };
}

/** --check: each job's output compared with what is on disk; a diff for each one out of date. */
async function checkJobs(generated: readonly Generated[], r: Reporting, configChecks: boolean): Promise<ExitCode> {
  const { settings, out, err, quiet } = r;
  let stale = 0;
  let foreign = 0;
  for (const g of generated) {
    let report;
    try {
      report = await checkOutput(g.job.out, g.result.files, g.job.name !== undefined ? { job: g.job.name } : {});
    } catch (e) {
      return failure(e, err);
    }
    const ms = elapsed(g.started);
    if (report.ok) {
      if (!quiet) out.line(`${label(settings.cwd, g.job, g.result)}: up to date (${g.result.files.length} files) in ${ms} ms`);
      continue;
    }
    stale++;
    foreign += report.details.filter((d) => d.kind === "conflict").length;
    err.line(`${label(settings.cwd, g.job, g.result)}: ${err.paint("red", "out of date")} with ${rel(settings.cwd, g.job.schemas)} (${report.details.length} difference${report.details.length === 1 ? "" : "s"}):\n`);
    for (const d of report.details) {
      err.diff(d.text);
      err.line();
    }
  }
  if (foreign > 0) {
    err.line(`${foreign} file${foreign === 1 ? " is" : "s are"} another job's: regenerating would not fix that (give the jobs different output folders).`);
    return EXIT.fileSystem;
  }
  if (stale > 0) {
    err.line(`To bring it up to date, run:\n\n  ${fixCommand(settings, configChecks)}\n\nand commit the result.`);
    return EXIT.drift;
  }
  return EXIT.ok;
}

/** Each generated job written (and recorded in the run cache), then a line for each job the cache answered. */
async function writeJobs(
  generated: readonly Generated[],
  answered: readonly Answered[],
  summaries: ReadonlyMap<Generated, readonly string[]>,
  r: Reporting,
  known: KnownFiles | undefined,
): Promise<ExitCode> {
  const { settings, out, err, quiet, verbose } = r;
  for (const g of generated) {
    let report;
    try {
      report = await writeOutput(g.job.out, g.result.files, { ...(g.job.name !== undefined ? { job: g.job.name } : {}), ...(known ? { known } : {}) });
    } catch (e) {
      g.cached?.cache.forget();
      return failure(e, err);
    }
    if (g.cached) {
      const { cache, key, chunks } = g.cached;
      const written = [...g.result.files, { path: manifestName(g.job.name), contents: manifestText(g.result.files, g.job.name) }];
      cache.save({ key, warnings: g.result.warnings, lines: summaries.get(g) ?? [], services: g.result.ir.services.map((s) => s.id) }, written);
      cache.saveChunks(chunks);
    }
    const ms = elapsed(g.started);
    if (verbose) {
      const o = rel(settings.cwd, g.job.out);
      for (const f of report.written) out.line(`  ${out.paint("green", "written  ")} ${path.join(o, f)}`);
      for (const f of report.unchanged) out.line(`  ${out.paint("dim", "unchanged")} ${path.join(o, f)}`);
      for (const f of report.removed) out.line(`  ${out.paint("yellow", "removed  ")} ${path.join(o, f)}`);
    }
    if (!quiet) {
      const parts = [`${report.written.length} written`, `${report.unchanged.length} unchanged`, ...(report.removed.length > 0 ? [`${report.removed.length} removed`] : [])];
      out.line(`${label(settings.cwd, g.job, g.result)}: ${g.result.files.length} files (${parts.join(", ")}) in ${ms} ms${verbose && g.away ? " (generated on a worker thread)" : ""}`);
    }
  }
  if (!quiet) {
    for (const a of answered) {
      const services = a.record.services.join(", ") || "no service";
      out.line(`${a.job.name !== undefined ? `${a.job.name}: ` : ""}${services} → ${rel(settings.cwd, a.job.out)}: ${Object.keys(a.record.files).length - 1} files (up to date: inputs, options and generator unchanged) in ${elapsed(a.started)} ms`);
    }
  }
  return EXIT.ok;
}
