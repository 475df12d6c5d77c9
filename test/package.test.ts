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

describe("the package's declarations", () => {
  it("never reach prettier's types from the entry point (they name URL, which a consumer without Node's types lacks)", async () => {
    const seen = new Set<string>();
    const imported = new Set<string>();
    const visit = async (file: string): Promise<void> => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = await readFile(file, "utf8");
      for (const m of text.matchAll(/\bfrom\s+["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g)) {
        const spec = m[1] ?? m[2]!;
        if (spec.startsWith(".")) await visit(path.resolve(path.dirname(file), spec.replace(/\.js$/, ".d.ts")));
        else imported.add(spec);
      }
    };
    await visit(path.join(root, "dist/generator/index.d.ts"));
    expect(seen.size).toBeGreaterThan(3);
    expect([...imported].filter((s) => s === "prettier" || s.startsWith("prettier/"))).toEqual([]);
  });
});
