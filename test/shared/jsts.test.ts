/**
 * The generated validators against the JSON Schema Test Suite (draft 2020-12,
 * the groups of SHARED_DIR/jsts/MANIFEST.json that use only the corpus's
 * keywords). Each group's schema becomes one input file; its cases run
 * against the generated `is…`. Needs ../shared: `npm run test:jsts`.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/index.js";
import { writeOutput } from "../../generator/write.js";
import { SHARED_DIR } from "./paths.js";

interface Group {
  description: string;
  schema: object | boolean;
  tests: { description: string; data: unknown; valid: boolean }[];
}
interface Manifest {
  files: Record<string, { corpus_keyword_group_indices: number[] }>;
}

const JSTS = path.join(SHARED_DIR, "jsts");
const manifest = JSON.parse(await readFile(path.join(JSTS, "MANIFEST.json"), "utf8")) as Manifest;
const work = await mkdtemp(path.join(tmpdir(), "cognito-codegen-jsts-"));
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Format assertion is opt-in in draft 2020-12: the format files (`format-<name>`) run with the assertFormats option on. */
const assertsFormats = (file: string): boolean => file.startsWith("format-");

async function validatorsFor(key: string, group: Group, assertFormats = false): Promise<Record<string, (value: unknown) => boolean>> {
  const dir = path.join(work, key.replace("#", "-"));
  await mkdir(path.join(dir, "schemas"), { recursive: true });
  const schema = typeof group.schema === "boolean" ? { title: "Case", allOf: [group.schema] } : { ...group.schema, title: "Case" };
  // a service of no AWS protocol: the suite tests JSON Schema, not the Cognito repairs (normalize.ts)
  await writeFile(path.join(dir, "schemas/jsts-case-schema.json"), JSON.stringify(schema));
  const result = await generate({ schemas: path.join(dir, "schemas"), assertFormats });
  await writeOutput(path.join(dir, "out"), result.files);
  return (await import(pathToFileURL(path.join(dir, "out/jsts/validators.ts")).href)) as Record<string, (value: unknown) => boolean>;
}

for (const [file, info] of Object.entries(manifest.files)) {
  const groups = JSON.parse(await readFile(path.join(JSTS, "draft2020-12", `${file}.json`), "utf8")) as Group[];
  describe(file, () => {
    for (const index of info.corpus_keyword_group_indices) {
      const group = groups[index]!;
      const key = `${file}#${index}`;
      it(group.description, async () => {
        const validators = await validatorsFor(key, group, assertsFormats(file));
        const verdicts = group.tests.map((t) => ({ case: t.description, valid: validators["isCase"]!(t.data) }));
        expect(verdicts).toEqual(group.tests.map((t) => ({ case: t.description, valid: t.valid })));
      });
    }
  });
}
