/**
 * The lines a run prints about itself, apart from diagnostics: the repairs the
 * normalizer made to the input (said once per run, not as warnings).
 */
import { RULES } from "./normalize.js";

const LISTED = 4;

/** One line per repair rule that changed something: `repaired (rule): A, B, C and 45 more`. */
export function repairLines(repairs: ReadonlyMap<string, readonly string[]>): string[] {
  return RULES.filter((r) => r.repair && repairs.has(r.name)).map((rule) => {
    const titles = repairs.get(rule.name)!;
    const shown = titles.slice(0, LISTED).join(", ");
    const more = titles.length > LISTED ? ` and ${titles.length - LISTED} more` : "";
    return `repaired (normalizer rule ${rule.name}): ${shown}${more}`;
  });
}
