/**
 * A random service in the corpus's conventions, from a seed: titles and
 * member names of every length (so that generated lines fall on both sides of
 * the formatter's width), enums of odd values (quotes, apostrophes,
 * backslashes), numbers small and huge, patterns, lists, maps, and
 * `<Op>Request` / `<Op>Response` pairs that become operations. For tests that
 * hold two ways of producing the output to the same bytes.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { prng } from "../prng.js";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const SERVICE = "cognito-idp";

export interface RandomService {
  readonly schemas: string;
  readonly titles: readonly string[];
}

/** Writes the service's schema files into `dir` (created) and returns the folder. */
export async function writeRandomService(dir: string, seed: number, count = 36): Promise<RandomService> {
  const random = prng(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
  const word = (): string => {
    const letters = "abcdefghijklmnopqrstuvwxyz";
    let w = String.fromCharCode(65 + int(0, 25));
    for (let i = int(1, 9); i > 0; i--) w += letters[int(0, 25)];
    return w;
  };
  const words = (lo: number, hi: number): string[] => Array.from({ length: int(lo, hi) }, word);
  const used = new Set<string>();
  const title = (suffix: string, lo = 1, hi = 7): { title: string; kebab: string } => {
    for (;;) {
      const ws = [...words(lo, hi), suffix];
      const t = ws.join("");
      if (used.has(t.toLowerCase())) continue;
      used.add(t.toLowerCase());
      return { title: t, kebab: ws.map((w) => w.toLowerCase()).join("-") };
    }
  };
  const enumValue = (): string =>
    pick([
      () => words(1, 3).join("_").toUpperCase(),
      () => words(1, 6).join(" "),
      () => `it's ${word()}`,
      () => `say "${word()}"`,
      () => `back\\slash ${word()}`,
      () => `${word()}'s "${word()}"`,
      () => word().toLowerCase(),
    ])();
  const patterns = ["[\\w+]+", "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+", "^[0-9]{6}$", "[\\S]+", "[\"'][a-z]*[\"']", "arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+", "\\d+(\\.\\d+)?"];
  const numbers = [0, 1, 5, 128, 86400, 2147483647, 1e21, 0.5, -3, 9007199254740991];

  const files: { kebab: string; title: string; body: { [key: string]: Json } }[] = [];
  const scalars: string[] = [];
  // scalars first: objects refer to them
  for (let i = 0; i < Math.ceil(count / 2); i++) {
    const { title: t, kebab } = title(pick(["Type", "Type", "Enum", "Name", "Value"]));
    const kind = int(0, 5);
    let body: { [key: string]: Json };
    if (kind === 0) body = { type: "string", enum: [...new Set(Array.from({ length: int(1, 12) }, enumValue))] };
    else if (kind === 1) {
      body = { type: "string" };
      if (random() < 0.7) body["minLength"] = int(0, 3);
      if (random() < 0.7) body["maxLength"] = pick([1, 20, 128, 2048, 20000]);
      if (random() < 0.6) body["pattern"] = pick(patterns);
    } else if (kind === 2) {
      body = { type: pick(["integer", "number"]) };
      if (random() < 0.7) body["minimum"] = pick(numbers);
      if (random() < 0.7) body["maximum"] = pick(numbers);
    } else if (kind === 3) body = { type: "boolean" };
    else if (kind === 4) body = { type: "string", format: "date-time" };
    else body = { type: "string", maxLength: pick([64, 256]) };
    files.push({ kebab, title: t, body });
    scalars.push(t);
  }
  const member = (ref: string): Json => ({ allOf: [{ $ref: `#/components/schemas/${ref}` }, { description: words(0, int(1, 30)).join(" ") || "A member." }] });
  const objectBody = (refs: readonly string[]): { [key: string]: Json } => {
    const properties: { [key: string]: Json } = {};
    const names: string[] = [];
    for (let k = int(1, 9); k > 0; k--) {
      const name = words(1, int(1, 5)).join("");
      if (properties[name] !== undefined) continue;
      properties[name] = member(pick(refs));
      names.push(name);
    }
    const required = names.filter(() => random() < 0.4);
    return { type: "object", properties, ...(required.length > 0 ? { required } : {}) };
  };
  const composites: string[] = [];
  for (let i = 0; i < Math.floor(count / 4); i++) {
    const { title: t, kebab } = title(pick(["Type", "ListType", "MapType"]));
    const kind = int(0, 2);
    let body: { [key: string]: Json };
    if (kind === 0) body = objectBody(scalars);
    else if (kind === 1) body = { type: "array", items: { $ref: `#/components/schemas/${pick(scalars)}` }, ...(random() < 0.5 ? { minItems: 0, maxItems: pick([1, 25, 60]) } : {}) };
    else body = { type: "object", additionalProperties: { $ref: `#/components/schemas/${pick(scalars)}` } };
    files.push({ kebab, title: t, body });
    composites.push(t);
  }
  // operations: a request and a response each
  for (let i = 0; i < Math.max(1, Math.floor(count / 8)); i++) {
    const op = words(1, 6).join("");
    if (used.has(`${op}request`.toLowerCase())) continue;
    used.add(`${op}request`.toLowerCase());
    used.add(`${op}response`.toLowerCase());
    const kebab = op.replace(/([a-z])([A-Z])/g, "$1-$2").toLowerCase();
    files.push({ kebab: `${kebab}-request`, title: `${op}Request`, body: objectBody([...scalars, ...composites]) });
    files.push({ kebab: `${kebab}-response`, title: `${op}Response`, body: objectBody([...scalars, ...composites]) });
  }

  const schemas = path.join(dir, "json-schema");
  await mkdir(schemas, { recursive: true });
  for (const f of files) {
    const name = `${SERVICE}-${f.kebab}-schema.json`;
    const doc = { ...f.body, $schema: "https://json-schema.org/draft/2020-12/schema", $id: `https://example.com/${name}`, title: f.title, description: random() < 0.5 ? `${f.title} schema from Amazon Cognito` : words(1, 40).join(" ") };
    await writeFile(path.join(schemas, name), JSON.stringify(doc, null, 2) + "\n");
  }
  return { schemas, titles: files.map((f) => f.title) };
}
