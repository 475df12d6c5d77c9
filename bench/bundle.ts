/**
 * `npm run bench:bundle`: what one call costs in a browser bundle. Two tiny
 * apps send one ResendConfirmationCode request and log the result:
 *
 * - ours: the corpus output (SHARED_DIR) generated into a temporary folder,
 *   the request built with the builder (imported from index.ts, as in the
 *   README) and sent with `.send({ region })`
 *   (also, for comparison, `sendResendConfirmationCode` from client.ts);
 * - the AWS SDK v3: `new CognitoIdentityProviderClient({ region })` and
 *   `ResendConfirmationCodeCommand`.
 *
 * Each is bundled with esbuild's JS API (bundle, minify, tree shaking,
 * platform browser, format esm) and measured raw and gzipped (zlib, level 9).
 * Then where our bytes come from: per module (esbuild's metafile: minified
 * bytes, the module's slice gzipped alone, and what gzip saves without it)
 * and per top-level declaration that survived tree shaking (each minified
 * alone, and what gzip saves without it: the costliest, all of them with
 * `--analyze`).
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build, transform, type BuildOptions, type Metafile } from "esbuild";
import ts from "typescript";
import { generate } from "../generator/index.js";
import { writeOutput } from "../generator/write.js";

// dist/bench/bundle.js → the package root (for node_modules), and npm scripts run from there too
const root = path.resolve(import.meta.dirname, "../..");
const shared = path.resolve(process.env["SHARED_DIR"] ?? "../shared");
const corpus = path.join(shared, "corpus/cognito-idp/json-schema");
/** The goal for our app, gzipped. */
const GOAL = 2_000;
/** `--analyze`: every top-level declaration kept, not only the largest. */
const ANALYZE = process.argv.includes("--analyze");
const TOP = 15;

const APPS = {
  // as the README writes it: the builders from the service's index.ts
  builder: `import { resendConfirmationCode } from "./cognito-idp/index.js";

const result = await resendConfirmationCode().clientId("abc").username("alice").send({ region: "us-east-1" });
console.log(result);
`,
  client: `import { sendResendConfirmationCode } from "./cognito-idp/client.js";

const result = await sendResendConfirmationCode({ ClientId: "abc", Username: "alice" }, { region: "us-east-1" });
console.log(result);
`,
  sdk: `import { CognitoIdentityProviderClient, ResendConfirmationCodeCommand } from "@aws-sdk/client-cognito-identity-provider";

const client = new CognitoIdentityProviderClient({ region: "us-east-1" });
const result = await client.send(new ResendConfirmationCodeCommand({ ClientId: "abc", Username: "alice" }));
console.log(result);
`,
} as const;

const OPTIONS: BuildOptions = {
  bundle: true,
  minify: true,
  treeShaking: true,
  platform: "browser",
  format: "esm",
  target: "es2022",
  legalComments: "none",
  write: false,
  metafile: true,
  logLevel: "warning",
  // the apps are in a temporary folder: packages come from this package's node_modules
  nodePaths: [path.join(root, "node_modules")],
};

interface Bundle {
  readonly code: string;
  readonly raw: number;
  readonly gzip: number;
  readonly metafile: Metafile;
}

async function bundle(entry: string, options: BuildOptions = {}): Promise<Bundle> {
  const result = await build({ ...OPTIONS, ...options, entryPoints: [entry], outfile: path.join(path.dirname(entry), "out.js") });
  const file = result.outputFiles!.find((f) => f.path.endsWith(".js"))!;
  return { code: file.text, raw: file.contents.byteLength, gzip: gzipSync(file.contents, { level: 9 }).byteLength, metafile: result.metafile! };
}

