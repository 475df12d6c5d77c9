/** The thread of large-stack.ts: one generate() call on a large stack, its result (or its diagnostics) back. */
import { parentPort } from "node:worker_threads";
import { CodegenError } from "./diagnostics.js";
import { emptyStats } from "./format.js";
import { generate, type GenerateOptions } from "./index.js";
import { isStackOverflow, markLargeStack } from "./large-stack.js";

markLargeStack();

parentPort?.once("message", (options: GenerateOptions) => {
  void (async () => {
    const stats = emptyStats();
    try {
      const result = await generate({ ...options, stats });
      parentPort!.postMessage({ result: { files: result.files, ir: result.ir, warnings: result.warnings, repairs: result.repairs, overrides: result.overrides }, stats });
    } catch (e) {
      if (e instanceof CodegenError) parentPort!.postMessage({ diagnostics: e.diagnostics });
      else parentPort!.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e), overflow: isStackOverflow(e) });
    }
  })();
});
