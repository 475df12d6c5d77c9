/**
 * The peer of `npm run bench`, as one process: json-schema-to-typescript
 * writes the types of each service folder given (its files bundled into one
 * document, references rewritten to #/$defs/<Title>), formatted as it does by
 * default. Usage: node dist/bench/jstt-types.js <out folder> <service folder>…
 */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { compile } from "json-schema-to-typescript";

const [out, ...folders] = process.argv.slice(2);
await mkdir(out!, { recursive: true });
for (const [i, folder] of folders.entries()) {
  const defs: Record<string, unknown> = {};
  for (const f of (await readdir(folder)).filter((n) => n.endsWith(".json")).sort()) {
    const schema = JSON.parse((await readFile(path.join(folder, f), "utf8")).replaceAll("#/components/schemas/", "#/$defs/")) as Record<string, unknown>;
    delete schema["$schema"];
    delete schema["$id"];
    defs[schema["title"] as string] = schema;
  }
  const ts = await compile({ title: "Service", type: "object", $defs: defs } as never, "Service", { bannerComment: "", unreachableDefinitions: true, declareExternallyReferenced: true });
  await writeFile(path.join(out!, `service${i}.ts`), ts);
}
