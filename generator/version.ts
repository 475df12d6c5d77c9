/**
 * The generator's name and version: light on purpose (no template, no
 * formatter), for the CLI's fast paths and the run cache.
 */
import { createRequire } from "node:module";

export const GENERATOR_NAME = "cognito-codegen";

/** This package's version, from its package.json (one level up from source, two from dist/). */
export const VERSION: string = (() => {
  const require = createRequire(import.meta.url);
  for (const candidate of ["../package.json", "../../package.json"]) {
    try {
      const pkg = require(candidate) as { name?: string; version?: string };
      if (pkg.name === GENERATOR_NAME && typeof pkg.version === "string") return pkg.version;
    } catch {
      // not at this level
    }
  }
  throw new Error("internal: cannot find cognito-codegen's package.json");
})();