const n = (x: number): string => x.toLocaleString("en-US");
const table = (rows: readonly (readonly string[])[], right: readonly number[]): string => {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (right.includes(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ").trimEnd()).join("\n");
};

/**
 * The top-level declarations of an unminified bundle, each with its size when minified alone and
 * what gzip saves without it (the rest minified and gzipped, against the whole minified and gzipped
 * the same way): what a declaration costs where the compressor finds most of it elsewhere already.
 */
async function declarations(code: string): Promise<{ readonly name: string; readonly bytes: number; readonly gzipSaved: number }[]> {
  const source = ts.createSourceFile("bundle.js", code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const minifiedGzip = async (text: string): Promise<number> =>
    gzipSync((await transform(text, { minify: true, loader: "js", format: "esm", target: "es2022" })).code, { level: 9 }).byteLength;
  const whole = await minifiedGzip(code);
  const out: { name: string; bytes: number; gzipSaved: number }[] = [];
  for (const statement of source.statements) {
    const text = statement.getText(source);
    const minified = await transform(text, { minify: true, loader: "js", format: "esm", target: "es2022" });
    let name: string;
    if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) name = `${ts.isClassDeclaration(statement) ? "class" : "function"} ${statement.name.text}`;
    else if (ts.isVariableStatement(statement)) name = `const ${statement.declarationList.declarations.map((d) => d.name.getText(source)).join(", ")}`;
    else name = `(${text.replace(/\s+/g, " ").slice(0, 60)})`;
    const without = code.slice(0, statement.getStart(source)) + code.slice(statement.getEnd());
    out.push({ name, bytes: Buffer.byteLength(minified.code.trim()), gzipSaved: whole - (await minifiedGzip(without)) });
  }
  return out.sort((a, b) => b.gzipSaved - a.gzipSaved || b.bytes - a.bytes);
}

/**
 * Per module of a bundle: its minified bytes, and (when the metafile's inputs
 * tile the output, as they do for a bundle without wrappers) its slice of the
 * output gzipped alone and how much smaller the bundle's gzip is without it.
 */
function byModule(b: Bundle, work: string): { readonly file: string; readonly bytes: number; readonly gzipAlone?: number; readonly gzipSaved?: number }[] {
  const bytes = Buffer.from(b.code);
  let at = 0;
  const rows = Object.entries(outputOf(b).inputs).map(([file, { bytesInOutput }]) => {
    const slice = bytes.subarray(at, at + bytesInOutput);
    at += bytesInOutput;
    const row = { file: path.relative(work, path.resolve(file)), bytes: bytesInOutput };
    const without = gzipWithout(b, work, [row.file]);
    return without === undefined ? row : { ...row, gzipAlone: gzipSync(slice, { level: 9 }).byteLength, gzipSaved: b.gzip - without };
  });
  return rows.filter((m) => m.bytes > 0).sort((x, y) => y.bytes - x.bytes);
}

/** The bundle's output, in its metafile. */
function outputOf(b: Bundle): Metafile["outputs"][string] {
  return Object.values(b.metafile.outputs).find((o) => o.entryPoint !== undefined)!;
}

/** The gzip of a bundle without these modules' slices (its metafile's inputs tiling it), or undefined where they do not tile it. */
function gzipWithout(b: Bundle, work: string, files: readonly string[]): number | undefined {
  const bytes = Buffer.from(b.code);
  const kept: Buffer[] = [];
  let at = 0;
  for (const [file, { bytesInOutput }] of Object.entries(outputOf(b).inputs)) {
    if (!files.includes(path.relative(work, path.resolve(file)))) kept.push(bytes.subarray(at, at + bytesInOutput));
    at += bytesInOutput;
  }
  // (what follows the last module, a final newline, stays)
  kept.push(bytes.subarray(at));
  return Math.abs(at - bytes.byteLength) <= 1 ? gzipSync(Buffer.concat(kept), { level: 9 }).byteLength : undefined;
}

const work = await mkdtemp(path.join(tmpdir(), "cognito-codegen-bundle-"));
try {
  const result = await generate({ schemas: corpus });
  await writeOutput(work, result.files);
  // as a user's package would be: no "sideEffects" hint for the bundler
  await writeFile(path.join(work, "package.json"), '{ "type": "module" }\n');
  const entries: Record<string, string> = {};
  for (const [name, text] of Object.entries(APPS)) {
    entries[name] = path.join(work, `app-${name}.ts`);
    await writeFile(entries[name]!, text);
  }

  const builder = await bundle(entries["builder"]!);
  const client = await bundle(entries["client"]!);
  const sdk = await bundle(entries["sdk"]!);

  console.log(`corpus: ${corpus}; esbuild: bundle, minify, tree shaking, platform browser, format esm, target es2022; gzip: zlib level 9\n`);
  console.log(
    table(
      [
        ["app (one ResendConfirmationCode call, result logged)", "raw (B)", "gzip (B)", "SDK / this (gzip)"],
        ["ours: resendConfirmationCode()…send({ region })", n(builder.raw), n(builder.gzip), `${(sdk.gzip / builder.gzip).toFixed(1)}x`],
        ["ours: sendResendConfirmationCode(input, { region })", n(client.raw), n(client.gzip), `${(sdk.gzip / client.gzip).toFixed(1)}x`],
        ["AWS SDK v3: CognitoIdentityProviderClient + Command", n(sdk.raw), n(sdk.gzip), "1.0x"],
      ],
      [1, 2, 3],
    ),
  );
  const verdict = builder.gzip <= GOAL ? `met (${n(GOAL - builder.gzip)} B to spare)` : `missed by ${n(builder.gzip - GOAL)} B`;
  console.log(`\ngoal for ours (builder + send): <= ${n(GOAL)} B gzip: ${verdict}\n`);

  // where our bytes come from, per module
  const modules = byModule(builder, work);
  const total = modules.reduce((s, m) => s + m.bytes, 0);
  console.log("ours (builder + send), by module: minified bytes in the bundle (esbuild metafile); its slice gzipped alone; gzip saved without it");
  console.log(
    table(
      [
        ["module", "bytes", "share", "gzip alone", "gzip saved"],
        ...modules.map((m) => [m.file, n(m.bytes), `${((100 * m.bytes) / total).toFixed(1)}%`, m.gzipAlone === undefined ? "?" : n(m.gzipAlone), m.gzipSaved === undefined ? "?" : n(m.gzipSaved)]),
        ["total", n(total), "", "", n(builder.gzip)],
      ],
      [1, 2, 3, 4],
    ),
  );

  // the goal is shared: what the validators take, and what the rest leaves them
  const validators = modules.find((m) => m.file.endsWith("validators.ts"));
  if (validators?.gzipSaved !== undefined) {
    const rest = builder.gzip - validators.gzipSaved;
    console.log(
      `\nvalidators.ts: ${n(validators.gzipSaved)} B of the gzip; everything else: ${n(rest)} B, which leaves the validators ${rest < GOAL ? `${n(GOAL - rest)} B` : "nothing"} under the goal`,
    );
  }
  // and what validation takes as a whole (the checks and their runtime): the client alone, and what the goal leaves for the rest
  const service = modules.find((m) => m.file.endsWith("validators.ts"))?.file.split("/")[0];
  const unvalidated = service === undefined ? undefined : gzipWithout(builder, work, [`${service}/validators.ts`, `${service}/runtime/validate.ts`]);
  if (unvalidated !== undefined) {
    console.log(
      `validators.ts and runtime/validate.ts: ${n(builder.gzip - unvalidated)} B of the gzip; the rest (builder, wire order, send, http, errors): ${n(unvalidated)} B, which leaves ${unvalidated < GOAL ? `${n(GOAL - unvalidated)} B` : "nothing"} under the goal for checking the request and the response`,
    );
  }

  // and per top-level declaration that survived tree shaking
  const plain = await bundle(entries["builder"]!, { minify: false });
  const decls = await declarations(plain.code);
  const shown = ANALYZE ? decls : decls.slice(0, TOP);
  console.log(
    `\nours (builder + send), by top-level declaration kept: bytes when minified alone, and gzip saved without it (names as in the source)${ANALYZE ? "" : `; the ${TOP} costliest of ${decls.length} (all: --analyze)`}`,
  );
  console.log(table([["declaration", "bytes", "gzip saved"], ...shown.map((d) => [d.name, n(d.bytes), n(d.gzipSaved)])], [1, 2]));

  const sdkModules = outputOf(sdk);
  const byPackage = new Map<string, number>();
  for (const [file, { bytesInOutput }] of Object.entries(sdkModules.inputs)) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? "(app)";
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + bytesInOutput);
  }
  console.log("\nAWS SDK v3, by package: minified bytes in the bundle");
  console.log(table([["package", "bytes"], ...[...byPackage].sort((a, b) => b[1] - a[1]).map(([p, b]) => [p, n(b)])], [1]));
} finally {
  await rm(work, { recursive: true, force: true });
}
