import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONFIG_FILE, JOB_KEYS, jobsToRun, loadConfig, parseConfig, RUN_KEYS, type Config } from "../generator/config.js";
import { CodegenError } from "../generator/diagnostics.js";
import { tempDir } from "./helpers/schemas.js";

const root = path.resolve(import.meta.dirname, "..");
const schemaFile = path.join(root, "schema/cognito-codegen.config.schema.json");

function parse(value: unknown, base = ""): Config {
  const text = JSON.stringify(value, null, 2);
  return parseConfig(text, CONFIG_FILE, path.join("/proj", CONFIG_FILE), base);
}
function errors(value: unknown): string[] {
  try {
    parse(value);
    return [];
  } catch (e) {
    if (!(e instanceof CodegenError)) throw e;
    return e.message.split("\n");
  }
}

describe("the config file", () => {
  it("one job's keys at the top level", () => {
    const c = parse({ $schema: "x", schemas: "cognito", out: "src/cognito", operations: ["SignUp"], strictResponses: true, service: "cognito-idp", quiet: true });
    expect(c.jobs).toEqual([{ pointer: "", schemas: "cognito", out: "src/cognito", operations: ["SignUp"], operationsPointer: "/operations", strictResponses: true, service: "cognito-idp" }]);
    expect(c.run).toEqual({ quiet: true });
    expect(c.dir).toBe(path.resolve("/proj"));
  });

  it("several jobs; top-level job keys are defaults, top-level overrides come first", () => {
    const c = parse({
      schemas: "corpus",
      overrides: [{ title: "A", pointer: "/enum", add: ["X"] }],
      jobs: [
        { name: "idp", out: "src/idp", operations: ["SignUp"], overrides: [{ title: "B", optional: ["P"] }] },
        { name: "all", out: "src/all", schemas: "other" },
      ],
    });
    expect(c.jobs.map((j) => [j.name, j.schemas, j.out, j.overrides?.map((o) => o.title)])).toEqual([
      ["idp", "corpus", "src/idp", ["A", "B"]],
      ["all", "other", "src/all", ["A"]],
    ]);
    expect(c.jobs[0]!.overrides![1]!.origin).toMatchObject({ file: CONFIG_FILE, pointer: "/jobs/0/overrides/0" });
    expect(c.jobs[1]!.overrides![0]!.origin).toMatchObject({ file: CONFIG_FILE, pointer: "/overrides/0" });
  });

  it("an unknown key: an error naming the file, line:column, the JSON pointer and the closest valid key", () => {
    expect(errors({ jobs: [{ name: "a", shemas: "x" }], quite: true })).toEqual([
      `${CONFIG_FILE}:8:12 (at #/quite): error: unknown key "quite" in the config`,
      '  hint: did you mean "quiet"?',
      `${CONFIG_FILE}:5:17 (at #/jobs/0/shemas): error: unknown key "shemas" in a job`,
      '  hint: did you mean "schemas"?',
    ]);
    expect(errors({ overrides: [{ title: "A", pointr: "/enum", add: [1] }] })).toContain(`${CONFIG_FILE}:5:17 (at #/overrides/0/pointr): error: unknown key "pointr" in an override`);
  });

  it.each<[string, unknown, string]>([
    ["a wrong type", { strictResponses: "yes" }, '(at #/strictResponses): error: must be true or false, not a string'],
    ["an empty out", { out: "" }, "(at #/out): error: must not be empty"],
    ["an empty operation list", { operations: [] }, "(at #/operations): error: must name at least one operation"],
    ["a job name that cannot name a file", { jobs: [{ name: "a/b" }] }, '(at #/jobs/0/name): error: job name "a/b" has characters other than letters, digits, - and _'],
    ["unnamed jobs", { jobs: [{ out: "a" }, { out: "b" }] }, "(at #/jobs/0): error: with several jobs, each job needs a name"],
    ["two jobs of one name", { jobs: [{ name: "a" }, { name: "a" }] }, '(at #/jobs/1/name): error: job name "a" is also the name of #/jobs/0'],
    ["a top-level name beside jobs", { name: "x", jobs: [{ name: "a" }] }, "(at #/name): error: a name at the top level, beside jobs"],
    ["an override with two changes", { overrides: [{ title: "A", pointer: "/enum", add: [1], remove: true }] }, "(at #/overrides/0): error: the override has add and remove"],
    ["an override without a pointer", { overrides: [{ title: "A", set: 1 }] }, '(at #/overrides/0): error: an override with "set" needs a "pointer"'],
    ["an override with no title", { overrides: [{ pointer: "/enum", add: [1] }] }, '(at #/overrides/0): error: an override needs a "title"'],
    ["not an object", [1], "error: the config must be an object, not an array"],
  ])("%s is an error", (_name, value, message) => {
    expect(errors(value).join("\n")).toContain(message);
  });

  it("a syntax error names line and column", () => {
    expect(() => parseConfig('{ "out": "x", }', CONFIG_FILE, "/p/c.json")).toThrow(`${CONFIG_FILE}:1:15: error: invalid JSON: trailing comma`);
  });
});

