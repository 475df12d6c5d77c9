/**
 * A run of several jobs generates the smallest one on the worker thread
 * while this thread does the others (generator/run.ts, generator/away-job.ts): the same
 * bytes as each job run alone, its input errors in the jobs' order, the run
 * cache filled as by a run here. Runs the built CLI, where the worker module
 * exists; on a machine of one core no job goes away, and the tests that need
 * one are skipped.
 */
import { execFile } from "node:child_process";
import { mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AWAY_MAX_BYTES, awayJob } from "../generator/away-job.js";
import { writeRandomService } from "./helpers/random-service.js";
import { MINI_IDP, tempDir, tree, writeSchemas } from "./helpers/schemas.js";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");
const cli = path.join(root, "dist/generator/cli.js");
const twoCores = availableParallelism() >= 2;
let dir: string;

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function generate(cwd: string, ...args: string[]): Promise<Outcome> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  delete env["COGNITO_CODEGEN_CACHE_DIR"];
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, "generate", ...args], { cwd, env });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** A project with two jobs: a large random service and the small one (first if `smallFirst`). */
async function project(name: string, small: Record<string, object>, smallFirst = false): Promise<{ readonly folder: string; readonly big: string }> {
  const folder = path.join(dir, name);
  await mkdir(path.join(folder, "node_modules"), { recursive: true });
  const big = (await writeRandomService(path.join(folder, "big"), 11, 120)).schemas;
  await writeSchemas(path.join(folder, "small"), small);
  const jobs = [{ name: "big", schemas: big, out: "out/big" }, { name: "small", schemas: "small", out: "out/small" }];
  const config = { jobs: smallFirst ? jobs.reverse() : jobs };
  await writeFile(path.join(folder, "cognito-codegen.config.json"), JSON.stringify(config, null, 2));
  return { folder, big };
}

