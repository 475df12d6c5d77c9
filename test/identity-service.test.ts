/**
 * The Cognito Identity service that bench/identity-service.ts writes: the
 * corpus's conventions, read as a `json-schema/` folder with its sibling
 * `openapi.yaml`, giving 23 operations and no warnings.
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IDENTITY_SERVICE, kebabTitle, writeIdentityService } from "../bench/identity-service.js";
import { generate, type GenerateResult } from "../generator/index.js";

describe("the Cognito Identity service", () => {
  let dir: string;
  let written: { schemas: string; count: number };
  let result: GenerateResult;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "cognito-codegen-identity-"));
    written = await writeIdentityService(dir);
    result = await generate({ schemas: written.schemas, cwd: dir });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("names files as the corpus does", () => {
    expect(kebabTitle("GetOpenIdTokenForDeveloperIdentityInput")).toBe("get-open-id-token-for-developer-identity-input");
    expect(kebabTitle("OIDCProviderList")).toBe("oidc-provider-list");
    expect(kebabTitle("CallbackURLsListType")).toBe("callback-ur-ls-list-type");
    expect(kebabTitle("PrincipalTagID")).toBe("principal-tag-id");
  });

  it("writes one file per component and the operation table beside them", async () => {
    const files = (await readdir(written.schemas)).sort();
    expect(files).toHaveLength(written.count);
    expect(written.count).toBe(IDENTITY_SERVICE.components().length);
    expect(files.every((f) => /^cognito-identity-[a-z0-9-]+-schema\.json$/.test(f))).toBe(true);
    const yaml = await readFile(path.join(dir, "openapi.yaml"), "utf8");
    expect(yaml.match(/^ {2}\/#X-Amz-Target=AWSCognitoIdentityService\.\w+:$/gm)).toHaveLength(23);
    const pool = JSON.parse(await readFile(path.join(written.schemas, "cognito-identity-identity-pool-id-schema.json"), "utf8")) as Record<string, unknown>;
    expect(pool).toMatchObject({ type: "string", pattern: "[\\w-]+:[0-9a-f-]+", minLength: 1, maxLength: 55, title: "IdentityPoolId" });
  });

  it("is the same bytes on every run", async () => {
    const again = await mkdtemp(path.join(tmpdir(), "cognito-codegen-identity-"));
    try {
      await writeIdentityService(again);
      for (const name of await readdir(written.schemas)) {
        expect(await readFile(path.join(again, "json-schema", name), "utf8")).toBe(await readFile(path.join(written.schemas, name), "utf8"));
      }
      expect(await readFile(path.join(again, "openapi.yaml"), "utf8")).toBe(await readFile(path.join(dir, "openapi.yaml"), "utf8"));
    } finally {
      await rm(again, { recursive: true, force: true });
    }
  });

  it("generates the 23 operations the document lists, with no warnings; only the corpus repairs and linear-time patterns", () => {
    expect(result.warnings).toEqual([]);
    expect([...result.repairs.keys()].sort()).toEqual(["empty-exception", "epoch-seconds-timestamp", "linear-time-pattern"]);
    expect(result.repairs.get("epoch-seconds-timestamp")).toEqual(["DateType"]);
    const service = result.ir.services.find((s) => s.id === "cognito-identity")!;
    expect(service.operations.map((o) => o.name)).toEqual(IDENTITY_SERVICE.operations().map((o) => o.name));
    expect(service.operations.every((o) => o.target === `AWSCognitoIdentityService.${o.name}`)).toBe(true);
    const builders = result.files.find((f) => f.path === "cognito-identity/builders.ts")!.contents;
    for (const o of IDENTITY_SERVICE.operations()) expect(builders).toContain(`export function ${o.name[0]!.toLowerCase()}${o.name.slice(1)}HttpRequest(`);
    expect(builders).toContain("export function updateIdentityPoolHttpRequest(request: IdentityPool,");
  });
});
