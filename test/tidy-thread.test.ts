/**
 * The process's tidy worker (generator/tidy-thread.ts) never holds a process
 * open: started ahead for a large run and then not needed (every chunk
 * cached), or used and idle. Run in child processes of the built generator,
 * where the worker module exists, each with a deadline.
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeRandomService } from "./helpers/random-service.js";

const root = path.resolve(import.meta.dirname, "..");
let dir: string;
let schemas: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "cognito-codegen-tidy-thread-"));
  // past the size at which the worker is started ahead
  schemas = (await writeRandomService(path.join(dir, "big"), 3, 400)).schemas;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function run(script: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("the tidy worker", () => {
  const index = pathToFileURL(path.join(root, "dist/generator/index.js")).href;
  const format = pathToFileURL(path.join(root, "dist/generator/format.js")).href;
  const generateIn = (options: string): string => `import { generate } from ${JSON.stringify(index)};
      import { emptyStats } from ${JSON.stringify(format)};
      const stats = emptyStats();
      const r = await generate({ schemas: ${JSON.stringify(schemas)}, stats, ${options} });
      console.log(JSON.stringify({ declarations: r.ir.services[0].declarations.length, workers: stats.workers }));`;

  it("started ahead for a large run and then not needed (every chunk in the format cache), lets the process end", () => {
    // one process fills a format cache; another runs with it: the worker starts ahead, and has nothing to tidy
    const cache = path.join(dir, "format-cache.json");
    const fill = run(`import { writeFileSync } from "node:fs";
      import { generate } from ${JSON.stringify(index)};
      const formatCache = new Map();
      await generate({ schemas: ${JSON.stringify(schemas)}, formatCache });
      writeFileSync(${JSON.stringify(cache)}, JSON.stringify([...formatCache]));`);
    expect(fill.stderr).toBe("");
    expect(fill.status).toBe(0);
    const r = run(`import { readFileSync } from "node:fs";
      import { generate } from ${JSON.stringify(index)};
      import { emptyStats } from ${JSON.stringify(format)};
      const stats = emptyStats();
      const formatCache = new Map(JSON.parse(readFileSync(${JSON.stringify(cache)}, "utf8")));
      const r = await generate({ schemas: ${JSON.stringify(schemas)}, stats, formatCache });
      console.log(JSON.stringify({ declarations: r.ir.services[0].declarations.length, workers: stats.workers, formatted: stats.formatted, cached: stats.cached }));`);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { declarations: number; workers: number; formatted: number; cached: number };
    // large enough for the worker to be started ahead, and not used
    expect(out.declarations).toBeGreaterThan(150);
    expect(out.cached).toBeGreaterThan(0);
    expect(out.formatted).toBe(0);
    expect(out.workers).toBe(0);
  }, 90_000);

  it("used, then idle, lets the process end", () => {
    const r = run(generateIn("workers: 1"));
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { workers: number }).workers).toBe(1);
  }, 90_000);
});
