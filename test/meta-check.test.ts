import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CodegenError, DiagnosticSink, formatDiagnostic } from "../generator/diagnostics.js";
import { generate } from "../generator/index.js";
import type { JsonValue } from "../generator/escape.js";
import { loadSchemaBytes, type JsonObject, type SchemaFile } from "../generator/load.js";
import { checkSchemaFile, MAX_SCHEMA_DEPTH } from "../generator/meta-check.js";
import { TOO_DEEP, TOO_DEEP_HINT } from "../generator/depth.js";
import { shownPointer } from "../generator/diagnostics.js";
import { checkReferences, Resolver } from "../generator/resolve.js";
import { tempDir } from "./helpers/schemas.js";

const A = "cognito-idp-a-type-schema.json";

/** The diagnostics of one schema file's text, formatted as the CLI prints them. */
function check(text: string): string[] {
  const sink = new DiagnosticSink();
  const file = loadSchemaBytes(A, A, new TextEncoder().encode(text), sink);
  expect(sink.items).toEqual([]);
  checkSchemaFile(file!, sink);
  return sink.items.map(formatDiagnostic);
}

/** Just "line:column (at #pointer): severity: message", no hint. */
function brief(text: string): string[] {
  return check(text).map((m) => m.slice(A.length + 1).split("\n")[0]!);
}

