import { execFileSync, spawnSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const cli = path.join(root, "dist/generator/cli.js");
let temp: string;

function run(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: "utf8", env: { ...process.env, LC_ALL: "tr_TR.UTF-8" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  // the CLI runs from dist/: build it from the current sources first
  execFileSync(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-p", path.join(root, "tsconfig.build.json")], { cwd: root });
  temp = await mkdtemp(path.join(tmpdir(), "cognito-codegen-cli-"));
});
afterAll(async () => {
  await rm(temp, { recursive: true, force: true });
});

describe("cognito-codegen generate", () => {
  it("--check passes on the committed output/ (schemas/ and output/ of the working directory by default)", () => {
    const r = run(["generate", "--check"]);
    expect(r.stderr).toContain("cognito-idp-resend-confirmation-code-request-schema.json:1:1347: warning: raw line feed");
    expect(r.stdout).toMatch(/^output is up to date \(12 files, \d+ ms\)/);
    expect(r.code).toBe(0);
    // and from elsewhere, with the folders named
    const elsewhere = run(["generate", "--check", "--schemas", path.join(root, "schemas"), "--out", path.join(root, "output")], temp);
    expect(elsewhere.code).toBe(0);
  });

  it("says what to do when there is no schemas/ folder here", () => {
    const r = run(["generate"], temp);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("schemas: error: cannot read the schema folder");
    expect(r.stderr).toContain("hint: pass an existing folder with --schemas");
  });

  it("writes a fresh folder, then --check fails with a diff after an edit, and generate repairs it", async () => {
    const out = path.join(temp, "out");
    expect(run(["generate", "--out", out]).code).toBe(0);
    expect((await readdir(path.join(out, "cognito-idp"))).sort()).toEqual(["builders.ts", "client.ts", "index.ts", "runtime", "types.ts", "validators.ts", "wire.ts"]);
    expect(await readFile(path.join(out, "cognito-idp/types.ts"), "utf8")).toBe(await readFile(path.join(root, "output/cognito-idp/types.ts"), "utf8"));
    const types = path.join(out, "cognito-idp/types.ts");
    await writeFile(types, (await readFile(types, "utf8")).replace("ClientId: ClientIdType;", "ClientId: string;"));
    const check = run(["generate", "--out", out, "--check"]);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain("-  ClientId: string;\n+  ClientId: ClientIdType;");
    expect(check.stderr).toContain("Run `cognito-codegen generate` and commit the result.");
    expect(run(["generate", "--out", out, "--quiet"]).code).toBe(0);
    expect(run(["generate", "--out", out, "--check"]).code).toBe(0);
  });

  it("bad input: every error with file:line:column, exit 1, nothing written", async () => {
    const schemas = path.join(temp, "bad");
    const out = path.join(temp, "bad-out");
    await rm(schemas, { recursive: true, force: true });
    await import("node:fs/promises").then((fs) => fs.mkdir(schemas));
    await writeFile(path.join(schemas, "cognito-idp-a-type-schema.json"), '{ "title": "AType", "type": "string" ');
    await writeFile(path.join(schemas, "cognito-idp-b-type-schema.json"), '{ "title": "BType", "type": "string" }');
    const r = run(["generate", "--schemas", schemas, "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("cognito-idp-a-type-schema.json:1:38: error: invalid JSON: unterminated object (opened at 1:1)");
    expect(r.stderr).toContain("Nothing was written.");
    expect(existsSync(out)).toBe(false);
  });

  it("an output path that is a file: a one-line error, exit 1", async () => {
    const notAFolder = path.join(temp, "plain-file");
    await writeFile(notAFolder, "x");
    const r = run(["generate", "--out", notAFolder]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error: ENOTDIR|error: EEXIST/);
    expect(r.stderr).toContain("The output folder was left as it was.");
    expect(r.stderr).not.toContain("    at ");
  });

  it("unknown options are refused", () => {
    const r = run(["generate", "--shcemas", "x"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("Unknown argument");
  });
});
