import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CodegenError, generate } from "../generator/index.js";
import { checkOutput } from "../generator/write.js";

const root = path.resolve(import.meta.dirname, "..");
/** The runtime modules a service with operations carries (templates/runtime/), in name order. */
const RUNTIME_FILES = ["errors", "http", "paginate", "secret-hash", "send", "validate", "walk"].map((m) => `runtime/${m}.ts`);
const fixtures = path.join(root, "test/fixtures");

describe("file snapshots of generated code", async () => {
  const names = (await readdir(fixtures)).sort();
  it.each(names)("%s", async (fixture) => {
    const result = await generate({ schemas: path.join(fixtures, fixture) });
    expect(result.files.some((f) => f.path.endsWith("/types.ts"))).toBe(true);
    for (const file of result.files) {
      await expect(file.contents).toMatchFileSnapshot(`__snapshots__/${fixture}/${file.path}`);
    }
  });
});

describe("golden output/", () => {
  it("is exactly what generate(schemas/) writes (the check `generate --check` runs)", async () => {
    const result = await generate({ schemas: path.join(root, "schemas") });
    const report = await checkOutput(path.join(root, "output"), result.files);
    expect(report.differences).toEqual([]);
  });

  it("warns about the seed's raw line feed, naming file, line and column", async () => {
    const result = await generate({ schemas: path.join(root, "schemas"), cwd: root });
    expect(result.warnings.map((w) => `${w.location.file}:${w.location.line}:${w.location.column}`)).toEqual([
      "schemas/cognito-idp-resend-confirmation-code-request-schema.json:1:1347",
    ]);
  });
});

describe("services", () => {
  it("one folder per service; a service with no known wire protocol gets no builders, and a warning", async () => {
    const result = await generate({ schemas: path.join(fixtures, "two-services"), cwd: root });
    expect(result.files.map((f) => f.path)).toEqual([
      "cognito-identity/builders.ts",
      "cognito-identity/client.ts",
      "cognito-identity/index.ts",
      ...RUNTIME_FILES.map((f) => `cognito-identity/${f}`),
      "cognito-identity/types.ts",
      "cognito-identity/validators.ts",
      "cognito-identity/wire.ts",
      "cognito-sync/index.ts",
      "cognito-sync/runtime/validate.ts",
      "cognito-sync/types.ts",
      "cognito-sync/validators.ts",
    ]);
    expect(result.warnings.map((w) => w.message)).toEqual(["service cognito-sync has no known wire protocol: types and validators only, no request builders"]);
    expect(result.ir.services.map((s) => s.operations.map((o) => o.target))).toEqual([["AWSCognitoIdentityService.GetId"], []]);
  });
});

describe("artifacts", () => {
  it("types alone, or builders with what they need", async () => {
    const typesOnly = await generate({ schemas: path.join(root, "schemas"), artifacts: ["types"] });
    expect(typesOnly.files.map((f) => f.path)).toEqual(["cognito-idp/index.ts", "cognito-idp/types.ts"]);
    expect(typesOnly.files[0]!.contents).not.toContain("validators");
    const builders = await generate({ schemas: path.join(root, "schemas"), artifacts: ["builders"] });
    expect(builders.files.map((f) => f.path)).toEqual(["builders.ts", "client.ts", "index.ts", ...RUNTIME_FILES, "types.ts", "validators.ts", "wire.ts"].map((f) => `cognito-idp/${f}`));
    // the client alone: no builders
    const client = await generate({ schemas: path.join(root, "schemas"), artifacts: ["client"] });
    expect(client.files.map((f) => f.path)).toEqual(["client.ts", "index.ts", ...RUNTIME_FILES, "types.ts", "validators.ts", "wire.ts"].map((f) => `cognito-idp/${f}`));
  });
});