describe("meta-schema errors, at the keyword's pointer and line:column", () => {
  it("a name required twice is an error at the repeat, naming the first", () => {
    expect(check('{"title":"A","required":["x","y","x"]}')).toEqual([
      `${A}:1:34 (at #/required/2): error: required lists "x" twice (first at #/required/0)\n  hint: remove the repeated name: draft 2020-12 requires the names in required to be unique`,
    ]);
  });

  it.each([
    ["required not an array", '{"title":"A","required":"x"}', ['1:25 (at #/required): error: required must be an array of strings, not a string ("x")']],
    ["a required item not a string", '{"title":"A","required":["x",1]}', ["1:30 (at #/required/1): error: required must be an array of strings; this item is a number (1)"]],
    ["an unknown type", '{"title":"A","type":"text"}', ['1:21 (at #/type): error: unknown type "text"']],
    ["an unknown type in a list", '{"title":"A","type":["string","str"]}', ['1:31 (at #/type/1): error: unknown type "str"']],
    ["a type listed twice", '{"title":"A","type":["null","string","null"]}', ['1:38 (at #/type/2): error: type lists "null" twice']],
    ["an empty type list", '{"title":"A","type":[]}', ["1:21 (at #/type): error: type must not be an empty array (no value would pass)"]],
    ["a type that is not a name", '{"title":"A","type":{}}', ["1:21 (at #/type): error: type must be a type name or an array of them, not an object"]],
    ["a negative maxLength", '{"title":"A","maxLength":-1}', ["1:26 (at #/maxLength): error: maxLength must be a non-negative integer, not a number (-1)"]],
    ["a fractional minItems", '{"title":"A","minItems":1.5}', ["1:25 (at #/minItems): error: minItems must be a non-negative integer, not a number (1.5)"]],
    ["a quoted minProperties", '{"title":"A","minProperties":"3"}', ['1:30 (at #/minProperties): error: minProperties must be a non-negative integer, not a string ("3")']],
    ["a negative maxContains", '{"title":"A","maxContains":-2}', ["1:28 (at #/maxContains): error: maxContains must be a non-negative integer, not a number (-2)"]],
    ["a quoted minimum", '{"title":"A","minimum":"1"}', ['1:24 (at #/minimum): error: minimum must be a number, not a string ("1")']],
    ["a null exclusiveMaximum", '{"title":"A","exclusiveMaximum":null}', ["1:33 (at #/exclusiveMaximum): error: exclusiveMaximum must be a number, not null"]],
    ["a multipleOf of 0", '{"title":"A","multipleOf":0}', ["1:27 (at #/multipleOf): error: multipleOf must be greater than 0, not 0"]],
    ["a pattern that is not a string", '{"title":"A","pattern":3}', ["1:24 (at #/pattern): error: pattern must be a string, not a number (3)"]],
    ["a pattern that does not compile", '{"title":"A","pattern":"("}', ['1:24 (at #/pattern): error: pattern "(" is not a valid ECMAScript regular expression with the u flag: Invalid regular expression: /(/u: Unterminated group']],
    ["a patternProperties name that does not compile", '{"title":"A","patternProperties":{"[":{}}}', ['1:39 (at #/patternProperties/[): error: patternProperties name "[" is not a valid ECMAScript regular expression with the u flag: Invalid regular expression: /[/u: Unterminated character class']],
    ["an enum that is not an array", '{"title":"A","enum":{"a":1}}', ["1:21 (at #/enum): error: enum must be an array, not an object"]],
    ["properties that are a list", '{"title":"A","properties":[{}]}', ["1:27 (at #/properties): error: properties must be an object mapping names to schemas, not an array"]],
    ["$defs that are a string", '{"title":"A","$defs":"X"}', ['1:22 (at #/$defs): error: $defs must be an object mapping names to schemas, not a string ("X")']],
    ["items as a list (the tuple form of older drafts)", '{"title":"A","items":[{}]}', ["1:22 (at #/items): error: items must be a schema, not an array (draft 2020-12)"]],
    ["an empty allOf", '{"title":"A","allOf":[]}', ["1:22 (at #/allOf): error: allOf must be a non-empty array of schemas"]],
    ["an anyOf that is an object", '{"title":"A","anyOf":{}}', ["1:22 (at #/anyOf): error: anyOf must be a non-empty array of schemas"]],
    ["a description that is not a string", '{"title":"A","description":5}', ["1:28 (at #/description): error: description must be a string, not a number (5)"]],
    ["a title below the root that is not a string", '{"title":"A","properties":{"p":{"title":["P"]}}}', ["1:41 (at #/properties/p/title): error: title must be a string, not an array"]],
    ["a deprecated that is not a boolean", '{"title":"A","deprecated":"yes"}', ['1:27 (at #/deprecated): error: deprecated must be true or false, not a string ("yes")']],
    ["a dependentRequired name repeated", '{"title":"A","dependentRequired":{"a":["b","b"]}}', ['1:44 (at #/dependentRequired/a/1): error: required lists "b" twice (first at #/dependentRequired/a/0)']],
  ])("%s", (_name, text, expected) => {
    expect(brief(text)).toEqual(expected);
  });

  it("a subschema of every applicator that is neither an object nor a boolean is an error at its pointer", () => {
    const text = JSON.stringify({
      title: "A",
      properties: { p: 1 },
      patternProperties: { "^x": "s" },
      additionalProperties: null,
      items: 2,
      prefixItems: [3],
      allOf: [4],
      anyOf: [5],
      oneOf: [6],
      not: 7,
      if: 8,
      then: 9,
      else: 10,
      $defs: { d: 11 },
      contains: 12,
      propertyNames: 13,
      dependentSchemas: { k: 14 },
      unevaluatedItems: 15,
      unevaluatedProperties: 16,
    });
    expect(brief(text).map((m) => m.replace(/^1:\d+ /, ""))).toEqual([
      "(at #/properties/p): error: a schema must be an object or a boolean, not a number (1)",
      '(at #/patternProperties/^x): error: a schema must be an object or a boolean, not a string ("s")',
      "(at #/additionalProperties): error: a schema must be an object or a boolean, not null",
      "(at #/items): error: a schema must be an object or a boolean, not a number (2)",
      "(at #/prefixItems/0): error: a schema must be an object or a boolean, not a number (3)",
      "(at #/allOf/0): error: a schema must be an object or a boolean, not a number (4)",
      "(at #/anyOf/0): error: a schema must be an object or a boolean, not a number (5)",
      "(at #/oneOf/0): error: a schema must be an object or a boolean, not a number (6)",
      "(at #/not): error: a schema must be an object or a boolean, not a number (7)",
      "(at #/if): error: a schema must be an object or a boolean, not a number (8)",
      "(at #/then): error: a schema must be an object or a boolean, not a number (9)",
      "(at #/else): error: a schema must be an object or a boolean, not a number (10)",
      "(at #/$defs/d): error: a schema must be an object or a boolean, not a number (11)",
      "(at #/contains): error: a schema must be an object or a boolean, not a number (12)",
      "(at #/propertyNames): error: a schema must be an object or a boolean, not a number (13)",
      "(at #/dependentSchemas/k): error: a schema must be an object or a boolean, not a number (14)",
      "(at #/unevaluatedItems): error: a schema must be an object or a boolean, not a number (15)",
      "(at #/unevaluatedProperties): error: a schema must be an object or a boolean, not a number (16)",
    ]);
  });

  it("the rules apply at every depth, in document order, with the line:column of each place", () => {
    const text = ['{', '  "title": "A",', '  "properties": {', '    "list": { "type": "array", "items": { "anyOf": [{ "type": "string", "required": ["a", "a"] }] } },', '    "n": { "if": { "minimum": "0" } }', "  }", "}"].join("\n");
    expect(brief(text)).toEqual([
      '4:91 (at #/properties/list/items/anyOf/0/required/1): error: required lists "a" twice (first at #/properties/list/items/anyOf/0/required/0)',
      '5:31 (at #/properties/n/if/minimum): error: minimum must be a number, not a string ("0")',
    ]);
  });

  it("values that are data are not read as schemas: enum, const, default, examples, extensions; nor names in properties as keywords", () => {
    const text = JSON.stringify({
      title: "A",
      enum: [{ type: 5, required: [1, 1] }],
      const: { minLength: -1 },
      default: { items: [1] },
      examples: [{ pattern: "(" }],
      "x-vendor": { type: "nope" },
      properties: { type: { type: "string" }, required: {}, minimum: true, items: false },
      $defs: { pattern: {}, enum: {} },
    });
    expect(check(text)).toEqual([]);
  });

  it("a schema with every checked keyword well formed has no diagnostics", () => {
    const text = JSON.stringify({
      title: "A",
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://example.test/a.json",
      $comment: "c",
      description: "d",
      type: ["object", "null"],
      properties: { a: { type: "string", minLength: 0, maxLength: 3, pattern: "^[a-z]+$", format: "email" }, n: { type: "number", minimum: -1.5, exclusiveMaximum: 10, multipleOf: 0.5 } },
      patternProperties: { "^x-": { type: "integer", exclusiveMinimum: 0, maximum: 1 } },
      additionalProperties: { type: "array", items: { enum: [1, "a", null] }, minItems: 1, maxItems: 1, contains: {}, minContains: 1, maxContains: 1, prefixItems: [true], uniqueItems: true },
      required: ["a", "n"],
      minProperties: 1,
      maxProperties: 5,
      dependentRequired: { a: ["n"] },
      $defs: { D: { allOf: [{}], anyOf: [true], oneOf: [false, {}], not: {}, if: {}, then: {}, else: {}, deprecated: true, readOnly: false, writeOnly: false, examples: [1] } },
    });
    expect(check(text)).toEqual([]);
  });
});

