import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiagnosticSink, formatDiagnostic } from "../generator/diagnostics.js";
import { CodegenError, generate } from "../generator/index.js";
import { loadSchemaBytes, type SchemaFile } from "../generator/load.js";
import { applyOverrides, overrideLines, type SchemaOverride } from "../generator/overrides.js";
import { MINI_IDP, tempDir, writeSchemas } from "./helpers/schemas.js";

function files(entries: Record<string, object>): SchemaFile[] {
  const sink = new DiagnosticSink();
  const out = Object.entries(entries).map(([title, schema]) =>
    loadSchemaBytes(`cognito-idp-${title.toLowerCase()}.json`, `schemas/cognito-idp-${title.toLowerCase()}.json`, new TextEncoder().encode(JSON.stringify({ title, ...schema }, null, 2)), sink)!,
  );
  expect(sink.items).toEqual([]);
  return out;
}

const input = () =>
  files({
    AuthFlowType: { type: "string", enum: ["USER_SRP_AUTH", "REFRESH_TOKEN_AUTH"] },
    SignUpRequest: { type: "object", properties: { ClientId: { type: "string", maxLength: 128, pattern: "[\\w+]+" }, Password: { type: "string" } }, required: ["ClientId", "Password"] },
  });

function apply(overrides: SchemaOverride[]) {
  const sink = new DiagnosticSink();
  const given = input();
  const before = JSON.stringify(given.map((f) => f.schema));
  const result = applyOverrides(given, overrides, sink);
  // pure: the files given are as they were
  expect(JSON.stringify(given.map((f) => f.schema))).toBe(before);
  return { ...result, messages: sink.items.map(formatDiagnostic), schema: (title: string) => result.files.find((f) => f.title === title)!.schema };
}

const origin = { file: "cognito-codegen.config.json", pointer: "/jobs/0/overrides/2", positions: new Map([["/jobs/0/overrides/2/pointer", { line: 9, column: 20 }]]) };

