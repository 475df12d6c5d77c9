/**
 * Deep input: inline schemas past INLINE_DEPTH become declarations of their
 * own (hoist.ts) with the same validation errors; 500 levels generate every
 * artifact; past the limits of depth.ts, a clear error with file, pointer and
 * line:column, never a stack overflow. The inputs are built here, as text
 * (JSON.stringify itself recurses).
 */
import { execFile } from "node:child_process";
import { mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_SCHEMA_DEPTH } from "../generator/depth.js";
import { INLINE_DEPTH } from "../generator/hoist.js";
import { generate } from "../generator/index.js";
import { MAX_JSON_DEPTH } from "../generator/json.js";
import { writeOutput } from "../generator/write.js";
import { tempDir } from "./helpers/schemas.js";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");
const cli = path.join(root, "dist/generator/cli.js");
let dir: string;

/** Objects nested `levels` deep through properties (members L<levels-1> … L0, a string of at most 5 at the bottom). */
function nested(levels: number): string {
  let text = '{ "type": "string", "maxLength": 5 }';
  for (let i = 0; i < levels; i++) text = `{ "type": "object", "properties": { "L${i}": ${text} }, "required": ["L${i}"] }`;
  return `{ "title": "DeepRequest", ${text.slice(1)}`;
}

async function input(name: string, text: string): Promise<string> {
  const folder = path.join(dir, name);
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, "cognito-idp-deep-request-schema.json"), text);
  return folder;
}

async function cliRun(schemas: string, out: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, "generate", "--schemas", schemas, "--out", out, "--no-cache"], { env: { ...process.env, NO_COLOR: "1" }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const f = e as { code: number; stdout: string; stderr: string };
    return { code: f.code, stdout: f.stdout, stderr: f.stderr };
  }
}

