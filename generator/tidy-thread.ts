/**
 * The process's tidy worker (tidy-worker.ts): started once, ahead of need
 * (`warmTidyThread`, when a run looks large enough), reused by every later
 * run of the process (the jobs of a config, --watch), and never holding the
 * process open while idle. Requests are answered in order.
 */
import { workerModule } from "./worker-module.js";
import { Worker } from "node:worker_threads";

interface Pending {
  readonly resolve: (tidied: (string | null)[]) => void;
  readonly reject: (e: unknown) => void;
}

let worker: Worker | undefined;
const pending: Pending[] = [];


export function tidyThreadAvailable(): boolean {
  return workerModule("./tidy-worker.js") !== undefined;
}

function start(): Worker | undefined {
  if (worker) return worker;
  const url = workerModule("./tidy-worker.js");
  if (!url) return undefined;
  // no flags of the parent's (--input-type, --eval…), which a worker from a file would refuse
  const w = new Worker(url, { execArgv: [] });
  w.on("message", (m: { tidied: (string | null)[] }) => {
    pending.shift()?.resolve(m.tidied);
    if (pending.length === 0) w.unref();
  });
  const fail = (e: unknown): void => {
    worker = undefined;
    for (const p of pending.splice(0)) p.reject(e);
  };
  w.on("error", fail);
  w.on("exit", (code) => fail(new Error(`the tidy worker exited (${code})`)));
  // after the listeners (adding one may hold it again)
  w.unref();
  worker = w;
  return w;
}

/** Starts the worker now, so that it has loaded its modules by the time the chunks are ready. */
export function warmTidyThread(): void {
  start();
}

/** The chunks (by identity, chunk.ts) tidied on the worker: a text each, or null where tidy leaves it to prettier. */
export function tidyOnThread(identities: readonly string[]): Promise<(string | null)[]> {
  const w = start();
  if (!w) return Promise.reject(new Error("internal: no tidy worker module"));
  return new Promise((resolve, reject) => {
    pending.push({ resolve, reject });
    // held open while a request is out
    w.ref();
    w.postMessage({ identities });
  });
}