describe("warnings: a required member absent from properties", () => {
  it("in an object that lists its members and leaves others open, at /required/<i>, with the closest name", () => {
    expect(check('{\n  "title": "A",\n  "type": "object",\n  "properties": { "Name": {}, "Value": {} },\n  "required": ["Name", "Nmae"]\n}')).toEqual([
      `${A}:5:24 (at #/required/1): warning: required member "Nmae" is not in properties, so any value of it passes\n  hint: correct the name (did you mean "Name"?), or add "Nmae" to properties with its schema`,
    ]);
    expect(brief('{"title":"A","properties":{"a":{}},"additionalProperties":true,"required":["b"]}')).toEqual([
      '1:76 (at #/required/0): warning: required member "b" is not in properties, so any value of it passes',
    ]);
  });

  it.each([
    ["no properties at all (a bare list of members that must be there)", '{"title":"A","type":"object","required":["a"]}'],
    ["additionalProperties a schema (a map with keys that must be there)", '{"title":"A","properties":{"a":{}},"additionalProperties":{"type":"string"},"required":["b"]}'],
    ["a patternProperties name that matches", '{"title":"A","properties":{"a":{}},"patternProperties":{"^b":{}},"required":["b1"]}'],
    ["a branch of an allOf (the members may be declared around it)", '{"title":"A","properties":{"a":{}},"allOf":[{"properties":{"c":{}},"required":["a"]}]}'],
    ["a $ref beside it (the members may be declared there)", '{"title":"A","$ref":"#/$defs/B","properties":{"a":{}},"required":["b"],"$defs":{"B":{"properties":{"b":{}}}}}'],
    ["an allOf beside it", '{"title":"A","allOf":[{"properties":{"b":{}}}],"properties":{"a":{}},"required":["b"]}'],
    ["a member that is in properties", '{"title":"A","properties":{"a":{}},"required":["a"]}'],
  ])("none with %s", (_name, text) => {
    expect(check(text)).toEqual([]);
  });
});

