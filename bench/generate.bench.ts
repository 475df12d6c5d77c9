/**
 * `npm run bench`: generation time, in cold processes, against
 * json-schema-to-typescript measured in the same run.
 *
 * The input is two services: the cognito-idp corpus (SHARED_DIR) and an
 * identity-pool service of our own making (bench/identity-service.ts, in the
 * corpus's conventions). Every case is a new `node` process, timed from spawn
 * to exit, run BENCH_RUNS times (5), cases interleaved round by round; the
 * median and every run are printed.
 *
 * - peer, types only: json-schema-to-typescript compiles each service (its
 *   references rewritten to #/$defs/<Title> so that it can run at all) and
 *   writes the types, formatted (its default);
 * - ours, all artifacts: the CLI, one config with a job per service, no cache
 *   (a first run);
 * - ours, types only: generate() with artifacts ["types"] and writeOutput, in
 *   a process of its own (bench/generate-once.ts), no cache;
 * - ours, a rerun with nothing changed: the CLI again, with its run cache;
 * - ours, one schema edited under --watch: one process, a schema's
 *   description changed WATCH_EDITS times (15; one edit is a few tens of
 *   milliseconds, and a median of 5 moved by a fifth between runs); the time
 *   from the write to the new output on disk.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { cpSync, mkdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { writeIdentityService } from "./identity-service.js";

const root = path.resolve(import.meta.dirname, "../..");
const cli = path.join(root, "dist/generator/cli.js");
const shared = path.resolve(process.env["SHARED_DIR"] ?? "../shared");
const idp = path.join(shared, "corpus/cognito-idp/json-schema");
const runs = Number(process.env["BENCH_RUNS"] ?? 5);
const edits = Number(process.env["WATCH_EDITS"] ?? 15);

const work = await mkdtemp(path.join(tmpdir(), "cognito-codegen-bench-"));
const identity = (await writeIdentityService(path.join(work, "identity"))).schemas;
const services = [idp, identity];

// a project folder for the CLI: node_modules (where its cache goes) and a config with a job per service
const project = path.join(work, "project");
mkdirSync(path.join(project, "node_modules"), { recursive: true });
await writeFile(
  path.join(project, "cognito-codegen.config.json"),
  JSON.stringify({ jobs: services.map((s, i) => ({ name: `s${i}`, schemas: s, out: `out/s${i}` })) }, null, 2),
);

function timed(args: readonly string[], cwd: string): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd, encoding: "utf8" });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return ms;
}

const cases: Record<string, () => number> = {
  "json-schema-to-typescript: types only": () => timed([path.join(root, "dist/bench/jstt-types.js"), path.join(work, "peer"), ...services], root),
  "cognito-codegen: all artifacts, first run": () => timed([cli, "generate", "--quiet", "--no-cache"], project),
  "cognito-codegen: types only, first run": () => timed([path.join(root, "dist/bench/generate-once.js"), path.join(work, "types"), ...services], root),
  "cognito-codegen: rerun, nothing changed": () => timed([cli, "generate", "--quiet"], project),
};

// the cache exists before the reruns are timed
timed([cli, "generate", "--quiet"], project);
const times: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (let round = 0; round < runs; round++) for (const [name, fn] of Object.entries(cases)) times[name]!.push(fn());

/** One process under --watch; each edit changes a description; the time until the output holds it. */
async function watchEdits(): Promise<number[]> {
  const folder = path.join(work, "watched");
  mkdirSync(path.join(folder, "node_modules"), { recursive: true });
  cpSync(path.dirname(idp), path.join(folder, "in"), { recursive: true });
  const schemas = path.join(folder, "in/json-schema");
  const child = spawn(process.execPath, [cli, "generate", "--watch", "--schemas", schemas, "--out", "out", "--no-color"], { cwd: folder, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  const waitFor = async (test: () => boolean, ms = 120_000): Promise<void> => {
    const end = Date.now() + ms;
    while (!test()) {
      if (Date.now() > end) throw new Error(`--watch: timed out; it printed:\n${stdout}`);
      await new Promise((r) => setTimeout(r, 1));
    }
  };
  await waitFor(() => stdout.includes("waiting for changes"));
  const file = path.join(schemas, "cognito-idp-username-type-schema.json");
  const original = await readFile(file, "utf8");
  const output = path.join(folder, "out/cognito-idp/types.ts");
  const out: number[] = [];
  for (let i = 0; i < edits; i++) {
    const marker = `edited ${i}`;
    const seen = stdout.split("waiting for changes").length;
    const t0 = performance.now();
    await writeFile(file, original.replace(/"description":\s*"/, `"description": "${marker}. `));
    await waitFor(() => {
      try {
        return statSync(output).mtimeMs > 0 && stdout.split("waiting for changes").length > seen;
      } catch {
        return false;
      }
    });
    out.push(performance.now() - t0);
    const text = await readFile(output, "utf8");
    if (!text.includes(marker)) throw new Error(`--watch: the output does not hold the edit ${JSON.stringify(marker)}`);
  }
  child.kill("SIGINT");
  return out;
}
times["cognito-codegen: one schema edited under --watch"] = await watchEdits();

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`input: ${services.length} services (${services.join(", ")}); ${runs} cold processes per case, cases interleaved; --watch: ${edits} edits in one process`);
for (const [name, xs] of Object.entries(times)) {
  console.log(`${name.padEnd(52)} median ${median(xs).toFixed(0).padStart(6)} ms   (runs: ${xs.map((x) => x.toFixed(0)).join(", ")})`);
}
const peer = median(times["json-schema-to-typescript: types only"]!);
const ratio = (name: string, goal: number): void => {
  const r = median(times[name]!) / peer;
  console.log(`${name.padEnd(52)} ${r.toFixed(2)}x the peer's time   (goal ≤ ${goal}x: ${r <= goal ? "met" : "NOT met"})`);
};
console.log("\nratios (our time / json-schema-to-typescript's time, types only; below 1: we are faster)");
ratio("cognito-codegen: all artifacts, first run", 1.0);
ratio("cognito-codegen: types only, first run", 0.5);
ratio("cognito-codegen: rerun, nothing changed", 0.15);
const w = median(times["cognito-codegen: one schema edited under --watch"]!);
console.log(`${"cognito-codegen: one schema edited under --watch".padEnd(52)} ${w.toFixed(0)} ms from the write to the new output   (goal ≤ 150 ms: ${w <= 150 ? "met" : "NOT met"})`);
await rm(work, { recursive: true, force: true });
