/**
 * Hostile input found by a sweep of odd schema folders through the CLI: each case here broke
 * once (a hang, an internal error, generated code that does not compile or crashes the compiler).
 */
import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CodegenError } from "../generator/diagnostics.js";
import { generate } from "../generator/index.js";
import { writeOutput } from "../generator/write.js";
import { typeCheck } from "./strict-program.js";

const root = path.resolve(import.meta.dirname, "..");
let temp: string;
beforeAll(async () => {
  temp = await mkdtemp(path.join(tmpdir(), "cognito-codegen-hostile-input-"));
});
afterAll(async () => {
  await rm(temp, { recursive: true, force: true });
});

/** A folder of cognito-idp schema files, one per title. */
async function schemas(name: string, byTitle: Record<string, object>): Promise<string> {
  const dir = path.join(temp, name, "schemas");
  await mkdir(dir, { recursive: true });
  let i = 0;
  for (const [title, schema] of Object.entries(byTitle)) {
    await writeFile(path.join(dir, `cognito-idp-x${i++}-schema.json`), JSON.stringify({ $schema: "https://json-schema.org/draft/2020-12/schema", title, ...schema }));
  }
  return dir;
}

/** Generates, writes and compiles under the strictest options; the output folder. */
async function generateAndCheck(name: string, byTitle: Record<string, object>, options: { assertFormats?: boolean } = {}): Promise<string> {
  const input = await schemas(name, byTitle);
  const result = await generate({ schemas: input, ...options });
  // tidy's output (the default) is prettier's, byte for byte, on these inputs too
  const formatted = await generate({ schemas: input, ...options, tidy: false });
  expect(result.files).toEqual(formatted.files);
  const out = path.join(temp, name, "out");
  await writeOutput(out, result.files);
  await writeFile(path.join(out, "package.json"), '{ "type": "module" }\n');
  expect(typeCheck(result.files.map((f) => path.join(out, f.path)))).toEqual([]);
  return out;
}

const ref = (title: string) => ({ $ref: `#/components/schemas/${title}` });

describe("patterns with huge counts", () => {
  it("x{99999999999} is planned at once (it was walked copy by copy: hours), and kept as the RegExp it is", () => {
    // in a child with a deadline: a hang must fail the test, not stall the suite
    const script = `import { planPattern } from ${JSON.stringify(pathToFileURL(path.join(root, "dist/generator/regex/safety.js")).href)};
      console.log(JSON.stringify(["x{99999999999}", "x{99999999999,}y", "(?:x{999999}){999999}"].map((p) => planPattern(p).kind)));`;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", timeout: 30_000 });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(["unsafe", "unsafe", "unsafe"]);
  });
});

describe("lengths and counts as large as JSON numbers go", () => {
  it("minLength/maxLength 1e308 generate (2 × 1e308 was an Infinity, an internal error) and validate as they say", async () => {
    const out = await generateAndCheck("huge-lengths", { HugeMin: { type: "string", minLength: 1e308 }, HugeMax: { type: "string", maxLength: 1e308 } });
    const v = (await import(pathToFileURL(path.join(out, "cognito-idp/validators.ts")).href)) as Record<string, (x: unknown) => boolean>;
    expect(v["isHugeMin"]!("a".repeat(1000))).toBe(false);
    expect(v["isHugeMax"]!("a".repeat(1000))).toBe(true);
  });
});

