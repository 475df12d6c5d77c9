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

describe("cycles of references alone", () => {
  const B_ = "cognito-idp-b-type-schema.json";
  const C = "cognito-idp-c-type-schema.json";
  const component = (title: string) => ({ $ref: `#/components/schemas/${title}` });

  it("are an error at the $ref that closes the cycle, in its file, naming the chain", () => {
    expect(check({ [A]: { title: "AType", ...component("BType") }, [B_]: { title: "BType", ...component("AType") } })).toEqual([
      `${B_}:3:11 (at #/$ref): error: the references AType → BType → AType form a cycle with no property or array item in between, closed by this $ref: no value can be checked against it (the check would never end)\n  hint: break the cycle, or make it go through a property or an array item`,
    ]);
  });

  it.each([
    ["a schema that is its own reference", { [A]: { title: "AType", $ref: "#" } }, `${A}:3:11 (at #/$ref)`, "AType → AType"],
    [
      "through the corpus's allOf wrapper and an anyOf",
      { [A]: { title: "AType", allOf: [component("BType"), { description: "d" }] }, [B_]: { title: "BType", anyOf: [{ type: "string" }, component("CType")] }, [C]: { title: "CType", ...component("AType") } },
      `${C}:3:11 (at #/$ref)`,
      "AType → BType → CType → AType",
    ],
    ["among $defs no one refers to", { [A]: { title: "AType", type: "string", $defs: { X: { $ref: "#/$defs/Y" }, Y: { not: { $ref: "#/$defs/X" } } } } }, `${A}:10:17 (at #/$defs/Y/not/$ref)`, "AType#/$defs/X → AType#/$defs/Y → AType#/$defs/X"],
    ["beside other keywords, which do not break it", { [A]: { title: "AType", type: "object", properties: { a: {} }, oneOf: [{ $ref: "#" }] } }, `${A}:9:15 (at #/oneOf/0/$ref)`, "AType → AType"],
  ])("%s", (_name, entries, where, chain) => {
    const messages = check(entries);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(`${where}: error: the references ${chain} form a cycle`);
  });

  it.each([
    ["a property", { [A]: { title: "AType", type: "object", properties: { next: component("AType") } } }],
    ["an array item", { [A]: { title: "AType", type: "array", items: component("BType") }, [B_]: { title: "BType", allOf: [component("AType")] } }],
    ["additionalProperties (a map of itself)", { [A]: { title: "AType", additionalProperties: { $ref: "#" } } }],
    ["a $def's property", { [A]: { title: "AType", $ref: "#/$defs/N", $defs: { N: { type: "object", properties: { child: { $ref: "#/$defs/N" } } } } } }],
    ["a chain that ends", { [A]: { title: "AType", ...component("BType") }, [B_]: { title: "BType", ...component("CType") }, [C]: { title: "CType", type: "string" } }],
  ])("through %s is a recursive type (or none), not an error", (_name, entries) => {
    expect(check(entries)).toEqual([]);
  });

  it("a chain of 5,000 references is walked without recursion, and the message keeps its two ends", () => {
    const n = 5000;
    const $defs: Record<string, object> = {};
    for (let i = 0; i < n; i++) $defs[`d${i}`] = { $ref: `#/$defs/d${(i + 1) % n}` };
    const messages = check({ [A]: { title: "AType", $ref: "#/$defs/d0", $defs } });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(
      `(at #/$defs/d4999/$ref): error: the references AType#/$defs/d0 → AType#/$defs/d1 → AType#/$defs/d2 → AType#/$defs/d3 → AType#/$defs/d4 → … (4991 more) … → AType#/$defs/d4996 → AType#/$defs/d4997 → AType#/$defs/d4998 → AType#/$defs/d4999 → AType#/$defs/d0 form a cycle`,
    );
  });
});
