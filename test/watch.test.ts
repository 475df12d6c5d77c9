import { spawn, type ChildProcess } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MINI_IDP, tempDir, writeSchemas } from "./helpers/schemas.js";

const root = path.resolve(import.meta.dirname, "..");
const cli = path.join(root, "dist/generator/cli.js");
let dir: string;
let child: ChildProcess | undefined;

beforeAll(async () => {
  dir = await tempDir("cognito-codegen-watch-");
  await writeSchemas(path.join(dir, "schemas"), MINI_IDP);
});
afterAll(async () => {
  child?.kill("SIGKILL");
  await rm(dir, { recursive: true, force: true });
});

async function until(what: string, test: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await test()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const count = (text: string, part: string) => text.split(part).length - 1;

describe("--watch", () => {
  it("regenerates on changes (debounced), survives bad input keeping the last good output, and stops cleanly on SIGINT", async () => {
    const env = { ...process.env };
    delete env["FORCE_COLOR"];
    child = spawn(process.execPath, [cli, "generate", "--watch", "--out", "o"], { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child!.on("exit", (code) => resolve(code)));
    const types = path.join(dir, "o/cognito-idp/types.ts");
    const medium = path.join(dir, "schemas/cognito-idp-delivery-medium-type-schema.json");
    const read = () => readFile(types, "utf8").catch(() => "");

    await until("the first run", () => stdout.includes("[watch] generated in"));
    expect(stdout).toMatch(/cognito-idp → o: \d+ files \(\d+ written, 0 unchanged\) in \d+ ms/);
    expect(await read()).toContain('"SMS" | "EMAIL"');

    // an edit: regenerated, with what changed and how long it took
    await writeFile(medium, JSON.stringify({ title: "DeliveryMediumType", type: "string", enum: ["SMS", "EMAIL", "VOICE"] }));
    await until("the output to change", async () => (await read()).includes('"VOICE"'));
    await until("the run to end", () => stdout.includes("[watch] regenerated in"));
    expect(stdout).toContain("[watch] changed: schemas/cognito-idp-delivery-medium-type-schema.json\n");
    expect(stdout).toMatch(/\[watch\] regenerated in \d+ ms; waiting for changes/);

    // several edits at once: one run
    const runs = count(stdout, "[watch] changed:");
    for (const t of ["UnusedType", "UsernameType", "PasswordType", "TokenModelType"]) {
      const file = path.join(dir, `schemas/cognito-idp-${t.replace(/([a-z])([A-Z])/g, "$1-$2").toLowerCase()}-schema.json`);
      await writeFile(file, (await readFile(file, "utf8")) + "\n");
    }
    await until("one run for the batch", () => count(stdout, "[watch] regenerated in") === runs + 1);
    await new Promise((r) => setTimeout(r, 400));
    expect(count(stdout, "[watch] changed:")).toBe(runs + 1);
    expect(stdout).toMatch(/\[watch\] changed: schemas\/cognito-idp-password-type-schema\.json, schemas\/cognito-idp-token-model-type-schema\.json, schemas\/cognito-idp-unused-type-schema\.json and 1 more\n/);

    // bad input: the error, the last good output kept
    const good = await read();
    await writeFile(medium, '{ "title": "DeliveryMediumType", "type": "string", "enum": ["SMS", ');
    await until("the error", () => stderr.includes("the last good output is kept"));
    expect(stderr).toContain("schemas/cognito-idp-delivery-medium-type-schema.json:1:");
    expect(stderr).toContain("error: invalid JSON");
    expect(await read()).toBe(good);

    // fixed: it recovers
    await writeFile(medium, JSON.stringify({ title: "DeliveryMediumType", type: "string", enum: ["SMS", "EMAIL", "VOICE", "PIGEON"] }));
    await until("the recovery", async () => (await read()).includes('"PIGEON"'));

    // the config is watched too
    await writeFile(path.join(dir, "cognito-codegen.config.json"), JSON.stringify({ overrides: [{ title: "DeliveryMediumType", pointer: "/enum", add: ["OWL"] }] }));
    await until("the config change", async () => (await read()).includes('"OWL"'));
    expect(stdout).toContain("[watch] changed: cognito-codegen.config.json");
    expect(stdout).toContain('overridden (cognito-codegen.config.json#/overrides/0): DeliveryMediumType#/enum: added "OWL"');

    await until("quiet", () => stdout.trimEnd().endsWith("(Ctrl-C stops)"));
    child.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(stdout).toContain("[watch] stopped\n");
    expect(stderr).not.toContain("    at ");
    child = undefined;
  });
});
