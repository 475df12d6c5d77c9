/**
 * The process's tidy worker (tidy-worker.ts): started once, ahead of need
 * (`warmTidyThread`, when a run looks large enough), reused by every later
 * run of the process (the jobs of a config, --watch), and never holding the
 * process open while idle. Requests are answered in order, on a port that
 * this thread can read between two chunks of its own work.
 */
import { workerModule } from "./worker-module.js";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import type { GenerateReply } from "./tidy-worker.js";

/** What the worker answers a request: a batch tidied, or a job generated (tidy-worker.ts). */
type Answer = { readonly tidied: (string | null)[] } | { readonly generated: GenerateReply };

interface Pending {
  /** A job's generate() (generateOnThread), not a batch. */
  readonly job: boolean;
  /** Called as soon as the answer is taken (by `pollTidyThread`, or on the event loop). */
  readonly done: (answer: Answer) => void;
  readonly resolve: () => void;
  readonly reject: (e: unknown) => void;
}

let worker: Worker | undefined;
/** Where the worker answers: a port of its own, so that this thread can take an answer between two chunks of its own work (`pollTidyThread`). */
let answers: MessagePort | undefined;
const pending: Pending[] = [];

export function tidyThreadAvailable(): boolean {
  return workerModule("./tidy-worker.js") !== undefined;
}

/** An answer, to the oldest request (the worker answers in order). */
function answered(m: Answer): void {
  const p = pending.shift();
  if (pending.length === 0) hold(false);
  if (p === undefined) return;
  p.done(m);
  p.resolve();
}

/** While a request is out, the worker and its port hold the process open; idle, neither does. */
function hold(open: boolean): void {
  if (open) {
    worker?.ref();
    answers?.ref();
  } else {
    worker?.unref();
    answers?.unref();
  }
}

function start(): Worker | undefined {
  if (worker) return worker;
  const url = workerModule("./tidy-worker.js");
  if (!url) return undefined;
  const channel = new MessageChannel();
  // no flags of the parent's (--input-type, --eval…), which a worker from a file would refuse
  const w = new Worker(url, { execArgv: [], workerData: { answers: channel.port2 }, transferList: [channel.port2] });
  channel.port1.on("message", answered);
  const fail = (e: unknown): void => {
    if (worker !== w) return;
    worker = undefined;
    answers?.close();
    answers = undefined;
    for (const p of pending.splice(0)) p.reject(e);
  };
  w.on("error", fail);
  w.on("exit", (code) => fail(new Error(`the tidy worker exited (${code})`)));
  worker = w;
  answers = channel.port1;
  // after the listeners (adding one may hold it again)
  hold(false);
  return w;
}

/** Starts the worker now, so that it has loaded its modules by the time the chunks are ready. */
export function warmTidyThread(): void {
  try {
    start();
  } catch {
    // not started: the run tidies on this thread (tidyOnThread fails, and its batches come back here)
  }
}

/**
 * The chunks (by identity, chunk.ts) tidied on the worker: a text each, or null where tidy leaves
 * it to prettier. `done` gets them as soon as they are taken, even in the middle of this thread's
 * own work (`pollTidyThread`); the promise settles after it, or fails if the worker does.
 */
export function tidyOnThread(identities: readonly string[], done: (tidied: (string | null)[]) => void): Promise<void> {
  return ask({ identities }, false, (answer) => done("tidied" in answer ? answer.tidied : []));
}

/**
 * One job's generate() on the worker (tidy-worker.ts: its `GenerateReply`), queued with the batches:
 * the worker takes the batches asked after it once the job is done. Fails, without a word from the
 * worker, if the options cannot be sent (a function in prettier options) or the worker dies.
 */
export function generateOnThread(options: unknown, keepChunks: boolean): Promise<GenerateReply | undefined> {
  let reply: GenerateReply | undefined;
  return ask({ generate: options, keepChunks }, true, (answer) => (reply = "generated" in answer ? answer.generated : undefined)).then(() => reply);
}

/** Whether the worker has a job of its own to finish (generateOnThread) before the batches asked after it. */
export function tidyThreadBusy(): boolean {
  return pending.some((p) => p.job);
}

function ask(request: object, job: boolean, done: (answer: Answer) => void): Promise<void> {
  let w: Worker | undefined;
  try {
    w = start();
  } catch (e) {
    // a worker that cannot even be made fails its requests like one that died
    return Promise.reject(e);
  }
  if (!w) return Promise.reject(new Error("internal: no tidy worker module"));
  // sent before it is queued: a request that cannot be cloned is refused here, and nothing waits for its answer
  try {
    w.postMessage(request);
  } catch (e) {
    return Promise.reject(e);
  }
  return new Promise((resolve, reject) => {
    pending.push({ job, done, resolve, reject });
    hold(true);
  });
}

/** Takes an answer that has arrived, now, without waiting for the event loop. */
export function pollTidyThread(): void {
  if (answers === undefined || pending.length === 0) return;
  const m = receiveMessageOnPort(answers);
  if (m !== undefined) answered(m.message as Answer);
}
