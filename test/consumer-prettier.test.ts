/**
 * generator/consumer-prettier.ts: prettier is loaded only where it could find
 * a config, and where this says it could not, prettier's own resolveConfig
 * indeed finds nothing.
 */
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import * as prettier from "prettier";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONFIG_NAMES, consumerPrettier, mayHavePrettierConfig } from "../generator/consumer-prettier.js";
import { tempDir } from "./helpers/schemas.js";

let root: string;
beforeAll(async () => {
  root = await tempDir("cognito-codegen-consumer-prettier-");
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A fresh folder under the temporary root, with these files. */
async function folder(name: string, files: Record<string, string>): Promise<string> {
  const dir = path.join(root, name);
  await mkdir(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) await writeFile(path.join(dir, file), text);
  return dir;
}

describe("mayHavePrettierConfig", () => {
  it("knows every file name prettier's config searcher looks for", async () => {
    const source = await readFile(createRequire(import.meta.url).resolve("prettier").replace(/index\.cjs$/, "index.mjs"), "utf8");
    const list = /var CONFIG_FILES = \[([^]*?)\];/.exec(source);
    expect(list, "prettier's CONFIG_FILES list (its config searcher) was not found: check this module against the prettier installed").not.toBeNull();
    const names = [...list![1]!.matchAll(/(?:name: )?"([^"]+)"/g)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) expect(name === "package.json" || CONFIG_NAMES.includes(name), name).toBe(true);
  });

  it.each(CONFIG_NAMES)("finds %s in the folder or above it", async (name) => {
    const dir = await folder(`with-${name}`, { [name]: "" });
    expect(mayHavePrettierConfig(dir)).toBe(true);
    expect(mayHavePrettierConfig(path.join(dir, "out", "deeper"))).toBe(true);
  });

  it("finds a package.json with a prettier key, and one it cannot read; not one without the key", async () => {
    expect(mayHavePrettierConfig(await folder("pkg-key", { "package.json": JSON.stringify({ name: "app", prettier: { printWidth: 100 } }) }))).toBe(true);
    expect(mayHavePrettierConfig(await folder("pkg-broken", { "package.json": "{ not json" }))).toBe(true);
    const plain = await folder("pkg-plain", { "package.json": JSON.stringify({ name: "app" }) });
    // the machine's own folders above the temporary one may hold a config: then nothing is said of these
    if (!mayHavePrettierConfig(root)) expect(mayHavePrettierConfig(plain)).toBe(false);
  });

  it("says no only where prettier finds nothing", async () => {
    const places = [root, await folder("empty", {}), await folder("pkg-only", { "package.json": JSON.stringify({ name: "app" }) }), path.join(root, "missing", "out")];
    let checked = 0;
    for (const dir of places) {
      if (mayHavePrettierConfig(dir)) continue;
      expect(await prettier.resolveConfig(path.join(dir, "index.ts"), { editorconfig: true }), dir).toBeNull();
      expect(await consumerPrettier(dir)).toEqual({});
      checked++;
    }
    // unless the machine has a config above the temporary folder, every place was one
    if (!mayHavePrettierConfig(root)) expect(checked).toBe(places.length);
  });

  it("hands prettier's options over where there is a config", async () => {
    const dir = await folder("rc", { ".prettierrc": JSON.stringify({ printWidth: 77, singleQuote: true }) });
    expect(await consumerPrettier(path.join(dir, "out"))).toEqual({ prettier: { printWidth: 77, singleQuote: true } });
    const editor = await folder("editorconfig", { ".editorconfig": "root = true\n[*]\nindent_style = space\nindent_size = 3\n" });
    expect((await consumerPrettier(path.join(editor, "out"))).prettier).toMatchObject({ tabWidth: 3 });
  });
});