describe("warnings: schemas no value passes, at the keyword that makes it so", () => {
  it.each([
    [
      "a required member a closed object does not allow",
      '{"title":"A","properties":{"a":{}},"additionalProperties":false,"required":["a","b"]}',
      ['1:81 (at #/required/1): warning: required member "b" is not allowed here: it is not in properties and additionalProperties is false, so no object passes'],
    ],
    [
      "a required member whose schema is false",
      '{"title":"A","properties":{"a":false},"required":["a"]}',
      ['1:51 (at #/required/0): warning: required member "a" has the schema false in properties, so no object passes'],
    ],
    [
      "minProperties above what a closed object allows",
      '{"title":"A","properties":{"a":{},"b":false},"additionalProperties":false,"minProperties":2}',
      ["1:91 (at #/minProperties): warning: minProperties 2 is more than the 1 member this closed object allows (additionalProperties is false), so no object passes"],
    ],
    ["minProperties above maxProperties", '{"title":"A","minProperties":3,"maxProperties":2}', ["1:30 (at #/minProperties): warning: minProperties 3 is greater than maxProperties 2, so no object passes"]],
    ["more required members than maxProperties", '{"title":"A","required":["a","b"],"maxProperties":1}', ["1:51 (at #/maxProperties): warning: maxProperties 1 is less than the 2 members required, so no object passes"]],
    ["minLength above maxLength", '{"title":"A","type":"string","minLength":5,"maxLength":2}', ["1:42 (at #/minLength): warning: minLength 5 is greater than maxLength 2, so no string passes"]],
    ["minimum above maximum", '{"title":"A","minimum":2,"maximum":1.5}', ["1:24 (at #/minimum): warning: minimum 2 is greater than maximum 1.5, so no number passes"]],
    ["an exclusive bound on the other", '{"title":"A","type":"integer","exclusiveMinimum":3,"maximum":3}', ["1:50 (at #/exclusiveMinimum): warning: exclusiveMinimum 3 is not less than maximum 3, so no number passes"]],
    ["the stricter of two lower bounds", '{"title":"A","minimum":0,"exclusiveMinimum":5,"exclusiveMaximum":5}', ["1:45 (at #/exclusiveMinimum): warning: exclusiveMinimum 5 is not less than exclusiveMaximum 5, so no number passes"]],
    ["no integer between the bounds", '{"title":"A","type":"integer","minimum":1.2,"exclusiveMaximum":2}', ["1:41 (at #/minimum): warning: no integer lies between minimum 1.2 and exclusiveMaximum 2, so no value of type integer passes"]],
    ["minItems above maxItems", '{"title":"A","minItems":2,"maxItems":1}', ["1:25 (at #/minItems): warning: minItems 2 is greater than maxItems 1, so no array passes"]],
    ["minContains above maxContains", '{"title":"A","contains":{},"minContains":2,"maxContains":1}', ["1:42 (at #/minContains): warning: minContains 2 is greater than maxContains 1, so no array passes"]],
    ["an empty enum", '{"title":"A","properties":{"e":{"enum":[]}}}', ["1:40 (at #/properties/e/enum): warning: enum is empty, so no value passes"]],
  ])("%s", (_name, text, expected) => {
    expect(brief(text)).toEqual(expected);
  });

  it.each([
    ["a required member a closed object allows by pattern", '{"title":"A","patternProperties":{"^b":{}},"additionalProperties":false,"required":["b1"]}'],
    ["minProperties a closed object can meet", '{"title":"A","properties":{"a":{},"b":{}},"additionalProperties":false,"minProperties":2}'],
    ["minProperties with patternProperties (no bound on the count)", '{"title":"A","patternProperties":{"^b":{}},"additionalProperties":false,"minProperties":5}'],
    ["minProperties on an open object", '{"title":"A","properties":{"a":{}},"minProperties":5}'],
    ["equal length bounds", '{"title":"A","minLength":2,"maxLength":2}'],
    ["equal inclusive number bounds", '{"title":"A","minimum":3,"maximum":3}'],
    ["an integer between the bounds", '{"title":"A","type":"integer","exclusiveMinimum":1,"maximum":2.5}'],
    ["bounds with no integer between them when other numbers are allowed", '{"title":"A","type":["integer","number"],"minimum":1.2,"maximum":1.8}'],
    ["length bounds on a schema that is not a string", '{"title":"A","type":"number","minLength":5,"maxLength":2}'],
    ["number bounds on a schema that is not a number", '{"title":"A","type":["string","null"],"minimum":5,"maximum":2}'],
    ["minContains above maxContains without contains (they do not apply)", '{"title":"A","minContains":2,"maxContains":1}'],
    ["as many required members as maxProperties", '{"title":"A","required":["a","b"],"maxProperties":2}'],
    ["an enum with a value", '{"title":"A","enum":[null]}'],
  ])("none for %s", (_name, text) => {
    expect(check(text)).toEqual([]);
  });
});

