/**
 * The tidy worker's warm-up (generator/tidy-warmup.ts) runs tidy's code
 * through every kind of statement the templates write: tidy must print each
 * sample itself (a refused one would warm nothing past the refusal), and a
 * sample is already as tidy prints it.
 */
import { describe, expect, it } from "vitest";
import { tidy } from "../generator/tidy/index.js";
import { WARMUP_SOURCES } from "../generator/tidy-warmup.js";

describe("the tidy worker's warm-up", () => {
  it("has samples of each kind, every one printed by tidy as it is", () => {
    expect(WARMUP_SOURCES.length).toBeGreaterThanOrEqual(5);
    for (const kind of [/^export interface /m, /^const sites\d+ = /m, /^function check/m, /^export const assert/m, /^export class /m, /^export function send/m]) {
      expect(WARMUP_SOURCES.some((s) => kind.test(s)), String(kind)).toBe(true);
    }
    for (const source of WARMUP_SOURCES) expect(tidy(source)).toBe(source);
  });
});