describe("determinism", () => {
  it("same input, byte-identical output, whatever the file names' order, the folder or the working directory", async () => {
    const first = await generate({ schemas: path.join(root, "schemas") });
    const copy = await mkdtemp(path.join(tmpdir(), "cognito-codegen-"));
    try {
      // a different folder, files written in reverse order and one moved into a subfolder
      const files = (await readdir(path.join(root, "schemas"))).sort().reverse();
      for (const f of files) await cp(path.join(root, "schemas", f), path.join(copy, f));
      await cp(path.join(copy, files[0]!), path.join(copy, "nested", files[0]!), { recursive: true });
      await rm(path.join(copy, files[0]!));
      const second = await generate({ schemas: copy, cwd: copy });
      const strip = (text: string) => text.replace(/^\/\/ From .*$/m, "");
      expect(second.files.map((f) => f.path)).toEqual(first.files.map((f) => f.path));
      second.files.forEach((f, i) => expect(strip(f.contents)).toBe(strip(first.files[i]!.contents)));
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });

  it("same input twice, same bytes", async () => {
    const a = await generate({ schemas: path.join(fixtures, "recursive") });
    const b = await generate({ schemas: path.join(fixtures, "recursive") });
    expect(b.files).toEqual(a.files);
  });
});

describe("bad input", () => {
  async function failure(files: Record<string, string>): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), "cognito-codegen-bad-"));
    try {
      for (const [name, text] of Object.entries(files)) {
        await writeFile(path.join(dir, name), text);
      }
      await generate({ schemas: dir, cwd: dir });
      return "no error";
    } catch (e) {
      expect(e).toBeInstanceOf(CodegenError);
      return (e as Error).message;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  it("reports every error with file, pointer and line:column, not just the first", async () => {
    const message = await failure({
      "cognito-idp-a-type-schema.json": '{\n  "title": "AType",\n  "type": "object",\n  "properties": { "b": { "$ref": "#/components/schemas/BTyp" } }\n}',
      "cognito-idp-b-type-schema.json": '{ "title": "BType", "type": "string", }',
    });
    expect(message).toBe(
      "cognito-idp-b-type-schema.json:1:39: error: invalid JSON: trailing comma before '}' (not allowed in JSON): remove the comma\n  hint: fix the JSON at that position",
    );
    const second = await failure({
      "cognito-idp-a-type-schema.json": '{\n  "title": "AType",\n  "type": "object",\n  "properties": { "b": { "$ref": "#/components/schemas/BTyp" } }\n}',
      "cognito-idp-b-type-schema.json": '{ "title": "BType", "type": "string", "pattern": "(" }',
    });
    expect(second).toContain('cognito-idp-a-type-schema.json:4:34 (at #/properties/b/$ref): error: $ref "#/components/schemas/BTyp"');
    expect(second).toContain("closest: BType");
  });

  it.each([
    ["an invalid pattern", '{ "title": "AType", "type": "string", "pattern": "(" }', ":1:50 (at #/pattern): error: pattern \"(\" is not a valid"],
    ["an unsupported keyword", '{ "title": "AType", "type": "string", "uniqueItems": true }', ':1:54 (at #/uniqueItems): error: keyword "uniqueItems" is not supported'],
    ["a negative maxLength", '{ "title": "AType", "type": "string", "maxLength": -1 }', "(at #/maxLength): error: maxLength must be a non-negative integer"],
    ["an unknown type", '{ "title": "AType", "type": "text" }', 'error: unknown type "text"'],
  ])("%s", async (_name, text, message) => {
    expect(await failure({ "cognito-idp-a-type-schema.json": text })).toContain(message);
  });

  it("two services that would share an output folder", async () => {
    const message = await failure({
      "cognito-idp-a-type-schema.json": '{ "title": "AType", "type": "string" }',
      "Cognito-IDP-b-type-schema.json": '{ "title": "BType", "type": "string" }',
    });
    expect(message).toContain('services "Cognito-IDP" and "cognito-idp" would share the output folder cognito-idp/');
  });

  it("a cycle of references alone is an error; through a property it is a recursive type", async () => {
    const message = await failure({
      "cognito-idp-a-type-schema.json": '{ "title": "AType", "$ref": "#/components/schemas/BType" }',
      "cognito-idp-b-type-schema.json": '{ "title": "BType", "anyOf": [{ "$ref": "#/components/schemas/AType" }, { "type": "string" }] }',
    });
    expect(message).toContain("the references AType → BType → AType form a cycle");
  });
});

describe("enum and const", () => {
  it("both apply when both are there, and a value of the wrong type is left out with a warning at its pointer", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "cognito-codegen-enum-"));
    try {
      await writeFile(path.join(dir, "cognito-idp-a-type-schema.json"), '{ "title": "AType", "type": "integer", "enum": [1, 2, "3"], "const": 2 }');
      const result = await generate({ schemas: dir, cwd: dir });
      const node = result.ir.services[0]!.declarations[0]!.node;
      // a bare `type` is checked first, as ajv reports it: a string gets `type`, then `enum` and `const`
      expect(node).toMatchObject({ kind: "intersection", members: [{ kind: "number", integer: true }, { kind: "enum", keyword: "enum", values: [1, 2] }, { kind: "enum", keyword: "const", values: [2] }] });
      expect(result.warnings.map((w) => `${w.location.pointer} ${w.message}`)).toEqual(['/enum/2 enum value "3" is not of type integer, so no value can match it; it is left out']);
      expect(result.files.find((f) => f.path.endsWith("types.ts"))!.contents).toContain("export type AType = (1 | 2) & 2;");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("the input is not mutated", () => {
  it("loading, normalizing and emitting leave the files as they were", async () => {
    const before = await readFile(path.join(root, "schemas/cognito-idp-resend-confirmation-code-request-schema.json"));
    const result = await generate({ schemas: path.join(root, "schemas") });
    expect(result.files.length).toBeGreaterThan(0);
    expect(await readFile(path.join(root, "schemas/cognito-idp-resend-confirmation-code-request-schema.json"))).toEqual(before);
  });
});
