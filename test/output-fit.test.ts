/**
 * Output that fits the consumer's repository: a flat layout, `.mts` files a
 * CommonJS project compiles under verbatimModuleSyntax, the consumer's own
 * prettier config (their `prettier --check` passes; `--check` compares after
 * the same formatting), and a header that names the command and that linters skip.
 */
import { spawnSync } from "node:child_process";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import * as prettier from "prettier";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CodegenError, generate } from "../generator/index.js";
import { writeOutput } from "../generator/write.js";
import { MINI_IDP, tempDir, writeSchemas } from "./helpers/schemas.js";
import { STRICT_OPTIONS, typeCheck } from "./strict-program.js";

const root = path.resolve(import.meta.dirname, "..");
const cli = path.join(root, "dist/generator/cli.js");
let temp: string;
let schemas: string;

beforeAll(async () => {
  temp = await tempDir();
  schemas = await writeSchemas(path.join(temp, "schemas"), MINI_IDP);
});
afterAll(async () => {
  await rm(temp, { recursive: true, force: true });
});

const run = (args: string[], cwd: string) => spawnSync(process.execPath, [cli, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });

describe("layout", () => {
  it("flat: the one service's files straight in the output folder, imports unchanged", async () => {
    const result = await generate({ schemas, layout: "flat" });
    expect(result.files.map((f) => f.path)).toContain("index.ts");
    expect(result.files.every((f) => !f.path.startsWith("cognito-idp/"))).toBe(true);
    const out = path.join(temp, "flat", "cognito-idp");
    await writeOutput(out, result.files);
    await writeFile(path.join(temp, "flat", "package.json"), '{ "type": "module" }\n');
    expect(typeCheck([path.join(out, "index.ts"), path.join(out, "client.ts")])).toEqual([]);
  });

  it("flat with two services is an error that says what to do", async () => {
    const two = path.join(root, "test/fixtures/two-services");
    const err = await generate({ schemas: two, layout: "flat" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CodegenError);
    expect((err as Error).message).toMatch(/layout "flat" writes one service.*cognito-identity, cognito-sync[\s\S]*hint: use layout "nested"/);
  });
});

describe("extension mts", () => {
  it("a CommonJS project with verbatimModuleSyntax compiles the output and imports it", async () => {
    const result = await generate({ schemas, extension: "mts" });
    expect(result.files.every((f) => f.path.endsWith(".mts") || f.path.endsWith(".json"))).toBe(true);
    const index = result.files.find((f) => f.path === "cognito-idp/index.mts")!.contents;
    expect(index).toContain('from "./builders.mjs"');
    expect(index).not.toMatch(/from "\.[^"]*\.js"/);
    const app = path.join(temp, "cjs-app");
    await writeOutput(path.join(app, "src/cognito"), result.files);
    // no "type": "module": a CommonJS package
    await writeFile(path.join(app, "package.json"), '{ "name": "cjs-app", "private": true }\n');
    await writeFile(
      path.join(app, "src/main.cts"),
      [
        'import type { SignUpRequest } from "./cognito/cognito-idp/index.mjs";',
        "async function body(): Promise<string> {",
        '  const { signUp } = await import("./cognito/cognito-idp/index.mjs");',
        '  const request: SignUpRequest = signUp().clientId("client").username("alice").password("pw").build();',
        "  return JSON.stringify(request);",
        "}",
        "void body();",
        "",
      ].join("\n"),
    );
    const files = [path.join(app, "src/main.cts"), ...result.files.map((f) => path.join(app, "src/cognito", f.path))];
    expect(typeCheck(files, { ...STRICT_OPTIONS, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext })).toEqual([]);
  });
});

describe("the consumer's prettier config", () => {
  it("formats with it when one applies to the output folder: their prettier --check passes; --check is then clean", async () => {
    const app = path.join(temp, "styled");
    await mkdir(app, { recursive: true });
    await writeFile(path.join(app, ".prettierrc.json"), JSON.stringify({ singleQuote: true, semi: false, tabWidth: 4, printWidth: 80 }));
    await writeFile(path.join(app, "package.json"), '{ "name": "styled", "private": true, "type": "module" }\n');
    const first = run(["generate", "--schemas", schemas, "--out", "src/cognito"], app);
    expect(first.status, first.stderr).toBe(0);
    const out = path.join(app, "src/cognito/cognito-idp");
    const types = await readFile(path.join(out, "types.ts"), "utf8");
    expect(types).toContain("    ClientId: ClientIdType"); // four spaces, no semicolon
    // their own check, with their config, on every file written
    for (const name of (await readdir(out, { recursive: true })).filter((n) => n.endsWith(".ts"))) {
      const file = path.join(out, name);
      const options = (await prettier.resolveConfig(file)) ?? {};
      expect(await prettier.check(await readFile(file, "utf8"), { ...options, filepath: file }), name).toBe(true);
    }
    expect(run(["generate", "--schemas", schemas, "--out", "src/cognito", "--check"], app).status).toBe(0);
  });

  it("without one, ours: the committed output/ is formatted with fixed options", async () => {
    const text = await readFile(path.join(root, "output/cognito-idp/types.ts"), "utf8");
    expect(text).toContain("  ClientId: ClientIdType;");
  });
});

describe("the header", () => {
  it("names the command that regenerates the files, and linters skip the file", async () => {
    const result = await generate({ schemas, regenerate: "npx cognito-codegen generate --config cognito-codegen.config.json --job idp" });
    for (const f of result.files.filter((x) => x.path.endsWith(".ts"))) {
      expect(f.contents.startsWith("/* eslint-disable */\n// @generated\n"), f.path).toBe(true);
      expect(f.contents).toContain("// Regenerate with: npx cognito-codegen generate --config cognito-codegen.config.json --job idp\n");
    }
  });

  it("the CLI puts the command as it was given, flags included", async () => {
    const app = path.join(temp, "header");
    await mkdir(app, { recursive: true });
    expect(run(["generate", "--schemas", schemas, "--out", "gen", "--layout", "flat"], app).status).toBe(0);
    const text = await readFile(path.join(app, "gen/types.ts"), "utf8");
    expect(text).toMatch(/\/\/ Regenerate with: .*generate --schemas \S+ --out gen --layout flat\n/);
  });
});
