/**
 * The whole cognito-idp corpus through the generator: every schema becomes a
 * declaration, every `<Op>Request` a builder, the only warnings are the
 * corpus's own mistakes, and the output type-checks strictly.
 * Needs ../shared (SHARED_DIR); run with `npm run test:corpus`.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate, type GenerateResult } from "../../generator/index.js";
import { writeOutput } from "../../generator/write.js";
import { pathToFileURL } from "node:url";
import { agreementOn, ajvOracle } from "../ajv-oracle.js";
import { prng } from "../prng.js";
import { Sampler } from "../sampler.js";
import { typeCheck } from "../strict-program.js";
import { SHARED_DIR } from "./paths.js";

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
    const service = result.ir.services.find((s) => s.id === "cognito-idp")!;
    const validators = (await import(pathToFileURL(path.join(out, "cognito-idp/validators.ts")).href)) as Record<string, (v: unknown) => boolean>;
    const oracles = await ajvOracle(schemas, { repaired: true });
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
    expect(disagreements).toEqual([]);
    expect(compared).toBeGreaterThan(40_000);
    // both verdicts, in earnest
    expect(valid).toBeGreaterThan(compared / 5);
    expect(valid).toBeLessThan(compared - compared / 5);
  });

  it("type-checks under the strictest options (strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess, noUnused…)", () => {
    const diagnostics = typeCheck([path.join(out, "cognito-idp/index.ts")]);
    expect(diagnostics).toEqual([]);
  });
});
