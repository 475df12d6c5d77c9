/**
 * Type-level parity with the AWS SDK v3, the response side: for every
 * corpus service with an SDK client (sdk-services.ts) and every operation, what the SDK's `<Op>CommandOutput` says a response holds is
 * assignable to our client's `<Op>Output` (client.ts: decoded, timestamps as
 * `Date`), once the SDK's two conventions that say nothing about the wire
 * are taken off: `$metadata`, and `| undefined` on every member at every
 * depth (`Defined<T>` below; optional members stay optional).
 *
 * So a program written against the SDK's outputs reads ours the same way,
 * and what the SDK can hand over, our output type can hold. The exceptions
 * are listed, with their causes, in EXPECTED_FAILURES.
 *
 * A program is written next to the generated output (in a temporary folder)
 * and compiled with the strict options of test/strict-program.ts; the SDK is
 * mapped through `paths`, as in sdk-types.test.ts.
 *
 * Needs ../shared (SHARED_DIR): `npx vitest run --config vitest.shared.config.ts test/shared/sdk-output-types.test.ts`.
 */
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { declarationMap, objectOf, type Operation, type Service } from "../../generator/ir.js";
import { STRICT_OPTIONS, typeCheck } from "../strict-program.js";
import { generatedService, reachesTimestamp, sdkServices, sdkTypesPath, type SdkService } from "./sdk-services.js";

interface ExpectedFailure {
  readonly operations: readonly string[];
  readonly reason: string;
  /** What TypeScript says first of each failing operation. */
  readonly diagnostic: RegExp;
  readonly repair: string;
}

/**
 * Per service, the operations whose SDK output is not assignable to our output, and why (none for a
 * service not listed). TypeScript names only the first incompatibility of each; so each cause also
 * comes with `repair`, a type that undoes it on the SDK's side (a conditional type over a structure
 * `T`, already `Defined`), and the test checks that with every repair applied nothing fails: the list
 * is the whole story, not its first lines.
 */
const EXPECTED_FAILURES: Readonly<Record<string, readonly ExpectedFailure[]>> = {
  "cognito-idp": [
    {
      operations: ["CreateUserPool", "DescribeUserPool", "GetUserPoolMfaConfig", "SetUserPoolMfaConfig"],
      reason:
        "model drift: SmsConfigurationType.SnsCallerArn is required in the corpus and optional in the SDK's newer model " +
        "(which added EumsSms, another way to send SMS); UserPoolType.SmsConfiguration and SmsMfaConfigType.SmsConfiguration reach it",
      diagnostic: /Property 'SnsCallerArn' is optional in type .* but required in type 'SmsConfigurationType'/,
      repair: `"SnsCallerArn" extends keyof T ? Omit<T, "SnsCallerArn"> & { SnsCallerArn: string } : T`,
    },
  ],
};

/** The repairs of every service (each applies only where its cause is). */
const ALL_EXPECTED_FAILURES = Object.values(EXPECTED_FAILURES).flat();

/** `T` with `| undefined` taken off every member at every depth; optional members stay optional. */
const DEFINED = `type Defined<T> = T extends Date | string | number | boolean | Uint8Array
  ? T
  : T extends readonly (infer U)[]
    ? Defined<U>[]
    : { [K in keyof T]: Defined<Exclude<T[K], undefined>> };`;

/** `Defined`, with the causes of the expected failures undone in every structure. */
const REPAIRED = `type Repaired<T> = T extends Date | string | number | boolean | Uint8Array
  ? T
  : T extends readonly (infer U)[]
    ? Repaired<U>[]
    : Repair<{ [K in keyof T]: Repaired<Exclude<T[K], undefined>> }>;
${ALL_EXPECTED_FAILURES.map((f, i) => `type Repair${i}<T> = ${f.repair};`).join("\n")}
type Repair<T> = ${ALL_EXPECTED_FAILURES.reduce((t, _, i) => `Repair${i}<${t}>`, "T")};`;

/** Where our side of an operation's check is: a module of the output and a type in it. */
type OurTypes = (op: Operation) => readonly [module: string, type: string];

