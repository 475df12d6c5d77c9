/**
 * The lines a run prints about itself, apart from diagnostics: the repairs the
 * normalizer made to the input (said once per run, not as warnings).
 */
import { RULES } from "./normalize.js";

const LISTED = 4;

/** The summary's name for the patterns run in linear time by a rewrite or an automaton (generator/regex/safety.ts). */
export const LINEAR_PATTERN = "linear-time-pattern";

/** One line per repair rule that changed something: `repaired (rule): A, B, C and 45 more`. */
export function repairLines(repairs: ReadonlyMap<string, readonly string[]>, verbose = false): string[] {
  const list = (titles: readonly string[]): string => `${titles.slice(0, LISTED).join(", ")}${titles.length > LISTED ? ` and ${titles.length - LISTED} more` : ""}`;
  const lines = RULES.filter((r) => r.repair && repairs.has(r.name)).map((rule) => `repaired (normalizer rule ${rule.name}): ${list(repairs.get(rule.name)!)}`);
  const patterns = repairs.get(LINEAR_PATTERN);
  // most are plain `[x]+` classes made `[x]`: worth a line when asked for, not on every run
  if (patterns && verbose) lines.push(`patterns run in linear time (rewritten, or an automaton; the regex engine could backtrack): ${list(patterns)}`);
  return lines;
}
