/**
 * The run cache of the CLI: what makes a rerun with nothing changed cost
 * almost nothing, and a rerun after a small edit format only what changed.
 *
 * Per job (its output folder and name) it keeps, under
 * `node_modules/.cache/cognito-codegen/` (the nearest one up from the working
 * directory; `COGNITO_CODEGEN_CACHE_DIR` names another, `--no-cache` turns it
 * off):
 *
 * - a record: the job's key (a hash of the generator's own code and version,
 *   Node's and prettier's versions, the job's options, every input file's
 *   bytes, and every file that can hold a prettier configuration for the
 *   output folder) and a hash of every file the job wrote. When the key is the
 *   same and every one of those files still holds what was written, the job
 *   is up to date: nothing is generated, formatted or written, and what the
 *   run printed (warnings, repairs) is printed again.
 * - the job's formatted chunks (format.ts), by key: a run after an edit
 *   formats only the chunks that changed. Only the chunks of the latest run are
 *   kept.
 *
 * Only light modules are imported here: the fast path must not load the
 * templates or the formatter.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Diagnostic } from "./diagnostics.js";
import { inputFilePaths } from "./input-files.js";
import { GENERATOR_NAME, VERSION } from "./version.js";

const FORMAT = 2;

/** What a job's record holds. */
export interface JobRecord {
  readonly format: number;
  readonly key: string;
  /** Every file the job wrote (its manifest too), relative to its output folder → sha256 of the contents. */
  readonly files: Readonly<Record<string, string>>;
  readonly warnings: readonly Diagnostic[];
  /** The summary lines of the run (repairs, overrides). */
  readonly lines: readonly string[];
  /** The services, for the summary line. */
  readonly services: readonly string[];
}

const hash = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("base64url");

/** The folder of the cache: the env's, or node_modules/.cache/cognito-codegen in the nearest folder up from `cwd` that has node_modules; undefined when there is none. */
export function cacheFolder(cwd: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const named = env["COGNITO_CODEGEN_CACHE_DIR"];
  if (named !== undefined && named !== "") return path.resolve(cwd, named);
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "node_modules"))) return path.join(dir, "node_modules", ".cache", GENERATOR_NAME);
    if (path.dirname(dir) === dir) return undefined;
  }
}

function filesBelow(dir: string, extensions: readonly string[]): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesBelow(full, extensions));
    else if (extensions.some((e) => entry.name.endsWith(e)) && !entry.name.endsWith(".d.ts")) out.push(full);
  }
  return out.sort();
}

let fingerprint: string | undefined;

/** A dependency's version, from the package.json above its entry point (not every package exports that file); "?" if none is found. */
function packageVersion(require: NodeJS.Require, pkg: string): string {
  try {
    for (let dir = path.dirname(require.resolve(pkg)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      const file = path.join(dir, "package.json");
      if (!existsSync(file)) continue;
      const json = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (json.name === pkg) return json.version ?? "?";
    }
  } catch {
    // not installed where it can be found: the hash says so
  }
  return "?";
}

/**
 * The generator itself, as a hash: its version, Node's, prettier's and
 * code-block-writer's, and
 * the bytes of its code (the generator, the templates, the runtime modules it
 * copies), so that a changed generator never reuses an earlier run.
 */
export function generatorFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const h = createHash("sha256").update(`${GENERATOR_NAME} ${VERSION} node ${process.version}\n`);
  // the formatter, and the writer that prints the structures (generator/print.ts)
  const require = createRequire(import.meta.url);
  for (const pkg of ["prettier", "code-block-writer"]) h.update(`${pkg} ${packageVersion(require, pkg)}\n`);
  // from dist/generator: dist/generator, dist/templates and the package's templates/runtime; from sources: generator and templates
  const dirs = [here, path.join(here, "../templates"), path.join(here, "../../templates/runtime")];
  for (const dir of dirs) for (const file of filesBelow(dir, [".js", ".ts"])) h.update(`${path.relative(here, file)}\0`).update(readFileSync(file)).update("\0");
  fingerprint = h.digest("base64url");
  return fingerprint;
}

/** The files that can hold a prettier configuration (or an .editorconfig) for files in `dir`: up to the root. */
const PRETTIER_CONFIG_FILES = [
  ".prettierrc",
  ".prettierrc.json",
  ".prettierrc.yaml",
  ".prettierrc.yml",
  ".prettierrc.json5",
  ".prettierrc.js",
  ".prettierrc.cjs",
  ".prettierrc.mjs",
  ".prettierrc.ts",
  ".prettierrc.cts",
  ".prettierrc.mts",
  ".prettierrc.toml",
  "prettier.config.js",
  "prettier.config.cjs",
  "prettier.config.mjs",
  "prettier.config.ts",
  "prettier.config.cts",
  "prettier.config.mts",
  "package.json",
  "package.yaml",
  ".editorconfig",
];

