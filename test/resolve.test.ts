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

  it("a $id below the root starts a resource: references inside it resolve against it, and its URI names it", () => {
    const schema = {
      title: "AType",
      $id: "https://example.test/dir/a.json",
      properties: {
        x: { $id: "inner.json", $defs: { d: { type: "string" } }, $ref: "#/$defs/d" },
        y: { $ref: "inner.json#/$defs/d" },
        z: { $ref: "/dir/inner.json" },
        w: { $ref: "https://elsewhere.test/nothing.json" },
      },
      // data, not a schema: no resource
      examples: [{ $id: "data.json" }],
    };
    const fs = files({ [A]: schema });
    const r = new Resolver(fs, new DiagnosticSink());
    expect(r.resolve("#/$defs/d", fs[0]!, "/properties/x/$ref")).toMatchObject({ pointer: "/properties/x/$defs/d" });
    expect(r.resolve("inner.json#/$defs/d", fs[0]!, "/properties/y/$ref")).toMatchObject({ pointer: "/properties/x/$defs/d" });
    expect(r.resolve("/dir/inner.json", fs[0]!, "/properties/z/$ref")).toMatchObject({ pointer: "/properties/x" });
    expect(r.resolve("data.json", fs[0]!, "/properties/z/$ref")).toMatchObject({ severity: "error" });
    const messages = check({ [A]: schema });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/at #\/properties\/w\/\$ref\): error: .*not among the input files \(remote references are not fetched\)/);
  });

  it("ignore $ref-looking data inside enum, const and examples, and reach $refs under a property named like a keyword", () => {
    const messages = check({ [A]: { title: "AType", enum: [{ $ref: "#/nowhere" }], properties: { enum: { $ref: "#/nowhere" } } } });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain("#/properties/enum/$ref");
  });
});