describe("a service that makes no folder name", () => {
  it.each([
    ["...", "no ASCII letter or digit"],
    ["😀", "no ASCII letter or digit"],
    ["CON", "device name on Windows"],
    ["lpt1", "device name on Windows"],
  ])("--service %s: a bad-input error naming the file and what to do (was an internal error, or a folder Windows cannot make)", async (service, why) => {
    const dir = path.join(temp, `service-${Buffer.from(service).toString("hex")}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "thing.json"), JSON.stringify({ title: "Thing", type: "string" }));
    const error = await generate({ schemas: dir, service }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CodegenError);
    const [d] = (error as CodegenError).diagnostics;
    expect(d?.location.file).toBe("thing.json");
    expect(d?.message).toContain(why);
    expect(d?.hint).toContain("--service");
    // one service needs no folder of its own in the flat layout
    await expect(generate({ schemas: dir, service, layout: "flat" })).resolves.toBeDefined();
  });
});

describe("generated code compiles strictly, whatever the schema", () => {
  it("titles whose names the output already uses: isPlainObject, SERVICE, ClientOptions, isTime/isDateTime (--assert-formats); a member named Send", async () => {
    const titles = ["PlainObject", "SERVICE", "ClientOptions", "Time", "DateTime"];
    await generateAndCheck(
      "runtime-names",
      {
        PlainObject: { type: "object", properties: { a: { type: "string" } } },
        SERVICE: { type: "string" },
        ClientOptions: { type: "string" },
        Time: { type: "string", format: "time" },
        DateTime: { type: "string", format: "date-time" },
        PutRequest: { type: "object", properties: { Send: { type: "string" }, ...Object.fromEntries(titles.map((t) => [t, ref(t)])) }, required: ["Send"] },
        PutResponse: { type: "object", properties: Object.fromEntries(titles.map((t) => [t, ref(t)])) },
      },
      { assertFormats: true },
    );
  });

  it("false schemas that only report: items: false, a $defs entry false, anyOf/oneOf members false (unused locals and parameters)", async () => {
    await generateAndCheck("false-schemas", {
      Falses: {
        type: "object",
        $defs: { Never: false },
        properties: { none: { type: "array", items: false }, never: { $ref: "#/$defs/Never" }, any: { anyOf: [false, { type: "string" }] }, one: { oneOf: [true, false] } },
      },
    });
  });

  it("optional members any value passes ({}, true), first or not, are not read into unused locals", async () => {
    const out = await generateAndCheck("any-members", {
      Loose: { type: "object", properties: { a: {}, b: { type: "string" }, c: true }, required: ["b"] },
      Looser: { type: "object", properties: { a: {}, b: true } },
    });
    const v = (await import(pathToFileURL(path.join(out, "cognito-idp/validators.ts")).href)) as Record<string, (x: unknown) => boolean>;
    expect([v["isLoose"]!({ a: [1], b: "x", c: null }), v["isLoose"]!({ a: 1 }), v["isLoose"]!({ b: 2 }), v["isLooser"]!({ a: 1 })]).toEqual([true, false, false, true]);
  });

  it("a map type that refers to itself, alone and through another map", async () => {
    await generateAndCheck("recursive-maps", {
      Tree: { type: "object", additionalProperties: ref("Tree") },
      Forest: { type: "object", additionalProperties: { type: "array", items: ref("Grove") } },
      Grove: { type: "object", additionalProperties: ref("Forest") },
      Either: { anyOf: [{ type: "string" }, { type: "object", additionalProperties: ref("Either") }] },
    });
  });

  it("an enum of 2,000 values and a closed object of 200 members (a chain of === that long overflowed the compiler's stack), with the same verdicts", async () => {
    const values = Array.from({ length: 2000 }, (_, i) => `V${i}`);
    const members = Array.from({ length: 200 }, (_, i) => `m${i}`);
    const out = await generateAndCheck("long-lists", {
      Huge: { type: "string", enum: values },
      Mixed: { enum: [...values.slice(0, 100), 0, -0, null, true, { a: [1] }] },
      Closed: { type: "object", additionalProperties: false, properties: Object.fromEntries(members.map((m) => [m, { type: "integer" }])) },
    });
    const v = (await import(pathToFileURL(path.join(out, "cognito-idp/validators.ts")).href)) as Record<string, (x: unknown) => boolean>;
    expect([v["isHuge"]!("V0"), v["isHuge"]!("V1999"), v["isHuge"]!("V2000"), v["isHuge"]!(0)]).toEqual([true, true, false, false]);
    expect([v["isMixed"]!("V99"), v["isMixed"]!(-0), v["isMixed"]!(null), v["isMixed"]!({ a: [1] }), v["isMixed"]!({ a: [2] }), v["isMixed"]!(false)]).toEqual([true, true, true, true, false, false]);
    expect([v["isClosed"]!({ m0: 1, m199: 2 }), v["isClosed"]!({ m200: 1 }), v["isClosed"]!({ m5: "x" })]).toEqual([true, false, false]);
  });
});

describe("objects of many members", () => {
  it("600 members: compiles strictly (a body that large is past TypeScript's flow analysis), checked by functions of 128 members, with the same verdicts and errors", async () => {
    const properties = Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`Member${i}`, i % 2 === 0 ? { type: "string", maxLength: 3 } : { type: "integer", minimum: 0 }]));
    const required = ["Member0", "Member301", "Member599"];
    const out = await generateAndCheck("many-members", {
      WideRequest: { type: "object", properties, required },
      // the same object inline, as an array's items: its members' functions take the item's path
      WideListRequest: { type: "object", properties: { Items: { type: "array", items: { type: "object", properties, required } } } },
    });
    const text = await readFile(path.join(out, "cognito-idp/validators.ts"), "utf8");
    expect(text.match(/function checkWideRequest\$members\d+\(/g)).toHaveLength(5);
    const v = (await import(pathToFileURL(path.join(out, "cognito-idp/validators.ts")).href)) as Record<string, (x: unknown) => { ok: boolean; errors?: { instancePath: string; keyword: string }[] } & boolean>;
    const valid = { Member0: "a", Member301: 1, Member599: 2, Member450: "abc" };
    expect(v["isWideRequest"]!(valid)).toBe(true);
    expect(v["validateWideRequest"]!(valid).ok).toBe(true);
    const invalid = { Member0: "abcd", Member301: -1, Member450: "abcd" };
    expect(v["isWideRequest"]!(invalid)).toBe(false);
    expect(v["validateWideRequest"]!(invalid).errors!.map((e) => `${e.instancePath} ${e.keyword}`)).toEqual(["/Member0 maxLength", "/Member301 minimum", "/Member450 maxLength", " required"]);
    expect(v["validateWideListRequest"]!({ Items: [valid, invalid] }).errors!.map((e) => `${e.instancePath} ${e.keyword}`)).toEqual(["/Items/1/Member0 maxLength", "/Items/1/Member301 minimum", "/Items/1/Member450 maxLength", "/Items/1 required"]);
  });
});
