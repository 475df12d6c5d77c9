/**
 * The pipeline: load → resolve → normalize → IR → templates → format.
 * `generate` never writes; `writeOutput` and `checkOutput` (write.ts) do the
 * file system, so the CLI, the tests and `--check` share one code path.
 *
 * This module is the package's entry point (`import { generate, writeOutput,
 * checkOutput } from "cognito-codegen"`).
 */
import { DiagnosticSink, type Diagnostic } from "./diagnostics.js";
import { ARTIFACTS, emit, type Artifact, type GeneratedFile } from "./emit.js";
import type { FormatCache, FormatStats } from "./format-cache.js";
import { buildIR } from "./build-ir.js";
import type { CodegenIR } from "./ir.js";
import { loadInput, type InputCache } from "./input.js";
import { checkSchemas } from "./meta-check.js";
import type { Origin } from "./origin.js";
import { applyOverrides, type AppliedOverride, type SchemaOverride } from "./overrides.js";
import { checkReferences, Resolver } from "./resolve.js";
import { selectOperations } from "./select.js";
import { VERSION } from "./version.js";
import { generateWithLargeStack, isStackOverflow } from "./large-stack.js";

export { VERSION } from "./version.js";

export interface GenerateResult {
  readonly files: readonly GeneratedFile[];
  readonly ir: CodegenIR;
  readonly warnings: readonly Diagnostic[];
  /** Normalizer repairs of the input (rule → titles changed): for the run's summary, not warnings. */
  readonly repairs: ReadonlyMap<string, readonly string[]>;
  /** The schema overrides, as applied: for the run's summary too. */
  readonly overrides: readonly AppliedOverride[];
}

export interface GenerateOptions {
  /** The folder of input schemas (JSON Schema files, OpenAPI documents), or one OpenAPI document. */
  readonly schemas: string;
  /** Base for file names in messages; the process's working directory by default. */
  readonly cwd?: string;
  /** What to generate (with what it needs); all of it by default. */
  readonly artifacts?: readonly Artifact[];
  /**
   * Check responses with every request-side constraint too (lengths,
   * patterns, bounds, closed enums). Off by default: responses are judged by
   * their shape (response-view.ts).
   */
  readonly strictResponses?: boolean;
  /**
   * Only these operations (by name, e.g. `SignUp`) and everything they reach:
   * types, validators, builders. A name no service has is an error.
   */
  readonly operations?: readonly string[];
  /** Where `operations` was given (a config file), for messages. */
  readonly operationsOrigin?: Origin;
  /** Edits of the input schemas, made before anything reads them (overrides.ts). */
  readonly overrides?: readonly SchemaOverride[];
  /** The service of input files whose names tell none (no known prefix, no `$id`, no `<service>-<kebab title>` name). */
  readonly service?: string;
  /** The command (or config job) that regenerates the output, for the emitted files' headers. */
  readonly regenerate?: string;
  /** Validators assert `format` (the formats of draft 2020-12 but idn-hostname, as their RFCs and the JSON Schema Test Suite read them) instead of taking it as an annotation. */
  readonly assertFormats?: boolean;
  /** One folder per service (default), or the one service's files straight in the output folder. */
  readonly layout?: "nested" | "flat";
  /** `ts` (default), or `mts`: ES modules with `.mjs` imports, which a CommonJS project compiles under verbatimModuleSyntax. */
  readonly extension?: "ts" | "mts";
  /**
   * Format with these prettier options (the consumer's, e.g. from prettier.resolveConfig) instead of
   * ours. Typed loosely so that this package's types do not pull in prettier's.
   */
  readonly prettier?: Readonly<Record<string, unknown>>;
  /** Formatted chunks from earlier runs, and where this run's go (format.ts): the caller keeps it, in memory or on disk. */
  readonly formatCache?: FormatCache;
  /** Worker threads for formatting: 0 for none; by default, as the amount of work and the cores say. */
  readonly workers?: number;
  /**
   * Under the generator's own formatting (no `prettier` option), chunks are printed by tidy, prettier's
   * bytes without running prettier (generator/tidy/), and prettier formats only what tidy does not
   * print. false: prettier formats every chunk (the same output, slower).
   */
  readonly tidy?: boolean;
  /** Filled in with how the run formatted (chunks formatted, from the cache, workers). */
  readonly stats?: FormatStats;
  /** Input files parsed before, by their bytes (input.ts): --watch keeps one between runs. */
  readonly inputCache?: InputCache;
}

