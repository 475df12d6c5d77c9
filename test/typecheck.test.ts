import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../generator/index.js";
import { writeOutput } from "../generator/write.js";
import { typeCheck } from "./strict-program.js";

const root = path.resolve(import.meta.dirname, "..");

async function tsFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(".ts")) out.push(path.join(entry.parentPath, entry.name));
  }
  return out.sort();
}

describe("generated code type-checks under the strictest options, in one program", () => {
  const temp: string[] = [];
  afterAll(async () => {
    for (const t of temp) await rm(t, { recursive: true, force: true });
  });

  it("output/, every fixture's output and the compile-time usage checks: zero diagnostics", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "cognito-codegen-tsc-"));
    temp.push(dir);
    // generated code is ES modules; the consumer's package says so
    await writeFile(path.join(dir, "package.json"), '{ "type": "module" }\n');
    const files = [...(await tsFiles(path.join(root, "output"))), path.join(root, "test/types/builder-usage.ts")];
    for (const fixture of (await readdir(path.join(root, "test/fixtures"))).sort()) {
      const result = await generate({ schemas: path.join(root, "test/fixtures", fixture) });
      await writeOutput(path.join(dir, fixture), result.files);
      files.push(...result.files.map((f) => path.join(dir, fixture, f.path)));
    }
    expect(files.length).toBeGreaterThan(10);
    expect(typeCheck(files)).toEqual([]);
  });

  it("a missing required member: the compiler's message names it (and the others that are missing)", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "cognito-codegen-probe-"));
    temp.push(dir);
    await writeFile(path.join(dir, "package.json"), '{ "type": "module" }\n');
    const file = path.join(dir, "probe.ts");
    const output = JSON.stringify(path.join(root, "output/cognito-idp/index.js"));
    await writeFile(file, `import { resendConfirmationCode } from ${output};\nexport const one = resendConfirmationCode().clientId("c").build();\nexport const two = resendConfirmationCode().secretHash(undefined).send({ region: "us-east-1" });\n`);
    const messages = typeCheck([file]);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/probe\.ts:2 .*'"missing required members"' is missing .*: "Username"; \}/s);
    expect(messages[1]).toMatch(/probe\.ts:3 .*"missing required members": "ClientId" \| "Username"/s);
  });

  it("optional setters take undefined (the member stays unset); required ones do not", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "cognito-codegen-probe-"));
    temp.push(dir);
    await writeFile(path.join(dir, "package.json"), '{ "type": "module" }\n');
    const file = path.join(dir, "probe.ts");
    const output = JSON.stringify(path.join(root, "output/cognito-idp/index.js"));
    await writeFile(
      file,
      `import { resendConfirmationCode } from ${output};\ndeclare const maybe: string | undefined;\nexport const ok = resendConfirmationCode().clientId("c").username("u").secretHash(maybe).build();\nexport const bad = resendConfirmationCode().clientId(maybe);\n`,
    );
    const messages = typeCheck([file]);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/probe\.ts:4 .*'string \| undefined' is not assignable/s);
  });

  it("would catch a broken build() guard: an expected error that does not happen is reported", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "cognito-codegen-probe-"));
    temp.push(dir);
    await writeFile(path.join(dir, "package.json"), '{ "type": "module" }\n');
    const file = path.join(dir, "probe.ts");
    const output = JSON.stringify(path.join(root, "output/cognito-idp/index.js"));
    await writeFile(file, `import { resendConfirmationCode } from ${output};\n// @ts-expect-error\nexport const x = resendConfirmationCode().clientId("c").username("u").build();\n`);
    expect(typeCheck([file]).join("\n")).toContain("Unused '@ts-expect-error' directive");
  });
});
