/**
 * `npm run bench:validate`: the generated validators against ajv (draft
 * 2020-12, compiled once, on the same schemas as the generator repairs them)
 * and a hand-written validator (bench/hand-resend.ts), in one process, rounds
 * interleaved so that every contender sees the same machine. Prints ops/s
 * (median of the rounds) and the ratios the validator goals are stated in.
 * The CreateUserPoolRequest case needs the corpus (SHARED_DIR, default ../shared).
 *
 * Then the validators' size, minified (esbuild) and gzipped (zlib level 9), on the
 * corpus: the ResendConfirmationCodeRequest validator alone (what it reaches), and
 * all of the service's, each against ajv's standalone code for the same schemas;
 * and each one's floor: the same bundle with every check function's body made
 * `return true` (what the entry points, their export names and the runtime take
 * whatever the checks are written as).
 */
import { existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import standalone from "ajv/dist/standalone/index.js";
import { build } from "esbuild";
import ts from "typescript";
import { DiagnosticSink } from "../generator/diagnostics.js";
import { generate } from "../generator/index.js";
import { loadInput } from "../generator/input.js";
import { normalizeSchema } from "../generator/normalize.js";
import { handIsResend } from "./hand-resend.js";

const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 7);
const ROUND_MS = Number(process.env["BENCH_ROUND_MS"] ?? 150);
const shared = path.resolve(process.env["SHARED_DIR"] ?? "../shared");

type Validators = Record<string, (value: unknown) => unknown>;

/** The generated validators of a schema folder, transpiled to JavaScript in a temp folder and imported. */
async function generated(schemas: string, temp: string): Promise<Validators> {
  const result = await generate({ schemas, artifacts: ["validators"] });
  const dir = path.join(temp, path.basename(schemas));
  for (const file of result.files) {
    const out = path.join(dir, file.path.replace(/\.ts$/, ".js"));
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, ts.transpileModule(file.contents, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true } }).outputText);
  }
  await writeFile(path.join(dir, "package.json"), '{ "type": "module" }\n');
  const service = result.ir.services[0]!.id;
  return (await import(pathToFileURL(path.join(dir, service, "validators.js")).href)) as Validators;
}

/** ajv on the same schemas, repaired as the generator repairs them, bundled under $defs by title. */
function ajvFor(schemas: string, allErrors: boolean): (title: string) => (value: unknown) => boolean {
  const ajv = ajvInstance(schemas, allErrors, false);
  return (title) => ajv.getSchema(`${BUNDLE}#/$defs/${title}`) as (value: unknown) => boolean;
}

const BUNDLE = "urn:cognito-codegen:bench";
// a CommonJS module: its exports are the function, with the function again as `default`
const standaloneCode = standalone.default;

function ajvInstance(schemas: string, allErrors: boolean, source: boolean): { ajv: Ajv2020; titles: string[] } & Pick<Ajv2020, "getSchema"> {
  const sink = new DiagnosticSink();
  const { files } = loadInput(schemas, sink);
  const defs: Record<string, unknown> = {};
  for (const f of files) {
    const schema = normalizeSchema(f.schema, { aws: true, root: true, error: /Exception$/.test(f.title) }) as Record<string, unknown>;
    const { $schema: _s, $id: _i, ...rest } = schema;
    defs[f.title] = JSON.parse(JSON.stringify(rest).replaceAll('"#/components/schemas/', '"#/$defs/'));
  }
  const ajv = new Ajv2020({ strict: false, allErrors, validateFormats: false, ...(source ? { code: { source: true, esm: true } } : {}) });
  ajv.addSchema({ $id: BUNDLE, $defs: defs });
  return { ajv, titles: Object.keys(defs), getSchema: ajv.getSchema.bind(ajv) };
}

const BUNDLE_OPTIONS = { bundle: true, treeShaking: true, platform: "neutral", format: "esm", target: "es2022", write: false, logLevel: "warning" } as const;

/** Bytes of a module bundled (esbuild: bundle, minify, tree shaking, esm, es2022) and gzipped (level 9). */
async function bundled(entry: string): Promise<{ min: number; gzip: number }> {
  const result = await build({ ...BUNDLE_OPTIONS, entryPoints: [entry], minify: true, nodePaths: [path.resolve("node_modules")] });
  const out = result.outputFiles[0]!.contents;
  return { min: out.byteLength, gzip: gzipSync(out, { level: 9 }).byteLength };
}

/**
 * The same bundle with the body of every check function (`function check…`) made `return true`, then
 * minified and tree-shaken again (the sites and patterns only the checks used go): what the rest takes.
 */
