/**
 * The runtime modules (templates/runtime/*.ts) are kept as prettier formats
 * them under the generator's own options: generation writes them as they
 * are, unformatted, when no consumer configuration applies (emit.ts), so a
 * module that prettier would change would reach the output unformatted.
 * Format them with `npx prettier --write` under those options after an edit.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { PRETTIER } from "../generator/prettier-options.js";
import { generate } from "../generator/index.js";
import { MINI_IDP, tempDir, writeSchemas } from "./helpers/schemas.js";

const dir = path.resolve(import.meta.dirname, "../templates/runtime");
const modules = readdirSync(dir).filter((f) => f.endsWith(".ts"));

describe("runtime modules, written as they are", () => {
  it.each(modules)("%s is as prettier formats it under the generator's options", async (file) => {
    const text = readFileSync(path.join(dir, file), "utf8");
    expect(await prettier.format(text, PRETTIER)).toBe(text);
  });

  it("a consumer's options still format them (tabs, width 60)", async () => {
    const schemas = await writeSchemas(await tempDir(), MINI_IDP);
    const { files } = await generate({ schemas, prettier: { useTabs: true, printWidth: 60 } });
    const validate = files.find((f) => f.path.endsWith("runtime/validate.ts"))!;
    expect(validate.contents).toMatch(/^\t/m);
    expect(validate.contents).toBe(await prettier.format(validate.contents, { ...PRETTIER, useTabs: true, printWidth: 60 }));
  });
});