describe("finding the config", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("none: undefined; the package.json key; the config file first (with a warning about the key)", async () => {
    const cwd = path.join(dir, "find");
    await mkdir(cwd, { recursive: true });
    expect(loadConfig(cwd)).toBeUndefined();
    await writeFile(path.join(cwd, "package.json"), JSON.stringify({ name: "app", version: "1.0.0" }));
    expect(loadConfig(cwd)).toBeUndefined();
    await writeFile(path.join(cwd, "package.json"), JSON.stringify({ name: "app", "cognito-codegen": { out: "src/c", shemas: "s" } }, null, 2));
    expect(() => loadConfig(cwd)).toThrow('package.json:5:15 (at #/cognito-codegen/shemas): error: unknown key "shemas" in the config');
    await writeFile(path.join(cwd, "package.json"), JSON.stringify({ name: "app", "cognito-codegen": { out: "src/c" } }));
    expect(loadConfig(cwd)!.jobs[0]!.out).toBe("src/c");
    await writeFile(path.join(cwd, CONFIG_FILE), JSON.stringify({ out: "src/d" }));
    const c = loadConfig(cwd)!;
    expect([c.file, c.jobs[0]!.out, c.warnings.map((w) => w.message)]).toEqual([CONFIG_FILE, "src/d", [`ignored: ${CONFIG_FILE} is the config`]]);
  });

  it("--config names a file anywhere; paths in it are relative to its folder", async () => {
    const sub = path.join(dir, "conf");
    await mkdir(sub, { recursive: true });
    await writeFile(path.join(sub, "codegen.json"), JSON.stringify({ schemas: "in", out: "out" }));
    const c = loadConfig(dir, "conf/codegen.json")!;
    expect(c.file).toBe(path.join("conf", "codegen.json"));
    const [job] = jobsToRun(c, {}, dir);
    expect([job!.schemas, job!.out]).toEqual([path.join(sub, "in"), path.join(sub, "out")]);
    expect(() => loadConfig(dir, "missing.json")).toThrow("missing.json: error: cannot read the config file");
  });
});

describe("jobsToRun", () => {
  const config = parse({ jobs: [{ name: "idp", schemas: "a", out: "o1", operations: ["SignUp"] }, { name: "identity", schemas: "b", out: "o2", strictResponses: true }] });

  it("without a config: one unnamed job of the flags and the defaults, relative to the working directory", () => {
    expect(jobsToRun(undefined, {}, "/w")).toEqual([{ schemas: path.resolve("/w/schemas"), out: path.resolve("/w/output"), strictResponses: false }]);
    expect(jobsToRun(undefined, { out: "x", operations: ["A"], service: "s" }, "/w")[0]).toMatchObject({ out: path.resolve("/w/x"), operations: ["A"], service: "s" });
    expect(() => jobsToRun(undefined, { job: "idp" }, "/w")).toThrow("there is no config file");
  });

  it("flags override every job; --job picks one", () => {
    const jobs = jobsToRun(config, { out: "flag-out", strictResponses: false }, "/w");
    expect(jobs.map((j) => [j.name, j.out, j.strictResponses, j.operations])).toEqual([
      ["idp", path.resolve("/w/flag-out"), false, ["SignUp"]],
      ["identity", path.resolve("/w/flag-out"), false, undefined],
    ]);
    expect(jobs[0]!.operationsOrigin).toMatchObject({ file: CONFIG_FILE, pointer: "/jobs/0/operations" });
    const [one] = jobsToRun(config, { job: "identity", operations: ["GetId"] }, "/w");
    expect([one!.name, one!.schemas, one!.operations, one!.operationsOrigin, one!.origin]).toEqual(["identity", path.resolve("/proj/b"), ["GetId"], undefined, `${CONFIG_FILE}#/jobs/1`]);
    expect(() => jobsToRun(config, { job: "idq" }, "/w")).toThrow(`--job: error: ${CONFIG_FILE} has no job "idq"\n  hint: did you mean idp?`);
  });
});

