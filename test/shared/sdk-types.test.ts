/**
 * Type-level parity with the AWS SDK v3, for every corpus service with an SDK
 * client (sdk-services.ts): every request type we generate is
 * assignable to the SDK's `<Op>CommandInput`, so a request built and validated
 * here can be handed to `client.send(new <Op>Command(request))`. The known
 * exceptions are listed, with their reasons, in EXPECTED_FAILURES.
 *
 * The other direction fails by design (for all 101 operations of cognito-idp), and is not
 * tested: the SDK types every member as `T | undefined`, required ones
 * included (it validates nothing on the client), and an optional `T |
 * undefined` is not an optional `T` under exactOptionalPropertyTypes; it also
 * has members optional that the corpus requires (SignUp.Password,
 * ChangePassword.PreviousPassword). Our types say what a valid request is.
 *
 * A program is written at test time next to the generated output (in the
 * temporary folder) and compiled with the strict options of
 * test/strict-program.ts; the SDK package is mapped through `paths`, since
 * the temporary folder has no node_modules above it.
 *
 * Needs ../shared (SHARED_DIR), like the other suites of vitest.shared.config.ts:
 * `npx vitest run --config vitest.shared.config.ts test/shared/sdk-types.test.ts`.
 */
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { declarationMap, type Service } from "../../generator/ir.js";
import { STRICT_OPTIONS, typeCheck } from "../strict-program.js";
import { generatedService, reachesTimestamp, sdkServices, sdkTypesPath, type SdkService } from "./sdk-services.js";

/** Per service, the operations whose request type is not assignable to the SDK's input, and why (none for a service not listed). */
const EXPECTED_FAILURES: Readonly<Record<string, readonly { readonly operation: string; readonly reason: string }[]>> = {
  "cognito-idp": [
    {
      operation: "SetUICustomization",
      reason: "ImageFile is a blob: the SDK takes the bytes (Uint8Array) and base64-encodes them; ours is the base64 text (the corpus's ImageFileType is a string)",
    },
  ],
};

/**
 * Operations whose requests carry a timestamp (a number of epoch seconds here,
 * a Date in the SDK): none in the corpus services, whose timestamps are all in
 * responses. One that appears would fail to assign and belongs in
 * EXPECTED_FAILURES too.
 */
const TIMESTAMP_REQUESTS: readonly string[] = [];

describe.each(sdkServices())("$id: request types against the AWS SDK v3's command inputs", (sdk: SdkService) => {
  let out: string;
  let service: Service;

  beforeAll(async () => {
    ({ out, service } = await generatedService(sdk, "cognito-codegen-sdk-types-"));
  });
  afterAll(async () => {
    if (out) await rm(out, { recursive: true, force: true });
  });

  it("every <Op>Request is assignable to the SDK's <Op>CommandInput, but for the expected failures", async () => {
    const decls = declarationMap(service);
    const lines: string[] = [];
    for (const op of service.operations) {
      const ours = decls.get(op.request)!.names.type;
      const theirs = `${op.name}CommandInput`;
      lines.push(
        `import type { ${theirs} } from ${JSON.stringify(sdk.package)};`,
        `import type { ${ours} as Our${op.name} } from "./${sdk.id}/types.js";`,
        `export const _${op.name} = (x: Our${op.name}): ${theirs} => x;`,
      );
    }
    const file = path.join(out, "sdk-assignability.ts");
    await writeFile(file, lines.join("\n") + "\n");
    const diagnostics = typeCheck([file], { ...STRICT_OPTIONS, skipLibCheck: true, paths: sdkTypesPath(sdk) });

    // each diagnostic names its line, and the line its operation
    const failing = new Set<string>();
    const stray: string[] = [];
    for (const d of diagnostics) {
      const op = /^sdk-assignability\.ts:\d+ export const _(\w+) =/.exec(d)?.[1];
      if (op) failing.add(op);
      else stray.push(d);
    }
    expect(stray).toEqual([]);
    expect(service.operations.length).toBeGreaterThan(0);
    expect([...failing].sort()).toEqual((EXPECTED_FAILURES[sdk.id] ?? []).map((f) => f.operation).sort());

    const withTimestamps = service.operations.filter((op) => reachesTimestamp(decls.get(op.request)!.node, decls)).map((op) => op.name);
    expect(withTimestamps).toEqual(TIMESTAMP_REQUESTS);
  });

  it("the check has teeth: an SDK input is not assignable to a request type of ours (every member `| undefined` there)", async () => {
    const decls = declarationMap(service);
    // an operation with a required member: the SDK types it `T | undefined`
    const op = service.operations.find((o) => {
      const node = decls.get(o.request)!.node;
      return node.kind === "object" && node.properties.some((p) => p.required);
    })!;
    const file = path.join(out, "sdk-control.ts");
    await writeFile(
      file,
      `import type { ${op.name}CommandInput } from ${JSON.stringify(sdk.package)};\nimport type { ${decls.get(op.request)!.names.type} as Ours } from "./${sdk.id}/types.js";\nexport const _ = (x: ${op.name}CommandInput): Ours => x;\n`,
    );
    expect(typeCheck([file], { ...STRICT_OPTIONS, skipLibCheck: true, paths: sdkTypesPath(sdk) }).length).toBeGreaterThan(0);
  });
});
