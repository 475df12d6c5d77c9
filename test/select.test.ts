import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closest, DiagnosticSink } from "../generator/diagnostics.js";
import { CodegenError, generate, type GenerateResult } from "../generator/index.js";
import type { CodegenIR } from "../generator/ir.js";
import { reachable, selectOperations } from "../generator/select.js";
import { MINI_IDP, tempDir, writeSchemas } from "./helpers/schemas.js";

let dir: string;
let all: GenerateResult;
beforeAll(async () => {
  dir = await writeSchemas(path.join(await tempDir(), "schemas"), MINI_IDP);
  all = await generate({ schemas: dir, cwd: dir });
});
afterAll(async () => {
  await rm(path.dirname(dir), { recursive: true, force: true });
});

const titles = (r: { ir: CodegenIR }) => r.ir.services.flatMap((s) => s.declarations.map((d) => d.names.type));
const file = (r: GenerateResult, name: string) => r.files.find((f) => f.path === `cognito-idp/${name}`)!.contents;

describe("--operations", () => {
  it("keeps the operations named and everything they reach, transitively, in the declarations' order", async () => {
    const r = await generate({ schemas: dir, cwd: dir, operations: ["SignUp"] });
    expect(r.ir.services[0]!.operations.map((o) => o.name)).toEqual(["SignUp"]);
    const kept = titles(r);
    // through properties, array items, the documentation wrapper and an enum two levels down
    expect(new Set(kept)).toEqual(
      // without an OpenAPI document, any operation may answer with any of the service's exceptions
      new Set(["AttributeListType", "AttributeNameType", "AttributeType", "ClientIdType", "CodeDeliveryDetailsType", "DeliveryMediumType", "NotAuthorizedException", "PasswordType", "SignUpRequest", "SignUpResponse", "UsernameType"]),
    );
    // the same relative order as the whole service's
    const ids = r.ir.services[0]!.declarations.map((d) => d.id);
    expect(all.ir.services[0]!.declarations.map((d) => d.id).filter((id) => ids.includes(id))).toEqual(ids);
    expect(file(r, "builders.ts")).toContain("export function signUp(");
    expect(file(r, "builders.ts")).not.toContain("getUser");
    expect(file(r, "types.ts")).not.toMatch(/UnusedType|TokenModelType|GetUserRequest/);
    expect(file(r, "validators.ts")).toContain("export const validateSignUpRequest =");
    // the header names only the input files used
    expect(file(r, "types.ts")).toContain("From 11 JSON Schema files");
  });

  it("follows references into $defs and keeps each shared type once", async () => {
    const r = await generate({ schemas: dir, cwd: dir, operations: ["ConfirmSignUp", "SignUp", "SignUp"] });
    expect(r.ir.services[0]!.operations.map((o) => o.name)).toEqual(["ConfirmSignUp", "SignUp"]);
    const kept = titles(r);
    expect(kept).toContain("Digits");
    expect(kept).toContain("ConfirmationCodeType");
    expect(kept.filter((t) => t === "ClientIdType")).toHaveLength(1);
  });

  it("a name no service has: an error with the closest names, nothing generated", async () => {
    const err = await generate({ schemas: dir, cwd: dir, operations: ["SignUp", "Signup", "GetUsr", "Frobnicate"] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CodegenError);
    expect((err as CodegenError).message.split("\n")).toEqual([
      '--operations: error: no operation "Signup" in service cognito-idp',
      "  hint: did you mean SignUp? (operation names are case-sensitive, e.g. SignUp)",
      '--operations: error: no operation "GetUsr" in service cognito-idp',
      "  hint: did you mean GetUser? (operation names are case-sensitive, e.g. SignUp)",
      '--operations: error: no operation "Frobnicate" in service cognito-idp',
      "  hint: name operations as the service does, e.g. SignUp, InitiateAuth",
    ]);
  });

  it("names the config file and the name's pointer when the list came from one", async () => {
    const positions = new Map([["/jobs/1/operations/0", { line: 7, column: 22 }]]);
    const err = await generate({ schemas: dir, cwd: dir, operations: ["SignUpp"], operationsOrigin: { file: "cognito-codegen.config.json", pointer: "/jobs/1/operations", positions } }).catch((e: unknown) => e);
    expect((err as CodegenError).message).toMatch(/^cognito-codegen\.config\.json:7:22 \(at #\/jobs\/1\/operations\/0\): error: no operation "SignUpp"/);
  });

  it("an empty list is an error, not an empty output", async () => {
    await expect(generate({ schemas: dir, cwd: dir, operations: [] })).rejects.toThrow("the list of operations is empty");
  });

  it("leaves out a service none of whose operations is named", async () => {
    const two = path.join(path.dirname(dir), "two");
    await writeSchemas(two, MINI_IDP);
    await writeSchemas(two, { GetIdInput: { type: "object", properties: { AccountId: { type: "string" } } } }, "cognito-identity");
    const r = await generate({ schemas: two, cwd: two, operations: ["GetId"] });
    expect(r.ir.services.map((s) => s.id)).toEqual(["cognito-identity"]);
    expect(r.files.map((f) => f.path).every((p) => p.startsWith("cognito-identity/"))).toBe(true);
  });

  it("is a pure filter: the IR given is not changed", () => {
    const before = JSON.stringify(all.ir);
    const sink = new DiagnosticSink();
    const selected = selectOperations(all.ir, ["GetUser"], sink);
    expect(sink.items).toEqual([]);
    expect(JSON.stringify(all.ir)).toBe(before);
    expect(selected.services[0]!.declarations.length).toBeLessThan(all.ir.services[0]!.declarations.length);
  });

  it("keeps the original of a response view that shares its type (the original declares it)", () => {
    const svc = all.ir.services[0]!;
    const view = svc.declarations.find((d) => d.sharesType);
    expect(view).toBeDefined();
    const byId = new Map(svc.declarations.map((d) => [d.id, d]));
    expect(reachable([view!.id], byId).has(view!.viewOf!)).toBe(true);
  });

  it("keeps the repairs of what is kept in the summary (an exception: any operation may answer with it, without a document)", async () => {
    expect(all.repairs.get("empty-exception")).toEqual(["NotAuthorizedException"]);
    const r = await generate({ schemas: dir, cwd: dir, operations: ["GetUser"] });
    expect(r.repairs.get("empty-exception")).toEqual(["NotAuthorizedException"]);
  });
});

describe("closest", () => {
  const opTitles = ["SignUpRequest", "SignUpResponse", "GetUserRequest", "GetUserResponse", "InitiateAuthRequest", "InitiateAuthResponse", "ConfirmSignUpRequest", "ConfirmSignUpResponse"];
  it("suggests nothing rather than names that are not alike", () => {
    expect(closest("ClientIdType", opTitles)).toEqual([]);
  });
  it("ranks names alike by edits and a shared beginning", () => {
    expect(closest("ClientIdType", [...opTitles, "ClientNameType", "ClientSecretType", "UserPoolIdType", "ClientIdTypeList"])).toEqual(["ClientIdTypeList", "ClientNameType", "ClientSecretType"]);
    expect(closest("BTyp", ["AType", "BType", "SignUpRequest"])).toEqual(["BType", "AType"]);
    expect(closest("schema", ["schemas", "service", "out", "check"])).toEqual(["schemas"]);
    expect(closest("signup", ["SignUp", "GetUser"])).toEqual(["SignUp"]);
  });
});
