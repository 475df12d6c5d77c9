/**
 * A file's stat as a stand-in for its contents, for a process that reads the
 * same files again and again (--watch): inputs re-read only when changed
 * (input.ts), outputs compared without reading them back (write.ts).
 *
 * A stat (inode, size, modification and change times) stands for the bytes
 * read under it only once it is settled: its last change was longer ago than
 * the file system's clock step, so that a later change cannot leave all of it
 * as it was. File systems with times of whole seconds (FAT: 2 s, HFS+, ext3)
 * are told apart by their times (no fraction of a second) and given 2 s; the
 * others step in at most a few ms (Linux: a clock tick) and are given 50 ms.
 */

/** What a file's stat says of its contents: equal signatures, the same bytes, if settled. */
export interface FileState {
  readonly signature: string;
  /** The stat was settled when the contents were read (or written): it may stand for them. */
  readonly settled: boolean;
}

/** What fileState reads of a stat (node's BigIntStats: `stat(file, { bigint: true })`). */
export interface StatTimes {
  readonly ino: bigint;
  readonly size: bigint;
  readonly mtimeNs: bigint;
  readonly ctimeNs: bigint;
  readonly mtimeMs: bigint;
  readonly ctimeMs: bigint;
}

const COARSE_MS = 2_000;
const FINE_MS = 50;

/** The state of a file from its stat, taken at `now` (ms since the epoch) as its contents were read or written. */
export function fileState(stats: StatTimes, now = Date.now()): FileState {
  const coarse = stats.mtimeNs % 1_000_000_000n === 0n && stats.ctimeNs % 1_000_000_000n === 0n;
  const margin = coarse ? COARSE_MS : FINE_MS;
  const lastChange = Math.max(Number(stats.mtimeMs), Number(stats.ctimeMs));
  return { signature: `${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}`, settled: now - lastChange > margin };
}

/** Whether contents read or written under `earlier` are still the file's, which now has `current`. */
export function unchangedSince(earlier: FileState | undefined, current: FileState): boolean {
  return earlier !== undefined && earlier.settled && earlier.signature === current.signature;
}
