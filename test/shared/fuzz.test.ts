/**
 * `npm run test:fuzz`: differential fuzzing of the generated validators
 * against ajv (draft 2020-12, allErrors) over every component of every
 * corpus service (SHARED_DIR/corpus/<service>/json-schema: cognito-idp, and
 * any other found there), ≥ 100,000 seeded values on cognito-idp alone (drawn at the schemas' edges by
 * test/sampler.ts, and mutated): the same verdict, and the same failing
 * locations (the set of instance paths with an error).
 *
 * Documented divergences, judged by the spec rather than by ajv, are not
 * compared: values with an own `__proto__` member (ajv ignores such an entry
 * of `properties`), and the error a pattern would add where the length has
 * already failed (the generated validators never run a pattern on a value
 * that failed its length; the location is the same one, so the sets agree).
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { generate, type GenerateResult } from "../../generator/index.js";
import { writeOutput } from "../../generator/write.js";
import { ajvJudges } from "../ajv-oracle.js";
import { prng } from "../prng.js";
import { Sampler } from "../sampler.js";
import { corpusServices, SHARED_DIR } from "./paths.js";

const PER_DECLARATION = Number(process.env["FUZZ_PER_DECLARATION"] ?? 200);
const services = corpusServices();
let out: string;

beforeAll(async () => {
  out = await mkdtemp(path.join(tmpdir(), "cognito-codegen-fuzz-"));
  await writeFile(path.join(out, "package.json"), '{ "type": "module" }\n');
});
afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

it("finds the cognito-idp corpus", () => {
  expect(services[0]).toBe("cognito-idp");
});

type Validate = (v: unknown) => { ok: boolean; errors?: readonly { instancePath: string }[] };

it.each(services)(`%s: every component, ${PER_DECLARATION} values each: the verdicts and the failing locations of ajv`, async (id) => {
  const schemas = path.join(SHARED_DIR, "corpus", id, "json-schema");
  const result: GenerateResult = await generate({ schemas, artifacts: ["validators"] });
  await writeOutput(path.join(out, id), result.files);
  const service = result.ir.services[0]!;
  expect(service.id).toBe(id);
  const validators = (await import(pathToFileURL(path.join(out, id, id, "validators.ts")).href)) as Record<string, Validate & ((v: unknown) => boolean)>;
  const judges = await ajvJudges(schemas, { repaired: true });
  const sampler = new Sampler(service, prng(20261129));
  const disagreements: string[] = [];
  let compared = 0;
  let invalid = 0;
  for (const decl of service.declarations) {
    const judge = judges(decl.title, decl.responseView);
    const validate = validators[decl.names.validate]! as Validate;
    const is = validators[decl.names.is]! as (v: unknown) => boolean;
    for (let i = 0; i < PER_DECLARATION; i++) {
      const value = JSON.parse(JSON.stringify(sampler.sample(decl.node)) ?? "null") as unknown;
      if (/"__proto__":/.test(JSON.stringify(value))) continue;
      compared++;
      const theirs = judge(value);
      const ours = validate(value);
      if (!theirs.valid) invalid++;
      const ourPaths = [...new Set((ours.errors ?? []).map((e) => e.instancePath))].sort();
      const theirPaths = [...new Set(theirs.paths)].sort();
      const same = ours.ok === theirs.valid && is(value) === theirs.valid && JSON.stringify(ourPaths) === JSON.stringify(theirPaths);
      if (!same && disagreements.length < 10) disagreements.push(`${decl.title}: ${JSON.stringify(value).slice(0, 200)}: ajv ${theirs.valid} ${JSON.stringify(theirPaths)}, ours ${ours.ok} ${JSON.stringify(ourPaths)}`);
    }
  }
  console.log(`fuzz ${id}: ${compared} values over ${service.declarations.length} declarations, ${invalid} invalid, ${disagreements.length} disagreements`);
  expect(disagreements).toEqual([]);
  expect(compared).toBeGreaterThanOrEqual(id === "cognito-idp" ? 100_000 : 0.9 * PER_DECLARATION * service.declarations.length);
  // both verdicts, in earnest
  expect(invalid).toBeGreaterThan(compared / 5);
  expect(invalid).toBeLessThan(compared - compared / 5);
});
