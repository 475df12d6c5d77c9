/**
 * The runtime modules compile under the strictest settings a user may give
 * generated code: lib ES2022 only, no DOM or Node types (they declare the
 * little of fetch, WebCrypto and btoa they use). And with the DOM types, the
 * platform's fetch and AbortSignal fit `SendOptions` as they are.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, it } from "vitest";
import { STRICT_OPTIONS, typeCheck } from "../strict-program.js";

const runtime = (m: string): string => fileURLToPath(new URL(`../../templates/runtime/${m}.ts`, import.meta.url));
// every module of templates/runtime/, so that a new one is checked too
const modules = readdirSync(fileURLToPath(new URL("../../templates/runtime/", import.meta.url))).filter((f) => f.endsWith(".ts")).map((f) => runtime(f.replace(/\.ts$/, "")));
const dir = mkdtempSync(path.join(tmpdir(), "runtime-strict-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("every runtime module compiles under STRICT_OPTIONS with lib ES2022 only", () => {
  expect(modules.length).toBeGreaterThanOrEqual(8);
  expect(typeCheck(modules)).toEqual([]);
});

it("with the DOM types, the platform fetch and AbortSignal are accepted, and other values are not", () => {
  const file = path.join(dir, "dom.mts");
  const send = JSON.stringify(runtime("send").replace(/\.ts$/, ".js"));
  const http = JSON.stringify(runtime("http").replace(/\.ts$/, ".js"));
  writeFileSync(
    file,
    [
      `import { send, type OperationInfo, type SendOptions } from ${send};`,
      `import type { ServiceInfo } from ${http};`,
      `declare const op: OperationInfo<{ readonly UserSub: string }>;`,
      `declare const service: ServiceInfo;`,
      `const options: SendOptions = { region: "us-east-1", fetch, signal: AbortSignal.timeout(1000) };`,
      `export const out: Promise<{ readonly UserSub: string }> = send(service, op, {}, { ...options, fetch: window.fetch });`,
      `// @ts-expect-error not a signal`,
      `export const bad: SendOptions = { region: "us-east-1", signal: { aborted: false } };`,
    ].join("\n"),
  );
  expect(typeCheck([file], { ...STRICT_OPTIONS, lib: ["lib.es2022.d.ts", "lib.dom.d.ts"] })).toEqual([]);
});
