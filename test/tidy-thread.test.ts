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
import { writeSchemas } from "./helpers/schemas.js";

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

  it("dying in the middle of a run, leaves its batches to this thread: the same output, no failure", () => {
    // the worker is terminated as its third batch is sent: the batches it had, and those it would have had, are tidied here
    const r = run(`import { Worker } from "node:worker_threads";
      const post = Worker.prototype.postMessage;
      let sent = 0;
      Worker.prototype.postMessage = function (message) {
        if (++sent === 3) void this.terminate();
        return post.call(this, message);
      };
      const { generate } = await import(${JSON.stringify(index)});
      const { emptyStats } = await import(${JSON.stringify(format)});
      const stats = emptyStats();
      const shared = await generate({ schemas: ${JSON.stringify(schemas)}, stats, workers: 1 });
      const aloneStats = emptyStats();
      const alone = await generate({ schemas: ${JSON.stringify(schemas)}, stats: aloneStats, workers: 0 });
      const text = (r) => JSON.stringify(r.files.map((f) => [f.path, f.contents]));
      console.log(JSON.stringify({ sent, workers: stats.workers, same: text(shared) === text(alone), files: shared.files.length, tidied: [stats.tidied, aloneStats.tidied] }));`);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { sent: number; workers: number; same: boolean; files: number; tidied: [number, number] };
    // tidied here, not left to prettier (which would make the same bytes)
    expect(out.tidied[0]).toBeGreaterThan(0);
    expect(out.tidied[0]).toBe(out.tidied[1]);
    expect(out.sent).toBeGreaterThanOrEqual(3);
    expect(out.workers).toBe(1);
    expect(out.files).toBeGreaterThan(0);
    expect(out.same).toBe(true);
  }, 90_000);

  it("that cannot be made (its constructor throws), leaves the run to this thread: the same output, no failure", () => {
    const r = run(`import { createRequire, syncBuiltinESMExports } from "node:module";
      const threads = createRequire(import.meta.url)("node:worker_threads");
      let made = 0;
      threads.Worker = class {
        constructor() {
          made++;
          throw new Error("no worker here");
        }
      };
      syncBuiltinESMExports();
      const { generate } = await import(${JSON.stringify(index)});
      const { emptyStats } = await import(${JSON.stringify(format)});
      const stats = emptyStats();
      const aloneStats = emptyStats();
      const shared = await generate({ schemas: ${JSON.stringify(schemas)}, stats, workers: 1 });
      const alone = await generate({ schemas: ${JSON.stringify(schemas)}, stats: aloneStats, workers: 0 });
      const text = (r) => JSON.stringify(r.files.map((f) => [f.path, f.contents]));
      console.log(JSON.stringify({ made, same: text(shared) === text(alone), tidied: [stats.tidied, aloneStats.tidied] }));`);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { made: number; same: boolean; tidied: [number, number] };
    expect(out.made).toBeGreaterThan(0);
    expect(out.tidied[0]).toBeGreaterThan(0);
    expect(out.tidied[0]).toBe(out.tidied[1]);
    expect(out.same).toBe(true);
  }, 90_000);

  it("leaves statements over 1 MB to this thread, with the rest shared: the same output as alone", async () => {
    // one request of 3,000 members: its builder class and its check function are statements of more than 1 MB
    const properties = Object.fromEntries(Array.from({ length: 3_000 }, (_v, i) => [`Member${i}`, { type: "string", maxLength: 64, description: `Member ${i} of a wide request, described at some length so that it takes room.` }]));
    const wide = await writeSchemas(path.join(dir, "wide"), { WideRequest: { type: "object", properties }, WideResponse: { type: "object", properties: {} } });
    const r = run(`import { generate } from ${JSON.stringify(index)};
      import { emptyStats } from ${JSON.stringify(format)};
      const stats = emptyStats();
      const aloneStats = emptyStats();
      const shared = await generate({ schemas: ${JSON.stringify(wide)}, stats, workers: 1 });
      const alone = await generate({ schemas: ${JSON.stringify(wide)}, stats: aloneStats, workers: 0 });
      const text = (r) => JSON.stringify(r.files.map((f) => [f.path, f.contents]));
      const largest = Math.max(...shared.files.map((f) => f.contents.length));
      console.log(JSON.stringify({ workers: stats.workers, same: text(shared) === text(alone), largest, tidied: [stats.tidied, aloneStats.tidied] }));`);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { workers: number; same: boolean; largest: number; tidied: [number, number] };
    expect(out.largest).toBeGreaterThan(1024 * 1024);
    expect(out.workers).toBe(1);
    expect(out.tidied[0]).toBe(out.tidied[1]);
    expect(out.same).toBe(true);
  }, 120_000);

  it("busy with a job of its own, has the batches it was sent tidied here instead of waited for: the same output", async () => {
    const small = (await writeRandomService(path.join(dir, "small"), 5)).schemas;
    const thread = pathToFileURL(path.join(root, "dist/generator/tidy-thread.js")).href;
    // the worker generates the large service (cold: seconds); meanwhile a small one is generated here with the worker asked for
    const r = run(`const { generate } = await import(${JSON.stringify(index)});
      const { generateOnThread } = await import(${JSON.stringify(thread)});
      const order = [];
      const job = generateOnThread({ schemas: ${JSON.stringify(schemas)} }, false).then((reply) => order.push("result" in reply ? "job" : "job failed"));
      const shared = await generate({ schemas: ${JSON.stringify(small)}, workers: 1 });
      order.push("here");
      await job;
      const alone = await generate({ schemas: ${JSON.stringify(small)}, workers: 0 });
      const text = (r) => JSON.stringify(r.files.map((f) => [f.path, f.contents]));
      console.log(JSON.stringify({ order, same: text(shared) === text(alone) }));`);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { order: string[]; same: boolean };
    // done here before the worker's job: its batches did not wait behind it
    expect(out.order).toEqual(["here", "job"]);
    expect(out.same).toBe(true);
  }, 90_000);

  it("used, then idle, lets the process end", () => {
    const r = run(generateIn("workers: 1"));
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { workers: number }).workers).toBe(1);
  }, 90_000);
});
