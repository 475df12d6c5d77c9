/**
 * The modules the generator runs in worker threads (format-worker.ts,
 * tidy-worker.ts, large-stack-worker.ts), found beside this one: only when it
 * runs from compiled JavaScript. From TypeScript sources (the tests) there is
 * none, and each caller does its work in this thread instead.
 */
import { existsSync } from "node:fs";

/** The worker module `file` (e.g. "./tidy-worker.js"), or undefined when there is no compiled one. */
export function workerModule(file: string): URL | undefined {
  const url = new URL(file, import.meta.url);
  return url.protocol === "file:" && existsSync(url) ? url : undefined;
}
