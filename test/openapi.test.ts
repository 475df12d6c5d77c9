import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DiagnosticSink, formatDiagnostic } from "../generator/diagnostics.js";
import { locate } from "../generator/load.js";
import { loadOpenApiBytes, looksLikeOpenApi } from "../generator/openapi.js";

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const fixture = (name: string): string => readFileSync(new URL(`fixtures-openapi/${name}`, import.meta.url), "utf8");

function load(text: string | Uint8Array, name = "svc-openapi.yaml") {
  const sink = new DiagnosticSink();
  const doc = loadOpenApiBytes(name, name, typeof text === "string" ? bytes(text) : text, sink);
  return { doc, messages: sink.items.map(formatDiagnostic) };
}

/** A document whose paths start on line 3 and whose schemas are `Req` and `Res` (or the given lines). */
const document = (paths: string, schemas = "    Req: {}\n    Res: {}\n"): string =>
  `openapi: 3.0.0\npaths:${paths === "" ? " {}" : ""}\n${paths}components:\n  schemas:\n${schemas}`;
/** One X-Amz-Target path of seven lines; its `$ref` is on the seventh, at column 15. */
const operation = (target: string, ref = "#/components/schemas/Req"): string =>
  `  /#X-Amz-Target=${target}:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema:\n              $ref: "${ref}"\n`;
const REF = "/post/requestBody/content/application~1json/schema/$ref";

