/**
 * The CLI's run cache (generator/run-cache.ts): a rerun with nothing changed
 * generates, formats and writes nothing; any change that can change the output
 * (an input's bytes, an option, the output folder's prettier configuration, a
 * hand edit of an output file) runs for real; cached or not, the same bytes.
 */
import { execFile } from "node:child_process";
import { mkdir, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MINI_IDP, tempDir, tree, writeSchemas } from "./helpers/schemas.js";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");
const cli = path.join(root, "dist/generator/cli.js");
let dir: string;

async function generate(cwd: string, ...args: string[]): Promise<{ stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  delete env["COGNITO_CODEGEN_CACHE_DIR"];
  return run(process.execPath, [cli, "generate", "--out", "o", ...args], { cwd, env });
}

const mtimes = async (folder: string): Promise<number[]> => {
  const files = Object.keys(await tree(folder)).sort();
  return Promise.all(files.map(async (f) => (await stat(path.join(folder, f))).mtimeMs));
};

beforeAll(async () => {
  dir = await tempDir("cognito-codegen-cache-");
  // a project: node_modules (where the cache goes) and schemas/
  await mkdir(path.join(dir, "node_modules"));
  await writeSchemas(path.join(dir, "schemas"), MINI_IDP);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the run cache", () => {
  it("answers a rerun with nothing changed without generating, and replays what the run said", async () => {
    await writeFile(path.join(dir, "schemas/cognito-idp-raw-newline-type-schema.json"), '{"title": "RawNewlineType", "type": "string", "description": "two\nlines"}');
    const first = await generate(dir);
    expect(first.stdout).toMatch(/files \(\d+ written, 0 unchanged\)/);
    expect(first.stderr).toMatch(/raw line feed inside a string/);
    const cacheFiles = await readdir(path.join(dir, "node_modules/.cache/cognito-codegen"));
    expect(cacheFiles.some((f) => f.endsWith(".run.json"))).toBe(true);
    expect(cacheFiles.some((f) => f.endsWith(".chunks.json"))).toBe(true);
    const before = await mtimes(path.join(dir, "o"));
    const again = await generate(dir);
    expect(again.stdout).toMatch(/up to date: inputs, options and generator unchanged/);
    expect(again.stderr).toBe(first.stderr);
    expect(await mtimes(path.join(dir, "o"))).toEqual(before);
    await rm(path.join(dir, "schemas/cognito-idp-raw-newline-type-schema.json"));
  });

  it("runs for real after an edit, an option, a hand edit of the output, or a prettier config; always the bytes of a run without cache", async () => {
    const cold = async (...args: string[]): Promise<Record<string, string>> => {
      const other = await tempDir("cognito-codegen-cold-");
      await writeSchemas(path.join(other, "schemas"), JSON.parse(await readFile(path.join(dir, "snapshot.json"), "utf8")) as Record<string, object>);
      for (const f of ["o/.prettierrc.json"]) {
        const text = await readFile(path.join(dir, f), "utf8").catch(() => undefined);
        if (text !== undefined) {
          await mkdir(path.join(other, "o"), { recursive: true });
          await writeFile(path.join(other, f), text);
        }
      }
      await generate(other, "--no-cache", ...args);
      const files = await tree(path.join(other, "o"));
      await rm(other, { recursive: true, force: true });
      delete files[".prettierrc.json"];
      return files;
    };
    const schemas = { ...MINI_IDP };
    const save = async () => {
      await writeFile(path.join(dir, "snapshot.json"), JSON.stringify(schemas));
      await rm(path.join(dir, "schemas"), { recursive: true, force: true });
      await writeSchemas(path.join(dir, "schemas"), schemas);
    };
    const ours = async (): Promise<Record<string, string>> => {
      const files = await tree(path.join(dir, "o"));
      delete files[".prettierrc.json"];
      return files;
    };
    await save();
    await generate(dir);
    expect((await generate(dir)).stdout).toMatch(/up to date/);

    // an input's bytes
    schemas["UsernameType"] = { type: "string", minLength: 1, maxLength: 64 };
    await save();
    const edited = await generate(dir);
    expect(edited.stdout).not.toMatch(/up to date/);
    expect(await readFile(path.join(dir, "o/cognito-idp/validators.ts"), "utf8")).toContain("64");
    expect(await ours()).toEqual(await cold());

    // an option
    const strict = await generate(dir, "--strict-responses");
    expect(strict.stdout).not.toMatch(/up to date/);
    expect(await ours()).toEqual(await cold("--strict-responses"));
    expect((await generate(dir, "--strict-responses")).stdout).toMatch(/up to date/);

    // a hand edit of a generated file: regenerated, not trusted
    const types = path.join(dir, "o/cognito-idp/types.ts");
    await writeFile(types, (await readFile(types, "utf8")) + "// edited\n");
    expect((await generate(dir, "--strict-responses")).stdout).not.toMatch(/up to date/);
    expect(await readFile(types, "utf8")).not.toContain("// edited");

    // the output folder's prettier configuration
    await writeFile(path.join(dir, "o/.prettierrc.json"), JSON.stringify({ useTabs: true }));
    expect((await generate(dir, "--strict-responses")).stdout).not.toMatch(/up to date/);
    expect(await readFile(types, "utf8")).toMatch(/\n\t/);
    expect(await ours()).toEqual(await cold("--strict-responses"));
    await rm(path.join(dir, "o/.prettierrc.json"));
  });

  it("is not used by --check, nor with --no-cache", async () => {
    await generate(dir);
    expect((await generate(dir, "--check")).stdout).toMatch(/up to date \(\d+ files\)/);
    expect((await generate(dir, "--no-cache")).stdout).toMatch(/files \(0 written, \d+ unchanged\)/);
  });
});
