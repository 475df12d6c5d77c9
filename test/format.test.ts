/**
 * The format stage (generator/format.ts): chunk by chunk, batched, cached,
 * and the same bytes as prettier formatting each whole file.
 */
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { emptyStats, formatBatch, formatChunks, FormatError, type Chunk } from "../generator/format.js";
import { generate } from "../generator/index.js";
import { MINI_IDP, tempDir, writeSchemas } from "./helpers/schemas.js";

const OURS: prettier.Options = { parser: "babel-ts", printWidth: 120, trailingComma: "all", quoteProps: "preserve" };
const chunk = (text: string): Chunk => ({ identity: text, source: () => text });

describe("formatting chunk by chunk", () => {
  it("gives each file the bytes prettier gives the whole file, under our options and under a consumer's", async () => {
    const dir = await writeSchemas(await tempDir(), MINI_IDP);
    const consumers: Record<string, unknown>[] = [{}, { useTabs: true, printWidth: 60, singleQuote: true, semi: false, trailingComma: "none" }, { endOfLine: "crlf", tabWidth: 4 }];
    for (const theirs of consumers) {
      const { files } = await generate({ schemas: dir, ...(Object.keys(theirs).length > 0 ? { prettier: theirs } : {}) });
      const options = Object.keys(theirs).length > 0 ? { ...theirs, parser: "babel-ts" } : undefined;
      for (const f of files) {
        // prettier is idempotent on its own output: a file whose chunks were formatted apart is unchanged by formatting it whole
        const whole = await prettier.format(f.contents, options ?? { ...OURS, arrowParens: "always", bracketSpacing: true, endOfLine: "lf", semi: true, singleQuote: false, tabWidth: 2, useTabs: false });
        expect(f.contents, `${f.path} under ${JSON.stringify(theirs)}`).toBe(whole);
      }
      if (theirs["endOfLine"] === "crlf") expect(files.every((f) => !/[^\r]\n/.test(f.contents))).toBe(true);
    }
  });

  it("formats a batch in one call and splits it back, even around comment-only chunks", async () => {
    const sources = ["// a banner\n// two lines", "export   const a=1", "/** doc */\nexport function f( x:number ){return x}", "export type T = {a:string,b:number}"];
    const batched = await formatBatch(sources, OURS);
    const alone = await Promise.all(sources.map((s) => prettier.format(s, OURS)));
    expect(batched).toEqual(alone);
  });

  it("formats a chunk holding the separator's text on its own, unchanged in meaning", async () => {
    const tricky = 'export const s = "x";\n//@@cognito-codegen chunk@@\nexport const t = 1;';
    const out = await formatBatch(["export const a = 1;", tricky], OURS);
    expect(out).toEqual([await prettier.format("export const a = 1;", OURS), await prettier.format(tricky, OURS)]);
  });

  it("names the chunk it cannot format", async () => {
    await expect(formatBatch(["export const a = 1;", "export const = ;"], OURS)).rejects.toThrow(FormatError);
    await expect(formatBatch(["export const a = 1;", "export const = ;"], OURS)).rejects.toThrow(/cannot format the generated code at "export const = ;"/);
  });

  it("takes a chunk seen before from the cache, without printing it, and formats a repeated chunk once", async () => {
    const cache = new Map<string, string>();
    let printed = 0;
    const counted = (text: string): Chunk => ({ identity: text, source: () => (printed++, text) });
    const first = emptyStats();
    const a = await formatChunks([counted("const a=1"), counted("const b=2"), counted("const a=1")], { options: OURS, cache, workers: 0 }, first);
    expect(first).toMatchObject({ formatted: 2, cached: 1 });
    expect(printed).toBe(2);
    const second = emptyStats();
    const b = await formatChunks([counted("const a=1"), counted("const b=2"), counted("const c=3")], { options: OURS, cache, workers: 0 }, second);
    expect(second).toMatchObject({ formatted: 1, cached: 2 });
    expect(printed).toBe(3);
    expect(a).toEqual(["const a = 1;\n", "const b = 2;\n", "const a = 1;\n"]);
    expect(b).toEqual(["const a = 1;\n", "const b = 2;\n", "const c = 3;\n"]);
  });

  it("keys the cache by the options too", async () => {
    const cache = new Map<string, string>();
    const stats = emptyStats();
    await formatChunks([chunk("const a='x'")], { options: OURS, cache, workers: 0 }, stats);
    const single = await formatChunks([chunk("const a='x'")], { options: { ...OURS, singleQuote: true }, cache, workers: 0 }, stats);
    expect(single).toEqual(["const a = 'x';\n"]);
    expect(stats.formatted).toBe(2);
  });

  it("gives a whole run from the cache the same bytes as a cold one", async () => {
    const dir = await writeSchemas(await tempDir(), MINI_IDP);
    const cache = new Map<string, string>();
    const cold = emptyStats();
    const a = await generate({ schemas: dir, formatCache: cache, stats: cold });
    const warm = emptyStats();
    const b = await generate({ schemas: dir, formatCache: cache, stats: warm });
    expect(cold.formatted).toBeGreaterThan(10);
    expect(warm).toMatchObject({ formatted: 0, cached: cold.formatted + cold.cached });
    expect(b.files).toEqual(a.files);
  });
});

describe("chunk identities", () => {
  it("are the structures' JSON, which holds everything: no template gives a writer function", async () => {
    const { plan, ARTIFACTS } = await import("../generator/emit.js");
    const fixtures = ["hostile", "recursive", "two-services", "corpus-repairs"].map((f) => new URL(`./fixtures/${f}`, import.meta.url).pathname);
    let structures = 0;
    for (const schemas of [...fixtures, await writeSchemas(await tempDir(), MINI_IDP)]) {
      const { ir } = await generate({ schemas });
      for (const service of ir.services) {
        for (const file of plan(service, "0", new Set(ARTIFACTS), {})) {
          const stack: unknown[] = [...file.statements];
          while (stack.length > 0) {
            const v = stack.pop();
            expect(typeof v, file.path).not.toBe("function");
            if (typeof v === "object" && v !== null) {
              structures++;
              stack.push(...Object.values(v));
            }
          }
        }
      }
    }
    expect(structures).toBeGreaterThan(100);
  });
});
