/**
 * A tidy worker (format.ts): chunk identities in (chunk.ts), their sources
 * printed and tidied out, in order; null where tidy leaves a chunk to prettier
 * (or fails on it: the caller formats that one itself, and meets the failure
 * there, with its own handling).
 *
 * It also generates a whole job when asked (run.ts: a run of several jobs
 * gives it one while the main thread does the others), formatting in this
 * thread. Requests are answered one after the other, in the order they came.
 */
import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import { sourceOf } from "./chunk.js";
import type { Diagnostic } from "./diagnostics.js";
import type { GenerateOptions, GenerateResult } from "./index.js";
import { tidy } from "./tidy/index.js";
import { warmUp } from "./tidy-warmup.js";

type Request = { readonly identities: readonly string[] } | { readonly generate: GenerateOptions; readonly keepChunks: boolean };

/** A job generated here: its result (with what it formatted, if asked: identity → text), or its input's errors, or a failure. */
export type GenerateReply =
  | { readonly result: GenerateResult; readonly chunks?: readonly (readonly [string, string])[] }
  | { readonly diagnostics: readonly Diagnostic[] }
  | { readonly error: string };

/** Where answers go (tidy-thread.ts): a port of their own, which the caller can read synchronously. */
const answers = (workerData as { answers: MessagePort } | null)?.answers;

let asked = false;
let queue = Promise.resolve();

parentPort?.on("message", (request: Request) => {
  asked = true;
  // a job's generate() awaits (prettier, a large stack): the batches that come meanwhile wait their turn
  queue = queue.then(() => answer(request));
});

/** Answers one request; never fails, so that every request gets its answer and the queue goes on. */
async function answer(request: Request): Promise<void> {
  if ("generate" in request) {
    const reply = await generateJob(request.generate, request.keepChunks);
    try {
      answers!.postMessage({ generated: reply });
    } catch (e) {
      // a result that cannot be sent back: the caller generates the job itself
      answers!.postMessage({ generated: { error: e instanceof Error ? e.message : String(e) } satisfies GenerateReply });
    }
    return;
  }
  const tidied = request.identities.map((identity) => {
    try {
      return tidy(sourceOf(identity)) ?? null;
    } catch {
      return null;
    }
  });
  answers!.postMessage({ tidied });
}

async function generateJob(options: GenerateOptions, keepChunks: boolean): Promise<GenerateReply> {
  // the pipeline is loaded only by a worker that is given a job
  const chunks = keepChunks ? new Map<string, string>() : undefined;
  try {
    const [{ generate }, { CodegenError }] = await Promise.all([import("./index.js"), import("./diagnostics.js")]);
    try {
      // formatted here: the other thread is busy with the other jobs
      const result = await generate({ ...options, workers: 0, ...(chunks ? { formatCache: chunks } : {}) });
      const { files, ir, warnings, repairs, overrides } = result;
      return { result: { files, ir, warnings, repairs, overrides }, ...(chunks ? { chunks: [...chunks] } : {}) };
    } catch (e) {
      if (e instanceof CodegenError) return { diagnostics: e.diagnostics };
      throw e;
    }
  } catch (e) {
    return { error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}

// until the first request comes: warm (tidy-warmup.ts)
warmUp(() => asked);
