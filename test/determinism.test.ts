/**
 * Same input, same bytes: whatever the order the files were created in, the
 * working directory, the locale and time zone, the run cache (hit or miss), and
 * the number of formatting workers.
 */
import { execFile } from "node:child_process";
import { cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MINI_IDP, tempDir, tree, writeSchemas } from "./helpers/schemas.js";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");
const cli = path.join(root, "dist/generator/cli.js");
const fixture = path.join(root, "test/fixtures/two-services");
let dir: string;

/** The CLI on `schemas`, written to `out`, from `cwd`, with these env additions; the files written. */
async function generated(cwd: string, schemas: string, out: string, env: Record<string, string> = {}, ...args: string[]): Promise<Record<string, string>> {
  const base: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", ...env };
  delete base["COGNITO_CODEGEN_CACHE_DIR"];
  await run(process.execPath, [cli, "generate", "--schemas", schemas, "--out", out, "--quiet", ...args], { cwd, env: base });
  return tree(path.resolve(cwd, out));
}

beforeAll(async () => {
  dir = await tempDir("cognito-codegen-determinism-");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("deterministic output", () => {
  it("is the same whatever order the input files were created in, the working directory, the locale and the time zone", async () => {
    // the two-services fixture, and MINI_IDP written once forwards and once backwards
    const forwards = path.join(dir, "forwards");
    const backwards = path.join(dir, "backwards");
    await cp(fixture, path.join(forwards, "fixture"), { recursive: true });
    await writeSchemas(path.join(forwards, "mini"), MINI_IDP, "cognito-idp");
    const files = await readdir(path.join(forwards, "fixture"));
    await mkdir(path.join(backwards, "fixture"), { recursive: true });
    for (const f of [...files].reverse()) await writeFile(path.join(backwards, "fixture", f), await readFile(path.join(forwards, "fixture", f)));
    await writeSchemas(path.join(backwards, "mini"), Object.fromEntries(Object.entries(MINI_IDP).reverse()), "cognito-idp");

    for (const input of ["fixture", "mini"]) {
      const a = await generated(forwards, input, "out", { LANG: "C", LC_ALL: "C", TZ: "UTC" });
      expect(Object.keys(a).length).toBeGreaterThan(5);
      // another working directory (absolute paths), another locale, another time zone
      const b = await generated(path.join(backwards, input), path.join(backwards, input), path.join(backwards, `out-${input}`), { LANG: "tr_TR.UTF-8", LC_ALL: "tr_TR.UTF-8", TZ: "Asia/Kathmandu" });
      const strip = (t: Record<string, string>) => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.replace(/^\/\/ Regenerate with: .*$/m, "")]));
      expect(strip(b)).toEqual(strip(a));
    }
  });

  it("is the same from the run cache as without it, and with one formatting worker or many", async () => {
    const project = path.join(dir, "cached");
    await mkdir(path.join(project, "node_modules"), { recursive: true });
    await cp(fixture, path.join(project, "schemas"), { recursive: true });
    const cold = await generated(project, "schemas", "a", {}, "--no-cache");
    const miss = await generated(project, "schemas", "b");
    const hit = await generated(project, "schemas", "b");
    const strip = (t: Record<string, string>) => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.replace(/^\/\/ Regenerate with: .*$/m, "")]));
    expect(strip(miss)).toEqual(strip(cold));
    expect(hit).toEqual(miss);

    // the built generator: prettier formatting on this thread alone and on three workers, and tidy (none to prettier)
    const { generate } = (await import(path.join(root, "dist/generator/index.js"))) as typeof import("../generator/index.js");
    const { emptyStats } = (await import(path.join(root, "dist/generator/format.js"))) as typeof import("../generator/format.js");
    const one = emptyStats();
    const many = emptyStats();
    const alone = await generate({ schemas: fixture, workers: 0, stats: one, tidy: false });
    const shared = await generate({ schemas: fixture, workers: 3, stats: many, tidy: false });
    // tidy on this thread, and with a share on a worker (asked for: the fixture is below the size that starts one)
    const tidiedHere = await generate({ schemas: fixture, workers: 0 });
    const onWorker = emptyStats();
    const tidied = await generate({ schemas: fixture, workers: 3, stats: onWorker });
    expect(onWorker.workers).toBe(1);
    expect(onWorker.tidied).toBe(onWorker.formatted);
    expect(tidiedHere.files).toEqual(alone.files);
    expect(one.workers).toBe(0);
    expect(many.workers).toBe(3);
    expect(shared.files).toEqual(alone.files);
    expect(tidied.files).toEqual(alone.files);
  });
});
