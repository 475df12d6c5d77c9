import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as api from "../generator/index.js";

const root = path.resolve(import.meta.dirname, "..");

interface Manifest {
  version: string;
  engines: { node: string };
  types: string;
  bin: Record<string, string>;
  exports: Record<string, string | Record<string, string>>;
  files: string[];
}

describe("the package", () => {
  it("exports generate, writeOutput and checkOutput from its entry point", () => {
    expect(typeof api.generate).toBe("function");
    expect(typeof api.writeOutput).toBe("function");
    expect(typeof api.checkOutput).toBe("function");
    expect(api.VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("packs the CLI, the entry point with its .d.ts, the runtime sources and the config schema; every export and bin target is in it", async () => {
    const pkg = JSON.parse(await readFile(path.join(root, "package.json"), "utf8")) as Manifest;
    const listing = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: root, encoding: "utf8" })) as [{ files: { path: string }[] }];
    const packed = new Set(listing[0].files.map((f) => f.path));
    const targets = [
      pkg.types,
      ...Object.values(pkg.bin),
      ...Object.values(pkg.exports).flatMap((t) => (typeof t === "string" ? [t] : Object.values(t))),
    ].map((t) => t.replace(/^\.\//, ""));
    for (const t of targets) {
      expect(packed.has(t), t).toBe(true);
      expect(existsSync(path.join(root, t)), t).toBe(true);
    }
    expect(pkg.exports["."]).toEqual({ types: "./dist/generator/index.d.ts", import: "./dist/generator/index.js" });
    expect(packed.has("templates/runtime/http.ts")).toBe(true);
    expect([...packed].filter((f) => f.startsWith("test/") || f.startsWith("generator/") || f.startsWith("output/"))).toEqual([]);
  });
});