describe("schema/cognito-codegen.config.schema.json", () => {
  let schema: Record<string, any>;
  beforeAll(async () => {
    schema = JSON.parse(await readFile(schemaFile, "utf8"));
  });

  it("is a draft 2020-12 schema with the keys the code knows, each described", () => {
    // strict: unknown keywords and formats are errors (not the `required` of an `if`, which is plain 2020-12)
    const ajv = new Ajv2020({ strict: true, strictRequired: false, strictTypes: false });
    ajv.compile(schema);
    expect(schema["$schema"]).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(Object.keys(schema["properties"]).sort()).toEqual(["$schema", "jobs", ...Object.keys(JOB_KEYS), ...Object.keys(RUN_KEYS)].sort());
    expect(Object.keys(schema["$defs"].job.properties).sort()).toEqual(Object.keys(JOB_KEYS).sort());
    for (const key of Object.keys(JOB_KEYS)) expect(schema["$defs"][key]?.description, key).toMatch(/\w/);
    for (const [key, p] of Object.entries<any>(schema["properties"])) if (!p.$ref) expect(p.description, key).toMatch(/\w/);
    for (const [key, p] of Object.entries<any>(schema["$defs"].override.properties)) expect(p.description, key).toMatch(/\w/);
  });

  it("agrees with the code on what is a valid config", () => {
    const validate = new Ajv2020({ strict: false }).compile(schema);
    const samples: unknown[] = [
      {},
      { schemas: "s", out: "o" },
      { $schema: "./x.json", jobs: [{ name: "a", out: "o", operations: ["SignUp"] }] },
      { jobs: [{ name: "a" }, { name: "b-2", strictResponses: false }], quiet: true, verbose: false, color: false, check: true, watch: false },
      { overrides: [{ title: "A", pointer: "/enum", add: ["X"] }, { title: "B", optional: ["P"] }, { title: "C", pointer: "/x", set: null }, { title: "D", service: "s", pointer: "/p", remove: true }] },
      { out: "" },
      { out: " " },
      { schemas: 1 },
      { operations: [] },
      { operations: [""] },
      { jobs: [] },
      { jobs: [{ out: "a" }, { out: "b" }] },
      { jobs: [{ name: "a b" }] },
      { jobs: [{ name: "a", extra: 1 }] },
      { name: "x", jobs: [{ name: "a" }] },
      { shemas: "x" },
      { overrides: [{ title: "A" }] },
      { overrides: [{ title: "A", pointer: "/enum", add: [] }] },
      { overrides: [{ title: "A", pointer: "enum", add: [1] }] },
      { overrides: [{ title: "A", pointer: "/p", remove: false }] },
      { overrides: [{ title: "A", set: 1 }] },
      { overrides: [{ title: "A", pointer: "/p", set: 1, add: [1] }] },
      { overrides: [{ title: "", optional: ["P"] }] },
      { overrides: [{ title: "A", optional: [""] }] },
      { overrides: [{ pointer: "/p", remove: true }] },
      { overrides: {} },
      { quiet: "yes" },
    ];
    for (const sample of samples) {
      expect(errors(sample).length === 0, JSON.stringify(sample)).toBe(validate(sample));
    }
  });
});
