/**
 * The types of the format stage's cache and statistics (format.ts), apart
 * from it: the package's entry point names them, and its declarations must
 * not pull in prettier's (a consumer compiles against them without them).
 */

/** Formatted chunks by key. A Map is one; run-cache.ts keeps one on disk. */
export interface FormatCache {
  get(key: string): string | undefined;
  set(key: string, formatted: string): void;
}

/** How a run formatted: how many chunks (and their bytes) were formatted, and how many were reused (from the cache, or repeated). */
export interface FormatStats {
  /** Chunks formatted in this run: by tidy (tidied) or by prettier (the rest). */
  formatted: number;
  /** Of those, the chunks tidy printed (generator/tidy/): prettier's bytes without prettier. */
  tidied: number;
  /** The formatted text's bytes of those chunks. */
  formattedBytes: number;
  cached: number;
  /** Worker threads used (0: formatted in this thread). */
  workers: number;
}
