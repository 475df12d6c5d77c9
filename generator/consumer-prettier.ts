/**
 * The consumer's prettier options for an output folder (what prettier's own
 * `resolveConfig` finds there, `.editorconfig` included), and prettier loaded
 * only where it could find any: a first run without a prettier config does not
 * pay for loading prettier (about 40 ms of a CLI run).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** The file names prettier 3 looks for in each folder, from the file's own up to the root (its config searcher), and `.editorconfig` (editorconfig: true). */
export const CONFIG_NAMES = [
  "package.yaml",
  ".prettierrc",
  ".prettierrc.json",
  ".prettierrc.yml",
  ".prettierrc.yaml",
  ".prettierrc.json5",
  ".prettierrc.js",
  "prettier.config.js",
  ".prettierrc.ts",
  "prettier.config.ts",
  ".prettierrc.mjs",
  "prettier.config.mjs",
  ".prettierrc.mts",
  "prettier.config.mts",
  ".prettierrc.cjs",
  "prettier.config.cjs",
  ".prettierrc.cts",
  "prettier.config.cts",
  ".prettierrc.toml",
  ".editorconfig",
];

/**
 * Whether prettier could find options for a file in `folder`: any of its config files (or an
 * `.editorconfig`) there or in a folder above, or a package.json with a `prettier` key (or one this
 * cannot read). False only where prettier would find nothing.
 */
export function mayHavePrettierConfig(folder: string): boolean {
  let dir = path.resolve(folder);
  for (;;) {
    if (CONFIG_NAMES.some((name) => existsSync(path.join(dir, name)))) return true;
    const pkg = path.join(dir, "package.json");
    if (existsSync(pkg)) {
      try {
        const json = JSON.parse(readFileSync(pkg, "utf8")) as unknown;
        if (json === null || typeof json !== "object" || Object.hasOwn(json, "prettier")) return true;
      } catch {
        return true;
      }
    }
    const up = path.dirname(dir);
    if (up === dir) return false;
    dir = up;
  }
}

/**
 * The consumer's prettier options for the files of an output folder, when a prettier config applies
 * there (theirs, found as their `prettier --check` finds it, .editorconfig included): the output
 * then passes their check.
 */
export async function consumerPrettier(out: string): Promise<{ prettier?: Record<string, unknown> }> {
  if (!mayHavePrettierConfig(out)) return {};
  // loaded here, not at the top: a run that the cache answers, or that has no config to read, never needs it
  const prettier = await import("prettier");
  const options = await prettier.resolveConfig(path.join(out, "index.ts"), { editorconfig: true });
  return options ? { prettier: options } : {};
}
