/**
 * The pipeline: load → resolve → normalize → IR → templates → format.
 * `generate` never writes; `writeOutput` and `checkOutput` (write.ts) do the
 * file system, so the CLI, the tests and `--check` share one code path.
 */
import { createRequire } from "node:module";
import { DiagnosticSink, type Diagnostic } from "./diagnostics.js";
import { ARTIFACTS, emit, type Artifact, type GeneratedFile } from "./emit.js";
import { buildIR } from "./build-ir.js";
import type { CodegenIR } from "./ir.js";
import { loadInput } from "./input.js";
import { checkReferences, Resolver } from "./resolve.js";

/** This package's version, from its package.json (one level up from source, two from dist/). */
export const VERSION: string = (() => {
  const require = createRequire(import.meta.url);
  for (const candidate of ["../package.json", "../../package.json"]) {
    try {
      const pkg = require(candidate) as { name?: string; version?: string };
      if (pkg.name === "cognito-codegen" && typeof pkg.version === "string") return pkg.version;
    } catch {
      // not at this level
    }
  }
  throw new Error("internal: cannot find cognito-codegen's package.json");
})();

export interface GenerateResult {
  readonly files: readonly GeneratedFile[];
  readonly ir: CodegenIR;
  readonly warnings: readonly Diagnostic[];
  /** Normalizer repairs of the input (rule → titles changed): for the run's summary, not warnings. */
  readonly repairs: ReadonlyMap<string, readonly string[]>;
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
}

/** Throws CodegenError (every error found, with file, pointer and line:column) when the input is bad. */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const sink = new DiagnosticSink();
  const { files, documents } = loadInput(options.schemas, sink, options.cwd);
  sink.throwIfErrors();
  const resolver = new Resolver(files, sink);
  checkReferences(resolver, sink);
  sink.throwIfErrors();
  const { ir, repairs } = buildIR(resolver, sink, { documents, strictResponses: options.strictResponses === true });
  sink.throwIfErrors();
  return { files: await emit(ir, VERSION, new Set(options.artifacts ?? ARTIFACTS)), ir, warnings: sink.warnings, repairs };
}

export { CodegenError, formatDiagnostic } from "./diagnostics.js";
export type { Artifact, GeneratedFile } from "./emit.js";
