import { spawnSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MINI_IDP, writeSchemas } from "./helpers/schemas.js";

const root = path.resolve(import.meta.dirname, "..");
const cli = path.join(root, "dist/generator/cli.js");
const version = (JSON.parse(await readFile(path.join(root, "package.json"), "utf8")) as { version: string }).version;
let temp: string;

function run(args: string[], cwd = root, env: Record<string, string> = {}) {
  const base = { ...process.env };
  delete base["FORCE_COLOR"];
  delete base["NO_COLOR"];
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: "utf8", env: { ...base, LC_ALL: "tr_TR.UTF-8", LANG: "de_DE.UTF-8", ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A project folder with the mini service as its schemas/. */
async function project(name: string): Promise<string> {
  const dir = path.join(temp, name);
  await writeSchemas(path.join(dir, "schemas"), MINI_IDP);
  await writeFile(path.join(dir, "package.json"), JSON.stringify({ name: "app", version: "1.0.0" }));
  return dir;
}

beforeAll(async () => {
  temp = await mkdtemp(path.join(tmpdir(), "cognito-codegen-cli-"));
});
afterAll(async () => {
  await rm(temp, { recursive: true, force: true });
});

describe("cognito-codegen generate", () => {
  it("--check passes on the committed output/ (schemas/ and output/ of the working directory by default)", () => {
    const r = run(["generate", "--check"]);
    expect(r.stderr).toContain("cognito-idp-resend-confirmation-code-request-schema.json:1:1347: warning: raw line feed");
    expect(r.stdout).toMatch(/^cognito-idp → output: up to date \(\d+ files\) in \d+ ms\n$/);
    expect(r.code).toBe(0);
    // and from elsewhere, with the folders named
    const elsewhere = run(["generate", "--check", "--schemas", path.join(root, "schemas"), "--out", path.join(root, "output")], temp);
    expect(elsewhere.code).toBe(0);
  });

  it("says what to do when there is no schemas/ folder here: exit 2", () => {
    const r = run(["generate"], temp);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("schemas: error: cannot read the schema folder");
    expect(r.stderr).toContain("hint: pass an existing folder with --schemas");
  });

  it("writes a fresh folder with a one-line summary; --check prints unified hunks and the exact command that fixes them", async () => {
    const dir = await project("drift");
    const out = "gen out";
    const first = run(["generate", "--out", out], dir);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^repaired \(normalizer rule empty-exception\): NotAuthorizedException\ncognito-idp → gen out: (\d+) files \(\1 written, 0 unchanged\) in \d+ ms\n$/);
    const again = run(["generate", "--out", out, "--quiet"], dir);
    expect([again.code, again.stdout]).toEqual([0, ""]);
    const types = path.join(dir, out, "cognito-idp/types.ts");
    await writeFile(types, (await readFile(types, "utf8")).replace("ClientId: ClientIdType;", "ClientId: string;"));
    const check = run(["generate", "--out", out, "--check"], dir);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain("cognito-idp → gen out: out of date with schemas (1 difference):\n\n--- cognito-idp/types.ts (on disk)\n+++ cognito-idp/types.ts (generated now)\n@@ -");
    expect(check.stderr).toMatch(/@@ -\d+,7 \+\d+,7 @@\n( .*\n){3}-  ClientId: string;\n\+  ClientId: ClientIdType;\n( .*\n){3}\n/);
    expect(check.stderr).toContain(`To bring it up to date, run:\n\n  node ${cli} generate --out 'gen out'\n\nand commit the result.`);
    // the command printed is the command that fixes it
    expect(run(["generate", "--out", out], dir).code).toBe(0);
    expect(run(["generate", "--out", out, "--check"], dir).code).toBe(0);
  });

  it("--check: a new file is its size and first lines, not a dump", async () => {
    const dir = await project("new-file");
    expect(run(["generate", "--out", "out", "--operations", "GetUser"], dir).code).toBe(0);
    const r = run(["generate", "--out", "out", "--check"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain("more lines)\n+");
    expect(r.stderr).toMatch(/@@ -\d+(,\d+)? \+\d+(,\d+)? @@/);
    expect(r.stderr).toContain(`  node ${cli} generate --out out\n`);
  });

  it("--verbose: a line per file", async () => {
    const dir = await project("verbose");
    const r = run(["generate", "--out", "o", "--verbose"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}written {3}o\/cognito-idp\/types\.ts$/m);
    const again = run(["generate", "--out", "o", "--verbose"], dir);
    expect(again.stdout).toMatch(/^ {2}unchanged o\/cognito-idp\/types\.ts$/m);
  });

  it("--operations: only those operations and what they reach; an unknown one is an error with the closest, exit 2", async () => {
    const dir = await project("operations");
    const r = run(["generate", "--out", "o", "--operations", "SignUp,GetUser"], dir);
    expect(r.code).toBe(0);
    const builders = await readFile(path.join(dir, "o/cognito-idp/builders.ts"), "utf8");
    expect(builders).toContain("export function signUp(");
    expect(builders).not.toContain("confirmSignUp");
    const bad = run(["generate", "--out", "o2", "--operations", "SignUp,GetUsr"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--operations: error: no operation "GetUsr" in service cognito-idp\n  hint: did you mean GetUser?');
    expect(existsSync(path.join(dir, "o2"))).toBe(false);
  });

  it("bad input: every error with file:line:column, exit 2, nothing written", async () => {
    const schemas = path.join(temp, "bad");
    const out = path.join(temp, "bad-out");
    await mkdir(schemas, { recursive: true });
    await writeFile(path.join(schemas, "cognito-idp-a-type-schema.json"), '{ "title": "AType", "type": "string" ');
    await writeFile(path.join(schemas, "cognito-idp-b-type-schema.json"), '{ "title": "BType", "type": "string" }');
    const r = run(["generate", "--schemas", schemas, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("cognito-idp-a-type-schema.json:1:38: error: invalid JSON: unterminated object (opened at 1:1)");
    expect(r.stderr).toContain("Nothing was written.");
    expect(existsSync(out)).toBe(false);
  });

  it("an output path that is a file: a one-line error, exit 3", async () => {
    const notAFolder = path.join(temp, "plain-file");
    await writeFile(notAFolder, "x");
    const r = run(["generate", "--out", notAFolder]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/error: ENOTDIR|error: EEXIST/);
    expect(r.stderr).toContain("The output folder was left as it was.");
    expect(r.stderr).not.toContain("    at ");
  });

  it("a file the generator did not write in the way: exit 3", async () => {
    const dir = await project("in-the-way");
    await mkdir(path.join(dir, "o/cognito-idp"), { recursive: true });
    await writeFile(path.join(dir, "o/cognito-idp/types.ts"), "// mine\n");
    const r = run(["generate", "--out", "o"], dir);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("exists and was not written by cognito-codegen");
    expect(await readFile(path.join(dir, "o/cognito-idp/types.ts"), "utf8")).toBe("// mine\n");
  });
});

describe("command-line manners", () => {
  it("-v and --version print the tool's version, not the working directory's project's", async () => {
    const dir = await project("version");
    for (const flag of ["-v", "--version"]) {
      const r = run([flag], dir);
      expect([r.code, r.stdout]).toEqual([0, `${version}\n`]);
    }
    expect(version).not.toBe("1.0.0");
  });

  it("-h and --help: the options and the exit codes, in English whatever the locale", () => {
    for (const args of [["-h"], ["generate", "--help"]]) {
      const r = run(args, temp);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("Options:");
      expect(r.stdout).toContain("Exit codes:\n  0  ok");
      expect(r.stdout).toContain("  2  bad input or usage");
    }
    expect(run(["generate", "--help"], temp).stdout).toContain("--operations");
  });

  it.each<[string, string[], string]>([
    ["a misspelt option", ["generate", "--schema", "x"], "unknown option --schema; did you mean --schemas?"],
    ["a camel-case misspelling", ["generate", "--strictResponse"], "unknown option --strict-response; did you mean --strict-responses?"],
    ["a long option with one dash", ["generate", "-quiet"], "-quiet: a single dash takes one-letter options (-h, -v); did you mean --quiet?"],
    ["an unknown one-letter option", ["generate", "-q"], "unknown option -q; the one-letter options are -h, -v"],
    ["--out with no value", ["generate", "--out"], "--out needs a value: a folder"],
    ["--out followed by an option", ["generate", "--out", "--check"], "--out needs a value: a folder"],
    ["an empty --out", ["generate", "--out", ""], "--out needs a value, not an empty one: a folder"],
    ["an empty --schemas=", ["generate", "--schemas="], "--schemas needs a value, not an empty one"],
    ["no command", [], "name a command: generate"],
    ["a misspelt command", ["genrate"], 'unknown command "genrate"; did you mean generate?'],
    ["operations separated by spaces", ["generate", "--operations", "SignUp", "GetUser"], 'unexpected argument "GetUser" (to name several operations, join them with commas'],
    ["--watch with --check", ["generate", "--watch", "--check"], "--watch and --check do not go together"],
  ])("%s: exit 2 with a message, nothing written", async (_name, args, message) => {
    const dir = await project(`usage-${_name.replace(/\W+/g, "-")}`);
    const before = (await readdir(dir)).sort();
    const r = run(args, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cognito-codegen: error: ${message}`);
    expect(r.stderr).not.toContain("    at ");
    expect((await readdir(dir)).sort()).toEqual(before);
  });

  it("colors only on a terminal (or FORCE_COLOR), never with NO_COLOR or --no-color", async () => {
    const dir = await project("colors");
    const esc = "\u001b[";
    expect(run(["generate", "--schema"], dir).stderr).not.toContain(esc);
    expect(run(["generate", "--schema"], dir, { FORCE_COLOR: "1" }).stderr).toContain(`${esc}31merror${esc}39m`);
    expect(run(["generate", "--schema"], dir, { FORCE_COLOR: "1", NO_COLOR: "1" }).stderr).not.toContain(esc);
    expect(run(["generate", "--out", "o", "--no-color", "--schema"], dir, { FORCE_COLOR: "1" }).stderr).not.toContain(esc);
    await writeFile(path.join(dir, "cognito-codegen.config.json"), JSON.stringify({ color: false }));
    const r = run(["generate", "--out", "o", "--verbose"], dir, { FORCE_COLOR: "1" });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain(esc);
    expect(run(["generate", "--out", "o", "--verbose", "--color"], dir, { FORCE_COLOR: "1" }).stdout).toContain(`${esc}2munchanged${esc}22m`);
  });
});

describe("the config file", () => {
  it("two jobs into one folder coexist; a flag applies to every job; --job runs one", async () => {
    const dir = await project("jobs");
    await writeSchemas(path.join(dir, "identity"), { GetIdInput: { type: "object", properties: { AccountId: { type: "string" } } }, GetIdResponse: { type: "object", properties: { IdentityId: { type: "string" } } } }, "cognito-identity");
    await writeFile(
      path.join(dir, "cognito-codegen.config.json"),
      JSON.stringify({ $schema: "./node_modules/cognito-codegen/schema/cognito-codegen.config.schema.json", out: "src/cognito", jobs: [{ name: "idp", schemas: "schemas", operations: ["SignUp"] }, { name: "identity", schemas: "identity" }] }, null, 2),
    );
    const r = run(["generate"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^idp: cognito-idp → src\/cognito: \d+ files \(\d+ written, 0 unchanged\) in \d+ ms$/m);
    expect(r.stdout).toMatch(/^identity: cognito-identity → src\/cognito: \d+ files/m);
    expect((await readdir(path.join(dir, "src/cognito"))).sort()).toEqual([".cognito-codegen-manifest.identity.json", ".cognito-codegen-manifest.idp.json", "cognito-identity", "cognito-idp"]);
    // a later run of one job leaves the other's files alone
    const idp = run(["generate", "--job", "idp", "--operations", "GetUser"], dir);
    expect(idp.code).toBe(0);
    expect(idp.stdout).not.toContain("identity");
    expect(existsSync(path.join(dir, "src/cognito/cognito-identity/types.ts"))).toBe(true);
    expect(await readFile(path.join(dir, "src/cognito/cognito-idp/builders.ts"), "utf8")).toContain("export function getUser(");
    expect(run(["generate", "--check", "--job", "identity"], dir).code).toBe(0);
    // unknown job: the closest
    const bad = run(["generate", "--job", "idq"], dir);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('--job: error: cognito-codegen.config.json has no job "idq"\n  hint: did you mean idp?')]);
  });

  it("two jobs that would write the same file: an error before anything is written", async () => {
    const dir = await project("same-path");
    await writeFile(path.join(dir, "cognito-codegen.config.json"), JSON.stringify({ out: "o", jobs: [{ name: "a", operations: ["SignUp"] }, { name: "b", operations: ["GetUser"] }] }));
    const r = run(["generate"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cognito-codegen.config.json: error: o/cognito-idp/types.ts would be written by job "a" and job "b"');
    expect(r.stderr).toContain("Nothing was written.");
    expect(existsSync(path.join(dir, "o"))).toBe(false);
  });

  it("another job's files: neither written nor counted as drift (exit 3)", async () => {
    const dir = await project("foreign");
    await writeFile(path.join(dir, "cognito-codegen.config.json"), JSON.stringify({ jobs: [{ name: "a", out: "o" }] }));
    expect(run(["generate", "--quiet"], dir).code).toBe(0);
    await rm(path.join(dir, "cognito-codegen.config.json"));
    const check = run(["generate", "--out", "o", "--check"], dir);
    expect(check.code).toBe(3);
    expect(check.stderr).toContain('conflict: cognito-idp/types.ts is written by job "a" (.cognito-codegen-manifest.a.json)');
    const write = run(["generate", "--out", "o"], dir);
    expect(write.code).toBe(3);
    expect(write.stderr).toContain("Two jobs cannot write the same file");
  });

  it("an unknown key: exit 2, the file, line:column, pointer and the closest key", async () => {
    const dir = await project("bad-config");
    await writeFile(path.join(dir, "cognito-codegen.config.json"), '{\n  "jobs": [\n    { "name": "a", "shemas": "x" }\n  ]\n}\n');
    const r = run(["generate"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cognito-codegen.config.json:3:30 (at #/jobs/0/shemas): error: unknown key "shemas" in a job\n  hint: did you mean "schemas"?');
  });

  it("overrides are applied and reported in the summary; one that points at nothing names the config and its pointer", async () => {
    const dir = await project("overrides");
    const config = path.join(dir, "cognito-codegen.config.json");
    await writeFile(config, JSON.stringify({ out: "o", overrides: [{ title: "DeliveryMediumType", pointer: "/enum", add: ["VOICE"] }, { title: "SignUpRequest", optional: ["Password"] }] }, null, 2));
    const r = run(["generate"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('overridden (cognito-codegen.config.json#/overrides/0): DeliveryMediumType#/enum: added "VOICE"\noverridden (cognito-codegen.config.json#/overrides/1): SignUpRequest: Password made optional\n');
    expect(await readFile(path.join(dir, "o/cognito-idp/types.ts"), "utf8")).toContain('"SMS" | "EMAIL" | "VOICE"');
    await writeFile(config, JSON.stringify({ out: "o", overrides: [{ title: "DeliveryMediumType", pointer: "/enum", add: ["VOICE"] }, { title: "SignUpRequest", pointer: "/properties/Pasword/maxLength", set: 1 }] }, null, 2));
    const bad = run(["generate"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("cognito-codegen.config.json:13:18 (at #/overrides/1/pointer): error: schemas/cognito-idp-sign-up-request-schema.json (title SignUpRequest) has nothing at #/properties/Pasword");
    expect(bad.stderr).toContain('hint: #/properties has no "Pasword"; did you mean #/properties/Password?');
  });

  it("the package.json key; --config names another file", async () => {
    const dir = await project("package-key");
    await writeFile(path.join(dir, "package.json"), JSON.stringify({ name: "app", version: "1.0.0", "cognito-codegen": { out: "from-package" } }));
    expect(run(["generate", "--quiet"], dir).code).toBe(0);
    expect(existsSync(path.join(dir, "from-package/cognito-idp/types.ts"))).toBe(true);
    await mkdir(path.join(dir, "conf"));
    await writeFile(path.join(dir, "conf/codegen.json"), JSON.stringify({ schemas: "../schemas", out: "../from-config" }));
    expect(run(["generate", "--config", "conf/codegen.json", "--quiet"], dir).code).toBe(0);
    expect(existsSync(path.join(dir, "from-config/cognito-idp/types.ts"))).toBe(true);
  });

  it("migrates an output folder written before jobs: the named job takes its files over", async () => {
    const dir = await project("migrate");
    expect(run(["generate", "--out", "o", "--quiet"], dir).code).toBe(0);
    const types = path.join(dir, "o/cognito-idp/types.ts");
    const before = await stat(types);
    await writeFile(path.join(dir, "cognito-codegen.config.json"), JSON.stringify({ jobs: [{ name: "idp", out: "o" }] }));
    const r = run(["generate"], dir);
    expect(r.code).toBe(0);
    // the files say how they are made now (the config's job, not --out o): only that line changed
    expect(r.stdout).toMatch(/idp: cognito-idp → o: (\d+) files \(\1 written, 0 unchanged\)/);
    expect((await stat(types)).mtimeMs).not.toBe(before.mtimeMs);
    expect(await readFile(types, "utf8")).toContain("// Regenerate with: cognito-codegen generate\n");
    expect(run(["generate", "--check", "--out", "o"], dir).code).toBe(0);
    expect((await readdir(path.join(dir, "o"))).filter((f) => f.startsWith("."))).toEqual([".cognito-codegen-manifest.idp.json"]);
  });
});

describe("input folders", () => {
  it("--schemas . skips node_modules, dot-folders and the project's own JSON files", async () => {
    const dir = await project("dot");
    await cp(path.join(dir, "schemas"), path.join(dir, "node_modules/some-pkg/schemas"), { recursive: true });
    await mkdir(path.join(dir, ".cache"));
    await writeFile(path.join(dir, ".cache/broken.json"), "{");
    await writeFile(path.join(dir, "tsconfig.json"), "{}");
    const r = run(["generate", "--schemas", ".", "--out", "src/gen"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });
});
