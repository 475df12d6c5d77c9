/**
 * Which operations go unsigned: our table (generator/services.ts,
 * `UNSIGNED_OPERATIONS`) against the AWS SDK v3, for the operations of each
 * corpus service with an SDK client (sdk-services.ts).
 *
 * The SDK is asked twice, and both must agree:
 * - on the wire: every corpus operation is sent through
 *   service's SDK client (for cognito-idp, `@aws-sdk/client-cognito-identity-provider`) with credentials to a capture
 *   server on 127.0.0.1; the unsigned ones are the requests without an
 *   Authorization header (what the SDK really does, whatever its internals);
 * - by its own declaration: the client's resolved `httpAuthSchemeProvider`
 *   (for cognito-idp, `defaultCognitoIdentityProviderHttpAuthSchemeProvider`,
 *   not exported from the package's index) gives "smithy.api#noAuth" as the only option.
 *
 * And the generated client must do as the table says: every operation sent
 * through its `send<Op>` with a signer that records its calls, the signer is
 * called for exactly the signed ones, and the unsigned ones reach the server
 * without an Authorization header.
 *
 * Needs ../shared (SHARED_DIR): `npx vitest run --config vitest.shared.config.ts test/shared/sdk-auth.test.ts`.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { declarationMap, type Service } from "../../generator/ir.js";
import { UNSIGNED_OPERATIONS } from "../../generator/services.js";
import type { Signer } from "../../templates/runtime/send.js";
import { captureServer, generatedService, loadSdk, sdkClient, sdkServices, type SdkModule, type SdkService } from "./sdk-services.js";
import { WireSampler } from "./wire-sampler.js";

/**
 * Per service, the operations the SDK sends unsigned that the corpus does not
 * have (the SDK's model is newer): not in our table, since we generate no
 * client for them. Listed so that an SDK update that adds one shows here.
 */
const UNSIGNED_IN_SDK_ONLY: Readonly<Record<string, readonly string[]>> = {
  "cognito-idp": [
    "CompleteWebAuthnRegistration",
    "DeleteWebAuthnCredential",
    "GetTokensFromRefreshToken",
    "GetUserAuthFactors",
    "ListUserSessions",
    "ListWebAuthnCredentials",
    "RevokeUserSession",
    "StartWebAuthnRegistration",
  ],
};

type SdkCommandClass = new (input: unknown) => unknown;
type Send = (input: unknown, options: object) => Promise<unknown>;

const sorted = (xs: Iterable<string>): string[] => [...xs].sort();

describe.each(sdkServices())("$id: unsigned operations: our table against the AWS SDK v3", (target: SdkService) => {
  let out: string;
  let service: Service;
  let server: Awaited<ReturnType<typeof captureServer>> | undefined;
  let endpoint: string;
  /** Per request received: its operation and its Authorization header. */
  let received: { readonly operation: string; readonly authorization: string | undefined }[] = [];
  /** The generated client module. */
  let ours: Readonly<Record<string, unknown>>;
  let validators: Readonly<Record<string, unknown>>;
  let sdk: SdkModule;

  beforeAll(async () => {
    ({ out, service } = await generatedService(target, "cognito-codegen-sdk-auth-"));
    sdk = await loadSdk(target);
    ours = (await import(pathToFileURL(path.join(out, target.id, "client.ts")).href)) as Readonly<Record<string, unknown>>;
    validators = (await import(pathToFileURL(path.join(out, target.id, "validators.ts")).href)) as Readonly<Record<string, unknown>>;

    server = await captureServer(({ headers }) =>
      received.push({ operation: String(headers["x-amz-target"] ?? "").split(".")[1] ?? "", authorization: headers["authorization"] }),
    );
    endpoint = server.endpoint;
  });

  afterAll(async () => {
    await server?.close();
    if (out) await rm(out, { recursive: true, force: true });
  });

  const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" };
  let onTheWire: string[];

  it("the SDK, on the wire: the corpus operations it sends without an Authorization header (with credentials) are our table", async () => {
    const client = sdkClient(sdk, target, { region: "us-east-1", endpoint, credentials, maxAttempts: 1 });
    received = [];
    try {
      for (const op of service.operations) {
        const Command = sdk[`${op.name}Command`] as SdkCommandClass | undefined;
        expect(Command, op.name).toBeDefined();
        // the SDK checks no input: an empty one is serialized and sent as any other
        await client.send(new Command!({}));
      }
    } finally {
      client.destroy();
    }
    expect(received.map((r) => r.operation)).toEqual(service.operations.map((op) => op.name));
    for (const r of received) if (r.authorization !== undefined) expect(r.authorization, r.operation).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\//);
    onTheWire = sorted(received.filter((r) => r.authorization === undefined).map((r) => r.operation));
    expect(onTheWire.length).toBeGreaterThan(0);
    expect(onTheWire.length).toBeLessThan(service.operations.length);
    expect(onTheWire).toEqual(sorted(UNSIGNED_OPERATIONS.get(target.id)!));
  });

  it("the SDK, by its auth scheme provider: noAuth for the same operations, and for newer ones the corpus lacks", async () => {
    const client = sdkClient(sdk, target, { region: "us-east-1", credentials });
    const provider = (client.config as unknown as { httpAuthSchemeProvider: (p: { operation: string; region: string }) => { schemeId: string }[] }).httpAuthSchemeProvider;
    client.destroy();
    const schemes = (operation: string): string[] => provider({ operation, region: "us-east-1" }).map((o) => o.schemeId);

    const corpus = new Set(service.operations.map((op) => op.name));
    for (const op of corpus) expect([["smithy.api#noAuth"], ["aws.auth#sigv4"]], op).toContainEqual(schemes(op));
    expect(sorted([...corpus].filter((op) => schemes(op)[0] === "smithy.api#noAuth"))).toEqual(onTheWire);

    // every command the SDK has, beyond the corpus
    const all = Object.keys(sdk)
      .filter((k) => k.endsWith("Command") && k !== "Command" && typeof sdk[k] === "function")
      .map((k) => k.slice(0, -"Command".length));
    expect(all.length).toBeGreaterThanOrEqual(corpus.size);
    expect(sorted(all.filter((op) => !corpus.has(op) && schemes(op)[0] === "smithy.api#noAuth"))).toEqual(UNSIGNED_IN_SDK_ONLY[target.id] ?? []);
  });

  it("the generated client does as the table says: the signer is called for the signed operations only, the unsigned go without Authorization", async () => {
    const decls = declarationMap(service);
    const sampler = new WireSampler(service, 7, { validators });
    const signedFor: string[] = [];
    const signer: Signer = (request) => {
      signedFor.push(request.headers["x-amz-target"]!.split(".")[1]!);
      return { ...request, headers: { ...request.headers, authorization: "signed-by-the-test" } };
    };
    received = [];
    for (const op of service.operations) {
      const send = ours[`send${op.name}`] as Send | undefined;
      expect(send, op.name).toBeDefined();
      // a minimal valid input; the answer ({}) is not what the outputs require, so it is not checked
      await send!(sampler.sampleDeclaration(decls.get(op.request)!, "minimal"), { endpoint, signer, validate: false });
    }
    const unsigned = UNSIGNED_OPERATIONS.get(target.id)!;
    expect(sorted(signedFor)).toEqual(sorted(service.operations.map((op) => op.name).filter((op) => !unsigned.has(op))));
    expect(sorted(received.filter((r) => r.authorization === undefined).map((r) => r.operation))).toEqual(sorted(unsigned));
    expect(received.filter((r) => r.authorization !== undefined).every((r) => r.authorization === "signed-by-the-test")).toBe(true);
  });
});
