/**
 * One run of generate() with artifacts ["types"], written with writeOutput,
 * as a process of its own (the CLI has no artifact switch): what `npm run
 * bench` times as "types only". Usage: node dist/bench/generate-once.js <out folder> <service folder>…
 */
import path from "node:path";
import { generate } from "../generator/index.js";
import { writeOutput } from "../generator/write.js";

const [out, ...folders] = process.argv.slice(2);
for (const [i, folder] of folders.entries()) {
  const result = await generate({ schemas: folder, artifacts: ["types"] });
  await writeOutput(path.join(out!, `s${i}`), result.files);
}
