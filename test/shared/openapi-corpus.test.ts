/**
 * The real cognito-idp OpenAPI document through generator/openapi.ts: its
 * operation table, its components as SchemaFiles, and those components set
 * against the json-schema/ files that were split from the same document.
 * The two do not agree everywhere; the known differences are asserted here
 * one by one, so a new one fails the test.
 * Needs ../shared (SHARED_DIR):
 * `npx vitest run --config vitest.shared.config.ts test/shared/openapi-corpus.test.ts`.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { DiagnosticSink, formatDiagnostic } from "../../generator/diagnostics.js";
import type { JsonValue } from "../../generator/escape.js";
import { parseJson } from "../../generator/json.js";
import { isJsonObject, locate, type JsonObject } from "../../generator/load.js";
import { loadOpenApiBytes, looksLikeOpenApi, type OpenApiDocument } from "../../generator/openapi.js";
import { KNOWN_SERVICES } from "../../generator/services.js";
import { fastYaml } from "../../generator/yaml-fast.js";
import { parseYaml } from "../../generator/yaml.js";
import { corpusServices, SHARED_DIR } from "./paths.js";

const corpus = path.join(SHARED_DIR, "corpus/cognito-idp");
const text = readFileSync(path.join(corpus, "openapi.yaml"), "utf8");
let doc: OpenApiDocument;
let messages: string[];
/** The json-schema/ files, by title. */
let files: Map<string, JsonObject>;
/** The YAML document as the `yaml` package alone reads it: an oracle for the values. */
let plain: { paths: Record<string, { post: { responses: Record<string, { description: string; content?: object }> } }>; components: { schemas: Record<string, JsonObject> } };

beforeAll(() => {
  const sink = new DiagnosticSink();
  doc = loadOpenApiBytes("cognito-idp/openapi.yaml", "openapi.yaml", readFileSync(path.join(corpus, "openapi.yaml")), sink)!;
  messages = sink.items.map(formatDiagnostic);
  files = new Map();
  for (const name of readdirSync(path.join(corpus, "json-schema"))) {
    const value = parseJson(readFileSync(path.join(corpus, "json-schema", name), "utf8")).value as JsonObject;
    files.set(value["title"] as string, value);
  }
  plain = parse(text, { version: "1.2", schema: "core" });
});