/** Throws CodegenError (every error found, with file, pointer and line:column) when the input is bad. */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  try {
    return await generateHere(options);
  } catch (e) {
    // nested deeper than this thread's stack reaches (within the limits of depth.ts): again, in a thread with a large stack
    if (!isStackOverflow(e)) throw e;
    return generateWithLargeStack(options, e);
  }
}

async function generateHere(options: GenerateOptions): Promise<GenerateResult> {
  // the stages before emit in a function of their own: what they read (the parsed files, the resolver) can be collected while the templates and the formatter run
  const { ir, sink, repairs, applied } = analyse(options);
  const emitOptions = {
    ...(options.layout !== undefined ? { layout: options.layout } : {}),
    ...(options.extension !== undefined ? { extension: options.extension } : {}),
    ...(options.prettier !== undefined ? { prettier: options.prettier } : {}),
    ...(options.regenerate !== undefined ? { regenerate: options.regenerate } : {}),
    ...(options.assertFormats === true ? { assertFormats: true } : {}),
    ...(options.formatCache !== undefined ? { formatCache: options.formatCache } : {}),
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(options.tidy === false ? { tidy: false } : {}),
    ...(options.stats !== undefined ? { stats: options.stats } : {}),
  };
  return { files: await emit(ir, VERSION, new Set(options.artifacts ?? ARTIFACTS), emitOptions), ir, warnings: sink.warnings, repairs, overrides: applied };
}

/** Load → overrides → checks → resolve → IR (→ the operations asked for). */
function analyse(options: GenerateOptions): { ir: CodegenIR; sink: DiagnosticSink; repairs: ReadonlyMap<string, readonly string[]>; applied: readonly AppliedOverride[] } {
  const sink = new DiagnosticSink();
  const input = loadInput(options.schemas, sink, options.cwd, options.service !== undefined ? { service: options.service } : {}, options.inputCache);
  sink.throwIfErrors();
  const { files, applied } = applyOverrides(input.files, options.overrides ?? [], sink);
  sink.throwIfErrors();
  // the meta-schema rules and the references, reported together
  checkSchemas(files, sink, applied);
  const resolver = new Resolver(files, sink);
  checkReferences(resolver, sink);
  sink.throwIfErrors();
  const built = buildIR(resolver, sink, { documents: input.documents, strictResponses: options.strictResponses === true });
  sink.throwIfErrors();
  let ir = built.ir;
  let repairs = built.repairs;
  if (options.operations !== undefined) {
    ir = selectOperations(ir, options.operations, sink, options.operationsOrigin ? { origin: options.operationsOrigin } : {});
    sink.throwIfErrors();
    // repairs are named only where they show
    const titles = new Set(ir.services.flatMap((s) => s.declarations.map((d) => d.title)));
    repairs = new Map([...repairs].map(([rule, changed]) => [rule, changed.filter((t) => titles.has(t))] as const).filter(([, changed]) => changed.length > 0));
  }
  return { ir, sink, repairs, applied };
}

export { CodegenError, formatDiagnostic } from "./diagnostics.js";
export { checkOutput, OutputError, writeOutput } from "./write.js";
export type { CheckReport, Difference, WriteOptions, WriteReport } from "./write.js";
export type { Diagnostic, SourceLocation } from "./diagnostics.js";
export type { Artifact, GeneratedFile } from "./emit.js";
export type { FormatCache, FormatStats } from "./format-cache.js";
export type { InputCache } from "./input.js";
export type { AppliedOverride, SchemaOverride } from "./overrides.js";
export type { Origin } from "./origin.js";
