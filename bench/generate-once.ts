/**
 * One run of generate() with artifacts ["types"], written with writeOutput,
 * as a process of its own (the CLI has no artifact switch), its engine tuned
 * as the CLI tunes its own for a run: what `npm run
 * bench` times as "types only". Usage: node dist/bench/generate-once.js <out folder> <service folder>…
 */
import path from "node:path";
import { generate } from "../generator/index.js";
import { tuneForOneRun } from "../generator/v8-tuning.js";
import { writeOutput } from "../generator/write.js";

// as the CLI does for a run (generator/v8-tuning.ts)
tuneForOneRun();

const [out, ...folders] = process.argv.slice(2);
for (const [i, folder] of folders.entries()) {
  const result = await generate({ schemas: folder, artifacts: ["types"] });
  await writeOutput(path.join(out!, `s${i}`), result.files);
}
