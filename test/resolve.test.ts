import { describe, expect, it } from "vitest";
import { DiagnosticSink, formatDiagnostic } from "../generator/diagnostics.js";
import { loadSchemaBytes, type SchemaFile } from "../generator/load.js";
import { checkReferences, Resolver } from "../generator/resolve.js";

function files(entries: Record<string, object>): SchemaFile[] {
  const sink = new DiagnosticSink();
  const out = Object.entries(entries).map(([name, schema]) => loadSchemaBytes(name, name, new TextEncoder().encode(JSON.stringify(schema, null, 2)), sink)!);
  expect(sink.items).toEqual([]);
  return out;
}

function check(entries: Record<string, object>): string[] {
  const sink = new DiagnosticSink();
  checkReferences(new Resolver(files(entries), sink), sink);
  return sink.items.map(formatDiagnostic);
}

const A = "cognito-idp-a-type-schema.json";
const B = "cognito-idp-b-type-schema.json";

describe("references", () => {
  it("resolve #/components/schemas/<Title> to the file of the same service with that title", () => {
    const fs = files({ [A]: { title: "AType", properties: { b: { $ref: "#/components/schemas/BType" } } }, [B]: { title: "BType", type: "string" } });
    const r = new Resolver(fs, new DiagnosticSink());
    const t = r.resolve("#/components/schemas/BType", fs[0]!, "/properties/b/$ref");
    expect(t).toMatchObject({ pointer: "" });
    expect("file" in t && t.file.name).toBe(B);
  });

  it("accept #, #/$defs/X, a relative file and a file's $id", () => {
    expect(
      check({
        [A]: {
          title: "AType",
          $defs: { X: { type: "string" } },
          properties: { self: { $ref: "#" }, x: { $ref: "#/$defs/X" }, rel: { $ref: "cognito-idp-b-type-schema.json#/$defs/Y" }, id: { $ref: "https://example.test/b.json" } },
        },
        [B]: { title: "BType", $id: "https://example.test/b.json", $defs: { Y: { type: "number" } } },
      }),
    ).toEqual([]);
  });

  it("name the file, the pointer and line:column of the $ref, the name looked for and the closest titles", () => {
    const messages = check({ [A]: { title: "AType", properties: { b: { allOf: [{ $ref: "#/components/schemas/BTyp" }, { description: "d" }] } } }, [B]: { title: "BType" } });
    expect(messages).toEqual([
      `${A}:7:19 (at #/properties/b/allOf/0/$ref): error: $ref "#/components/schemas/BTyp": no schema of service cognito-idp has the title "BTyp"\n  hint: add a file cognito-idp-<kebab title>-schema.json whose "title" is "BTyp", or refer to one that exists (closest: BType, AType)`,
    ]);
  });

  it.each([
    ["a path outside the input folder", "../../etc/passwd.json", "points outside the input folder"],
    ["a missing file", "nope.json", "no input file nope.json"],
    ["a missing pointer", "#/$defs/Missing", "has nothing at #/$defs/Missing"],
    ["a remote document", "https://example.test/other.json", "remote references are not fetched"],
    ["an anchor", "#thing", "anchors (#name) are not supported"],
  ])("report %s", (_name, ref, message) => {
    const messages = check({ [A]: { title: "AType", properties: { x: { $ref: ref } } } });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(`${A}:5:15 (at #/properties/x/$ref)`);
    expect(messages[0]).toContain(message);
  });

  it("report a title used twice in one service", () => {
    const sink = new DiagnosticSink();
    new Resolver(files({ [A]: { title: "AType" }, "other/cognito-idp-a-type-schema.json": { title: "AType" } }), sink);
    expect(sink.items.map(formatDiagnostic).join("\n")).toContain('title "AType" of service cognito-idp is also the title of');
  });

  it("report a $id below the root, which would change the base of references", () => {
    const messages = check({ [A]: { title: "AType", $id: "https://example.test/a.json", properties: { x: { $id: "inner.json", type: "string" } }, examples: [{ $id: "data" }] } });
    expect(messages).toEqual([
      `${A}:6:14 (at #/properties/x/$id): error: a $id inside a schema changes the base of the references below it, which is not supported\n  hint: give that subschema a file of its own, or remove its $id`,
    ]);
  });

  it("ignore $ref-looking data inside enum, const and examples, and reach $refs under a property named like a keyword", () => {
    const messages = check({ [A]: { title: "AType", enum: [{ $ref: "#/nowhere" }], properties: { enum: { $ref: "#/nowhere" } } } });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain("#/properties/enum/$ref");
  });
});
