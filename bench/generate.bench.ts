/**
 * `npm run bench`: generation time on the cognito-idp corpus (SHARED_DIR),
 * cognito-codegen against json-schema-to-typescript, measured in the same
 * run. The peer gets the corpus bundled into one document (its references
 * rewritten to #/$defs/<Title>) so that it can run at all, and writes types
 * only; cognito-codegen writes types, validators and builders.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { compile } from "json-schema-to-typescript";
import { generate } from "../generator/index.js";

// npm scripts run from the package root
const shared = path.resolve(process.env["SHARED_DIR"] ?? "../shared");
const corpus = path.join(shared, "corpus/cognito-idp/json-schema");
const runs = Number(process.env["BENCH_RUNS"] ?? 5);

async function bundle(): Promise<object> {
  const defs: Record<string, unknown> = {};
  for (const f of (await readdir(corpus)).sort()) {
    const text = await readFile(path.join(corpus, f), "utf8");
    const schema = JSON.parse(text.replaceAll("#/components/schemas/", "#/$defs/")) as Record<string, unknown>;
    delete schema["$schema"];
    delete schema["$id"];
    defs[schema["title"] as string] = schema;
  }
  return { title: "Corpus", type: "object", $defs: defs };
}

async function median(label: string, fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const m = times[Math.floor(times.length / 2)]!;
  console.log(`${label.padEnd(58)} median ${m.toFixed(0).padStart(6)} ms  (${runs} runs: ${times.map((t) => t.toFixed(0)).join(", ")})`);
  return m;
}

const schema = await bundle();
console.log(`corpus: ${Object.keys((schema as { $defs: object }).$defs).length} schemas from ${corpus}`);
const all = await median("cognito-codegen: types + validators + builders", () => generate({ schemas: corpus }));
const types = await median("cognito-codegen: types only", () => generate({ schemas: corpus, artifacts: ["types"] }));
const peer = await median("json-schema-to-typescript: types only", () =>
  compile(schema as never, "Corpus", { bannerComment: "", unreachableDefinitions: true, declareExternallyReferenced: true }),
);
console.log(`speed ratio, types only: json-schema-to-typescript time / cognito-codegen time = ${(peer / types).toFixed(2)}x (above 1: we are faster)`);
console.log(`speed ratio, all three artifacts against the peer's types: ${(peer / all).toFixed(2)}x`);
