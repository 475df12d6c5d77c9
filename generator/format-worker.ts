/**
 * A formatting worker (format.ts): one message of sources in, one message of
 * formatted texts out, in order; a failure is one message with the error.
 * It runs with a large stack (prettier recurses once per nesting level).
 */
import { parentPort } from "node:worker_threads";
import type * as prettier from "prettier";
import { batchesOf, formatBatch } from "./format.js";

interface Request {
  readonly sources: readonly string[];
  readonly options: prettier.Options;
}

parentPort?.on("message", (request: Request) => {
  void (async () => {
    try {
      const formatted = new Array<string>(request.sources.length);
      for (const batch of batchesOf(request.sources)) {
        const texts = await formatBatch(
          batch.map((i) => request.sources[i]!),
          request.options,
        );
        batch.forEach((i, k) => (formatted[i] = texts[k]!));
      }
      parentPort!.postMessage({ formatted });
    } catch (e) {
      parentPort!.postMessage({ error: e instanceof Error ? e.message : String(e) });
    }
  })();
});
