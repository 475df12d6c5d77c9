#!/usr/bin/env node
/**
 * The command line: parses arguments and calls the pipeline; nothing else.
 */
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { CodegenError, formatDiagnostic, generate } from "./index.js";
import { repairLines } from "./summary.js";
import { checkOutput, OutputError, writeOutput } from "./write.js";

/** Relative to the working directory: in this repository the embedded schemas/ and output/; in a project, its own. */
const DEFAULT_SCHEMAS = "schemas";
const DEFAULT_OUT = "output";

interface GenerateArgs {
  schemas: string;
  out: string;
  check: boolean;
  quiet: boolean;
  strictResponses: boolean;
}

async function runGenerate(args: GenerateArgs): Promise<number> {
  const started = process.hrtime.bigint();
  try {
    const result = await generate({ schemas: args.schemas, strictResponses: args.strictResponses });
    for (const w of result.warnings) process.stderr.write(formatDiagnostic(w) + "\n");
    if (!args.quiet) for (const line of repairLines(result.repairs)) process.stdout.write(line + "\n");
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (args.check) {
      const report = await checkOutput(args.out, result.files);
      if (!report.ok) {
        process.stderr.write(`${args.out} is out of date with ${args.schemas}:\n\n${report.differences.join("\n\n")}\n\nRun \`cognito-codegen generate\` and commit the result.\n`);
        return 1;
      }
      if (!args.quiet) process.stdout.write(`${args.out} is up to date (${result.files.length} files, ${ms.toFixed(0)} ms)\n`);
      return 0;
    }
    const report = await writeOutput(args.out, result.files);
    if (!args.quiet) {
      process.stdout.write(
        `${args.out}: ${report.written.length} written, ${report.unchanged.length} unchanged, ${report.removed.length} removed (${result.ir.services.length} service(s), ${ms.toFixed(0)} ms)\n`,
      );
    }
    return 0;
  } catch (e) {
    if (e instanceof CodegenError) {
      process.stderr.write(`${e.message}\n\nNothing was written.\n`);
      return 1;
    }
    if (e instanceof OutputError) {
      process.stderr.write(`error: ${e.message}\n`);
      return 1;
    }
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code === "string" && code.startsWith("E")) {
      // a file-system refusal (not a folder, no permission, disk full): the output was left as it was
      process.stderr.write(`error: ${(e as Error).message}\nThe output folder was left as it was.\n`);
      return 1;
    }
    throw e;
  }
}

await yargs(hideBin(process.argv))
  .scriptName("cognito-codegen")
  // every message in one language, whatever the machine's locale
  .locale("en")
  .usage("$0 <command> [options]")
  .command(
    "generate",
    "Generate types, validators and request builders from JSON Schemas",
    (y) =>
      y
        .option("schemas", { type: "string", default: DEFAULT_SCHEMAS, describe: "folder of input JSON Schemas" })
        .option("out", { type: "string", default: DEFAULT_OUT, describe: "output folder (only files the generator wrote are ever replaced or removed)" })
        .option("check", { type: "boolean", default: false, describe: "write nothing; exit 1 with a diff if the output folder is not what would be written" })
        .option("quiet", { type: "boolean", default: false, describe: "print only warnings and errors" })
        .option("strict-responses", { type: "boolean", default: false, describe: "check responses with the request-side constraints too (lengths, patterns, bounds, closed enums)" }),
    async (args) => {
      process.exitCode = await runGenerate(args);
    },
  )
  .demandCommand(1, "name a command: generate")
  .strict()
  .help()
  .parseAsync();
