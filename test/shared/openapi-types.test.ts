/**
 * The OpenAPI document alone generates the same service as the JSON-schema
 * folder split out of it: the same operations, and types that are mutually
 * assignable name by name (the folder inlines list items the document refers
 * to, and drops minItems/maxItems, so the texts differ; the types must not).
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate, type GenerateResult } from "../../generator/index.js";
import { writeOutput } from "../../generator/write.js";
import { typeCheck, STRICT_OPTIONS } from "../strict-program.js";
import { SHARED_DIR } from "./paths.js";

const corpus = path.join(SHARED_DIR, "corpus/cognito-idp");
let folder: GenerateResult;
let document: GenerateResult;
/** The schemas' own reading (no response views, whose extent depends on which components operations reach). */
let strictFolder: GenerateResult;
let strictDocument: GenerateResult;
let out: string;

beforeAll(async () => {
  folder = await generate({ schemas: path.join(corpus, "json-schema") });
  document = await generate({ schemas: path.join(corpus, "openapi.yaml") });
  strictFolder = await generate({ schemas: path.join(corpus, "json-schema"), strictResponses: true });
  strictDocument = await generate({ schemas: path.join(corpus, "openapi.yaml"), strictResponses: true });
  out = await mkdtemp(path.join(tmpdir(), "cognito-codegen-openapi-"));
  await writeOutput(path.join(out, "folder"), strictFolder.files);
  await writeOutput(path.join(out, "document"), strictDocument.files);
  await writeFile(path.join(out, "package.json"), '{ "type": "module" }\n');
});
afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

const exported = (result: GenerateResult): string[] =>
  [...result.files.find((f) => f.path === "cognito-idp/types.ts")!.contents.matchAll(/^export (?:type|interface) (\w+)/gm)].map((m) => m[1]!).sort();

describe("cognito-idp: the OpenAPI document alone and the JSON-schema folder beside it", () => {
  it("the folder takes its operation table from the document beside it: the same operations, inputs, outputs and errors", () => {
    const table = (r: GenerateResult) => r.ir.services[0]!.operations.map((o) => ({ name: o.name, target: o.target, errors: o.errors.length, output: o.response !== undefined }));
    expect(table(folder)).toEqual(table(document));
    const ops = folder.ir.services[0]!.operations;
    expect(ops).toHaveLength(101);
    const signUp = ops.find((o) => o.name === "SignUp")!;
    const decls = new Map(folder.ir.services[0]!.declarations.map((d) => [d.id, d.title]));
    expect(signUp.errors.map((e) => decls.get(e))).toContain("UsernameExistsException");
    expect(signUp.doc).toMatch(/^Registers the user/);
    expect(ops.filter((o) => o.response === undefined).map((o) => o.name)).toContain("AdminDeleteUser");
  });

  it("the response views differ only where the split left an item component that no operation reaches", () => {
    // The split inlined list items: in the folder, a list's item component is a file no operation reaches
    // (so strict, and what it refers to gets response views beside the strict types), while in the
    // document the list refers to it. So a few `…Output` views exist on one side only.
    const only = (a: string[], b: string[]): string[] => a.filter((n) => !b.includes(n));
    const inFolder = exported(folder);
    const inDocument = exported(document);
    expect(only(inFolder, inDocument)).toEqual(["ChallengeNameOutput", "ChallengeResponseListTypeOutput", "ChallengeResponseOutput", "EventFeedbackTypeOutput", "EventResponseTypeOutput", "EventRiskTypeOutput", "EventTypeOutput", "RiskDecisionTypeOutput", "RiskLevelTypeOutput", "StatusTypeOutput"]);
    expect(only(inDocument, inFolder)).toEqual(["AliasAttributeTypeOutput", "EventFilterTypeOutput", "ExplicitAuthFlowsTypeOutput", "MFAOptionTypeOutput", "OAuthFlowTypeOutput", "RecoveryOptionTypeOutput", "SchemaAttributeTypeOutput", "UsernameAttributeTypeOutput", "VerifiedAttributeTypeOutput"]);
  });

  it("read as schemas (strict responses), the same type names, each mutually assignable with its namesake", async () => {
    const names = exported(strictFolder);
    expect(exported(strictDocument)).toEqual(names);
    expect(names).toHaveLength(465);
    const lines = ['import type * as F from "./folder/cognito-idp/types.js";', 'import type * as D from "./document/cognito-idp/types.js";'];
    names.forEach((n, i) => lines.push(`export const same${i}: [[F.${n}] extends [D.${n}] ? true : false, [D.${n}] extends [F.${n}] ? true : false] = [true, true];`));
    const check = path.join(out, "check.ts");
    await writeFile(check, lines.join("\n"));
    expect(typeCheck([check], { ...STRICT_OPTIONS, noUnusedLocals: false })).toEqual([]);
  });
});
