/**
 * A formatting worker (format.ts): one message of sources in, one message of
 * formatted texts out, in order; a failure is one message with the error.
 * It runs with a large stack (prettier recurses once per nesting level).
 */
import { parentPort } from "node:worker_threads";
import type * as prettier from "prettier";
import { formatHere } from "./format.js";

interface Request {
  readonly sources: readonly string[];
  readonly options: prettier.Options;
}

parentPort?.on("message", (request: Request) => {
  formatHere(request.sources, request.options).then(
    (formatted) => parentPort!.postMessage({ formatted }),
    (e: unknown) => parentPort!.postMessage({ error: e instanceof Error ? e.message : String(e) }),
  );
});
