/**
 * A tidy worker (format.ts): chunk identities in (chunk.ts), their sources
 * printed and tidied out, in order; null where tidy leaves a chunk to prettier
 * (or fails on it: the caller formats that one itself, and meets the failure
 * there, with its own handling).
 */
import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import { sourceOf } from "./chunk.js";
import { tidy } from "./tidy/index.js";
import { warmUp } from "./tidy-warmup.js";

interface Request {
  readonly identities: readonly string[];
}

/** Where answers go (tidy-thread.ts): a port of their own, which the caller can read synchronously. */
const answers = (workerData as { answers: MessagePort } | null)?.answers;

let asked = false;

parentPort?.on("message", (request: Request) => {
  asked = true;
  const tidied = request.identities.map((identity) => {
    try {
      return tidy(sourceOf(identity)) ?? null;
    } catch {
      return null;
    }
  });
  answers!.postMessage({ tidied });
});

// until the first batch comes: warm (tidy-warmup.ts)
warmUp(() => asked);