async function floor(entry: string): Promise<{ min: number; gzip: number }> {
  const plain = (await build({ ...BUNDLE_OPTIONS, entryPoints: [entry], nodePaths: [path.resolve("node_modules")] })).outputFiles[0]!.text;
  const source = ts.createSourceFile("bundle.js", plain, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  let emptied = "";
  let at = 0;
  for (const statement of source.statements) {
    if (!ts.isFunctionDeclaration(statement) || !statement.body || !statement.name?.text.startsWith("check")) continue;
    emptied += plain.slice(at, statement.body.getStart(source)) + "{ return true; }";
    at = statement.body.getEnd();
  }
  emptied += plain.slice(at);
  const result = await build({ ...BUNDLE_OPTIONS, stdin: { contents: emptied, loader: "js" }, minify: true });
  const out = result.outputFiles[0]!.contents;
  return { min: out.byteLength, gzip: gzipSync(out, { level: 9 }).byteLength };
}

/** The corpus's validators against ajv standalone: the Resend request's alone, and the service's. */
async function sizes(corpus: string, temp: string): Promise<void> {
  const result = await generate({ schemas: corpus, artifacts: ["validators"] });
  const dir = path.join(temp, "size");
  for (const file of result.files) {
    await mkdir(path.dirname(path.join(dir, file.path)), { recursive: true });
    await writeFile(path.join(dir, file.path), file.contents);
  }
  await writeFile(path.join(dir, "package.json"), '{ "type": "module" }\n');
  const service = result.ir.services[0]!.id;
  const ajv = ajvInstance(corpus, false, true).ajv;
  const resend = "ResendConfirmationCodeRequest";
  const entries = {
    oursResend: `export { validate${resend}, is${resend}, assert${resend} } from "./${service}/validators.js";\n`,
    oursAll: `export * from "./${service}/validators.js";\n`,
    ajvResend: standaloneCode(ajv, { [resend]: `${BUNDLE}#/$defs/${resend}` }),
    ajvAll: standaloneCode(ajv, Object.fromEntries(ajvInstance(corpus, false, false).titles.map((t) => [t, `${BUNDLE}#/$defs/${t}`]))),
  };
  const bytes: Record<string, { min: number; gzip: number }> = {};
  const floors: Record<string, { min: number; gzip: number }> = {};
  for (const [name, text] of Object.entries(entries)) {
    const entry = path.join(dir, `${name}.${name.startsWith("ours") ? "ts" : "mjs"}`);
    await writeFile(entry, text);
    bytes[name] = await bundled(entry);
    if (name.startsWith("ours")) floors[name] = await floor(entry);
  }
  const n = (x: number): string => x.toLocaleString("en-US").padStart(9);
  const line = (what: string, ours: { min: number; gzip: number }, theirs: { min: number; gzip: number }, goal: string): void => {
    console.log(`  ${what.padEnd(34)} ${n(ours.min)} ${n(ours.gzip)}   ajv standalone ${n(theirs.min)} ${n(theirs.gzip)}   ${(ours.gzip / theirs.gzip).toFixed(2)}x gzip   ${goal}`);
  };
  console.log(`\nvalidator size (corpus, ${result.ir.services[0]!.declarations.length} declarations): minified and gzipped bytes`);
  line(`${resend} (validate, is, assert)`, bytes["oursResend"]!, bytes["ajvResend"]!, `goal ≤ 1,200 B gzip: ${bytes["oursResend"]!.gzip <= 1200 ? "met" : "NOT met"}`);
  line("  its floor (every check body empty)", floors["oursResend"]!, bytes["ajvResend"]!, `the goal leaves ${n(1200 - floors["oursResend"]!.gzip).trim()} B for its checks`);
  const allGoal = Math.floor(0.35 * bytes["ajvAll"]!.gzip);
  line("the whole service", bytes["oursAll"]!, bytes["ajvAll"]!, `goal ≤ 0.35x gzip: ${bytes["oursAll"]!.gzip <= allGoal ? "met" : "NOT met"}`);
  line("  its floor (every check body empty)", floors["oursAll"]!, bytes["ajvAll"]!, `the goal (${n(allGoal).trim()} B) leaves ${n(allGoal - floors["oursAll"]!.gzip).trim()} B for ${result.ir.services[0]!.declarations.length} declarations' checks`);
}

interface Contender {
  readonly name: string;
  readonly run: (value: unknown) => unknown;
}

/** ops/s of each contender on one value, rounds interleaved; the median round of each. */
function measure(value: unknown, contenders: readonly Contender[]): Map<string, number> {
  const samples = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
  let sink = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const c of contenders) {
      let n = 0;
      const start = process.hrtime.bigint();
      const end = start + BigInt(ROUND_MS * 1e6);
      let now = start;
      while (now < end) {
        for (let i = 0; i < 1000; i++) if (c.run(value)) sink++;
        n += 1000;
        now = process.hrtime.bigint();
      }
      samples.get(c.name)!.push(n / (Number(now - start) / 1e9));
    }
  }
  if (sink === -1) console.log(sink);
  return new Map([...samples].map(([k, v]) => [k, v.sort((a, b) => a - b)[Math.floor(v.length / 2)]!]));
}

const fmt = (opsPerSecond: number): string => (opsPerSecond >= 1e6 ? `${(opsPerSecond / 1e6).toFixed(2)} M/s` : `${(opsPerSecond / 1e3).toFixed(0)} k/s`);

