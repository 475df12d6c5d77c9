/**
 * vitest globalSetup: builds dist/ from the current sources once, before any suite runs, for the
 * suites that run the CLI (cli, watch) or look at the package (package). One build, not one per
 * suite: suites run in parallel, and two compilers writing dist/ at once could let a CLI start from a
 * half-written file.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";

export default function setup(): void {
  const root = path.resolve(import.meta.dirname, "..");
  execFileSync(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-p", path.join(root, "tsconfig.build.json")], { cwd: root, stdio: "inherit" });
}
