/**
 * Which job of a run goes to the worker thread (run.ts): with two or more
 * jobs to generate and two cores, the one of the fewest input bytes, so that
 * it is done while the main thread reads, plans and writes the others (when
 * the worker has little else to do), and the worker then tidies with the main
 * thread. Not a job with formatted statements to reuse (the worker formats all
 * of its own), and not one of more than AWAY_MAX_BYTES of input: two jobs at
 * once add up their peak memory, which is a few hundred MB for inputs of some
 * MB.
 */

/** The most input bytes of a job generated on the worker (the cognito-idp corpus with its OpenAPI document is 1.5 MB). */
export const AWAY_MAX_BYTES = 4 * 1024 * 1024;

export interface JobSize {
  /** Its input files' bytes. */
  readonly bytes: number;
  /** Formatted statements it has in the run cache. */
  readonly reusable: number;
}

/** The index of the job to generate on the worker, or undefined for none. */
export function awayJob(jobs: readonly JobSize[], cores: number): number | undefined {
  if (jobs.length < 2 || cores < 2) return undefined;
  let least = 0;
  jobs.forEach((job, i) => {
    if (job.bytes < jobs[least]!.bytes) least = i;
  });
  const job = jobs[least]!;
  return job.reusable === 0 && job.bytes <= AWAY_MAX_BYTES ? least : undefined;
}
