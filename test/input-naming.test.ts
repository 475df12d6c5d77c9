import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiagnosticSink, formatDiagnostic } from "../generator/diagnostics.js";
import { CodegenError, generate } from "../generator/index.js";
import { listInputFiles, loadSchemaBytes, serviceOf } from "../generator/load.js";
import { writeOutput } from "../generator/write.js";
import { typeCheck } from "./strict-program.js";
import { tempDir } from "./helpers/schemas.js";

describe("the service of an input file", () => {
  it.each([
    ["a known prefix, whatever the rest", "cognito-idp-huge-schema.json", "HugeSchema", undefined, "cognito-idp"],
    ["the longest known prefix", "cognito-identity-pool-type-schema.json", "IdentityPoolType", undefined, "cognito-identity"],
    ["a known prefix under a folder", "idp/cognito-idp-x.json", "Anything", undefined, "cognito-idp"],
    ["a non-ASCII title", "cognito-idp-ünïcödé.json", "Ünïcödé", undefined, "cognito-idp"],
    ["$id's file name", "seed.schema.json", "GetIdInput", "https://x/cognito-identity-get-id-input-schema.json", "cognito-identity"],
    ["$id's known prefix", "seed.schema.json", "Whatever", "https://x/schemas/cognito-idp-thing.json#frag", "cognito-idp"],
    ["the title rule, for a service not known", "cognito-sync-dataset-name-schema.json", "DatasetName", undefined, "cognito-sync"],
    ["the title rule with several dashes", "my-service-foo-bar-type-schema.json", "FooBarType", undefined, "my-service"],
  ])("%s", (_name, file, title, id, service) => {
    expect(serviceOf(file, title, id)).toBe(service);
  });

  it("the service option for a name that tells none; never before a name that tells", () => {
    expect(serviceOf("whatever.json", "ClientIdType", undefined)).toBeNull();
    expect(serviceOf("whatever.json", "ClientIdType", undefined, { service: "cognito-idp" })).toBe("cognito-idp");
    expect(serviceOf("cognito-identity-x.json", "X", undefined, { service: "cognito-idp" })).toBe("cognito-identity");
  });

  it("a name that tells nothing: an error that says how to fix it", () => {
    const sink = new DiagnosticSink();
    expect(loadSchemaBytes("whatever.json", "schemas/whatever.json", new TextEncoder().encode('{"title": "Ünïcödé"}'), sink)).toBeUndefined();
    expect(sink.items.map(formatDiagnostic)).toEqual([
      'schemas/whatever.json:1:11 (at #/title): error: cannot tell the service of title "Ünïcödé" from the file name\n  hint: begin the file\'s name with its service (cognito-identity-…, cognito-idp-…), or name it <service>-<kebab title>-schema.json, or give the service with --service (or "service" in the config)',
    ]);
  });
});

describe("generate() with names that do not spell the title", () => {
  let dir: string;
  beforeAll(async () => {
    dir = path.join(await tempDir(), "schemas");
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "cognito-idp-huge-schema.json"), JSON.stringify({ title: "HugeSchema", type: "object", properties: { Name: { $ref: "#/components/schemas/Ñame" } } }));
    await writeFile(path.join(dir, "cognito-idp-name.json"), JSON.stringify({ title: "Ñame", type: "string", maxLength: 3 }));
    await writeFile(path.join(dir, "cognito-idp-日本語-schema.json"), JSON.stringify({ title: "日本語", type: "object", properties: { Ok: { type: "boolean" } } }));
  });
  afterAll(async () => {
    await rm(path.dirname(dir), { recursive: true, force: true });
  });

  it("generates them, and the output compiles under the strict options", async () => {
    const r = await generate({ schemas: dir, cwd: dir });
    expect(r.ir.services.map((s) => s.id)).toEqual(["cognito-idp"]);
    expect(r.ir.services[0]!.declarations.map((d) => d.title).sort()).toEqual(["HugeSchema", "Ñame", "日本語"]);
    const types = r.files.find((f) => f.path === "cognito-idp/types.ts")!.contents;
    expect(types).toContain("export interface HugeSchema {");
    const out = path.join(path.dirname(dir), "out");
    await writeOutput(out, r.files);
    await writeFile(path.join(out, "package.json"), '{ "type": "module" }\n');
    expect(typeCheck([path.join(out, "cognito-idp/index.ts")])).toEqual([]);
  });

  it("a folder of unprefixed files takes the service option", async () => {
    const plain = path.join(path.dirname(dir), "plain");
    await mkdir(plain, { recursive: true });
    await writeFile(path.join(plain, "a.json"), JSON.stringify({ title: "ClientIdType", type: "string" }));
    await expect(generate({ schemas: plain, cwd: plain })).rejects.toThrow(CodegenError);
    const r = await generate({ schemas: plain, cwd: plain, service: "cognito-idp" });
    expect(r.files.map((f) => f.path)).toContain("cognito-idp/types.ts");
  });
});

describe("--schemas . in a project", () => {
  it("skips node_modules, dot-folders and the project's own JSON files", async () => {
    const root = await tempDir();
    try {
      for (const f of ["node_modules/pkg/package.json", "node_modules/pkg/schema.json", ".git/x.json", ".cache/y.json", "package.json", "package-lock.json", "tsconfig.json", "tsconfig.build.json", "cognito-codegen.config.json", "schemas/cognito-idp-a-schema.json", "schemas/.hidden.json"]) {
        await mkdir(path.dirname(path.join(root, f)), { recursive: true });
        await writeFile(path.join(root, f), "{}");
      }
      expect(listInputFiles(root, [".json"])).toEqual(["schemas/cognito-idp-a-schema.json"]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