describe("cognito-idp openapi.yaml: operations", () => {
  it("loads without a diagnostic, as an AWS JSON 1.1 service the generator already knows", () => {
    expect(looksLikeOpenApi(text)).toBe(true);
    expect(messages).toEqual([]);
    expect(doc.service).toBe("cognito-idp");
    const known = KNOWN_SERVICES.get("cognito-idp")!;
    expect(doc.protocol).toEqual({ endpointPrefix: known.endpointPrefix, targetPrefix: known.targetPrefix, contentType: known.contentType });
    expect(doc.protocol?.targetPrefix).toBe("AWSCognitoIdentityProviderService");
    expect(doc.protocol?.endpointPrefix).toBe("cognito-idp");
  });

  it("has one operation per X-Amz-Target path, 101, each with its <Op>Request input and a description", () => {
    const targets = [...text.matchAll(/^ {2}\/#X-Amz-Target=(AWSCognitoIdentityProviderService\.(\w+)):$/gm)].map((m) => [m[2], m[1]]);
    expect(targets).toHaveLength(101);
    expect(doc.operations.map((op) => [op.name, op.target])).toEqual(targets.sort(([a], [b]) => (a! < b! ? -1 : 1)));
    expect(doc.operations.every((op) => op.input === `${op.name}Request`)).toBe(true);
    expect(doc.operations.every((op) => typeof op.description === "string" && op.description !== "")).toBe(true);
  });

  it("gives <Op>Response as the output, except for the eleven whose 200 has no content", () => {
    expect(doc.operations.filter((op) => op.output === undefined).map((op) => op.name)).toEqual([
      "AdminAddUserToGroup",
      "AdminDeleteUser",
      "AdminForgetDevice",
      "AdminRemoveUserFromGroup",
      "DeleteGroup",
      "DeleteIdentityProvider",
      "DeleteResourceServer",
      "DeleteUser",
      "DeleteUserPool",
      "DeleteUserPoolClient",
      "ForgetDevice",
    ]);
    expect(doc.operations.filter((op) => op.output !== undefined).every((op) => op.output === `${op.name}Response`)).toBe(true);
  });

  it("gives as errors the exceptions that the made-up status codes' descriptions name, in order", () => {
    for (const op of doc.operations) {
      const responses = plain.paths[`/#X-Amz-Target=${op.target}`]!.post.responses;
      const named = Object.entries(responses)
        .filter(([status, r]) => status !== "200" && r.content !== undefined)
        .map(([, r]) => r.description);
      expect(op.errors, op.name).toEqual([...new Set(named)]);
      expect(op.errors.every((e) => e.endsWith("Exception")), op.name).toBe(true);
    }
  });

  it("locates an operation at its path's line", () => {
    const first = doc.operations.find((op) => op.name === "AddCustomAttributes")!;
    const line = text.split("\n").indexOf("  /#X-Amz-Target=AWSCognitoIdentityProviderService.AddCustomAttributes:") + 1;
    expect(first.location).toEqual({ file: "openapi.yaml", pointer: "/paths/~1#X-Amz-Target=AWSCognitoIdentityProviderService.AddCustomAttributes", line, column: 3 });
  });
});

/** The components.schemas section's keys, by a regex over the text: independent of any YAML reader. */
function componentKeysInText(): string[] {
  const section = text.slice(text.indexOf("\n  schemas:\n"), text.indexOf("\nsecurity:"));
  return [...section.matchAll(/^ {4}([A-Za-z0-9_]+):/gm)].map((m) => m[1]!);
}

const strip = (schema: JsonObject): JsonObject => {
  const { $schema: _s, $id: _i, title: _t, description: _d, ...rest } = schema;
  return rest;
};

/**
 * The YAML component turned into what its json-schema/ file holds, by the three
 * changes the split made: an array's `items: {$ref}` replaced by the component it
 * names, `minItems`/`maxItems` dropped, and unquoted OFF/ON read as YAML 1.1
 * booleans. Each change is counted so the test can name where it applies.
 */
function asSplit(key: string, schema: JsonObject, seen: Record<string, string[]>): JsonObject {
  const out: Record<string, JsonValue> = { ...schema };
  const items = schema["items"];
  const ref = isJsonObject(items) ? items["$ref"] : undefined;
  if (typeof ref === "string") {
    out["items"] = doc.components.find((c) => c.title === ref.replace("#/components/schemas/", ""))!.schema;
    seen["items $ref inlined"]!.push(key);
  }
  for (const bound of ["minItems", "maxItems"]) {
    if (bound in out) {
      delete out[bound];
      seen[`${bound} dropped`]!.push(key);
    }
  }
  const values = schema["enum"];
  if (Array.isArray(values) && values.some((v) => v === "OFF" || v === "ON")) {
    out["enum"] = (values as JsonValue[]).map((v) => (v === "OFF" ? false : v === "ON" ? true : v));
    seen["enum OFF/ON read as false/true"]!.push(key);
  }
  return out;
}

describe("cognito-idp openapi.yaml: components", () => {
  it("has one SchemaFile per components.schemas key, 465, the same as the json-schema/ files' titles", () => {
    const keys = componentKeysInText();
    expect(keys).toHaveLength(465);
    expect(doc.components.map((c) => c.title)).toEqual(keys);
    expect(new Set(keys)).toEqual(new Set(files.keys()));
    expect(doc.components.every((c) => c.name === `cognito-idp/openapi.yaml#/components/schemas/${c.title}` && c.service === "cognito-idp")).toBe(true);
  });

  it("reads every component's value as the yaml package's own toJS does", () => {
    for (const c of doc.components) expect(c.schema, c.title).toEqual(plain.components.schemas[c.title]);
  });

  it("differs from its json-schema/ file in 41 components only, by the three known changes of the split", () => {
    const seen: Record<string, string[]> = { "items $ref inlined": [], "minItems dropped": [], "maxItems dropped": [], "enum OFF/ON read as false/true": [] };
    const differ = doc.components.filter((c) => !isDeepStrictEqual(strip(c.schema), strip(files.get(c.title)!)));
    for (const c of doc.components) expect(strip(asSplit(c.title, c.schema, seen)), c.title).toEqual(strip(files.get(c.title)!));
    expect(new Set(differ.map((c) => c.title))).toEqual(new Set(Object.values(seen).flat()));
    expect(differ).toHaveLength(41);
    expect(seen["items $ref inlined"]).toHaveLength(39);
    // every array component: the split inlined them all
    expect(seen["items $ref inlined"]).toEqual(doc.components.filter((c) => c.schema["type"] === "array").map((c) => c.title));
    expect(seen["minItems dropped"]).toEqual([
      "RecoveryMechanismsType",
      "CustomAttributesListType",
      "CallbackURLsListType",
      "IdpIdentifiersListType",
      "LogoutURLsListType",
      "OAuthFlowsType",
      "SchemaAttributesListType",
      "ProvidersListType",
      "UserImportJobsListType",
    ]);
    expect(seen["maxItems dropped"]).toEqual([
      "RecoveryMechanismsType",
      "CustomAttributesListType",
      "BlockedIPRangeListType",
      "CallbackURLsListType",
      "IdpIdentifiersListType",
      "ResourceServerScopeListType",
      "LogoutURLsListType",
      "OAuthFlowsType",
      "ScopeListType",
      "SchemaAttributesListType",
      "ProvidersListType",
      "UserImportJobsListType",
      "SkippedIPRangeListType",
    ]);
    expect(seen["enum OFF/ON read as false/true"]).toEqual(["AdvancedSecurityModeType", "UserPoolMfaType"]);
    expect(doc.components.find((c) => c.title === "UserPoolMfaType")?.schema["enum"]).toEqual(["OFF", "ON", "OPTIONAL"]);
    expect(files.get("UserPoolMfaType")?.["enum"]).toEqual([false, true, "OPTIONAL"]);
  });

  it("agrees on titles and descriptions: the files add the key as title, and a stock description where the YAML has none", () => {
    for (const c of doc.components) {
      const file = files.get(c.title)!;
      expect(file["title"]).toBe(c.title);
      if (c.schema["title"] !== undefined) expect(c.schema["title"]).toBe(c.title);
      expect(file["description"], c.title).toBe(c.schema["description"] ?? `${c.title} schema from Amazon Cognito`);
    }
    expect(doc.components.filter((c) => c.schema["title"] !== undefined)).toHaveLength(101);
  });

  it("locates a component's pointers at the YAML's line:column", () => {
    const mfa = doc.components.find((c) => c.title === "UserPoolMfaType")!;
    const lines = text.split("\n");
    const at = lines.indexOf("    UserPoolMfaType:") + 1;
    expect(locate(mfa, "")).toMatchObject({ line: at, column: 5 });
    expect(locate(mfa, "/enum/1")).toEqual({ file: "openapi.yaml", pointer: "/enum/1", line: at + 4, column: 9 });
    expect(lines[at + 3]).toBe("      - ON");
  });
});


describe("the fast YAML path on every corpus service's document (generator/yaml-fast.ts)", () => {
  const documents = corpusServices()
    .map((id) => path.join(SHARED_DIR, "corpus", id, "openapi.yaml"))
    .filter((f) => existsSync(f));
  it.each(documents)("%s: taken, with the package's value and positions", (file) => {
    const source = readFileSync(file, "utf8");
    const fast = fastYaml(source.charCodeAt(0) === 0xfeff ? source.slice(1) : source);
    expect(fast).toBeDefined();
    const theirs = parseYaml(source, { fast: false });
    expect(isDeepStrictEqual(fast!.value, theirs.value)).toBe(true);
    expect(JSON.stringify(fast!.value)).toBe(JSON.stringify(theirs.value));
    expect([...fast!.positions]).toEqual([...theirs.positions]);
  });
});
