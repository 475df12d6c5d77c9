/**
 * The whole cognito-idp corpus through the generator: every schema becomes a
 * declaration, every `<Op>Request` a builder, the only warnings are the
 * corpus's own mistakes, and the output type-checks strictly. Every other
 * service found in SHARED_DIR/corpus gets the checks that hold of any service.
 * Needs ../shared (SHARED_DIR); run with `npm run test:corpus`.
 */
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate, type GenerateResult } from "../../generator/index.js";
import { emptyStats } from "../../generator/format.js";
import { writeOutput } from "../../generator/write.js";
import { pathToFileURL } from "node:url";
import { agreementOn, ajvOracle } from "../ajv-oracle.js";
import { prng } from "../prng.js";
import { Sampler } from "../sampler.js";
import { printParity } from "../helpers/print-parity.js";
import { typeCheck } from "../strict-program.js";
import { corpusServices, SHARED_DIR } from "./paths.js";

const schemas = path.join(SHARED_DIR, "corpus/cognito-idp/json-schema");
let result: GenerateResult;
let out: string;

beforeAll(async () => {
  result = await generate({ schemas });
  out = await mkdtemp(path.join(tmpdir(), "cognito-codegen-corpus-"));
  await writeOutput(out, result.files);
  await writeFile(path.join(out, "package.json"), '{ "type": "module" }\n');
});
afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

/**
 * A service's generated `is…` against ajv on every component, 100 seeded values each drawn at the
 * schemas' edges; the disagreements, and how many values were compared and valid.
 */
async function agreeWithAjv(result: GenerateResult, id: string, outDir: string, schemaDir: string): Promise<{ disagreements: string[]; compared: number; valid: number; declarations: number }> {
  const service = result.ir.services.find((s) => s.id === id)!;
  const validators = (await import(pathToFileURL(path.join(outDir, id, "validators.ts")).href)) as Record<string, (v: unknown) => boolean>;
  const oracles = await ajvOracle(schemaDir, { repaired: true });
  const sampler = new Sampler(service, prng(11));
  const disagreements: string[] = [];
  let compared = 0;
  let valid = 0;
  for (const decl of service.declarations) {
    const r = agreementOn(oracles(decl.title, decl.responseView), validators[decl.names.is]!, () => sampler.sample(decl.node), 100);
    disagreements.push(...r.disagreements.map((d) => `${decl.title}: ${d}`));
    compared += r.compared;
    valid += r.compared - r.invalid;
  }
  return { disagreements, compared, valid, declarations: service.declarations.length };
}

/**
 * A service (its folder: schemas and OpenAPI document) generated with tidy (the default) and with
 * prettier formatting every chunk: the files that differ, and how many chunks tidy printed.
 */
async function tidyParity(dir: string): Promise<{ differences: string[]; tidied: number; formatted: number }> {
  const stats = emptyStats();
  const tidied = await generate({ schemas: dir, stats, workers: 0 });
  const formatted = await generate({ schemas: dir, tidy: false });
  const differences = tidied.files.filter((f, i) => f.path !== formatted.files[i]?.path || f.contents !== formatted.files[i]?.contents).map((f) => f.path);
  if (tidied.files.length !== formatted.files.length) differences.push("(file count)");
  return { differences, tidied: stats.tidied, formatted: stats.formatted };
}