beforeAll(async () => {
  dir = await tempDir("cognito-codegen-job-away-");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("a job generated on the worker thread", () => {
  it.skipIf(!twoCores)("gives the bytes of each job run alone, and says where it ran under --verbose", async () => {
    const { folder } = await project("same", MINI_IDP);
    const both = await generate(folder, "--verbose", "--no-cache");
    expect(both.stderr).not.toMatch(/error/);
    expect(both.code).toBe(0);
    // the smaller job went to the worker; the other did not
    expect(both.stdout).toMatch(/^small: .* in \d+ ms \(generated on a worker thread\)$/m);
    expect(both.stdout).toMatch(/^big: .* in \d+ ms$/m);
    const together = { big: await tree(path.join(folder, "out/big")), small: await tree(path.join(folder, "out/small")) };
    await rm(path.join(folder, "out"), { recursive: true });
    // one job a run: nothing to share
    for (const job of ["big", "small"]) {
      const alone = await generate(folder, "--verbose", "--no-cache", "--job", job);
      expect(alone.code).toBe(0);
      expect(alone.stdout).not.toMatch(/worker thread/);
    }
    const apart = { big: await tree(path.join(folder, "out/big")), small: await tree(path.join(folder, "out/small")) };
    expect(Object.keys(together.small).length).toBeGreaterThan(3);
    expect(together).toEqual(apart);
  });

  it.skipIf(!twoCores)("is generated here when it cannot be sent to the worker (a function among its prettier options), with the same bytes", async () => {
    const { folder } = await project("unsendable", MINI_IDP);
    // the small job's output folder has a prettier config with a function in it: its options cannot be cloned to a thread
    await mkdir(path.join(folder, "out/small"), { recursive: true });
    await writeFile(path.join(folder, "out/small/.prettierrc.cjs"), "module.exports = { semi: false, notAnOption() {} };\n");
    const both = await generate(folder, "--verbose", "--no-cache");
    expect(both.code).toBe(0);
    expect(both.stdout).toMatch(/^small: .* in \d+ ms$/m);
    expect(both.stdout).not.toMatch(/worker thread/);
    const together = await tree(path.join(folder, "out/small"));
    // formatted under the consumer's options (no semicolons), as when the job runs alone
    expect(together["cognito-idp/types.ts"]).toMatch(/^export type \w+ = string$/m);
    await rm(path.join(folder, "out/small/cognito-idp"), { recursive: true });
    const alone = await generate(folder, "--no-cache", "--job", "small");
    expect(alone.code).toBe(0);
    expect(await tree(path.join(folder, "out/small"))).toEqual(together);
  });

  it.skipIf(!twoCores)("reports its input errors in the jobs' order, and nothing is written", async () => {
    // the small job first: it goes to the worker, and its errors, which come back last, are reported first
    const { folder, big: bigSchemas } = await project("errors", { ...MINI_IDP, BrokenType: { type: "object", required: ["A", "A"] } }, true);
    await writeFile(path.join(bigSchemas, "cognito-idp-zz-broken-type-schema.json"), JSON.stringify({ title: "ZzBrokenType", type: "string", minLength: -1 }));
    const r = await generate(folder, "--no-cache");
    expect(r.code).toBe(2);
    const small = r.stderr.indexOf("cognito-idp-broken-type-schema.json");
    const big = r.stderr.indexOf("cognito-idp-zz-broken-type-schema.json");
    expect(small).toBeGreaterThanOrEqual(0);
    expect(big).toBeGreaterThan(small);
    expect(r.stderr).toMatch(/Nothing was written/);
    await expect(readdir(path.join(folder, "out"))).rejects.toThrow();
  });

  it.skipIf(!twoCores)("fills the run cache: a rerun is answered, and an edit of the small job reuses its chunks here", async () => {
    const { folder, big: bigSchemas } = await project("cache", MINI_IDP);
    const first = await generate(folder, "--verbose");
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^small: .*\(generated on a worker thread\)$/m);
    const again = await generate(folder);
    expect(again.stdout.match(/up to date: inputs, options and generator unchanged/g)).toHaveLength(2);
    // both jobs changed: the small one has chunks in the cache, so it is generated here, reusing them
    const file = path.join(folder, "small", (await readdir(path.join(folder, "small")))[0]!);
    const schema = JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
    await writeFile(file, JSON.stringify({ ...schema, description: "edited" }));
    const big = path.join(bigSchemas, (await readdir(bigSchemas)).find((f) => f.endsWith(".json"))!);
    await writeFile(big, (await readFile(big, "utf8")).replace(/"description": "/, '"description": "edited '));
    const edited = await generate(folder, "--verbose");
    expect(edited.code).toBe(0);
    expect(edited.stdout).not.toMatch(/worker thread/);
    const output = await tree(path.join(folder, "out/small"));
    await rm(path.join(folder, "out"), { recursive: true });
    await generate(folder, "--no-cache", "--job", "small");
    expect(await tree(path.join(folder, "out/small"))).toEqual(output);
  });
});

describe("which job goes to the worker", () => {
  const job = (bytes: number, reusable = 0) => ({ bytes, reusable });

  it("the one of the fewest input bytes, of two or more, on two cores or more", () => {
    expect(awayJob([job(1_500_000), job(250_000)], 2)).toBe(1);
    expect(awayJob([job(90), job(250_000), job(100)], 4)).toBe(0);
    // the first of equals
    expect(awayJob([job(100), job(100)], 2)).toBe(0);
  });

  it("none: one job, one core, statements to reuse, or more input than AWAY_MAX_BYTES", () => {
    expect(awayJob([job(100)], 2)).toBeUndefined();
    expect(awayJob([job(1_500_000), job(250_000)], 1)).toBeUndefined();
    expect(awayJob([job(1_500_000), job(250_000, 40)], 2)).toBeUndefined();
    expect(awayJob([job(AWAY_MAX_BYTES + 2), job(AWAY_MAX_BYTES + 1)], 2)).toBeUndefined();
    expect(awayJob([job(AWAY_MAX_BYTES + 2), job(AWAY_MAX_BYTES)], 2)).toBe(1);
  });
});
