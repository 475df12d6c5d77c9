/**
 * generate() in a worker thread with a large stack, for an input that nests
 * deeper than the calling thread's stack reaches (the limits are in depth.ts).
 * The stages recurse once per nesting level, and so does prettier: rather
 * than a second, iterative copy of every stage, the same code runs again on a
 * stack of LARGE_STACK_MB.
 */
import { workerModule } from "./worker-module.js";
import { Worker } from "node:worker_threads";
import { CodegenError, error, type Diagnostic } from "./diagnostics.js";
import type { GenerateOptions, GenerateResult } from "./index.js";

export const LARGE_STACK_MB = 512;

let onLargeStack = false;
/** This thread is the large-stack worker: an overflow here is final. */
export function markLargeStack(): void {
  onLargeStack = true;
}

export function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

/** What the worker answers. */
export type LargeStackReply =
  | { readonly result: Omit<GenerateResult, never>; readonly stats?: unknown }
  | { readonly diagnostics: readonly Diagnostic[] }
  | { readonly error: string; readonly overflow: boolean };

function tooDeep(options: GenerateOptions): CodegenError {
  return new CodegenError([
    error({ file: options.schemas }, "the input nests too deep to generate, even on a large stack", "flatten the schemas: move nested parts into components of their own and refer to them with $ref"),
  ]);
}

export async function generateWithLargeStack(options: GenerateOptions, overflow: unknown): Promise<GenerateResult> {
  if (onLargeStack) throw overflow;
  const url = workerModule("./large-stack-worker.js");
  // from TypeScript sources there is no worker module: the overflow is reported as such
  if (!url) throw tooDeep(options);
  // the caches are the caller's objects: this run goes without them
  const { formatCache: _f, inputCache: _i, stats, ...rest } = options;
  const worker = new Worker(url, { execArgv: [], resourceLimits: { stackSizeMb: LARGE_STACK_MB } });
  try {
    const reply = await new Promise<LargeStackReply>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
      worker.postMessage(rest);
    });
    if ("diagnostics" in reply) throw new CodegenError([...reply.diagnostics]);
    if ("error" in reply) {
      if (reply.overflow) throw tooDeep(options);
      throw new Error(reply.error);
    }
    if (stats && reply.stats) Object.assign(stats, reply.stats);
    return reply.result;
  } catch (e) {
    if (e instanceof CodegenError || !(e instanceof Error) || !/could not be cloned/.test(e.message)) throw e;
    // options that cannot cross to a thread (functions in prettier options): the overflow stands
    throw overflow;
  } finally {
    await worker.terminate();
  }
}
