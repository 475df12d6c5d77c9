#!/usr/bin/env node
/**
 * The command line: parses arguments and hands them to run.ts (or watch.ts);
 * nothing else. Before yargs reads them, args.ts checks them, so that every
 * mistake gets a precise message and exit code 2. Messages are in English
 * whatever the locale.
 */
import path from "node:path";
import { camel, checkArguments, OPTIONS, parseOperations, UsageError } from "./args.js";
import { CHOICES, loadConfig, type Flags } from "./config.js";
import { EXIT, EXIT_TABLE, type ExitCode } from "./exit-codes.js";
import { VERSION } from "./version.js";
import { failure, Printer, runOnce, shellQuote, useColor, type Settings } from "./run.js";
import { tuneForOneRun, watchTuned } from "./v8-tuning.js";
import { watchAndRun } from "./watch.js";

/** How the tool was started, as a command a user can type. */
function program(cwd: string): string {
  const script = process.argv[1] ?? "";
  if (path.basename(script) === "cognito-codegen") return "npx cognito-codegen";
  const relative = path.relative(cwd, script);
  return `node ${shellQuote(relative === "" || relative.startsWith("..") || path.isAbsolute(relative) ? script : relative)}`;
}

const EPILOGUE = [
  "Config: cognito-codegen.config.json in the working directory (or --config, or a \"cognito-codegen\" key in package.json) has a key for every option, and several jobs; flags override it.",
  "",
  "Exit codes:",
  ...EXIT_TABLE.map(([code, text]) => `  ${code}  ${text}`),
].join("\n");

/** `--help`: yargs lays out the options and the exit codes. */
async function printHelp(args: readonly string[], errOut: Printer): Promise<ExitCode> {
  const { default: yargs } = await import("yargs");
  const parser = yargs(args)
    .scriptName("cognito-codegen")
    // every message in one language, whatever the machine's locale
    .locale("en")
    .usage("$0 generate [options]")
    .command("generate", "Generate types, validators and request builders from JSON Schemas", (y) => {
      for (const [name, o] of Object.entries(OPTIONS)) {
        if (name === "help" || name === "version") continue;
        y.option(name, { type: o.type, describe: o.describe, ...(o.type === "string" ? { requiresArg: true } : {}) });
      }
      return y.epilogue(EPILOGUE);
    })
    .version(false)
    .help("help")
    .alias("help", "h")
    .option("version", { alias: "v", type: "boolean", describe: OPTIONS["version"]!.describe })
    .epilogue(EPILOGUE)
    .strict()
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new UsageError(message);
    });
  try {
    await parser.parseAsync();
  } catch (e) {
    if (e instanceof UsageError) {
      errOut.line(`cognito-codegen: ${errOut.paint("red", "error")}: ${e.message}`);
      return EXIT.input;
    }
    throw e;
  }
  return EXIT.ok;
}

async function main(): Promise<ExitCode> {
  // the arguments after `node <script>` (yargs's hideBin, without loading yargs for it)
  const args = process.argv.slice(2);
  const cwd = process.cwd();
  const errOut = new Printer(process.stderr, useColor(process.stderr, args.includes("--no-color") ? false : undefined));
  let parsed: Record<string, unknown>;
  try {
    parsed = checkArguments(args);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    errOut.line(`cognito-codegen: ${errOut.paint("red", "error")}: ${e.message}\nRun cognito-codegen generate --help for the options.`);
    return EXIT.input;
  }
  if (args.includes("--version") || args.includes("-v")) {
    // this package's version, not the version of the project it runs in
    process.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }

  // yargs prints the help; a run reads the arguments (checked above) itself: yargs lays its help text out on every parse, ~30 ms
  if (args.some((a) => a === "--help" || a === "-h")) return printHelp(args, errOut);

  const given = (name: string): boolean => args.some((a) => a === `--${name}` || a.startsWith(`--${name}=`) || a === `--no-${name}` || a === `--${camel(name)}` || a.startsWith(`--${camel(name)}=`));
  const str = (name: string): string | undefined => (given(name) ? String(parsed[camel(name)]) : undefined);
  const bool = (name: string): boolean | undefined => (given(name) ? parsed[camel(name)] === true : undefined);
  const operations = given("operations") ? parseOperations(parsed["operations"]) : undefined;
  if (operations !== undefined && operations.length === 0) {
    errOut.line(`cognito-codegen: ${errOut.paint("red", "error")}: --operations needs operation names, comma-separated`);
    return EXIT.input;
  }
  const flags: Flags = {
    ...(str("schemas") !== undefined ? { schemas: str("schemas")! } : {}),
    ...(str("out") !== undefined ? { out: str("out")! } : {}),
    ...(operations !== undefined ? { operations } : {}),
    ...(bool("strict-responses") !== undefined ? { strictResponses: bool("strict-responses")! } : {}),
    ...(bool("assert-formats") !== undefined ? { assertFormats: bool("assert-formats")! } : {}),
    ...(str("service") !== undefined ? { service: str("service")! } : {}),
    ...(str("job") !== undefined ? { job: str("job")! } : {}),
  };
  for (const key of ["layout", "extension"] as const) {
    const value = str(key);
    if (value === undefined) continue;
    const allowed: readonly string[] = CHOICES[key];
    if (!allowed.includes(value)) {
      errOut.line(`cognito-codegen: ${errOut.paint("red", "error")}: --${key} is ${allowed.join(" or ")}, not ${JSON.stringify(value)}`);
      return EXIT.input;
    }
    Object.assign(flags, { [key]: value });
  }
  const settings: Settings = {
    cwd,
    ...(str("config") !== undefined ? { config: str("config")! } : {}),
    flags,
    ...Object.fromEntries((["check", "quiet", "verbose", "color", "watch", "cache"] as const).flatMap((k) => (bool(k) !== undefined ? [[k, bool(k)!]] : []))),
    program: program(cwd),
    args,
  };
  if (settings.watch && settings.check) {
    errOut.line(`cognito-codegen: ${errOut.paint("red", "error")}: --watch and --check do not go together: --check compares once, --watch writes on every change`);
    return EXIT.input;
  }
  // the config may turn colors off or ask for a watch: read once here, again by every run
  let configColor: boolean | undefined;
  let configWatch: boolean | undefined;
  try {
    const config = loadConfig(cwd, settings.config);
    configColor = config?.run.color;
    configWatch = config?.run.watch;
  } catch {
    // reported by the run itself
  }
  const color = settings.color ?? configColor;
  const out = new Printer(process.stdout, useColor(process.stdout, color));
  const err = new Printer(process.stderr, useColor(process.stderr, color));
  if (settings.watch ?? (configWatch === true && settings.check !== true)) {
    // a process with a larger young generation watches, if one can be started (v8-tuning.ts)
    const tuned = await watchTuned();
    return tuned !== undefined ? (tuned as ExitCode) : watchAndRun(settings, out, err);
  }
  tuneForOneRun();
  return (await runOnce(settings, out, err)).code;
}

try {
  process.exitCode = await main();
} catch (e) {
  process.exitCode = failure(e, new Printer(process.stderr, useColor(process.stderr, undefined)));
}