function prettierConfigFiles(dir: string): string[] {
  const out: string[] = [];
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    for (const name of PRETTIER_CONFIG_FILES) {
      const full = path.join(d, name);
      if (existsSync(full) && statSync(full).isFile()) out.push(full);
    }
    if (path.dirname(d) === d) return out;
  }
}

/** What identifies one job's run: the generator, the options (any JSON), the input's bytes, the output folder's prettier configuration. */
export function jobKey(options: unknown, schemas: string, out: string): string {
  const h = createHash("sha256").update(`${generatorFingerprint()}\n${JSON.stringify(options)}\n`);
  for (const file of inputFilePaths(schemas)) h.update(`input ${file}\0`).update(readFileSync(file)).update("\0");
  for (const file of prettierConfigFiles(out)) h.update(`config ${file}\0`).update(readFileSync(file)).update("\0");
  return h.digest("base64url");
}

/** The files of one job in the cache. */
export class JobCache {
  private readonly base: string;

  constructor(
    readonly folder: string,
    out: string,
    job: string | undefined,
  ) {
    this.base = path.join(folder, hash(`${path.resolve(out)}\0${job ?? ""}`).slice(0, 24));
  }

  private read<T>(suffix: string): T | undefined {
    try {
      return JSON.parse(readFileSync(`${this.base}.${suffix}.json`, "utf8")) as T;
    } catch {
      return undefined;
    }
  }

  private write(suffix: string, value: unknown): void {
    try {
      mkdirSync(this.folder, { recursive: true });
      const temp = `${this.base}.${suffix}.json.tmp-${process.pid}`;
      writeFileSync(temp, JSON.stringify(value));
      renameSync(temp, `${this.base}.${suffix}.json`);
    } catch {
      // a cache that cannot be written is a cache that is not there
    }
  }

  /** The record, when the key is the same and the output folder still holds what the job wrote. */
  upToDate(key: string, out: string): JobRecord | undefined {
    const record = this.read<JobRecord>("run");
    if (record?.format !== FORMAT || record.key !== key) return undefined;
    for (const [file, sum] of Object.entries(record.files)) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(path.join(out, file));
      } catch {
        return undefined;
      }
      if (hash(bytes) !== sum) return undefined;
    }
    return record;
  }

  save(record: Omit<JobRecord, "format" | "files">, files: readonly { readonly path: string; readonly contents: string }[]): void {
    this.write("run", { format: FORMAT, ...record, files: Object.fromEntries(files.map((f) => [f.path, hash(f.contents)])) });
  }

  /** Forgets the record (a run that failed, or wrote only part). */
  forget(): void {
    rmSync(`${this.base}.run.json`, { force: true });
  }

  /** The formatted chunks of the job's last run; what this run uses is what `saveChunks` keeps. */
  chunks(): ChunkStore {
    const stored = this.read<{ format: number; chunks: Record<string, string> }>("chunks");
    return new ChunkStore(stored?.format === FORMAT ? stored.chunks : {});
  }

  saveChunks(store: ChunkStore): void {
    if (!store.changed()) return;
    this.write("chunks", { format: FORMAT, chunks: store.used() });
  }
}

/** A FormatCache (format.ts) over the stored chunks, which notes the ones a run uses. */
export class ChunkStore {
  private readonly stored: Map<string, string>;
  private readonly usedNow = new Map<string, string>();
  private added = 0;

  constructor(stored: Readonly<Record<string, string>>) {
    this.stored = new Map(Object.entries(stored));
  }

  /** How many chunks were stored. */
  get size(): number {
    return this.stored.size;
  }

  get(key: string): string | undefined {
    const text = this.usedNow.get(key) ?? this.stored.get(key);
    if (text !== undefined) this.usedNow.set(key, text);
    return text;
  }

  set(key: string, text: string): void {
    this.usedNow.set(key, text);
    this.added++;
  }

  /** Whether the chunks to keep differ from the stored ones. */
  changed(): boolean {
    return this.added > 0 || this.usedNow.size !== this.stored.size;
  }

  used(): Record<string, string> {
    return Object.fromEntries(this.usedNow);
  }
}
