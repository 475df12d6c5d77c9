/**
 * Stage 6: formatting, chunk by chunk.
 *
 * A chunk is one top-level statement of a generated file. The files are
 * printed with exactly one blank line between top-level statements, and
 * prettier formats top-level statements independently of each other, so a
 * file's formatted text is its chunks' formatted texts joined by a blank
 * line: the same bytes as formatting the whole file at once (the golden
 * output and the snapshots hold this). That makes formatting
 *
 * - incremental: a chunk whose key (its source, and the formatting options)
 *   was formatted before is taken from a `FormatCache` (in memory under
 *   --watch, on disk between CLI runs; see run-cache.ts);
 * - parallel: on a cold run the chunks left are spread over worker threads
 *   (format-worker.ts), each formatting whole batches.
 *
 * Nothing here touches the file system but the worker's own module.
 */
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type * as prettier from "prettier";
import type { FormatCache, FormatStats } from "./format-cache.js";
import { formatLarge } from "./piecewise.js";
import { workerModule } from "./worker-module.js";
import { tidy } from "./tidy/index.js";
import { pollTidyThread, tidyOnThread, tidyThreadAvailable, tidyThreadBusy, warmTidyThread } from "./tidy-thread.js";
import { count, filler, layoutKey, placeholder, type Shape } from "./shape.js";
import { printStatement } from "./print.js";

export type { FormatCache, FormatStats } from "./format-cache.js";

export interface FormatSettings {
  readonly options: prettier.Options;
  /**
   * The options are the generator's own (prettier-options.ts): a chunk tidy prints (tidy/index.ts)
   * is taken from tidy, the same bytes as prettier's, and only the others go to prettier.
   */
  readonly tidy?: boolean;
  readonly cache?: FormatCache;
  /**
   * Worker threads for the chunks to format: 0 formats in this thread;
   * undefined decides by the amount of work and the machine's cores.
   */
  readonly workers?: number;
}

/**
 * Below this many bytes to format, a worker costs more than it saves: each one loads prettier and
 * warms its JIT from cold (about a second of CPU), and on two cores V8's own background threads
 * already use the second. Measured on the corpus (2.3 MB): 3.5 s alone, 3.9 s with a worker; ten
 * copies of it (13 MB): 11.8 s alone, 10.4 s with one.
 */
const WORKER_THRESHOLD = 6 * 1024 * 1024;
/** Bytes of source per worker, at least, so that each one pays for its start. */
const BYTES_PER_WORKER = 4 * 1024 * 1024;
/** Stack for formatting in a worker: prettier recurses once per nesting level of the code. */
const WORKER_STACK_MB = 256;

/**
 * The cache entry that says which formatting options its chunks were formatted under. A chunk's key
 * is its identity itself (not a hash of it: the engine hashes a string as a Map key far faster than
 * sha256 would, and --watch looks every chunk up on every change); a cache whose options differ
 * from the run's is not read, and is overwritten.
 */
export const OPTIONS_ENTRY = "\0options";

/** The options' part of the chunks' keys: short, the same for every chunk of a run. */
function optionsHash(options: prettier.Options): string {
  return createHash("sha256").update(optionsKey(options)).digest("base64url").slice(0, 16);
}

/** prettier's version, from its package.json: the formatter itself is loaded only when a chunk needs it. */
const PRETTIER_VERSION = (createRequire(import.meta.url)("prettier/package.json") as { version: string }).version;

let loaded: Promise<typeof prettier> | undefined;
/** prettier, loaded on first use: a run whose chunks are all cached, preformatted or tidied never loads it. */
function loadPrettier(): Promise<typeof prettier> {
  return (loaded ??= import("prettier"));
}

