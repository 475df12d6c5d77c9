/**
 * `npm run bench:scale`: generation at scale, each case a cold process of the
 * CLI (no cache), timed from spawn to exit, with its peak memory (maxRSS, as
 * the kernel counts it, read from /usr/bin/time's format when there is one,
 * else from the process's own resource usage via generate-once.ts).
 *
 * - one copy of the cognito-idp corpus (SHARED_DIR), then ten copies of it in
 *   one service, every title renamed (`<Title>Copy<k>`, references too):
 *   goal ≤ 11× one copy's time, ≤ 1 GiB;
 * - one schema of about 5 MB with 11,000 properties: goal ≤ 30 s, ≤ 1 GiB;
 * - objects nested 500 levels deep: all artifacts, and the limit (depth.ts)
 *   past it as an error, never a stack overflow.
 *
 * BENCH_RUNS (3 here) runs per case; the median and every run are printed.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

const root = path.resolve(import.meta.dirname, "../..");
const cli = path.join(root, "dist/generator/cli.js");
const shared = path.resolve(process.env["SHARED_DIR"] ?? "../shared");
const idp = path.join(shared, "corpus/cognito-idp");
const runs = Number(process.env["BENCH_RUNS"] ?? 3);
const GiB = 1024 ** 3;
const work = mkdtempSync(path.join(tmpdir(), "cognito-codegen-scale-"));

/** `copies` copies of the corpus (json-schema/ and openapi.yaml), every title but the first copy's renamed. */
function copies(count: number): string {
  const dir = path.join(work, `copies-${count}`);
  const schemas = path.join(dir, "json-schema");
  mkdirSync(schemas, { recursive: true });
  const files = readdirSync(path.join(idp, "json-schema")).filter((f) => f.endsWith(".json"));
  for (let k = 0; k < count; k++) {
    const suffix = k === 0 ? "" : `Copy${k}`;
    files.forEach((f) => {
      let text = readFileSync(path.join(idp, "json-schema", f), "utf8");
      if (suffix !== "") text = text.replace(/("title"\s*:\s*")([^"]+)"/, `$1$2${suffix}"`).replace(/#\/components\/schemas\/([A-Za-z0-9_]+)/g, `#/components/schemas/$1${suffix}`);
      const name = suffix === "" ? f : f.replace(/-schema\.json$/, `-copy${k}-schema.json`);
      writeFileSync(path.join(schemas, name), text);
    });
  }
  // the operation table of the first copy (the copies' components are reached by nothing: all of them are still generated)
  writeFileSync(path.join(dir, "openapi.yaml"), readFileSync(path.join(idp, "openapi.yaml")));
  return schemas;
}

function huge(): string {
  const dir = path.join(work, "huge");
  mkdirSync(dir, { recursive: true });
  const words = "the user pool client identifier that is used to sign requests and verify tokens issued".split(" ");
  const props: Record<string, object> = {};
  for (let i = 0; i < 11_000; i++) {
    const d = Array.from({ length: 60 }, (_, k) => words[(i + k) % words.length]).join(" ");
    props[`Member${i}`] =
      i % 3 === 0
        ? { type: "string", minLength: 1, maxLength: 128, pattern: "^[\\w+=,.@-]+$", description: `<p>${d}</p>` }
        : i % 3 === 1
          ? { type: "integer", minimum: 0, maximum: 1000, description: d }
          : { type: "string", enum: ["A", "B", "C"], description: d };
  }
  writeFileSync(path.join(dir, "cognito-idp-huge-request-schema.json"), JSON.stringify({ title: "HugeRequest", type: "object", properties: props, required: ["Member0", "Member1"] }, null, 2));
  return dir;
}

/** Objects nested `levels` deep through properties, written without recursion (JSON.stringify recurses). */
function nested(levels: number): string {
  const dir = path.join(work, `nested-${levels}`);
  mkdirSync(dir, { recursive: true });
  let text = '{ "type": "string", "maxLength": 5 }';
  for (let i = 0; i < levels; i++) text = `{ "type": "object", "properties": { "L${i}": ${text} }, "required": ["L${i}"] }`;
  writeFileSync(path.join(dir, "cognito-idp-deep-request-schema.json"), `{ "title": "DeepRequest", ${text.slice(1)}`);
  return dir;
}

interface Run {
  readonly ms: number;
  readonly rss: number;
  readonly status: number | null;
  readonly output: string;
}

function generate(schemas: string): Run {
  const out = path.join(work, "out");
  rmSync(out, { recursive: true, force: true });
  const t0 = performance.now();
  // /usr/bin/time -f %M: the peak resident set of the process and its threads, in KiB
  const r = spawnSync("/usr/bin/time", ["-f", "maxrss %M", process.execPath, cli, "generate", "--schemas", schemas, "--out", out, "--no-cache", "--quiet"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t0;
  const kib = Number(/maxrss (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return { ms, rss: kib * 1024, status: r.status, output: r.stderr.replace(/maxrss \d+\n?/, "").trim() };
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mib = (b: number): string => `${(b / 1024 ** 2).toFixed(0)} MiB`;

function measure(label: string, schemas: string, n = runs): Run[] {
  const all: Run[] = [];
  for (let i = 0; i < n; i++) all.push(generate(schemas));
  const failed = all.find((r) => r.status !== 0);
  console.log(
    `${label.padEnd(44)} median ${median(all.map((r) => r.ms)).toFixed(0).padStart(7)} ms, peak ${mib(Math.max(...all.map((r) => r.rss))).padStart(8)}   (runs: ${all.map((r) => r.ms.toFixed(0)).join(", ")})${failed ? `   FAILED: ${failed.output.split("\n")[0]}` : ""}`,
  );
  return all;
}

const one = measure("one copy of cognito-idp (465 schemas)", copies(1));
const ten = measure("ten copies, titles renamed (4,650 schemas)", copies(10));
const ratio = median(ten.map((r) => r.ms)) / median(one.map((r) => r.ms));
const tenPeak = Math.max(...ten.map((r) => r.rss));
console.log(`  ten copies / one copy: ${ratio.toFixed(2)}x (goal ≤ 11x: ${ratio <= 11 ? "met" : "NOT met"}); peak ${mib(tenPeak)} (goal ≤ 1 GiB: ${tenPeak <= GiB ? "met" : "NOT met"})`);
const big = measure("one 5 MB schema, 11,000 properties", huge());
const bigMs = median(big.map((r) => r.ms));
const bigPeak = Math.max(...big.map((r) => r.rss));
console.log(`  ${(bigMs / 1000).toFixed(1)} s (goal ≤ 30 s: ${bigMs <= 30_000 ? "met" : "NOT met"}); peak ${mib(bigPeak)} (goal ≤ 1 GiB: ${bigPeak <= GiB ? "met" : "NOT met"})`);
const deep = measure("objects nested 500 levels deep", nested(500), 1);
console.log(`  ${deep.every((r) => r.status === 0) ? "generated" : "NOT generated"}`);
const past = generate(nested(1_200));
console.log(`${"objects nested 1,200 levels (past the limit)".padEnd(44)} exit ${past.status}: ${past.output.split("\n")[0]}`);
rmSync(work, { recursive: true, force: true });