describe("applyOverrides", () => {
  it("adds enum values, sets, relaxes and removes keywords, and makes members optional", () => {
    const r = apply([
      { title: "AuthFlowType", pointer: "/enum", add: ["USER_AUTH"] },
      { title: "SignUpRequest", pointer: "/properties/ClientId/maxLength", set: 300 },
      { title: "SignUpRequest", pointer: "/properties/Password/minLength", set: 8 },
      { title: "SignUpRequest", pointer: "/properties/ClientId/pattern", remove: true },
      { title: "SignUpRequest", optional: ["Password"] },
    ]);
    expect(r.messages).toEqual([]);
    expect(r.schema("AuthFlowType")["enum"]).toEqual(["USER_SRP_AUTH", "REFRESH_TOKEN_AUTH", "USER_AUTH"]);
    expect(r.schema("SignUpRequest")).toEqual({
      title: "SignUpRequest",
      type: "object",
      properties: { ClientId: { type: "string", maxLength: 300 }, Password: { type: "string", minLength: 8 } },
      required: ["ClientId"],
    });
    expect(overrideLines(r.applied)).toEqual([
      'overridden (overrides/0): AuthFlowType#/enum: added "USER_AUTH"',
      "overridden (overrides/1): SignUpRequest#/properties/ClientId/maxLength: 128 → 300",
      "overridden (overrides/2): SignUpRequest#/properties/Password/minLength: set to 8 (was absent)",
      'overridden (overrides/3): SignUpRequest#/properties/ClientId/pattern: removed (was "[\\\\w+]+")',
      "overridden (overrides/4): SignUpRequest: Password made optional",
    ]);
  });

  it("removes `required` when no member is left in it", () => {
    const r = apply([{ title: "SignUpRequest", optional: ["ClientId", "Password"] }]);
    expect(r.schema("SignUpRequest")["required"]).toBeUndefined();
  });

  it.each<[string, SchemaOverride, string]>([
    ["an unknown title, with the closest", { title: "AuthFlowTyp", pointer: "/enum", add: ["X"], origin }, 'cognito-codegen.config.json (at #/jobs/0/overrides/2/title): error: no schema has the title "AuthFlowTyp"\n  hint: did you mean AuthFlowType?'],
    ["a pointer to nothing, with where it went astray", { title: "SignUpRequest", pointer: "/properties/ClientID/maxLength", set: 1, origin }, 'cognito-codegen.config.json:9:20 (at #/jobs/0/overrides/2/pointer): error: schemas/cognito-idp-signuprequest.json (title SignUpRequest) has nothing at #/properties/ClientID\n  hint: #/properties has no "ClientID"; did you mean #/properties/ClientId?'],
    ["add to what is not an array", { title: "AuthFlowType", pointer: "/type", add: ["X"], origin }, "(at #/jobs/0/overrides/2/pointer): error: schemas/cognito-idp-authflowtype.json (title AuthFlowType) has a string at #/type, not an array"],
    ["remove what is not there", { title: "AuthFlowType", pointer: "/pattern", remove: true }, "overrides (at #/0/pointer): error: schemas/cognito-idp-authflowtype.json (title AuthFlowType) has nothing at #/pattern"],
    ["a pointer that is not one", { title: "AuthFlowType", pointer: "enum", add: ["X"] }, 'overrides (at #/0/pointer): error: "enum" is not a JSON pointer'],
    ["optional for a member that is not there", { title: "SignUpRequest", optional: ["Pasword"] }, 'overrides (at #/0/optional/0): error: SignUpRequest has no member "Pasword"\n  hint: did you mean Password?'],
    ["two changes in one", { title: "AuthFlowType", pointer: "/enum", add: ["X"], remove: true } as unknown as SchemaOverride, "overrides (at #/0): error: the override has add and remove; one override makes one change"],
    ["a service that lacks the title", { title: "AuthFlowType", service: "cognito-identity", pointer: "/enum", add: ["X"] }, 'error: no schema has the title "AuthFlowType" in service cognito-identity\n  hint: it is in service cognito-idp'],
  ])("an error for %s, naming where the override is", (_name, override, message) => {
    const r = apply([override]);
    expect(r.messages).toHaveLength(1);
    expect(r.messages[0]).toContain(message);
    expect(r.applied).toEqual([]);
  });

  it("warns when the schemas have caught up (the override has nothing left to do)", () => {
    const r = apply([
      { title: "AuthFlowType", pointer: "/enum", add: ["USER_SRP_AUTH", "USER_AUTH"] },
      { title: "SignUpRequest", pointer: "/properties/ClientId/maxLength", set: 128 },
    ]);
    expect(r.messages).toEqual([
      'overrides (at #/0/add/0): warning: "USER_SRP_AUTH" is already in AuthFlowType#/enum; nothing to add\n  hint: the schemas have caught up: this value can go from the override',
      "overrides (at #/1/set): warning: SignUpRequest#/properties/ClientId/maxLength is already 128; nothing to set\n  hint: the schemas have caught up: this override can go",
    ]);
    expect(r.schema("AuthFlowType")["enum"]).toEqual(["USER_SRP_AUTH", "REFRESH_TOKEN_AUTH", "USER_AUTH"]);
  });
});

describe("generate({ overrides })", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await writeSchemas(path.join(await tempDir(), "schemas"), {
      ...MINI_IDP,
      AuthFlowType: { type: "string", enum: ["USER_SRP_AUTH"] },
      InitiateAuthRequest: { type: "object", properties: { AuthFlow: { allOf: [{ $ref: "#/components/schemas/AuthFlowType" }, { description: "d" }] } }, required: ["AuthFlow"] },
    });
  });
  afterAll(async () => {
    await rm(path.dirname(dir), { recursive: true, force: true });
  });

  it("applies them before the references are resolved and the normalizer runs: the validators take the new value", async () => {
    const before = await generate({ schemas: dir, cwd: dir });
    expect(before.files.find((f) => f.path.endsWith("types.ts"))!.contents).toContain('export type AuthFlowType = "USER_SRP_AUTH";');
    const r = await generate({
      schemas: dir,
      cwd: dir,
      overrides: [
        { title: "AuthFlowType", pointer: "/enum", add: ["USER_AUTH"] },
        { title: "SignUpRequest", optional: ["Password"] },
      ],
    });
    const types = r.files.find((f) => f.path.endsWith("types.ts"))!.contents;
    expect(types).toContain('export type AuthFlowType = "USER_SRP_AUTH" | "USER_AUTH";');
    expect(types).toMatch(/Password\?: PasswordType;/);
    expect(r.overrides.map((o) => o.change)).toEqual(['added "USER_AUTH"', "Password made optional"]);
  });

  it("a bad override stops the run with every error", async () => {
    const err = await generate({ schemas: dir, cwd: dir, overrides: [{ title: "Nope", pointer: "/enum", add: ["X"] }, { title: "AuthFlowType", pointer: "/nope", remove: true }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CodegenError);
    expect((err as CodegenError).diagnostics.map((d) => d.location.pointer)).toEqual(["/0/title", "/1/pointer"]);
  });
});
