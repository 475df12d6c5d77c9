import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

/** The one setting through which tests reach ../shared (the corpus, the JSON Schema Test Suite). */
export const SHARED_DIR = path.resolve(import.meta.dirname, "../..", process.env["SHARED_DIR"] ?? "../shared");

/**
 * The services of SHARED_DIR/corpus: every folder there with a json-schema/ folder (cognito-idp
 * first, the others by name). The corpus suites run on each one found, so a service added beside
 * cognito-idp (identity pools, say) is checked with no change here.
 */
export function corpusServices(): string[] {
  const root = path.join(SHARED_DIR, "corpus");
  if (!existsSync(root)) return [];
  // (a folder, or a link to one: existsSync follows links)
  const found = readdirSync(root)
    .filter((name) => existsSync(path.join(root, name, "json-schema")))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return [...found.filter((s) => s === "cognito-idp"), ...found.filter((s) => s !== "cognito-idp")];
}
