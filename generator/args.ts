/**
 * The options of `cognito-codegen generate`, and the checks the arguments go
 * through before yargs reads them: an unknown option gets the closest one, a
 * single-dash long option (`-quiet`) an explanation, an option that needs a
 * value a message when it has none or an empty one (so `--out` alone never
 * means the project root). Every failure is a UsageError (exit code 2).
 */
import { closest } from "./diagnostics.js";

export interface OptionSpec {
  readonly type: "string" | "boolean";
  readonly describe: string;
  /** What the value is, for messages: `a folder`. */
  readonly value?: string;
  readonly alias?: string;
}

/** Every option of `generate`, by its kebab-case name. */
export const OPTIONS: Readonly<Record<string, OptionSpec>> = {
  schemas: { type: "string", value: "a folder (or an OpenAPI document)", describe: "input: a folder of JSON Schemas (read recursively, skipping node_modules and dot-folders), an OpenAPI document, or both [default: schemas]" },
  out: { type: "string", value: "a folder", describe: "output folder; only files this job wrote are ever replaced or removed [default: output]" },
  operations: { type: "string", value: "operation names, comma-separated", describe: "only these operations (e.g. SignUp,InitiateAuth) and everything they reach" },
  service: { type: "string", value: "a service's name", describe: "the service of input files whose names tell none (e.g. cognito-idp)" },
  layout: { type: "string", value: "nested or flat", describe: "nested: <out>/<service>/…; flat: the one service's files straight in --out [default: nested]" },
  extension: { type: "string", value: "ts or mts", describe: "ts, or mts (ES modules with .mjs imports, which a CommonJS project compiles under verbatimModuleSyntax) [default: ts]" },
  "assert-formats": { type: "boolean", describe: "validators assert format (the formats of draft 2020-12 but idn-hostname) instead of taking it as an annotation" },
  "strict-responses": { type: "boolean", describe: "check responses with the request-side constraints too (lengths, patterns, bounds, closed enums)" },
  config: { type: "string", value: "a file", describe: "the config file [default: cognito-codegen.config.json, or the \"cognito-codegen\" key of package.json]" },
  job: { type: "string", value: "a job's name", describe: "run only this job of the config" },
  check: { type: "boolean", describe: "write nothing; exit 1 with a unified diff when the output is not what would be written" },
  watch: { type: "boolean", describe: "regenerate whenever a schema file or the config changes, until Ctrl-C" },
  quiet: { type: "boolean", describe: "print only warnings and errors" },
  verbose: { type: "boolean", describe: "print one line per file (written, unchanged, removed)" },
  color: { type: "boolean", describe: "colors on a terminal (never with NO_COLOR); --no-color turns them off [default: true]" },
  cache: { type: "boolean", describe: "a rerun with nothing changed generates nothing; after an edit, only what changed is formatted (node_modules/.cache/cognito-codegen, or COGNITO_CODEGEN_CACHE_DIR); --no-cache turns it off [default: true]" },
  help: { type: "boolean", alias: "h", describe: "show this help" },
  version: { type: "boolean", alias: "v", describe: "print cognito-codegen's version" },
};

export const COMMANDS = ["generate"];
const SHORT = new Map(Object.entries(OPTIONS).flatMap(([name, o]) => (o.alias ? [[o.alias, name] as const] : [])));
export const camel = (kebab: string): string => kebab.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export class UsageError extends Error {
  override name = "UsageError";
}

/**
 * Checks the arguments; throws UsageError with what to do. Returns their values by camelCase option
 * name: a string option's value (an array when it is given more than once), a switch's true or false
 * (`--no-x`, `--x=false`). What yargs would give for them, without yargs's help layout on every run
 * (yargs prints --help).
 */
export function checkArguments(args: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const put = (name: string, value: unknown): void => {
    const key = camel(name);
    const before = out[key];
    out[key] = typeof value === "string" && before !== undefined ? [...(Array.isArray(before) ? before : [before]), value] : value;
  };
  let command: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--") break;
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      let name = kebab(a.slice(2, eq < 0 ? undefined : eq));
      const negated = name.startsWith("no-") && OPTIONS[name.slice(3)] !== undefined;
      if (negated) name = name.slice(3);
      const spec = OPTIONS[name];
      if (!spec) {
        const near = closest(name, Object.keys(OPTIONS), 1);
        throw new UsageError(`unknown option --${name}${near.length > 0 ? `; did you mean --${near[0]}?` : ""}`);
      }
      if (spec.type === "boolean") {
        if (eq >= 0 && !/^(?:true|false)$/.test(a.slice(eq + 1))) throw new UsageError(`--${name} takes no value (or =true, =false), not ${JSON.stringify(a.slice(eq + 1))}`);
        put(name, negated ? false : eq < 0 ? true : a.slice(eq + 1) === "true");
        continue;
      }
      if (negated) throw new UsageError(`--no-${name}: --${name} is not a switch`);
      let value: string | undefined;
      if (eq >= 0) value = a.slice(eq + 1);
      else {
        const next = args[i + 1];
        if (next === undefined || (next.startsWith("-") && next !== "-")) throw new UsageError(`--${name} needs a value: ${spec.value}`);
        value = next;
        i++;
      }
      if (value.trim() === "") throw new UsageError(`--${name} needs a value, not an empty one: ${spec.value}`);
      put(name, value);
      continue;
    }
    if (a.startsWith("-") && a.length > 1) {
      const letters = a.slice(1);
      if (letters.length === 1) {
        if (!SHORT.has(letters)) throw new UsageError(`unknown option -${letters}; the one-letter options are ${[...SHORT.keys()].map((s) => `-${s}`).join(", ")}`);
        put(SHORT.get(letters)!, true);
        continue;
      }
      const near = OPTIONS[kebab(letters)] ? [kebab(letters)] : closest(letters, Object.keys(OPTIONS), 1);
      throw new UsageError(`${a}: a single dash takes one-letter options (${[...SHORT.keys()].map((s) => `-${s}`).join(", ")})${near.length > 0 ? `; did you mean --${near[0]}?` : "; long options take two dashes"}`);
    }
    if (command === undefined) {
      if (!COMMANDS.includes(a)) {
        const near = closest(a, COMMANDS, 1);
        throw new UsageError(`unknown command ${JSON.stringify(a)}${near.length > 0 ? `; did you mean ${near[0]}?` : `; the command is ${COMMANDS.join(", ")}`}`);
      }
      command = a;
      continue;
    }
    throw new UsageError(`unexpected argument ${JSON.stringify(a)}${a.includes(",") || /^[A-Z]/.test(a) ? " (to name several operations, join them with commas: --operations SignUp,InitiateAuth)" : ""}`);
  }
  const wantsInfo = args.some((a) => ["--help", "-h", "--version", "-v"].includes(a));
  if (command === undefined && !wantsInfo) throw new UsageError(`name a command: ${COMMANDS.join(", ")} (cognito-codegen generate --help for its options)`);
  return out;
}


/** `--operations A,B --operations C` → A, B, C. */
export function parseOperations(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const list = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(","));
  return list.map((s) => s.trim()).filter((s) => s !== "");
}