describe("depth", () => {
  /** A schema nested `depth` levels through properties, built without recursion (as parsed, but with no positions). */
  function nested(depth: number): SchemaFile {
    let schema: JsonObject = { type: "string" };
    for (let i = 0; i < depth; i++) schema = { type: "object", properties: { a: schema } };
    return { name: A, display: A, service: "cognito-idp", title: "A", schema: { ...schema, title: "A" }, positions: new Map() };
  }

  it(`a file nested past ${MAX_SCHEMA_DEPTH} levels is one error at the first place too deep, not a stack overflow (5,000 levels)`, () => {
    const sink = new DiagnosticSink();
    const file = nested(5000);
    checkSchemaFile(file, sink);
    const deepest = "/properties/a".repeat(MAX_SCHEMA_DEPTH + 1);
    expect(sink.items.map(formatDiagnostic)).toEqual([
      `${A} (at #${shownPointer(deepest)}): error: ${TOO_DEEP}\n  hint: ${TOO_DEEP_HINT}`,
    ]);
    // the reference checks walk it without recursion too
    const refs = new DiagnosticSink();
    checkReferences(new Resolver([file], refs), refs);
    expect(refs.items).toEqual([]);
  });

  it(`${MAX_SCHEMA_DEPTH} levels are allowed`, () => {
    const sink = new DiagnosticSink();
    checkSchemaFile(nested(MAX_SCHEMA_DEPTH), sink);
    expect(sink.items).toEqual([]);
  });

  it("through generate, the error has the line:column and nothing is built", async () => {
    const dir = await tempDir("cognito-codegen-deep-");
    try {
      const levels = MAX_SCHEMA_DEPTH + 20;
      const text = '{"title":"A",' + '"items":{'.repeat(levels) + "}".repeat(levels) + "}";
      await writeFile(path.join(dir, A), text);
      const failure = await generate({ schemas: dir, cwd: dir }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(failure).toBeInstanceOf(CodegenError);
      const at = "/items".repeat(MAX_SCHEMA_DEPTH + 1);
      expect((failure as CodegenError).diagnostics).toEqual([
        expect.objectContaining({ severity: "error", location: { file: A, pointer: at, line: 1, column: '{"title":"A",'.length + '"items":{'.length * MAX_SCHEMA_DEPTH + '"items":'.length + 1 } }),
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("in generate()", () => {
  it("errors of every file come at once with the reference errors, and nothing is generated", async () => {
    const dir = await tempDir("cognito-codegen-meta-");
    try {
      await writeFile(path.join(dir, A), '{\n  "title": "AType",\n  "type": "object",\n  "properties": { "b": { "$ref": "#/components/schemas/BTyp" } },\n  "required": ["b", "b"]\n}');
      await writeFile(path.join(dir, "cognito-idp-b-type-schema.json"), '{ "title": "BType", "type": "string", "maxLength": -1 }');
      const failure = (await generate({ schemas: dir, cwd: dir }).then(
        () => undefined,
        (e: unknown) => e,
      )) as CodegenError;
      expect(failure).toBeInstanceOf(CodegenError);
      expect(failure.diagnostics.map((d) => `${d.location.file}:${d.location.line}:${d.location.column} ${d.location.pointer} ${d.message}`)).toEqual([
        `${A}:5:21 /required/1 required lists "b" twice (first at #/required/0)`,
        "cognito-idp-b-type-schema.json:1:52 /maxLength maxLength must be a non-negative integer, not a number (-1)",
        `${A}:4:34 /properties/b/$ref $ref "#/components/schemas/BTyp": no schema of service cognito-idp has the title "BTyp"`,
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("the components of an OpenAPI document are checked too, at the document's line:column", async () => {
    const dir = await tempDir("cognito-codegen-meta-");
    try {
      const yaml = [
        "openapi: 3.0.0",
        "info: { title: Cognito Identity, version: '2014-06-30' }",
        "paths: {}",
        "components:",
        "  schemas:",
        "    IdentityPoolId:",
        "      type: string",
        "      minLength: 9",
        "      maxLength: 3",
        "    GetIdInput:",
        "      type: object",
        "      properties:",
        "        IdentityPoolId: { $ref: '#/components/schemas/IdentityPoolId' }",
        "      required: [IdentityPoolId, IdentityPoolId]",
      ].join("\n");
      await writeFile(path.join(dir, "openapi.yaml"), yaml);
      const failure = (await generate({ schemas: path.join(dir, "openapi.yaml"), cwd: dir, service: "cognito-identity" }).then(
        () => undefined,
        (e: unknown) => e,
      )) as CodegenError;
      expect(failure).toBeInstanceOf(CodegenError);
      expect(failure.diagnostics.map((d) => `${d.location.file}:${d.location.line}:${d.location.column} ${d.location.pointer} ${d.message}`)).toEqual([
        'openapi.yaml:14:34 /required/1 required lists "IdentityPoolId" twice (first at #/required/0)',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("a finding where a schema override set the value says so in its hint", async () => {
    const dir = await tempDir("cognito-codegen-meta-");
    try {
      await writeFile(path.join(dir, A), '{ "title": "AType", "type": "string", "minLength": 1, "maxLength": 8 }');
      const result = await generate({ schemas: dir, cwd: dir, overrides: [{ title: "AType", pointer: "/minLength", set: 9 }] });
      expect(result.warnings.map(formatDiagnostic)).toEqual([
        `${A}:1:52 (at #/minLength): warning: minLength 9 is greater than maxLength 8, so no string passes\n  hint: lower minLength or raise maxLength; the value comes from the override overrides/0 (1 → 9)`,
      ]);
      // a finding elsewhere in the file is not attributed to it
      await writeFile(path.join(dir, A), '{ "title": "AType", "type": "string", "minLength": 1, "maxLength": 8, "enum": [] }');
      const other = await generate({ schemas: dir, cwd: dir, overrides: [{ title: "AType", pointer: "/minLength", set: 2 }] });
      expect(other.warnings.map((w) => [w.location.pointer, w.hint])).toEqual([["/enum", "list the allowed values, or remove enum"]]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("warnings are in the result, and the output is generated", async () => {
    const dir = await tempDir("cognito-codegen-meta-");
    try {
      const schema: JsonValue = { title: "AType", type: "object", properties: { Name: { type: "string" } }, required: ["Nmae"] };
      await writeFile(path.join(dir, A), JSON.stringify(schema, null, 2));
      const result = await generate({ schemas: dir, cwd: dir });
      expect(result.warnings.map(formatDiagnostic)).toEqual([
        `${A}:10:5 (at #/required/0): warning: required member "Nmae" is not in properties, so any value of it passes\n  hint: correct the name (did you mean "Name"?), or add "Nmae" to properties with its schema`,
      ]);
      expect(result.files.find((f) => f.path.endsWith("types.ts"))!.contents).toContain("Nmae: unknown;");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