describe("cognito-idp corpus", () => {
  it("one declaration per schema file, one operation per X-Amz-Target of the OpenAPI document", async () => {
    const files = (await readdir(schemas)).filter((f) => f.endsWith(".json"));
    const service = result.ir.services.find((s) => s.id === "cognito-idp")!;
    expect(service.declarations.filter((d) => d.source.pointer === "" && d.viewOf === undefined)).toHaveLength(files.length);
    const openapi = await readFile(path.join(SHARED_DIR, "corpus/cognito-idp/openapi.yaml"), "utf8");
    const targets = [...openapi.matchAll(/X-Amz-Target=(AWSCognitoIdentityProviderService\.\w+)/g)].map((m) => m[1]).sort();
    expect(service.operations.map((o) => o.target).sort()).toEqual([...new Set(targets)]);
  });

  it("warns about nothing: the corpus's mistakes are repaired by named rules, which the summary lists", () => {
    expect(result.warnings).toEqual([]);
    expect(result.repairs.get("yaml-boolean-enum")).toEqual(["AdvancedSecurityModeType", "UserPoolMfaType"]);
    expect(result.repairs.get("epoch-seconds-timestamp")).toEqual(["DateType"]);
    expect(result.repairs.get("empty-exception")).toContain("UsernameExistsException");
  });

  it("validators agree with ajv on every component, on seeded values drawn at the schemas' edges", async () => {
    const { disagreements, compared, valid } = await agreeWithAjv(result, "cognito-idp", out, schemas);
    expect(disagreements).toEqual([]);
    expect(compared).toBeGreaterThan(40_000);
    // both verdicts, in earnest
    expect(valid).toBeGreaterThan(compared / 5);
    expect(valid).toBeLessThan(compared - compared / 5);
  });

  it("every statement printed by generator/print.ts itself, as ts-morph prints it", async () => {
    const parity = await printParity(schemas);
    expect(parity.differences).toEqual([]);
    expect(parity.delegated).toBe(0);
    expect(parity.statements).toBeGreaterThan(2000);
  });

  it("every chunk printed by tidy, byte for byte as prettier formats it", async () => {
    const parity = await tidyParity(path.join(SHARED_DIR, "corpus/cognito-idp"));
    expect(parity.differences).toEqual([]);
    expect(parity.formatted).toBeGreaterThan(4000);
    expect(parity.tidied).toBe(parity.formatted);
  });

  it("type-checks under the strictest options (strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess, noUnused…)", () => {
    const diagnostics = typeCheck([path.join(out, "cognito-idp/index.ts")]);
    expect(diagnostics).toEqual([]);
  });
});

// Every other service of the corpus folder (identity pools, say), with what holds of any service:
// the same checks but the ones about cognito-idp's own repairs and names.
const others = corpusServices().filter((id) => id !== "cognito-idp");
describe.each(others)("%s corpus", (id) => {
  const dir = path.join(SHARED_DIR, "corpus", id);
  let own: GenerateResult;
  let ownOut: string;
  beforeAll(async () => {
    own = await generate({ schemas: path.join(dir, "json-schema") });
    ownOut = await mkdtemp(path.join(tmpdir(), `cognito-codegen-corpus-${id}-`));
    await writeOutput(ownOut, own.files);
    await writeFile(path.join(ownOut, "package.json"), '{ "type": "module" }\n');
  });
  afterAll(async () => {
    await rm(ownOut, { recursive: true, force: true });
  });

  it("one declaration per schema file; one operation per X-Amz-Target of its OpenAPI document, with or without it", async () => {
    const files = (await readdir(path.join(dir, "json-schema"))).filter((f) => f.endsWith(".json"));
    const service = own.ir.services.find((s) => s.id === id)!;
    expect(service.declarations.filter((d) => d.source.pointer === "" && d.viewOf === undefined)).toHaveLength(files.length);
    expect(service.operations.length).toBeGreaterThan(0);
    if (!existsSync(path.join(dir, "openapi.yaml"))) return;
    const openapi = await readFile(path.join(dir, "openapi.yaml"), "utf8");
    const targets = [...new Set([...openapi.matchAll(/X-Amz-Target=(\w+\.\w+)/g)].map((m) => m[1]!))].sort();
    expect(service.operations.map((o) => o.target).sort()).toEqual(targets);
    const both = await generate({ schemas: dir });
    expect(both.ir.services.find((s) => s.id === id)!.operations.map((o) => o.target).sort()).toEqual(targets);
  });

  it("warns about nothing", () => {
    expect(own.warnings).toEqual([]);
  });

  it("validators agree with ajv on every component, on seeded values drawn at the schemas' edges", async () => {
    const { disagreements, compared, declarations } = await agreeWithAjv(own, id, ownOut, path.join(dir, "json-schema"));
    expect(disagreements).toEqual([]);
    expect(compared).toBeGreaterThan(50 * declarations);
  });

  it("every statement printed by generator/print.ts itself, as ts-morph prints it", async () => {
    const parity = await printParity(dir);
    expect(parity.differences).toEqual([]);
    expect(parity.delegated).toBe(0);
  });

  it("tidy prints its chunks byte for byte as prettier formats them", async () => {
    const parity = await tidyParity(dir);
    expect(parity.differences).toEqual([]);
    expect(parity.tidied).toBeGreaterThan(0.95 * parity.formatted);
  });

  it("type-checks under the strictest options", () => {
    expect(typeCheck([path.join(ownOut, id, "index.ts")])).toEqual([]);
  });
});