function report(title: string, results: Map<string, number>, ratios: readonly [string, string, number][]): void {
  console.log(`\n${title}`);
  for (const [name, ops] of results) console.log(`  ${name.padEnd(34)} ${fmt(ops).padStart(12)}`);
  for (const [a, b, goal] of ratios) {
    const r = results.get(a)! / results.get(b)!;
    console.log(`  ${`${a} / ${b}`.padEnd(60)} ${r.toFixed(2)}x   goal ≥ ${goal}x  ${r >= goal ? "met" : "NOT met"}`);
  }
}

const temp = await mkdtemp(path.join(tmpdir(), "cognito-codegen-bench-"));
try {
  const ours = await generated(path.resolve("schemas"), temp);
  const first = ajvFor(path.resolve("schemas"), false)("ResendConfirmationCodeRequest");
  const all = ajvFor(path.resolve("schemas"), true)("ResendConfirmationCodeRequest");
  const valid = { ClientId: "abc123", Username: "alice@example.com", SecretHash: "aGFzaA==", UserContextData: { IpAddress: "192.0.2.1", EncodedData: "x" }, AnalyticsMetadata: { AnalyticsEndpointId: "e" }, ClientMetadata: { a: "1", b: "2" } };
  const invalid = { ClientId: "", Username: 7, UserContextData: "x" };
  const validate = ours["validateResendConfirmationCodeRequest"]!;
  const is = ours["isResendConfirmationCodeRequest"]!;
  for (const [v, want] of [[valid, true], [invalid, false]] as const) {
    if (Boolean(is(v)) !== want || first(v) !== want || handIsResend(v) !== want) throw new Error(`bench values: a contender disagrees on ${JSON.stringify(v)}`);
  }
  const validOk = (v: unknown): boolean => (validate(v) as { ok: boolean }).ok;
  report("valid ResendConfirmationCodeRequest", measure(valid, [
    { name: "generated validate…", run: validOk },
    { name: "generated is…", run: is },
    { name: "ajv", run: first },
    { name: "hand-written", run: handIsResend },
  ]), [["generated validate…", "ajv", 2], ["generated validate…", "hand-written", 0.85]]);
  report("invalid ResendConfirmationCodeRequest (3 errors)", measure(invalid, [
    { name: "generated is…", run: is },
    { name: "ajv (first error)", run: first },
    { name: "hand-written", run: handIsResend },
    { name: "generated validate…", run: validOk },
    { name: "ajv allErrors", run: all },
  ]), [["generated is…", "ajv (first error)", 1], ["generated is…", "hand-written", 0.8], ["generated validate…", "ajv allErrors", 2]]);

  const corpus = path.join(shared, "corpus/cognito-idp/json-schema");
  if (existsSync(corpus)) {
    const idp = await generated(corpus, temp);
    const ajvPool = ajvFor(corpus, false)("CreateUserPoolRequest");
    const pool = {
      PoolName: "pool",
      Policies: { PasswordPolicy: { MinimumLength: 8, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: false, TemporaryPasswordValidityDays: 7 } },
      LambdaConfig: { PreSignUp: "arn:aws:lambda:us-east-1:123456789012:function:pre", CustomMessage: "arn:aws:lambda:us-east-1:123456789012:function:msg" },
      AutoVerifiedAttributes: ["email"],
      UsernameAttributes: ["email"],
      SmsVerificationMessage: "Your code is {####}",
      EmailVerificationMessage: "Your code is {####}",
      EmailVerificationSubject: "Your code",
      MfaConfiguration: "OFF",
      DeviceConfiguration: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: false },
      EmailConfiguration: { EmailSendingAccount: "COGNITO_DEFAULT" },
      UserPoolTags: { team: "identity", env: "prod" },
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
      Schema: [{ Name: "tenant", AttributeDataType: "String", Mutable: true, StringAttributeConstraints: { MinLength: "1", MaxLength: "64" } }],
      UserPoolAddOns: { AdvancedSecurityMode: "OFF" },
      UsernameConfiguration: { CaseSensitive: false },
      AccountRecoverySetting: { RecoveryMechanisms: [{ Priority: 1, Name: "verified_email" }] },
    };
    const validatePool = idp["validateCreateUserPoolRequest"]!;
    const poolOk = (v: unknown): boolean => (validatePool(v) as { ok: boolean }).ok;
    if (!poolOk(pool) || !ajvPool(pool)) throw new Error(`bench value: CreateUserPoolRequest is not valid: ${JSON.stringify((validatePool(pool) as { errors?: unknown }).errors)}`);
    report("valid CreateUserPoolRequest (corpus)", measure(pool, [
      { name: "generated validate…", run: poolOk },
      { name: "ajv", run: ajvPool },
    ]), [["generated validate…", "ajv", 2]]);
    await sizes(corpus, temp);
  } else {
    console.log(`\n(no corpus at ${corpus}: the CreateUserPoolRequest case and the sizes are skipped)`);
  }
} finally {
  await rm(temp, { recursive: true, force: true });
}
