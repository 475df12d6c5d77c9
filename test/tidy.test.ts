/**
 * tidy (generator/tidy/) against prettier itself: on written snippets of every
 * construct the templates use, each at many name lengths (so that its lines
 * fall on both sides of the width), on every fixture's whole output, and on
 * random services. Wherever tidy answers, its answer must be prettier's, byte
 * for byte; where it cannot, it must say so (undefined), never guess.
 */
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import * as prettier from "prettier";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyStats } from "../generator/format.js";
import { generate } from "../generator/index.js";
import { PRETTIER } from "../generator/prettier-options.js";
import { tidy, tidyRefusal } from "../generator/tidy/index.js";
import { prng } from "./prng.js";
import { writeRandomService } from "./helpers/random-service.js";

const pretty = (source: string): Promise<string> => prettier.format(source, PRETTIER);

/** Snippets in the templates' style; `NAME` is replaced by names of many lengths. */
const SNIPPETS: readonly string[] = [
  `/** Doc of NAME. */\nexport interface NAME {\n    /** A member. */\n    Member?: NAMEType;\n    /**\n     * Two lines\n     *\n     * of doc.\n     */\n    Other: string[];\n    readonly [key: string]: unknown;\n}`,
  `export type NAME = ("ONE" | "TWO_NAME" | "THREE" | "FOUR_IS_LONGER" | "FIVE");`,
  `export type NAME = "SMS" | "EMAIL" | "NAME" | (string & {});`,
  `export type NAME = Readonly<{\n    /** A. */\n    A: string;\n    B?: NAMEList;\n}>;`,
  `export type NAME = { [key: string]: NAMEValue };`,
  `export type NAME = NAMEItem[];`,
  `export type NAME = ("A" | "NAME" | "C")[] | (keyof NAMEType)[] | ((value: NAME) => void)[];`,
  `export class NAMEBuilder {\n    member2(value: ("A_NAME" | "B_NAME" | "C_NAME" | "D_NAME") | undefined): NAMEBuilder {\n        return this;\n    }\n}`,
  `export type NAME = { [K in keyof (NAMEA | NAMEB)]?: (NAMEA & NAMEB)[K] };`,
  `export type NAMEError = NAMEException | InvalidParameterException | NotAuthorizedException | ResourceNotFoundException | ClientFailure;`,
  `export const validateNAME = /* @__PURE__ */ validator<NAME>(checkNAME);`,
  `export const isNAME = /* @__PURE__ */ guard<NAME>(checkNAMEType);`,
  `export const assertNAME: (value: unknown) => asserts value is NAME = /* @__PURE__ */ asserter<NAME>(checkNAME, "NAME");`,
  `const sites1 = /* @__PURE__ */ within("NAME", [/* @__PURE__ */ requiredSite("NAME"), /* @__PURE__ */ limitSite("maxLength", 128), /* @__PURE__ */ typeSite("object")]);`,
  `const pattern2 = /* @__PURE__ */ classSearch(0, 4294967294, 4294967295, 2147483647, /* @__PURE__ */ new RegExp("[\\\\p{L}NAME]", "u"));`,
  `const pattern3 = /^[a-z]+NAME$/u;`,
  `const values1 = /* @__PURE__ */ new Set(["A", "NAME", "it's", 'say "x"', "a\\\\b"]);`,
  `function checkNAME(value: unknown, path: string, errors: ValidationError[] | undefined): boolean {\n    if (!isPlainObject(value)) return report(errors, path, sites0[0]!);\n    let member0 = value["NAME"];\n    const inherits0 = Object.getPrototypeOf(value) !== objectPrototype || "NAME" in objectPrototype || "Other" in objectPrototype;\n    if (inherits0) member0 = own(value, "NAME");\n    if (member0 === undefined) { if (!report(errors, path, sites0[1]!)) return false; } else { if (!checkNAMEType(member0, errors ? path + "/NAME" : "", errors)) return false; }\n    const member1 = inherits0 ? own(value, "NAMEOther") : value["NAMEOther"];\n    for (let i0 = 0; i0 < value.length; i0++) {\n        const item0: unknown = value[i0];\n        if (typeof item0 !== "string") { if (!report(errors, path + "/" + i0, sites1[0]!)) return false; }\n    }\n    for (const key0 in value) {\n        if (!objectPrototype.hasOwnProperty.call(value, key0)) continue;\n\n        const value0 = value[key0];\n    }\n    if (units0 < 1 || (units0 < 40 && codePointLength(value) < 20) || !(value === "A" || value === "NAME")) return false;\n    if (!(value === "NAME_ONE" || value === "NAME_TWO" || value === "NAME_THREE" || value === "NAME_FOUR")) { if (!report(errors, path, sites1[2]!)) return false; }\n\n    return true;\n}`,
  `export function sendNAME(input: Wire.NAMERequest, options: ClientOptions): Promise<NAMEOutput> {\n    return send(SERVICE, nameOperation, input, options);\n}`,
  `export function redactNAME(value: Wire.NAMERequest): Wire.NAMERequest {\n    return mapLeaves(value, sensitiveNAME(), redact) as Wire.NAMERequest;\n}`,
  `const nameOperation: OperationInfo<NAMEOutput> = { name: "NAME", sign: sigV4, assert: assertNAMERequest, wire: wireNAMERequest, check: validateNAMEResponse, decode: (value) => mapLeaves(value, datesNAME(), epochSecondsToDate) as NAMEOutput };`,
  `export function paginateNAME(input: Wire.NAMERequest, options: ClientOptions): AsyncGenerator<NAMEOutput, void, undefined> {\n    return paginate((page: Wire.NAMERequest) => sendNAME(page, options), input, "NextToken", "NextToken");\n}`,
  `function sensitiveNAME(): WalkShape {\n    return { Devices: { items: () => ({ NAMEDate: true, DeviceLastModifiedDate: true }) }, Other: true };\n}`,
  `function wireNAME(value: unknown): unknown {\n    return (eachItem((value: unknown) => inOrder(value, ["Name", "NAME"])))(value);\n}`,
  `/** Builds. */\nexport class NAMEBuilder<Set extends string = never> {\n    /** Members. */\n    declare private readonly members: { [K in keyof NAMERequest]?: NAMERequest[K] | undefined };\n\n    constructor(members: { [K in keyof NAMERequest]?: NAMERequest[K] | undefined } = {}) {\n        this.members = members;\n    }\n\n    /** A setter. */\n    clientId(value: ClientIdType): NAMEBuilder<Set | "ClientId"> {\n        return new NAMEBuilder<Set | "ClientId">({ ...this.members, ["ClientId"]: value });\n    }\n\n    build(this: NAMEBuilder<Set> & MissingMembers<"UserPoolId" | "NAME" | "EventId", Set>): NAMERequest {\n        assertNAMERequest(this.members);\n        return wireNAMERequest(this.members) as NAMERequest;\n    }\n}`,
  `import type { NAME, AttributeNameType, ClientIdType, ClientMetadataType, CodeDeliveryDetailsType } from "./types.js";`,
  `import { asserter, classSearch, codePointLength, guard, type ValidationError } from "./runtime/validate.js";`,
  `export { formatErrors, ValidationFailure, type NAME, type ValidationError } from "./runtime/validate.js";`,
  `import type * as Wire from "./types.js";`,
  `export type { NAME } from "./runtime/errors.js";`,
  `/* eslint-disable */\n// @generated\n// Generated by NAME.\n\n// Regenerate with: NAME`,
  `const limits = { min: 1e21, max: 1.50, other: 0.5, big: 9007199254740991, neg: -3 };`,
  `export class NAMEException extends ServiceException {\n    override readonly name = "NAME";\n}`,
];

