/**
 * One run of `cognito-codegen generate`: the config and the flags → jobs →
 * generate every job in memory → check that no two jobs write one file →
 * write (or, with --check, compare) each job's output → a summary. The CLI
 * and --watch share it. Nothing is written unless every job generated.
 */
import path from "node:path";
import * as prettier from "prettier";
import { jobsToRun, loadConfig, type Config, type Flags, type Job } from "./config.js";
import { CodegenError, formatDiagnostic, type Diagnostic } from "./diagnostics.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import { generate, type GenerateResult } from "./index.js";
import { overrideLines } from "./overrides.js";
import { repairLines } from "./summary.js";
import { checkOutput, OutputError, writeOutput } from "./write.js";

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

/**
 * The consumer's prettier options for the files of an output folder, when a
 * prettier config applies there (theirs, found as their `prettier --check`
 * finds it, .editorconfig included): the output then passes their check.
 */
async function consumerPrettier(out: string): Promise<{ prettier?: prettier.Options }> {
  const options = await prettier.resolveConfig(path.join(out, "index.ts"), { editorconfig: true });
  return options ? { prettier: options } : {};
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
function crossJobConflicts(cwd: string, generated: readonly Generated[]): string[] {
  const owners = new Map<string, string>();
  const out: string[] = [];
  for (const g of generated) {
    const who = g.job.name !== undefined ? `job ${JSON.stringify(g.job.name)}` : "the job";
    for (const f of g.result.files) {
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
export async function runOnce(settings: Settings, out: Printer, err: Printer): Promise<RunOutcome> {
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

  let jobs: Job[];
  try {
    jobs = jobsToRun(config, settings.flags, settings.cwd);
  } catch (e) {
    return outcome(failure(e, err));
  }
  inputs.push(...jobs.map((j) => j.schemas));

  // every job in memory first: nothing is written unless all of them generate
  const generated: Generated[] = [];
  const problems: Diagnostic[] = [];
  for (const job of jobs) {
    const started = performance.now();
    try {
      const result = await generate({
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
        // the files' header names the tool, not how it was reached here (npx, a path): the same bytes either way
        regenerate: regenerateCommand(settings, job, config, "cognito-codegen"),
      });
      generated.push({ job, result, started, ms: elapsed(started) });
    } catch (e) {
      if (!(e instanceof CodegenError)) return outcome(failure(e, err));
      problems.push(...e.diagnostics);
    }
  }
  if (problems.length > 0) return outcome(failure(new CodegenError(problems), err));
  const conflicts = crossJobConflicts(settings.cwd, generated);
  if (conflicts.length > 0) {
    for (const c of conflicts) err.line(`${config?.file ?? "--out"}: ${err.paint("red", "error")}: ${c}`);
    err.line(`  ${err.paint("dim", "hint:")} two jobs cannot write the same file: give them different output folders (or operations of different services)\n\nNothing was written.`);
    return outcome(EXIT.input);
  }

  for (const { result } of generated) {
    for (const w of result.warnings) err.diagnostic(w);
  }
  if (!quiet) {
    const lines = new Set(generated.flatMap(({ result }) => [...repairLines(result.repairs, verbose), ...overrideLines(result.overrides)]));
    for (const line of lines) out.line(line);
  }

  if (check) {
    let stale = 0;
    let foreign = 0;
    for (const g of generated) {
      let report;
      try {
        report = await checkOutput(g.job.out, g.result.files, g.job.name !== undefined ? { job: g.job.name } : {});
      } catch (e) {
        return outcome(failure(e, err));
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
      return outcome(EXIT.fileSystem);
    }
    if (stale > 0) {
      err.line(`To bring it up to date, run:\n\n  ${fixCommand(settings, run.check === true && settings.check === undefined)}\n\nand commit the result.`);
      return outcome(EXIT.drift);
    }
    return outcome(EXIT.ok);
  }

  for (const g of generated) {
    let report;
    try {
      report = await writeOutput(g.job.out, g.result.files, g.job.name !== undefined ? { job: g.job.name } : {});
    } catch (e) {
      return outcome(failure(e, err));
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
      out.line(`${label(settings.cwd, g.job, g.result)}: ${g.result.files.length} files (${parts.join(", ")}) in ${ms} ms`);
    }
  }
  return outcome(EXIT.ok);
}
