/**
 * generator/yaml-fast.ts against the `yaml` package (through yaml.ts): where
 * the fast path takes a document, the same JSON value (key order included)
 * and the same position for every pointer; what it does not take it leaves
 * to the package. On documents the package itself writes from seeded random
 * values, under several of its styles, and on hand-written ones.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { stringify, type ToStringOptions } from "yaml";
import type { JsonValue } from "../generator/escape.js";
import { fastYaml } from "../generator/yaml-fast.js";
import { parseYaml } from "../generator/yaml.js";
import { prng } from "./prng.js";

/** Through the package alone (yaml.ts's own path when the fast path says no). */
function throughPackage(text: string): ReturnType<typeof parseYaml> {
  return parseYaml(text, { fast: false });
}

/** undefined: the same, or the fast path did not take it; else what differs. */
function difference(text: string): string | undefined {
  const fast = fastYaml(text);
  if (fast === undefined) return undefined;
  const theirs = throughPackage(text);
  if (theirs.value === undefined) return `the package refuses it: ${theirs.problems.map((p) => p.message).join("; ")}`;
  const order = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) => (x !== null && typeof x === "object" && !Array.isArray(x) ? Object.entries(x) : x));
  if (!isDeepStrictEqual(fast.value, theirs.value) || order(fast.value) !== order(theirs.value)) return `values: ${JSON.stringify(fast.value)} vs ${JSON.stringify(theirs.value)}`;
  if (fast.positions.size !== theirs.positions.size) return `positions: ${fast.positions.size} vs ${theirs.positions.size}`;
  for (const [pointer, p] of theirs.positions) {
    const q = fast.positions.get(pointer);
    if (q?.line !== p.line || q.column !== p.column) return `position of ${JSON.stringify(pointer)}: ${JSON.stringify(q)} vs ${JSON.stringify(p)}`;
  }
  return undefined;
}

const WORDS = ["a", "key", "Name", "x-amz", "200", "0x1F", "1.5", "-0", "007", "true", "null", "~", "yes", "__proto__", "a: b", "a #b", "#c", "- d", "it's", 'say "hi"', "back\\slash", "é", "😀", "", " lead", "trail ", "tab\there", "new\nline", "two\n\nbreaks", "{x}", "[y]", "&anchor", "*alias", "!tag", "%d", "@at", "`tick`", "|", ">", "?", ":", "-", ",", "2016-04-18"];

function randomValue(r: () => number, depth: number): JsonValue {
  const pick = r();
  if (depth > 3 || pick < 0.45) {
    const s = r();
    if (s < 0.1) return Math.floor(r() * 2000) - 1000;
    if (s < 0.13) return r() * 100;
    if (s < 0.17) return r() < 0.5;
    if (s < 0.2) return null;
    if (s < 0.35) {
      // long text, folded by the package at its line width
      return Array.from({ length: 5 + Math.floor(r() * 40) }, () => WORDS[Math.floor(r() * WORDS.length)]!.replace(/\s/g, "") || "w").join(" ");
    }
    return WORDS[Math.floor(r() * WORDS.length)]!;
  }
  if (pick < 0.7) return Array.from({ length: Math.floor(r() * 4) }, () => randomValue(r, depth + 1));
  const out: Record<string, JsonValue> = {};
  for (let i = Math.floor(r() * 5); i > 0; i--) Object.defineProperty(out, WORDS[Math.floor(r() * WORDS.length)]!, { value: randomValue(r, depth + 1), enumerable: true, writable: true, configurable: true });
  return out;
}

const STYLES: ToStringOptions[] = [{}, { lineWidth: 40, minContentWidth: 10 }, { lineWidth: 0 }, { indentSeq: false }, { indent: 4 }, { defaultStringType: "QUOTE_DOUBLE" }, { defaultStringType: "QUOTE_SINGLE", defaultKeyType: "PLAIN" }, { doubleQuotedMinMultiLineLength: 10, lineWidth: 30, minContentWidth: 5 }];

describe("the fast YAML path", () => {
  it("gives the package's values and positions on documents the package writes, in several styles", () => {
    const r = prng(20261129);
    const differences: string[] = [];
    let taken = 0;
    let total = 0;
    for (let i = 0; i < 600; i++) {
      const value = { root: randomValue(r, 0), list: [randomValue(r, 1), randomValue(r, 1)] };
      for (const style of STYLES) {
        const text = stringify(value, { version: "1.2", ...style });
        total++;
        if (fastYaml(text) !== undefined) taken++;
        const d = difference(text);
        if (d !== undefined && differences.length < 5) differences.push(`${d}\n--- from\n${text}`);
      }
    }
    expect(differences).toEqual([]);
    // the comparison is worth something only where the fast path takes the document (a float anywhere sends it to the package)
    expect(taken).toBeGreaterThan(total / 4);
  });

  it("gives the package's values and positions on hand-written documents", () => {
    const documents = [
      "# a comment\n\nopenapi: 3.0.0\ninfo:\n  version: 2016-04-18 # trailing comment\n  title: A title\n",
      "tags:\n- cloud\n- name: x\n  description: y\n-   spaced: 1\n    more: 2\n",
      "a:\n  - 1\n  - two\nb: {}\nc: []\nd: [ ]\n",
      "k: a plain scalar\n  folded over\n\n  lines with an empty one\nnext: 1\n",
      "k: 'single ''quoted''\n  over lines'\nd: \"double \\\"quoted\\\" \\u00e9\\x41\\t\n\n  with a break\"\n",
      'k: "escaped \\\n   line break"\n',
      "\"quoted key\": 1\n'single key': 2\n/#X-Amz-Target=Svc.Op: 3\n$ref: \"#/components/schemas/A\"\n",
      "crlf: yes\r\nlist:\r\n- a\r\n",
      "n: -12\nz: 0\nbig: 12345678901234567890\nf: 1.5\nh: 0x1F\ninf: .inf\nt: True\nnul: ~\n",
      "__proto__: 1\nconstructor: {}\n",
      "x: &a 1\ny: *a\n",
      "block: |\n  text\n",
      "dup: 1\ndup: 2\n",
      "---\na: 1\n",
      "a: b: c\n",
      "  indented: root\n",
      "a:\n\tb: tab\n",
      `${"k".repeat(1100)}: a key past YAML's 1024 characters\n`,
    ];
    const differences = documents.map((text) => difference(text)).filter((d) => d !== undefined);
    expect(differences).toEqual([]);
    // taken, these: the subset the documents come in
    for (const text of documents.slice(0, 8)) expect(fastYaml(text), text).toBeDefined();
    // left to the package, these: numbers but plain decimals, aliases, block scalars, a key twice, directives, errors, tabs
    for (const text of documents.slice(8).filter((t) => !t.startsWith("__proto__"))) expect(fastYaml(text), text).toBeUndefined();
  });

  it("an own __proto__ member, never a prototype", () => {
    const fast = fastYaml("__proto__:\n  polluted: true\n");
    expect(fast).toBeDefined();
    expect(Object.getPrototypeOf(fast!.value)).toBe(Object.prototype);
    expect(Object.hasOwn(fast!.value as object, "__proto__")).toBe(true);
  });

  it("takes the OpenAPI fixtures it can, with the package's result", () => {
    const dir = path.resolve(import.meta.dirname, "fixtures-openapi");
    const files = readdirSync(dir).filter((f) => f.endsWith(".yaml") || f.endsWith(".yml"));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(difference(readFileSync(path.join(dir, f), "utf8")), f).toBeUndefined();
  });
});
