/**
 * Which files an input (`--schemas`) consists of: what input.ts reads, and
 * what the run cache (run-cache.ts) hashes to tell whether it changed.
 */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { listInputFiles } from "./load.js";
import { compareStrings } from "./order.js";

export const DOCUMENT_EXTENSIONS = [".yaml", ".yml"];
/** The document beside a `json-schema/` folder, as AWS-derived corpora come: the first of these that exists. */
export const SIBLING_DOCUMENTS = ["openapi.yaml", "openapi.yml", "openapi.json"];

/** The document beside a folder named `json-schema/`, if there is one (absolute). */
export function siblingDocument(dir: string): string | undefined {
  if (path.basename(path.resolve(dir)) !== "json-schema") return undefined;
  return SIBLING_DOCUMENTS.map((s) => path.join(dir, "..", s)).find((full) => existsSync(full));
}

/** Every file the input `target` is read from, absolute, in a fixed order; throws when `target` cannot be read. */
export function inputFilePaths(target: string): string[] {
  if (statSync(target).isFile()) return [path.resolve(target)];
  const names = listInputFiles(target, [".json", ...DOCUMENT_EXTENSIONS]).sort(compareStrings);
  const sibling = siblingDocument(target);
  return [...names.map((n) => path.resolve(target, n)), ...(sibling ? [path.resolve(sibling)] : [])];
}