describe.each(sdkServices())("$id: the AWS SDK v3's command outputs against our client's outputs", (sdk: SdkService) => {
  const expected = EXPECTED_FAILURES[sdk.id] ?? [];
  let out: string;
  let service: Service;
  /** Each operation's output type in client.ts. */
  let outputNames: Map<string, string>;
  const clientOutputs: OurTypes = (op) => ["client", outputNames.get(op.name)!];

  beforeAll(async () => {
    ({ out, service } = await generatedService(sdk, "cognito-codegen-sdk-output-types-"));
    const client = await readFile(path.join(out, sdk.id, "client.ts"), "utf8");
    outputNames = new Map([...client.matchAll(/\/\*\* What (\w+) returns(?: \(nothing\))?\. \*\/\s*export type (\w+) =/g)].map((m) => [m[1]!, m[2]!]));
  });
  afterAll(async () => {
    if (out) await rm(out, { recursive: true, force: true });
  });

  it("client.ts names an output type for every operation", () => {
    expect(service.operations.length).toBeGreaterThan(0);
    expect([...outputNames.keys()].sort()).toEqual(service.operations.map((op) => op.name).sort());
  });

  /** Compiles `<Op>CommandOutput` through `mapping` against our `<Op>Output`, for every operation: the failing operations and their diagnostics. */
  async function failures(name: string, mapping: string, preamble: string, ours: OurTypes = clientOutputs): Promise<Map<string, string[]>> {
    const lines: string[] = [preamble];
    for (const op of service.operations) {
      const theirs = `${op.name}CommandOutput`;
      const [module, type] = ours(op);
      lines.push(
        `import type { ${theirs} } from ${JSON.stringify(sdk.package)};`,
        `import type { ${type} as Our${op.name} } from "./${sdk.id}/${module}.js";`,
        `export const _${op.name} = (x: ${mapping}<Omit<${theirs}, "$metadata">>): Our${op.name} => x;`,
      );
    }
    const file = path.join(out, `${name}.ts`);
    await writeFile(file, lines.join("\n") + "\n");
    const diagnostics = typeCheck([file], { ...STRICT_OPTIONS, skipLibCheck: true, paths: sdkTypesPath(sdk) });

    // each diagnostic names its line, and the line its operation
    const failing = new Map<string, string[]>();
    const stray: string[] = [];
    for (const d of diagnostics) {
      const op = new RegExp(`^${name}\\.ts:\\d+ export const _(\\w+) =`).exec(d)?.[1];
      if (op) failing.set(op, [...(failing.get(op) ?? []), d]);
      else stray.push(d);
    }
    expect(stray).toEqual([]);
    return failing;
  }

  it("every <Op>CommandOutput (no $metadata, no `| undefined`) is assignable to our <Op>Output, but for the expected failures", async () => {
    const failing = await failures("sdk-output-assignability", "Defined", DEFINED);
    expect([...failing.keys()].sort()).toEqual(expected.flatMap((f) => f.operations).sort());
    // each for the reason given: the first incompatibility TypeScript names is the listed one
    for (const [op, diagnostics] of failing) expect(diagnostics.join("\n"), op).toMatch(expected.find((f) => f.operations.includes(op))!.diagnostic);
  });

  it("with the causes of the expected failures undone, every operation passes: the list is complete", async () => {
    const failing = await failures("sdk-output-repaired", "Repaired", REPAIRED);
    expect(Object.fromEntries(failing)).toEqual({});
  });

  describe("controls: the check has teeth", () => {
    it("the SDK's outputs as they are (`| undefined` on every member) fail for every operation whose output has a member", async () => {
      const decls = declarationMap(service);
      const failing = await failures("sdk-output-raw", "Raw", "type Raw<T> = T;");
      const withMembers = service.operations.filter((op) => op.response && (objectOf(decls.get(op.response)!.node, (id) => decls.get(id)?.node)?.properties.length ?? 0) > 0);
      expect(withMembers.length).toBeGreaterThan(0);
      expect([...failing.keys()].sort()).toEqual(withMembers.map((op) => op.name).sort());
    });

    it("against the wire types (types.ts: timestamps as epoch seconds), exactly the operations whose outputs carry timestamps fail", async () => {
      const decls = declarationMap(service);
      const wire: OurTypes = (op) => (op.response ? ["types", decls.get(op.response)!.names.type] : ["client", outputNames.get(op.name)!]);
      const failing = await failures("sdk-output-wire", "Repaired", REPAIRED, wire);
      const withTimestamps = service.operations.filter((op) => op.response && reachesTimestamp(decls.get(op.response)!.node, decls));
      expect(withTimestamps.length).toBeGreaterThan(0);
      expect([...failing.keys()].sort()).toEqual(withTimestamps.map((op) => op.name).sort());
      for (const [op, diagnostics] of failing) expect(diagnostics.join("\n"), op).toMatch(/Type 'Date' is not assignable to type 'number'/);
    });
  });
});
