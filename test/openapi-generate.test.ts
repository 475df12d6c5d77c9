/**
 * An OpenAPI document as the whole input: its operation table decides the
 * builders (whatever the inputs are called), their docs and error lists,
 * and its components are the schemas.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { CodegenError, generate } from "../generator/index.js";
import { writeOutput } from "../generator/write.js";

const doc = path.resolve(import.meta.dirname, "fixtures-openapi/identity-pools/openapi.yaml");

describe("an OpenAPI document alone", async () => {
  const result = await generate({ schemas: doc, cwd: path.resolve(import.meta.dirname, "..") });
  const service = result.ir.services[0]!;
  const file = (name: string): string => result.files.find((f) => f.path === `cognito-identity/${name}`)!.contents;

  it("is a service of its own, with the document's operations, whatever their inputs are named", () => {
    expect(service.id).toBe("cognito-identity");
    expect(service.operations.map((o) => [o.name, o.target])).toEqual([
      ["GetId", "AWSCognitoIdentityService.GetId"],
      ["UpdateIdentityPool", "AWSCognitoIdentityService.UpdateIdentityPool"],
    ]);
    expect(file("builders.ts")).toContain("export class UpdateIdentityPoolBuilder");
    expect(file("builders.ts")).toContain("export function updateIdentityPoolHttpRequest(request: IdentityPool,");
  });

  it("the operation's description and errors document its builder", () => {
    expect(file("builders.ts")).toContain("You must use Amazon Web Services developer credentials to call this operation.");
    expect(file("builders.ts")).toContain("Errors it may answer with: ResourceNotFoundException.");
  });

  it("a component that is both input and output is strict as the input and has a response view as the output", () => {
    const update = service.operations.find((o) => o.name === "UpdateIdentityPool")!;
    const byId = new Map(service.declarations.map((d) => [d.id, d]));
    expect(byId.get(update.request)!.names.type).toBe("IdentityPool");
    expect(byId.get(update.response!)!.names).toMatchObject({ type: "IdentityPoolOutput", validate: "validateIdentityPoolOutput" });
    expect(file("types.ts")).toContain('export type AllowClassicFlowOutput = "OFF" | "ON" | (string & {});');
  });

  it("the corpus repairs apply to it (an AWS service): timestamps are epoch seconds, errors have a message", () => {
    expect(file("types.ts")).toMatch(/CreationDate\?: number;/);
    expect(file("types.ts")).toMatch(/export interface NotAuthorizedException \{[^}]*message\?: string;/);
    expect(result.warnings).toEqual([]);
  });

  it("an operation named apart from its X-Amz-Target: the builders and the client send the document's target", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "cognito-codegen-openapi-"));
    try {
      await writeFile(path.join(dir, "openapi.yaml"), (await readFile(doc, "utf8")).replace("operationId: GetId\n", "operationId: GetIdentity\n"));
      const renamed = await generate({ schemas: path.join(dir, "openapi.yaml"), cwd: dir });
      expect(renamed.ir.services[0]!.operations.map((o) => [o.name, o.target])).toContainEqual(["GetIdentity", "AWSCognitoIdentityService.GetId"]);
      await writeOutput(path.join(dir, "out"), renamed.files);
      await writeFile(path.join(dir, "out/package.json"), '{ "type": "module" }\n');
      const builders = (await import(pathToFileURL(path.join(dir, "out/cognito-identity/builders.ts")).href)) as Record<string, () => any>;
      const client = (await import(pathToFileURL(path.join(dir, "out/cognito-identity/client.ts")).href)) as Record<string, (...args: unknown[]) => Promise<unknown>>;
      const http = builders["getIdentity"]!().identityPoolId("us-east-1:0000").toHttpRequest({ region: "us-east-1" });
      expect(http.headers["x-amz-target"]).toBe("AWSCognitoIdentityService.GetId");
      const targets: string[] = [];
      const fetch = async (_: string, init: { headers: Record<string, string> }) => {
        targets.push(init.headers["x-amz-target"]!);
        return new Response('{"IdentityId":"us-east-1:1111"}', { status: 200 });
      };
      await client["sendGetIdentity"]!({ IdentityPoolId: "us-east-1:0000" }, { region: "us-east-1", fetch, signer: (r: unknown) => r });
      expect(targets).toEqual(["AWSCognitoIdentityService.GetId"]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("a reference to a component that is not there: an error at the document's line and column, with the closest names", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "cognito-codegen-openapi-"));
    try {
      const text = (await readFile(doc, "utf8")).replace('$ref: "#/components/schemas/IdentityPool"\n      responses', '$ref: "#/components/schemas/IdentityPol"\n      responses');
      await writeFile(path.join(dir, "openapi.yaml"), text);
      const err = await generate({ schemas: path.join(dir, "openapi.yaml"), cwd: dir }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CodegenError);
      const line = text.split("\n").findIndex((l) => l.includes("IdentityPol\"")) + 1;
      expect((err as CodegenError).message).toMatch(new RegExp(`^openapi\\.yaml:${line}:\\d+ \\(at #/paths/.*\\): error: .*IdentityPol.*\\n\\s+hint: .*IdentityPool`));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