/** The part of the key that the options and the formatter's version make. */
export function optionsKey(options: prettier.Options): string {
  const sorted = Object.fromEntries(Object.entries(options).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `prettier ${PRETTIER_VERSION} ${JSON.stringify(sorted)}`;
}


/** Workers besides this thread, which formats a share too. */
function workerCount(settings: FormatSettings, bytes: number): number {
  if (settings.workers !== undefined) return Math.max(0, Math.floor(settings.workers));
  if (bytes < WORKER_THRESHOLD) return 0;
  return Math.max(0, Math.min(availableParallelism() - 1, 3, Math.floor(bytes / BYTES_PER_WORKER)));
}

/** A formatting failure: the chunk's first line, for the internal error it becomes. */
export class FormatError extends Error {
  override name = "FormatError";
}

/** The line between two chunks of a batch: a comment, which prettier keeps as it is, on a line of its own. */
const SEPARATOR = "//@@cognito-codegen chunk@@";
const SPLIT = /^\/\/@@cognito-codegen chunk@@\r?\n/m;
/** Source bytes per batch: prettier's set-up per call costs about as much as formatting a few hundred bytes. */
const BATCH_BYTES = 128 * 1024;

/** The sources in batches of about BATCH_BYTES (indices into `sources`, in order). */
function batchesOf(sources: readonly string[]): number[][] {
  const batches: number[][] = [];
  let current: number[] = [];
  let bytes = 0;
  sources.forEach((s, i) => {
    if (current.length > 0 && bytes + s.length > BATCH_BYTES) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(i);
    bytes += s.length;
  });
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * Formats chunks in one call of prettier: joined by a separator comment,
 * formatted, split at the separators. A chunk that holds the separator's
 * text, or a batch that does not split back into as many chunks, is
 * formatted chunk by chunk instead.
 */
export async function formatBatch(sources: readonly string[], options: prettier.Options): Promise<string[]> {
  const prettier = await loadPrettier();
  if (sources.length > 1 && !sources.some((s) => s.includes(SEPARATOR))) {
    const text = sources.map((s) => s.replace(/^\s+/, "").replace(/\s+$/, "")).join(`\n${SEPARATOR}\n`) + "\n";
    let formatted: string | undefined;
    try {
      formatted = await prettier.format(text, options);
    } catch {
      // the failing chunk is found, and named, one by one below
    }
    const parts = formatted?.split(SPLIT);
    if (parts && parts.length === sources.length) return parts;
  }
  const out: string[] = [];
  for (const source of sources) {
    try {
      // a giant chunk piece by piece (piecewise.ts): the same bytes, in a fraction of the memory
      out.push(await formatLarge(source, options, prettier.format));
    } catch (e) {
      // too deep for this thread's stack: the caller starts one with a larger stack (index.ts)
      if (e instanceof RangeError) throw e;
      throw new FormatError(formatFailure(source, e));
    }
  }
  return out;
}

/** Formats sources in this thread, batch by batch (the worker runs the same). */
export async function formatHere(sources: readonly string[], options: prettier.Options): Promise<string[]> {
  const out = new Array<string>(sources.length);
  for (const batch of batchesOf(sources)) {
    const formatted = await formatBatch(
      batch.map((i) => sources[i]!),
      options,
    );
    batch.forEach((i, k) => (out[i] = formatted[k]!));
  }
  return out;
}

/** What a failure to format a chunk says: the chunk's first line of code, and prettier's first line. */
export function formatFailure(source: string, e: unknown): string {
  const first = source.split("\n").find((l) => l.trim() !== "" && !/^\s*(?:\/\/|\/\*|\*)/.test(l)) ?? "";
  const why = e instanceof Error ? e.message.split("\n")[0] : String(e);
  return `cannot format the generated code at ${JSON.stringify(first.slice(0, 120))}: ${why}`;
}

interface WorkerReply {
  readonly formatted?: string[];
  readonly error?: string;
}

/**
 * Formats the sources on `count` workers and this thread: one share each,
 * dealt out by size so that they finish together; each worker gets its share
 * in one message and answers in one.
 */
async function formatOnWorkers(url: URL, sources: readonly string[], options: prettier.Options, count: number): Promise<string[]> {
  const order = sources.map((_s, i) => i).sort((a, b) => sources[b]!.length - sources[a]!.length || a - b);
  const shares: number[][] = Array.from({ length: count + 1 }, () => []);
  const loads = new Array<number>(count + 1).fill(0);
  for (const i of order) {
    let least = 0;
    for (let w = 1; w <= count; w++) if (loads[w]! < loads[least]!) least = w;
    shares[least]!.push(i);
    loads[least]! += sources[i]!.length;
  }
  // each share back in source order, so that batches hold neighbouring chunks
  for (const share of shares) share.sort((a, b) => a - b);
  const out = new Array<string>(sources.length);
  const place = (share: readonly number[], texts: readonly string[]): void => share.forEach((i, k) => (out[i] = texts[k]!));
  const workers = shares.slice(1).map(() => new Worker(url, { execArgv: [], resourceLimits: { stackSizeMb: WORKER_STACK_MB } }));
  try {
    const remote = workers.map(
      (worker, w) =>
        new Promise<void>((resolve, reject) => {
          const share = shares[w + 1]!;
          worker.once("message", (reply: WorkerReply) => {
            if (reply.error !== undefined || !reply.formatted) return reject(new FormatError(reply.error ?? "the formatting worker answered nothing"));
            place(share, reply.formatted);
            resolve();
          });
          worker.once("error", reject);
          worker.postMessage({ sources: share.map((i) => sources[i]!), options });
        }),
    );
    const local = formatHere(
      shares[0]!.map((i) => sources[i]!),
      options,
    ).then((texts) => place(shares[0]!, texts));
    await Promise.all([local, ...remote]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return out;
}

/**
 * Below this many bytes of chunk identities to tidy, the worker is not used: a start and a module
 * load for little work. Chosen, not tuned: the corpus is far above it, a small service below.
 */
const TIDY_WORKER_THRESHOLD = 512 * 1024;
/**
 * A statement larger than this is tidied on this thread, never on the worker: a giant input's
 * statements (a schema of 11,000 properties makes some of several MB) tidied two at a time would
 * double the peak memory, for little time.
 */
const TIDY_WORKER_MAX_CHUNK = 1024 * 1024;
/** The largest batch of chunk identities the tidy worker gets in one message, and the smallest. */
const TIDY_BATCH_BYTES = 64 * 1024;
const TIDY_BATCH_MIN_BYTES = 8 * 1024;

/**
 * Starts the tidy worker ahead of a run that will likely use it (`declarations` in its services):
 * its start then overlaps the templates' work instead of following it.
 */
export function prepareTidy(settings: { readonly workers?: number }, declarations: number): void {
  if (settings.workers === 0 || declarations < TIDY_WORKER_DECLARATIONS || availableParallelism() < 2) return;
  warmTidyThread();
}

/** About as many declarations as make TIDY_WORKER_THRESHOLD bytes of chunks. */
const TIDY_WORKER_DECLARATIONS = 150;

/**
 * Each shape's layout under our options, by layoutKey (shape.ts): its text with placeholder names,
 * or null where the placeholders did not come back as they went in (its statements are tidied one
 * by one). Kept for the process: the same shapes recur in every run (--watch).
 */
const layouts = new Map<string, ((holes: readonly string[]) => string) | null>();

/** Shapes (shape.key: all but the holes) whose first layout was checked against its statement's own text, and whether it matched. */
const checkedShapes = new Map<string, boolean>();

/**
 * The first statement met of each shape not checked yet: its holes and its own tidied text. A
 * shape met once (most of the validators' site tables are) costs one tidy; a second statement
 * checks the shape on the first one's text.
 */
const firstOfShape = new Map<string, { readonly holes: readonly string[]; readonly text: string | undefined }>();

/** Past this size, a first statement's text is not kept for the check (its shape is then tidied statement by statement). */
const FIRST_TEXT_MAX = 64 * 1024;

/** The layout of a shape at these holes' lengths: the statement made with placeholders, tidied; undefined where a placeholder did not come back as often as it went in. */
function layoutOf(shape: Shape, holes: readonly string[]): ((holes: readonly string[]) => string) | undefined {
  const placeholders = holes.map((h, i) => placeholder(h, i));
  const source = printStatement(shape.make(placeholders));
  const text = tidy(source);
  return text !== undefined && placeholders.every((p) => count(text, p) === count(source, p)) ? filler(placeholders, text) : undefined;
}

/**
 * A shaped chunk as tidy prints it: its shape's layout with its holes filled in. A layout is made
 * once per shape and hole lengths, from the statement with placeholders, and kept if each
 * placeholder comes back as often as it went in. A shape is first checked: the first statement of
 * it is tidied itself, and when a second one comes, the layout at the first one's lengths, filled
 * with its holes, must be its text (else every statement of the shape is tidied itself).
 */
function tidyShaped(chunk: Chunk): string | undefined {
  const shape = chunk.shape!;
  const key = layoutKey(shape);
  let layout = layouts.get(key);
  if (layout === undefined) {
    let checked = checkedShapes.get(shape.key);
    if (checked === undefined) {
      const first = firstOfShape.get(shape.key);
      if (first === undefined) {
        const own = tidy(chunk.source());
        firstOfShape.set(shape.key, { holes: shape.holes, text: own !== undefined && own.length <= FIRST_TEXT_MAX ? own : undefined });
        return own;
      }
      firstOfShape.delete(shape.key);
      const fill = first.text !== undefined ? layoutOf(shape, first.holes) : undefined;
      checked = fill !== undefined && fill(first.holes) === first.text;
      checkedShapes.set(shape.key, checked);
      layouts.set(layoutKey({ ...shape, holes: first.holes }), checked ? fill! : null);
      layout = layouts.get(key);
    }
    if (layout === undefined) {
      layout = (checked ? layoutOf(shape, shape.holes) : undefined) ?? null;
      layouts.set(key, layout);
    }
  }
  return layout === null ? tidy(chunk.source()) : layout(shape.holes);
}

/**
 * Each chunk's text as tidy prints it (undefined where tidy leaves it to prettier), in order: in this
 * thread, or, for much work on more than one core, shared with a worker (tidy-worker.ts) as they go:
 * this thread tidies from the first chunk on, the worker batches from the last one back, and this
 * thread, between two chunks, takes each answer and sends the next batch, until they meet. So they
 * finish together whatever their speeds, and the worker's start costs only its own share.
 */
async function tidyEntries(entries: readonly { readonly identity: string; readonly chunk: Chunk }[], settings: FormatSettings, stats: FormatStats): Promise<(string | undefined)[]> {
  const out = new Array<string | undefined>(entries.length);
  const here = (j: number): void => {
    out[j] = tidy(entries[j]!.chunk.source());
  };
  const bytes = entries.reduce((n, e) => n + e.identity.length, 0);
  // workers asked for (settings.workers > 0) are used whatever the amount of work
  const asked = settings.workers !== undefined && settings.workers > 0;
  if (!tidyThreadAvailable() || settings.workers === 0 || entries.length < 2 || (!asked && (bytes < TIDY_WORKER_THRESHOLD || availableParallelism() < 2))) {
    for (let j = 0; j < entries.length; j++) {
      if (entries[j]!.chunk.shape !== undefined) out[j] = tidyShaped(entries[j]!.chunk);
      else here(j);
    }
    return out;
  }
  stats.workers = Math.max(stats.workers, 1);
  // statements of a shape laid out before (shape.ts) are this thread's: a few each, filled in
  const shapedHere: number[] = [];
  const todo: number[] = [];
  entries.forEach((e, j) => (e.chunk.shape !== undefined ? shapedHere : todo).push(j));
  /** This thread's next chunk, and the end of what is left (the worker's batches take from there back), as places in `todo`. */
  let front = 0;
  let back = todo.length;
  let left = todo.reduce((n, j) => n + entries[j]!.identity.length, 0);
  /** Batches sent: their answer (false: the worker failed), whether it has come, and whether this thread tidied them instead. */
  const batches: { readonly indices: number[]; readonly reply: Promise<boolean>; readonly state: { answered: boolean; taken: boolean } }[] = [];
  /** Statements too large for the worker, met on its way back: this thread's. */
  const mainOnly: number[] = [];
  const send = (): void => {
    if (front >= back) return;
    // smaller batches as the work runs out, so that neither waits long for the other at the end
    const size = Math.min(TIDY_BATCH_BYTES, Math.max(TIDY_BATCH_MIN_BYTES, left / 8));
    const indices: number[] = [];
    let load = 0;
    while (back > front && (indices.length === 0 || load + entries[todo[back - 1]!]!.identity.length <= size)) {
      back--;
      const j = todo[back]!;
      // a giant statement stays here: tidied on both threads at once, two of them would double the peak memory
      if (entries[j]!.identity.length > TIDY_WORKER_MAX_CHUNK) {
        mainOnly.push(j);
        continue;
      }
      indices.push(j);
      load += entries[j]!.identity.length;
    }
    if (indices.length === 0) return;
    left -= load;
    // taken between two chunks here (pollTidyThread), or on the event loop once this thread is done; a failed worker leaves its batches to this thread
    const state = { answered: false, taken: false };
    const reply = tidyOnThread(
      indices.map((j) => entries[j]!.identity),
      (tidied) => {
        state.answered = true;
        if (!state.taken) indices.forEach((j, k) => (out[j] = tidied[k] ?? undefined));
        send();
      },
    ).then(
      () => true,
      () => false,
    );
    batches.push({ indices, reply, state });
  };
  // two batches out, so that the worker never waits for the next
  send();
  send();
  for (const j of shapedHere) {
    out[j] = tidyShaped(entries[j]!.chunk);
    pollTidyThread();
  }
  while (front < back || mainOnly.length > 0) {
    const j = front < back ? todo[front++]! : mainOnly.pop()!;
    left -= entries[j]!.identity.length;
    here(j);
    pollTidyThread();
  }
  // the batches the worker has not answered because a job of its own comes first (run.ts): tidied here rather than waited for
  for (const { indices, state } of batches) {
    pollTidyThread();
    if (state.answered || !tidyThreadBusy()) continue;
    state.taken = true;
    for (const j of indices) here(j);
  }
  for (const { indices, reply, state } of batches) if (!state.taken && !(await reply)) for (const j of indices) here(j);
  return out;
}

/** A chunk: what identifies its source (the source itself, or what it is printed from), and how to print it. */
export interface Chunk {
  readonly identity: string;
  source(): string;
  /** Under our options: the statement's shape, when its template wrote it as one of many alike and placeholders can stand for its holes (shape.ts). */
  readonly shape?: Shape;
  /**
   * The source is already what prettier makes of it under the run's options (a runtime module
   * under ours, emit.ts): taken as it is, neither formatted nor cached.
   */
  readonly preformatted?: boolean;
}

/**
 * Formats every chunk (formatted texts out, in the chunks' order), taking
 * what it can from the cache (a hit is not even printed) and putting back
 * what it formats.
 */
export async function formatChunks(chunks: readonly Chunk[], settings: FormatSettings, stats: FormatStats): Promise<string[]> {
  const optionsTag = optionsHash(settings.options);
  const cache = settings.cache;
  const readable = cache !== undefined && cache.get(OPTIONS_ENTRY) === optionsTag;
  cache?.set(OPTIONS_ENTRY, optionsTag);
  let keys = chunks.map((c) => c.identity);
  const out = new Array<string>(chunks.length);
  // a chunk that occurs twice is formatted once
  const missing = new Map<string, number[]>();
  keys.forEach((k, i) => {
    if (chunks[i]!.preformatted === true) {
      out[i] = chunks[i]!.source();
      return;
    }
    const hit = readable ? cache.get(k) : undefined;
    if (hit !== undefined) {
      out[i] = hit;
      stats.cached++;
    } else {
      const at = missing.get(k);
      if (at) at.push(i);
      else missing.set(k, [i]);
    }
  });
  if (missing.size === 0) return out;
  /** A chunk formatted in this run: its text for every place it occurs, and into the cache. */
  const place = (key: string | undefined, at: readonly number[], text: string): void => {
    for (const i of at) out[i] = text;
    if (key !== undefined) cache?.set(key, text);
    stats.formatted++;
    // the repeats of a chunk in this run were formatted once: they count as reused
    stats.cached += at.length - 1;
    stats.formattedBytes += text.length;
  };
  if (settings.tidy === true) {
    // the chunks tidy prints (nearly all of the generator's own): prettier's bytes without prettier
    const entries = [...missing];
    const texts = await tidyEntries(
      entries.map(([k, at]) => ({ identity: k, chunk: chunks[at[0]!]! })),
      settings,
      stats,
    );
    entries.forEach(([k, at], j) => {
      const text = texts[j];
      if (text === undefined) return;
      place(k, at, text);
      stats.tidied++;
      missing.delete(k);
    });
    if (missing.size === 0) return out;
  }
  const todo = [...missing.values()].map((at) => chunks[at[0]!]!.source());
  // while formatting, neither the chunks (their structures) nor, without a cache to put them in, their identities (the structures' JSON, MBs for a giant one) are needed
  const groups = [...missing.values()];
  const groupKeys = cache !== undefined ? [...missing.keys()] : [];
  missing.clear();
  keys = [];
  chunks = [];
  const bytes = todo.reduce((n, s) => n + s.length, 0);
  const url = workerModule("./format-worker.js");
  const count = url ? Math.min(workerCount(settings, bytes), todo.length) : 0;
  const formatted = count > 0 ? await formatOnWorkers(url!, todo, settings.options, count) : await formatHere(todo, settings.options);
  stats.workers = Math.max(stats.workers, count);
  groups.forEach((at, j) => place(groupKeys[j], at, formatted[j]!));
  return out;
}

export function emptyStats(): FormatStats {
  return { formatted: 0, tidied: 0, formattedBytes: 0, cached: 0, workers: 0 };
}