/** 1-based line and column of the first `needle` in `text`: positions checked against the text itself. */
function find(text: string, needle: string): { line: number; column: number } {
  const at = text.indexOf(needle);
  const before = text.slice(0, at).split("\n");
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

describe("loadOpenApiBytes on an AWS-style document", () => {
  const text = fixture("tiny-idp-openapi.yaml");
  const { doc, messages } = load(text, "tiny-idp/tiny-idp-openapi.yaml");

  it("reads without diagnostics: the header's service and protocol", () => {
    expect(messages).toEqual([]);
    expect(doc?.service).toBe("tiny-idp");
    expect(doc?.protocol).toEqual({ endpointPrefix: "tiny-idp", targetPrefix: "TinyIdentityProviderService", contentType: "application/x-amz-json-1.1" });
  });

  it("gives the operations sorted by name, with input, output, errors in document order once each, and the raw description", () => {
    expect(doc?.operations.map(({ location: _location, ...op }) => op)).toEqual([
      { name: "DeleteGroup", target: "TinyIdentityProviderService.DeleteGroup", input: "DeleteGroupRequest", errors: ["InvalidParameterException"] },
      {
        name: "ResendConfirmationCode",
        target: "TinyIdentityProviderService.ResendConfirmationCode",
        input: "ResendConfirmationCodeRequest",
        output: "ResendConfirmationCodeResponse",
        // "481" is before "480" in the file: document order, not JS key order
        errors: ["UserNotFoundException", "InvalidParameterException"],
        description: "<p>Resends the confirmation code.</p>",
      },
    ]);
  });

  it("locates an operation at its path's key", () => {
    const resend = doc?.operations.find((op) => op.name === "ResendConfirmationCode");
    expect(resend?.location).toEqual({
      file: "tiny-idp/tiny-idp-openapi.yaml",
      pointer: "/paths/~1#X-Amz-Target=TinyIdentityProviderService.ResendConfirmationCode",
      ...find(text, "/#X-Amz-Target=TinyIdentityProviderService.ResendConfirmationCode"),
    });
  });

  it("gives one SchemaFile per component, titled by its key, the schema's own title untouched", () => {
    expect(doc?.components.map((f) => [f.name, f.title])).toEqual([
      ["tiny-idp/tiny-idp-openapi.yaml#/components/schemas/ResendConfirmationCodeResponse", "ResendConfirmationCodeResponse"],
      ["tiny-idp/tiny-idp-openapi.yaml#/components/schemas/ResendConfirmationCodeRequest", "ResendConfirmationCodeRequest"],
      ["tiny-idp/tiny-idp-openapi.yaml#/components/schemas/CodeDeliveryDetailsType", "CodeDeliveryDetailsType"],
      ["tiny-idp/tiny-idp-openapi.yaml#/components/schemas/UserNotFoundException", "UserNotFoundException"],
      ["tiny-idp/tiny-idp-openapi.yaml#/components/schemas/InvalidParameterException", "InvalidParameterException"],
      ["tiny-idp/tiny-idp-openapi.yaml#/components/schemas/DeleteGroupRequest", "DeleteGroupRequest"],
    ]);
    const delivery = doc?.components.find((f) => f.title === "CodeDeliveryDetailsType");
    expect(delivery?.schema).toEqual({ title: "CodeDelivery", type: "object", properties: { DeliveryMedium: { type: "string", enum: ["SMS", "EMAIL"] } } });
    expect(delivery?.service).toBe("tiny-idp");
    expect(delivery?.display).toBe("tiny-idp/tiny-idp-openapi.yaml");
    expect(doc?.components.find((f) => f.title === "UserNotFoundException")?.schema).toEqual({});
  });

  it("reads the values as JSON: folded and single-quoted scalars, a YAML 1.1 date stays a string", () => {
    const request = doc?.components.find((f) => f.title === "ResendConfirmationCodeRequest")?.schema;
    expect(request?.["properties"]).toMatchObject({
      ClientId: { type: "string", minLength: 1, maxLength: 128, pattern: "[\\w+]+" },
      Username: { description: "The name of the user, folded onto one line." },
    });
    expect(request?.["required"]).toEqual(["ClientId", "Username"]);
  });

  it("re-bases a component's positions so that locate() names the YAML line:column", () => {
    const request = doc!.components.find((f) => f.title === "ResendConfirmationCodeRequest")!;
    expect(locate(request, "")).toEqual({ file: request.display, pointer: "", ...find(text, "ResendConfirmationCodeRequest:") });
    expect(locate(request, "/properties/ClientId/pattern")).toEqual({ file: request.display, pointer: "/properties/ClientId/pattern", line: 89, column: 11 });
    expect(find(text, "pattern: '[\\w+]+'")).toEqual({ line: 89, column: 11 });
    // array items are where the item starts, after "- "
    expect(locate(request, "/required/1")).toMatchObject(find(text, "Username\n"));
    // every pointer of the value has a position
    const pointers = [...request.positions.keys()];
    expect(pointers).toContain("/properties/Username/description");
    expect(pointers.every((p) => p === "" || p.startsWith("/"))).toBe(true);
  });

  it("keeps a __proto__ key as an own member, not a prototype", () => {
    const properties = doc!.components.find((f) => f.title === "ResendConfirmationCodeRequest")!.schema["properties"] as object;
    expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
    expect(Object.keys(properties)).toEqual(["ClientId", "Username", "__proto__"]);
    expect(Object.getOwnPropertyDescriptor(properties, "__proto__")?.value).toEqual({ type: "boolean" });
  });
});

describe("loadOpenApiBytes on a document that is not only AWS JSON", () => {
  it("skips the REST path with a warning, has no protocol, and takes the service from the regional server", () => {
    const { doc, messages } = load(fixture("mixed.openapi.yaml"), "mixed.openapi.yaml");
    expect(messages).toEqual([
      "mixed.openapi.yaml:8:3 (at #/paths/~1things~1{id}): warning: not an AWS JSON operation path; skipped\n  hint: operations are read from paths of the form /#X-Amz-Target=<Prefix>.<Operation>",
    ]);
    expect(doc?.service).toBe("mixed-api");
    expect(doc?.protocol).toBeUndefined();
    expect(doc?.operations.map((op) => [op.name, op.target, op.input, op.output])).toEqual([["PutThing", "MixedService.PutThing", "PutThingRequest", undefined]]);
  });

  it("takes the service from the file name when nothing else says it, and endpointPrefix from the service", () => {
    expect(load(document(operation("S.Op")), "things-openapi.yaml").doc?.service).toBe("things");
    expect(load(document(operation("S.Op")), "things/openapi.yml").doc?.service).toBe("things");
    expect(load(document(operation("S.Op")), "things/openapi.yml").doc?.protocol?.endpointPrefix).toBe("things");
  });

  it("reads JSON, which is YAML", () => {
    const text = '{"openapi": "3.1.0", "paths": {}, "components": {"schemas": {"A": {"type": "string"}}}}';
    const { doc, messages } = load(text);
    expect(messages).toEqual([]);
    expect(doc?.components.map((f) => [f.title, f.schema, locate(f, "/type")])).toEqual([["A", { type: "string" }, { file: "svc-openapi.yaml", pointer: "/type", ...find(text, '"type"') }]]);
    expect(doc?.protocol).toBeUndefined();
  });
});

describe("loadOpenApiBytes errors, each at file:line:column", () => {
  it.each([
    ["the top level is not an object", "- a\n- b\n", "svc-openapi.yaml:1:1 (at #): error: an OpenAPI document must be an object at the top level, not an array"],
    [
      "there is no openapi key",
      "swagger: '2.0'\npaths: {}\n",
      "svc-openapi.yaml:1:1 (at #): error: the document has no `openapi` key: it is not an OpenAPI 3 document\n  hint: start it with openapi: \"3.0.0\" (a Swagger 2 document must be converted first)",
    ],
    ["openapi is not 3.x", "openapi: 2.0\n", 'svc-openapi.yaml:1:1 (at #/openapi): error: openapi is 2; only OpenAPI 3 documents are read\n  hint: write the version as a string, e.g. openapi: "3.0.0"'],
    ["paths is not an object", "openapi: 3.0.0\npaths: [a]\n", "svc-openapi.yaml:2:1 (at #/paths): error: paths must be an object, not an array"],
    ["components.schemas is not an object", "openapi: 3.0.0\ncomponents:\n  schemas: 7\n", "svc-openapi.yaml:3:3 (at #/components/schemas): error: components.schemas must be an object, not a number"],
  ])("fatal: %s", (_name, text, message) => {
    const { doc, messages } = load(text);
    expect(messages).toEqual([message]);
    expect(doc).toBeUndefined();
  });

  const at = (target: string): string => `svc-openapi.yaml:9:15 (at #/paths/~1#X-Amz-Target=${target}${REF})`;
  it.each([
    [
      "a $ref that is not to components.schemas",
      operation("S.Op", "#/definitions/Req"),
      `${at("S.Op")}: error: $ref "#/definitions/Req" does not name a schema component; an operation's schema must be #/components/schemas/<Key>\n  hint: refer to a key of components.schemas`,
    ],
    [
      "a $ref into other components",
      operation("S.Op", "#/components/requestBodies/Req"),
      `${at("S.Op")}: error: $ref "#/components/requestBodies/Req" points into components.requestBodies, not components.schemas; an operation's schema must be #/components/schemas/<Key>\n  hint: refer to a key of components.schemas`,
    ],
    [
      "a $ref to another file",
      operation("S.Op", "other.yaml#/components/schemas/Req"),
      `${at("S.Op")}: error: $ref "other.yaml#/components/schemas/Req" points outside this document; an operation's schema must be #/components/schemas/<Key>\n  hint: refer to a key of components.schemas`,
    ],
    [
      "a $ref to a key that is not there",
      operation("S.Op", "#/components/schemas/Rek"),
      `${at("S.Op")}: error: $ref "#/components/schemas/Rek": components.schemas has no "Rek"\n  hint: did you mean Req, Res?`,
    ],
    [
      "a request body that is itself a $ref",
      "  /#X-Amz-Target=S.Op:\n    post:\n      requestBody:\n        $ref: '#/components/requestBodies/Req'\n",
      'svc-openapi.yaml:6:9 (at #/paths/~1#X-Amz-Target=S.Op/post/requestBody/$ref): error: $ref "#/components/requestBodies/Req": only #/components/schemas/<Key> is read, not other components\n  hint: write the request body or response here and $ref its schema',
    ],
    [
      "an inline schema",
      "  /#X-Amz-Target=S.Op:\n    post:\n      responses:\n        '200':\n          content:\n            application/json:\n              schema: {type: object}\n",
      "svc-openapi.yaml:9:15 (at #/paths/~1#X-Amz-Target=S.Op/post/responses/200/content/application~1json/schema): error: an operation's schema must be a $ref to #/components/schemas/<Key>\n  hint: move the schema into components.schemas and refer to it",
    ],
    [
      "an X-Amz-Target path without post",
      "  /#X-Amz-Target=S.Op:\n    get: {}\n",
      "svc-openapi.yaml:3:3 (at #/paths/~1#X-Amz-Target=S.Op): error: the X-Amz-Target path has no post operation\n  hint: AWS JSON operations are POSTs: give the path a post: with its requestBody and responses",
    ],
    [
      "target prefixes that disagree",
      operation("S.A") + operation("T.B"),
      'svc-openapi.yaml:10:3 (at #/paths/~1#X-Amz-Target=T.B): error: target prefix "T" differs from "S" of A\n  hint: one service has one X-Amz-Target prefix: fix the path',
    ],
    [
      "two operations of one name",
      operation("S.A") + operation("S.A.x").replace("requestBody", "operationId: A\n      requestBody"),
      "svc-openapi.yaml:10:3 (at #/paths/~1#X-Amz-Target=S.A.x): error: a second operation named A (the first is at /#X-Amz-Target=S.A)\n  hint: give every operation its own operationId",
    ],
  ])("%s", (_name, paths, message) => {
    const { doc, messages } = load(document(paths));
    expect(messages).toEqual([message]);
    expect(doc).toBeDefined();
  });

  it("an unquoted version is a YAML number: a warning, then read", () => {
    const { doc, messages } = load("openapi: 3.1\n");
    expect(messages).toEqual(['svc-openapi.yaml:1:1 (at #/openapi): warning: openapi is the number 3.1; read as OpenAPI 3.1\n  hint: quote it: openapi: "3.1.0"']);
    expect(doc?.operations).toEqual([]);
  });

  it("no protocol when target prefixes disagree", () => {
    expect(load(document(operation("S.A") + operation("T.B"))).doc?.protocol).toBeUndefined();
  });

  it("a schema component that is not an object", () => {
    const { doc, messages } = load(document("", "    Req: {}\n    Bad: [1]\n"));
    expect(messages).toEqual(["svc-openapi.yaml:6:5 (at #/components/schemas/Bad): error: the schema component Bad must be an object, not an array"]);
    expect(doc?.components.map((f) => f.title)).toEqual(["Req"]);
  });
});

describe("loadOpenApiBytes reading YAML", () => {
  it.each([
    ["a syntax error", "openapi: 3.0.0\npaths: {a: [1, 2}\n", "svc-openapi.yaml:2:17: error: invalid YAML:"],
    ["bad indentation", "openapi: 3.0.0\ninfo:\n  title: a\n version: b\n", "svc-openapi.yaml:4:1: error: invalid YAML: All mapping items must start at the same column"],
    ["a duplicate key", "openapi: 3.0.0\ninfo:\n  title: a\n  'title': b\n", "svc-openapi.yaml:4:3 (at #/info/title): error: duplicate key \"title\"\n  hint: YAML keys must be unique: remove or rename one"],
    ["a key that is not a string", "openapi: 3.0.0\n? [a]\n: 1\n", "svc-openapi.yaml:2:3: error: invalid YAML: With stringKeys, all keys must be strings"],
    ["two documents", "openapi: 3.0.0\n---\nopenapi: 3.0.0\n", "svc-openapi.yaml:2:1: error: invalid YAML: Source contains multiple documents"],
    ["a tab as indentation", "openapi: 3.0.0\ninfo:\n\ttitle: a\n", "svc-openapi.yaml:3:1: error: invalid YAML: Tabs are not allowed as indentation"],
    ["an alias to no anchor", "openapi: 3.0.0\ninfo: *nope\n", "svc-openapi.yaml:2:7 (at #/info): error: alias *nope names no anchor before it\n  hint: define &nope before the alias"],
    ["an alias inside its anchor", "openapi: 3.0.0\ninfo: &a {self: *a}\n", "svc-openapi.yaml:2:17 (at #/info/self): error: alias *a is inside the node it names: a cycle JSON cannot hold"],
    ["infinity", "openapi: 3.0.0\nx: .inf\n", "svc-openapi.yaml:2:4 (at #/x): error: .inf is not a finite number: JSON has no Infinity or NaN\n  hint: quote it to keep it as a string"],
    ["not a number", "openapi: 3.0.0\nx: [.NaN]\n", "svc-openapi.yaml:2:5 (at #/x/0): error: .NaN is not a finite number: JSON has no Infinity or NaN\n  hint: quote it to keep it as a string"],
  ])("%s is an error at its line:column, and nothing is returned", (_name, text, message) => {
    const { doc, messages } = load(text);
    expect(messages[0]).toContain(message);
    expect(doc).toBeUndefined();
  });

  it("rejects bytes that are not UTF-8", () => {
    const { doc, messages } = load(new Uint8Array([0x6f, 0x70, 0xff, 0x0a]));
    expect(messages).toEqual(["svc-openapi.yaml: error: the file is not valid UTF-8\n  hint: save it as UTF-8"]);
    expect(doc).toBeUndefined();
  });

  it("reads the core schema only: no dates, no binary, no merge keys, 1.1 booleans stay strings", () => {
    const text = document("", "    A:\n      d: 2001-12-14\n      t: !!timestamp 2001-12-14\n      b: !!binary aGk=\n      y: yes\n      o: 0o17\n      m: &m {x: 1}\n      n:\n        <<: *m\n");
    const { doc, messages } = load(text);
    expect(doc?.components[0]?.schema).toEqual({ d: "2001-12-14", t: "2001-12-14", b: "aGk=", y: "yes", o: 15, m: { x: 1 }, n: { "<<": { x: 1 } } });
    expect(messages).toEqual([
      "svc-openapi.yaml:7:10: warning: Unresolved tag: tag:yaml.org,2002:timestamp",
      "svc-openapi.yaml:8:10: warning: Unresolved tag: tag:yaml.org,2002:binary",
    ]);
  });

  it("expands an alias with the anchor's positions below the alias's own", () => {
    const { doc } = load(document("", "    A: &a {type: string}\n    B: *a\n"));
    const b = doc!.components.find((f) => f.title === "B")!;
    expect(b.schema).toEqual({ type: "string" });
    expect([locate(b, ""), locate(b, "/type")]).toMatchObject([{ line: 6, column: 5 }, { line: 5, column: 12 }]);
  });

  it("stops an alias bomb", () => {
    const lines = ["openapi: 3.0.0", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 8; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(", ")}]`);
    const { doc, messages } = load(lines.join("\n"));
    expect(doc).toBeUndefined();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain("error: aliases expand to more than 100000 values");
  });

  it("keeps the document's order of components, even for integer-like keys a JS object lists first", () => {
    const { doc } = load(document("", "    B: {}\n    200: {}\n    A: {}\n"));
    expect(doc?.components.map((f) => f.title)).toEqual(["B", "200", "A"]);
  });

  it("keeps a top-level __proto__ key as an own member", () => {
    const { doc } = load(document("", "    __proto__: {polluted: true}\n"));
    expect(doc?.components.map((f) => f.title)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("counts columns after a byte order mark from the first real character", () => {
    const { doc } = load("\uFEFFopenapi: 3.0.0\ncomponents: {schemas: {A: {}}}\n");
    expect(locate(doc!.components[0]!, "")).toMatchObject({ line: 2, column: 24 });
  });
});

describe("looksLikeOpenApi", () => {
  it.each([
    ["a YAML document", "# comment\nopenapi: 3.0.0\ninfo: {}\n", true],
    ["a quoted key", '"openapi": "3.0.0"\n', true],
    ["a JSON document", '{\n  "info": {},\n  "openapi": "3.0.0"\n}', true],
    ["an indented openapi key in YAML", "info:\n  openapi: 3.0.0\n", false],
    ["a JSON Schema", '{"type": "object", "title": "A"}', false],
    ["Swagger 2", "swagger: '2.0'\n", false],
  ])("%s: %s", (_name, text, expected) => {
    expect(looksLikeOpenApi(text)).toBe(expected);
  });
});
