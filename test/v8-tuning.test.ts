/**
 * generator/v8-tuning.ts changes how fast a run is, never what it writes: the
 * same output with the engine tuned for one run and without, in processes of
 * their own (the tuning is process-wide).
 */
import { spawnSync } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeRandomService } from "./helpers/random-service.js";
import { tempDir } from "./helpers/schemas.js";

const root = path.resolve(import.meta.dirname, "..");
let dir: string;
let schemas: string;
beforeAll(async () => {
  dir = await tempDir("cognito-codegen-v8-tuning-");
  schemas = (await writeRandomService(path.join(dir, "service"), 5, 200)).schemas;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The files generate() makes in a process of its own, tuned or not, as JSON. */
function outputOf(tuned: boolean): string {
  const index = pathToFileURL(path.join(root, "dist/generator/index.js")).href;
  const tuning = pathToFileURL(path.join(root, "dist/generator/v8-tuning.js")).href;
  const script = `import { generate } from ${JSON.stringify(index)};
    import { tuneForOneRun } from ${JSON.stringify(tuning)};
    ${tuned ? "tuneForOneRun();" : ""}
    const r = await generate({ schemas: ${JSON.stringify(schemas)} });
    process.stdout.write(JSON.stringify(r.files.map((f) => [f.path, f.contents])));`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", timeout: 90_000, maxBuffer: 256 * 1024 * 1024 });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return r.stdout;
}

describe("the engine tuned for one run", () => {
  it("writes what an untuned run writes", () => {
    const tuned = outputOf(true);
    expect(JSON.parse(tuned).length).toBeGreaterThan(5);
    expect(tuned).toBe(outputOf(false));
  }, 180_000);
});
