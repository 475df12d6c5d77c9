/**
 * An independent check of the types: json-schema-to-typescript reads each
 * component (after our normalization, with every reference handed over as
 * the same named type) and its type must be mutually assignable with ours.
 * Both emitters read the same schema; if they disagree, one of them is wrong.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { compile } from "json-schema-to-typescript";
import { describe, expect, it } from "vitest";
import type { JsonValue } from "../generator/escape.js";
import { generate } from "../generator/index.js";
import { DiagnosticSink } from "../generator/diagnostics.js";
import { isJsonObject, loadSchemaDir } from "../generator/load.js";
import { isDiagnostic, Resolver } from "../generator/resolve.js";
import { normalizeSchema } from "../generator/normalize.js";
import { writeOutput } from "../generator/write.js";
import { STRICT_OPTIONS, typeCheck } from "./strict-program.js";

const root = path.resolve(import.meta.dirname, "..");

/** `$ref` → `tsType: Ours.X` (json-schema-to-typescript's way to name an existing type), X being the declaration the reference names. */
function handOverRefs(schema: JsonValue, lookup: (ref: string) => string): JsonValue {
  if (Array.isArray(schema)) return schema.map((s: JsonValue) => handOverRefs(s, lookup));
  if (!isJsonObject(schema)) return schema;
  const ref = schema["$ref"];
  if (typeof ref === "string") return { tsType: `Ours.${lookup(ref)}` };
  const dropped = ["$schema", "$id", "$defs", "title", "description"];
  const out: Record<string, JsonValue> = Object.fromEntries(Object.entries(schema).filter(([k]) => !dropped.includes(k)).map(([k, v]) => [k, handOverRefs(v, lookup)]));
  // json-schema-to-typescript drops a required member that has no schema in `properties`;
  // giving it the additionalProperties schema there says the same thing in a form it reads
  const required = out["required"];
  if (Array.isArray(required)) {
    const properties = { ...(isJsonObject(out["properties"]) ? out["properties"] : {}) } as Record<string, JsonValue>;
    const additional = out["additionalProperties"];
    for (const r of required) if (typeof r === "string" && !(r in properties)) properties[r] = isJsonObject(additional) ? additional : additional === false ? false : {};
    out["properties"] = properties;
  }
  return out;
}

describe("json-schema-to-typescript agrees with our types", () => {
  it.each(["schemas", "test/fixtures/recursive", "test/fixtures/hostile"])("%s: every component is mutually assignable", async (input) => {
    // the strict view: response views widen types on purpose (response-view.ts), which is not the schema's reading
    const result = await generate({ schemas: path.join(root, input), strictResponses: true });
    const service = result.ir.services[0]!;
    const sink = new DiagnosticSink();
    const files = await loadSchemaDir(path.join(root, input), sink);
    const resolver = new Resolver(files, sink);
    const typeOf = new Map(service.declarations.map((d) => [d.id, d.names.type]));

    const dir = await mkdtemp(path.join(tmpdir(), "cognito-codegen-jstt-"));
    try {
      await writeOutput(path.join(dir, "ours"), result.files);
      await writeFile(path.join(dir, "package.json"), '{ "type": "module" }\n');
      const lines = ['import type * as Ours from "./ours/cognito-idp/types.js";'];
      let compared = 0;
      for (const file of files) {
        const name = typeOf.get(`${file.name}#`)!;
        const decl = service.declarations.find((d) => d.id === `${file.name}#`)!;
        if (decl.node.kind === "unknown") {
          // a schema with no assertion accepts any value; json-schema-to-typescript reads it as an object
          // ({ [k: string]: unknown }), which is its mistake, so ours is held to `unknown` directly
          lines.push(`export const same${compared}: [unknown] extends [Ours.${name}] ? true : false = true;`);
          compared++;
          continue;
        }
        const theirs = `Theirs${name}`;
        const lookup = (ref: string): string => {
          const target = resolver.resolve(ref, file, "");
          if (isDiagnostic(target)) throw new Error(target.message);
          return typeOf.get(`${target.file.name}#${target.pointer}`)!;
        };
        // these inputs are cognito-idp schemas: the corpus repairs apply to them as they do in generate()
        const context = { aws: true, root: true, error: /Exception$/.test(file.title) };
        const schema = handOverRefs(normalizeSchema(file.schema, context), lookup) as object;
        lines.push(await compile(schema as never, theirs, { bannerComment: "", additionalProperties: false, declareExternallyReferenced: true, format: false, ignoreMinAndMaxItems: true }));
        const ours = `Ours.${name}`;
        const node = decl.node;
        if (node.kind === "object" && node.properties.length > 0 && typeof node.additional === "object") {
          // named members beside an additionalProperties schema: json-schema-to-typescript adds `| undefined`
          // to the index signature, which ours leaves out (exactOptionalPropertyTypes); ours must still fit theirs
          lines.push(`export const same${compared}: [${ours}] extends [${theirs}] ? true : false = true;`);
        } else {
          lines.push(`export const same${compared}: [[${ours}] extends [${theirs}] ? true : false, [${theirs}] extends [${ours}] ? true : false] = [true, true];`);
        }
        compared++;
      }
      expect(compared).toBe(files.length);
      await writeFile(path.join(dir, "check.ts"), lines.join("\n"));
      const diagnostics = typeCheck([path.join(dir, "check.ts")], { ...STRICT_OPTIONS, noUnusedLocals: false });
      expect(diagnostics).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