const LENGTHS = [1, 8, 20, 33, 41, 47, 55, 62, 70, 77, 85, 96, 110];

function named(snippet: string, length: number): string {
  const name = ("N" + "ameLong".repeat(20)).slice(0, length);
  return snippet.replaceAll("NAME", name);
}

describe("tidy prints as prettier does", () => {
  it.each(SNIPPETS.map((s, i) => [i, s] as const))("snippet %i, at every name length", async (_i, snippet) => {
    let answered = 0;
    for (const length of LENGTHS) {
      const source = named(snippet, length);
      const out = tidy(source);
      if (out === undefined) continue;
      answered++;
      expect(out, `name length ${length}:\n${source}`).toBe(await pretty(source));
    }
    // every snippet is one the templates write: tidy answers for most lengths
    expect(answered).toBeGreaterThanOrEqual(LENGTHS.length - 3);
  });

  it("prints literals as prettier does: quotes, escapes, numbers, regular expressions", async () => {
    const literals = [
      `"plain"`, `'single'`, `"it's"`, `'say "hi"'`, `"say \\"hi\\""`, `'it\\'s "x"'`, `"a\\\\b"`, `"\\d\\w"`, `"\\u00e9\\n\\t"`, `""`, `''`,
      "0", "7", "128", "1e21", "1E5", "1.50", "1.0", "0.5", ".5", "5.", "1e+21", "1e-7", "2147483647", "9007199254740991",
      "/[a-z]+/u", "/x/gu", "/x/ug", "/[\\/]/",
    ];
    for (const literal of literals) {
      const source = `const x = [${literal}];`;
      expect(tidy(source), literal).toBe(await pretty(source));
    }
  });

  it("is a fixed point of prettier's output", async () => {
    let answered = 0;
    for (const snippet of SNIPPETS) {
      const formatted = await pretty(named(snippet, 50));
      const again = tidy(formatted);
      if (again === undefined) continue;
      answered++;
      expect(again).toBe(formatted);
    }
    // not passing by refusing: tidy answers on (nearly) all of them
    expect(answered).toBeGreaterThanOrEqual(SNIPPETS.length - 3);
  });

  it("on mangled code, never throws, and answers as prettier does wherever the code is still code", async () => {
    const random = prng(7);
    let answered = 0;
    let cases = 0;
    for (const snippet of SNIPPETS) {
      const source = named(snippet, 30);
      const tokens = source.split(/(?<=[\s(){}\[\];,.:?!<>=|&"])/);
      for (let k = 0; k < 24; k++) {
        const t = [...tokens];
        const at = Math.floor(random() * t.length);
        const op = Math.floor(random() * 3);
        if (op === 0) t.splice(at, 1);
        else if (op === 1) t.splice(at, 0, t[Math.floor(random() * t.length)]!);
        else t[at] = t[at]!.replace(/\w+/, "x");
        const mangled = t.join("");
        cases++;
        expect(tidyRefusal(mangled) ?? "", mangled).not.toMatch(/^internal error/);
        const out = tidy(mangled);
        if (out === undefined) continue;
        // tidy is no syntax checker: on what is not code (prettier throws), its answer is moot
        const expected = await pretty(mangled).catch(() => undefined);
        if (expected === undefined) continue;
        answered++;
        expect(out, mangled).toBe(expected);
      }
    }
    expect(cases).toBeGreaterThan(600);
    expect(answered).toBeGreaterThan(0);
  });

  it("says it cannot, rather than guess, past its subset", () => {
    for (const source of [
      "const a = `template ${x}`;",
      "label: for (;;) {}",
      "while (x) {}",
      "switch (x) { case 1: break; }",
      "try { a(); } catch { b(); }",
      "const [a, b] = c;",
      "function f({ a }: T) {}",
      "enum E { A }",
      "const a = b, c = d;",
      "x = a ? b ? c : d : e;",
      "const f = async function () {};",
      "const a = 1; // trailing",
      "@decorator class A {}",
    ]) {
      expect(tidy(source), source).toBeUndefined();
    }
  });
});

describe("whole outputs: tidy and prettier give the same bytes", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "cognito-codegen-tidy-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function both(schemas: string): Promise<void> {
    const stats = emptyStats();
    const tidied = await generate({ schemas, stats, workers: 0 });
    const formatted = await generate({ schemas, tidy: false, workers: 0 });
    expect(tidied.files.map((f) => f.path)).toEqual(formatted.files.map((f) => f.path));
    tidied.files.forEach((f, i) => expect(f.contents, f.path).toBe(formatted.files[i]!.contents));
    // tidy printed nearly every chunk (it is not silently leaving them all to prettier)
    expect(stats.tidied).toBeGreaterThan(0.9 * stats.formatted);
  }

  const fixtures = path.join(import.meta.dirname, "fixtures");
  it("on the embedded schemas and every fixture", async () => {
    await both(path.join(import.meta.dirname, "..", "schemas"));
    for (const name of await readdir(fixtures)) await both(path.join(fixtures, name));
    await both(path.join(import.meta.dirname, "fixtures-openapi", "tiny-idp-openapi.yaml"));
  }, 120_000);

  it.each([1, 2, 3, 4, 5, 6])("on a random service (seed %i)", async (seed) => {
    const service = await writeRandomService(path.join(dir, `random${seed}`), seed);
    await both(service.schemas);
  }, 120_000);
});
