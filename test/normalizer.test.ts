import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { JsonValue } from "../generator/escape.js";
import { DEFAULT_CONTEXT, normalizeSchema, RULES, type RuleContext } from "../generator/normalize.js";
import type { JsonObject } from "../generator/load.js";

interface Case {
  name: string;
  /** The rule's context, where it matters (DEFAULT_CONTEXT otherwise). */
  context?: Partial<RuleContext>;
  in: JsonObject;
  out: JsonObject;
}

const dir = new URL("./normalizer/", import.meta.url);

describe("normalizer rules (one case file per rule, named after it)", () => {
  it("every rule has a case file and every case file a rule", () => {
    const files = readdirSync(dir).map((f) => f.replace(/\.json$/, "")).sort();
    expect(files).toEqual(RULES.map((r) => r.name).sort());
  });

  for (const rule of RULES) {
    const cases = JSON.parse(readFileSync(new URL(`${rule.name}.json`, dir), "utf8")) as Case[];
    describe(rule.name, () => {
      it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
        const input = structuredClone(c.in);
        expect(rule.apply(c.in, { ...DEFAULT_CONTEXT, ...c.context })).toEqual(c.out);
        expect(c.in).toEqual(input); // pure: the input is not touched
      });
    });
  }
});

describe("normalizeSchema", () => {
  it("applies the rules to every subschema, inner ones first, and converts each text once", () => {
    const input: JsonValue = {
      type: "object",
      properties: {
        enum: { allOf: [{ $ref: "#/components/schemas/A" }, { description: "<p>&amp;lt; is <b>not</b> &lt;</p>" }] },
        list: { type: ["array"], items: { allOf: [{ $ref: "#/components/schemas/B" }, { description: "item" }] } },
      },
    };
    const before = structuredClone(input);
    expect(normalizeSchema(input)).toEqual({
      type: "object",
      properties: {
        enum: { description: "&lt; is **not** <", $ref: "#/components/schemas/A" },
        list: { type: "array", items: { description: "item", $ref: "#/components/schemas/B" } },
      },
    });
    expect(input).toEqual(before);
  });

  it("returns the same object when nothing changes", () => {
    const input = { type: "string", minLength: 1 };
    expect(normalizeSchema(input)).toBe(input);
  });
});