beforeAll(async () => {
  dir = await tempDir("cognito-codegen-depth-");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("wide objects", () => {
  it("test inheritance with a loop over the names, and read only own members", async () => {
    const properties = Object.fromEntries(Array.from({ length: 70 }, (_, i) => [`M${i}`, { type: "string", maxLength: 3 }]));
    const schemas = path.join(dir, "wide");
    await mkdir(schemas, { recursive: true });
    await writeFile(path.join(schemas, "cognito-idp-wide-request-schema.json"), JSON.stringify({ title: "WideRequest", type: "object", properties, required: ["M69"] }));
    const { files } = await generate({ schemas });
    const validators = files.find((f) => f.path === "cognito-idp/validators.ts")!.contents;
    expect(validators).toContain("inherits(value, [");
    expect(validators).not.toContain('"M69" in objectPrototype');
    const out = path.join(root, "test", ".generated-wide");
    await writeOutput(out, files);
    try {
      const v = (await import(path.join(out, "cognito-idp/validators.ts"))) as { isWideRequest(v: unknown): boolean; validateWideRequest(v: unknown): { ok: boolean; errors?: { instancePath: string; keyword: string }[] } };
      expect(v.isWideRequest({ M69: "abc", M3: "x" })).toBe(true);
      expect(v.validateWideRequest({ M69: "abcd", M3: "wxyz" }).errors?.map((e) => `${e.instancePath} ${e.keyword}`)).toEqual(["/M3 maxLength", "/M69 maxLength"]);
      // an inherited member is not the object's: M69 is missing
      expect(v.isWideRequest(Object.create({ M69: "abc" }) as object)).toBe(false);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});

describe("deep inline schemas", () => {
  it(`move past ${INLINE_DEPTH} levels into declarations of their own, and validate as before`, async () => {
    const schemas = await input("twenty", nested(20));
    const { files } = await generate({ schemas });
    const types = files.find((f) => f.path === "cognito-idp/types.ts")!.contents;
    expect(types).toContain("export interface DeepRequestPart1 {");
    expect(types).toContain("L12: DeepRequestPart1;");
    // no generated code nests deeper than the limit: the deepest indentation of any file is bounded
    for (const f of files) {
      const deepest = Math.max(...f.contents.split("\n").map((l) => /^ */.exec(l)![0].length));
      expect(deepest, f.path).toBeLessThanOrEqual(2 * 3 * (INLINE_DEPTH + 4));
    }
    const out = path.join(root, "test", ".generated-depth");
    await writeOutput(out, files);
    try {
      const v = (await import(path.join(out, "cognito-idp/validators.ts"))) as { validateDeepRequest(v: unknown): { ok: boolean; errors?: { instancePath: string; schemaPath: string; keyword: string }[] } };
      let value: unknown = "toolong";
      for (let i = 0; i < 20; i++) value = { [`L${i}`]: value };
      const r = v.validateDeepRequest(value);
      const members = Array.from({ length: 20 }, (_, i) => `L${19 - i}`);
      expect(r.ok).toBe(false);
      expect(r.errors).toEqual([
        expect.objectContaining({ instancePath: `/${members.join("/")}`, schemaPath: `#/components/schemas/DeepRequest/${members.map((m) => `properties/${m}`).join("/")}/maxLength`, keyword: "maxLength" }),
      ]);
      let missing: unknown = {};
      for (let i = 10; i < 20; i++) missing = { [`L${i}`]: missing };
      expect(v.validateDeepRequest(missing).errors).toEqual([
        expect.objectContaining({ instancePath: `/${members.slice(0, 10).join("/")}`, schemaPath: `#/components/schemas/DeepRequest/${members.slice(0, 10).map((m) => `properties/${m}`).join("/")}/required`, keyword: "required" }),
      ]);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it("500 levels: every artifact, from the CLI", async () => {
    const r = await cliRun(await input("five-hundred", nested(500)), path.join(dir, "out-500"));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const written = await readdir(path.join(dir, "out-500/cognito-idp"));
    expect(written).toEqual(expect.arrayContaining(["types.ts", "validators.ts", "builders.ts", "client.ts", "wire.ts", "index.ts"]));
    expect(await readFile(path.join(dir, "out-500/cognito-idp/types.ts"), "utf8")).toContain(`DeepRequestPart${Math.floor(500 / INLINE_DEPTH)}`);
  });

  it(`${MAX_SCHEMA_DEPTH} levels, the limit (deeper than the main thread's stack reaches: generated again on a large stack)`, async () => {
    const r = await cliRun(await input("limit", nested(MAX_SCHEMA_DEPTH)), path.join(dir, "out-limit"));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(await readFile(path.join(dir, "out-limit/cognito-idp/validators.ts"), "utf8")).toMatch(/export (?:function|const) validateDeepRequest\b/);
  });

  it(`past ${MAX_SCHEMA_DEPTH} schema levels, or ${MAX_JSON_DEPTH} JSON levels: an error at the file, pointer and line:column; nothing written`, async () => {
    const past = await cliRun(await input("past", nested(MAX_SCHEMA_DEPTH + 1)), path.join(dir, "out-past"));
    expect(past.code).toBe(2);
    // the pointer's ends, around how many segments are left out (the diagnostic itself holds it whole)
    expect(past.stderr).toMatch(new RegExp(`cognito-idp-deep-request-schema\\.json:1:\\d+ \\(at #/properties/L${MAX_SCHEMA_DEPTH}/properties/L${MAX_SCHEMA_DEPTH - 1}/properties/L${MAX_SCHEMA_DEPTH - 2}/…\\(\\d+ more\\)…/properties/L2/properties/L1/properties/L0\\)`));
    expect(past.stderr).toContain(`schemas nest deeper than ${MAX_SCHEMA_DEPTH.toLocaleString("en")} levels here`);
    expect(past.stderr).toContain("Nothing was written.");
    expect(past.stderr).not.toMatch(/RangeError|internal error|    at /);

    const far = await cliRun(await input("far", nested(5_000)), path.join(dir, "out-far"));
    expect(far.code).toBe(2);
    expect(far.stderr).not.toMatch(/RangeError|internal error|    at /);

    const arrays = await cliRun(await input("arrays", `{ "title": "DeepRequest", "enum": [${"[".repeat(MAX_JSON_DEPTH + 5)}${"]".repeat(MAX_JSON_DEPTH + 5)}] }`), path.join(dir, "out-arrays"));
    expect(arrays.code).toBe(2);
    expect(arrays.stderr).toContain(`arrays and objects nest deeper than ${MAX_JSON_DEPTH.toLocaleString("en")} levels here`);
    expect(arrays.stderr).toMatch(/:1:\d+ \(at #\/enum\/0\/0\/0/);
    expect(arrays.stderr).not.toMatch(/RangeError|internal error|    at /);
  });
});
