/**
 * The generated cognito-idp client (the corpus's) against a capture server
 * of our own on 127.0.0.1, for what cognito-local cannot show: error codes
 * from the `x-amzn-errortype` header (and where the body's code wins),
 * `x-amzn-requestid` as `$requestId`, pagination over three pages, the
 * SECRET_HASH made by `secretHash: fromClientSecret(…)` (checked against openssl), a signed
 * operation without a signer, and response validation (on by default;
 * lenient on lengths and enums, strict on types and required members).
 *
 * The error answers go to the AWS SDK v3 too (same server, same bytes), and
 * its `name`, `$fault`, status and request id must be ours.
 *
 * Needs ../shared (SHARED_DIR); not in `npm test`:
 * `npx vitest run --config vitest.shared.config.ts test/shared/e2e-capture.test.ts`.
 */
import { execFileSync } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { CognitoIdentityProviderClient, InitiateAuthCommand } from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { generate } from "../../generator/index.js";
import { writeOutput } from "../../generator/write.js";
import type { FetchLike, Signer } from "../../templates/runtime/send.js";
import { SHARED_DIR } from "./paths.js";

/** What the capture server received. */
interface Captured {
  readonly operation: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Record<string, unknown>;
}

/** What it answers. */
interface Reply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body: string;
}

// the generated client, imported at run time from the temporary folder (its types are checked in the other suites)
type Module = Readonly<Record<string, any>>;
let C: Module;
let out: string;
let server: Server;
let endpoint: string;
let captured: Captured[] = [];
let answer: (request: Captured) => Reply = () => ({ status: 200, body: "{}" });

const json = (status: number, body: unknown, headers?: Record<string, string>): Reply => ({ status, body: JSON.stringify(body), ...(headers && { headers }) });

beforeAll(async () => {
  const result = await generate({ schemas: path.join(SHARED_DIR, "corpus/cognito-idp/json-schema") });
  out = await mkdtemp(path.join(tmpdir(), "cognito-codegen-capture-"));
  await writeOutput(out, result.files);
  await writeFile(path.join(out, "package.json"), '{ "type": "module" }\n');
  C = (await import(pathToFileURL(path.join(out, "cognito-idp/client.ts")).href)) as Module;

  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const request: Captured = { operation: String(req.headers["x-amz-target"] ?? "").split(".")[1] ?? "", headers: req.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
      captured.push(request);
      const reply = answer(request);
      res.writeHead(reply.status, { "content-type": "application/x-amz-json-1.1", ...reply.headers });
      res.end(reply.body);
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  if (server) {
    server.closeAllConnections();
    server.close();
  }
  if (out) await rm(out, { recursive: true, force: true });
});

beforeEach(() => {
  captured = [];
  answer = () => ({ status: 200, body: "{}" });
});

/** The rejection of a promise (it must reject). */
async function rejection(p: Promise<unknown>): Promise<any> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error("expected a rejection");
}

describe("error answers: the code from the body or the x-amzn-errortype header, the request id", () => {
  const REQUEST_ID = "6f1d5bc4-1c6a-4a1b-9f8e-0d4b1f2c3a4b";
  const input = { ClientId: "client1", AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: "alice", PASSWORD: "Secret-pass-1" } };
  const cases: readonly { readonly what: string; readonly reply: Reply; readonly name: string; readonly guard: string | undefined; readonly fault: "client" | "server" }[] = [
    {
      what: "header only, with the URL Cognito appends after a colon",
      reply: json(400, { message: "User does not exist." }, { "x-amzn-errortype": "UserNotFoundException:http://internal.amazon.com/coral/com.amazonaws.cognito.identity.idp.model/" }),
      name: "UserNotFoundException",
      guard: "isUserNotFoundException",
      fault: "client",
    },
    {
      what: "header only, with a namespace before a #",
      reply: json(400, { message: "Incorrect username or password." }, { "x-amzn-errortype": "com.amazonaws.cognito.identity.idp.model#NotAuthorizedException" }),
      name: "NotAuthorizedException",
      guard: "isNotAuthorizedException",
      fault: "client",
    },
    {
      what: "the body's __type wins over the header",
      reply: json(400, { __type: "com.amazonaws.cognito.identity.idp.model#TooManyRequestsException", message: "Rate exceeded" }, { "x-amzn-errortype": "InternalErrorException" }),
      name: "TooManyRequestsException",
      guard: "isTooManyRequestsException",
      fault: "client",
    },
    {
      what: "the body's code (any case of the key) wins over the header",
      reply: json(400, { Code: "UserNotConfirmedException", Message: "User is not confirmed." }, { "x-amzn-errortype": "InternalErrorException" }),
      name: "UserNotConfirmedException",
      guard: "isUserNotConfirmedException",
      fault: "client",
    },
    {
      what: "header only, a server error",
      reply: json(500, {}, { "x-amzn-errortype": "InternalErrorException:" }),
      name: "InternalErrorException",
      guard: "isInternalErrorException",
      fault: "server",
    },
    {
      what: "header only, a code the operation does not list",
      reply: json(400, { message: "Unknown operation" }, { "x-amzn-errortype": "UnknownOperationException" }),
      name: "UnknownOperationException",
      guard: undefined,
      fault: "client",
    },
    {
      what: "no code anywhere",
      reply: json(400, { message: "?" }),
      name: "Unknown",
      guard: undefined,
      fault: "client",
    },
  ];

  let sdk: CognitoIdentityProviderClient;
  beforeAll(() => {
    sdk = new CognitoIdentityProviderClient({ region: "us-east-1", endpoint, maxAttempts: 1, credentials: { accessKeyId: "AKID", secretAccessKey: "secret" } });
  });
  afterAll(() => sdk?.destroy());

  for (const c of cases) {
    it(`${c.what}: ${c.name}, as the AWS SDK names it`, async () => {
      answer = () => ({ ...c.reply, headers: { ...c.reply.headers, "x-amzn-requestid": REQUEST_ID } });
      const e = await rejection(C["sendInitiateAuth"](input, { endpoint }));
      expect(e).toBeInstanceOf(C["ServiceException"]);
      expect(e.name).toBe(c.name);
      expect(e.$status).toBe(c.reply.status);
      expect(e.$fault).toBe(c.fault);
      expect(e.$requestId).toBe(REQUEST_ID);
      expect(e.$body).toEqual(JSON.parse(c.reply.body));
      // only the one guard says yes (none for a code the operation does not list)
      const guards = Object.keys(C).filter((k) => /^is\w+Exception$/.test(k) && k !== "isServiceException" && C[k](e));
      expect(guards).toEqual(c.guard ? [c.guard] : []);

      const theirs = await rejection(sdk.send(new InitiateAuthCommand(input as never)));
      expect({ name: theirs.name, fault: theirs.$fault, status: theirs.$metadata?.httpStatusCode, requestId: theirs.$metadata?.requestId }).toEqual({
        name: e.name,
        fault: e.$fault,
        status: e.$status,
        requestId: e.$requestId,
      });
    });
  }

  it("a body that is not JSON (a proxy's page): the header's code, no body", async () => {
    answer = () => ({ status: 503, headers: { "content-type": "text/html", "x-amzn-errortype": "InternalErrorException", "x-amzn-requestid": REQUEST_ID }, body: "<html>Service Unavailable</html>" });
    const e = await rejection(C["sendInitiateAuth"](input, { endpoint }));
    expect(C["isInternalErrorException"](e)).toBe(true);
    expect({ name: e.name, status: e.$status, fault: e.$fault, requestId: e.$requestId, body: e.$body, message: e.message }).toEqual({
      name: "InternalErrorException",
      status: 503,
      fault: "server",
      requestId: REQUEST_ID,
      body: undefined,
      message: "InternalErrorException",
    });
  });

  it("the request id from x-amz-request-id when x-amzn-requestid is absent; none when neither is sent", async () => {
    answer = () => json(400, { __type: "NotAuthorizedException" }, { "x-amz-request-id": "other-header-id" });
    expect((await rejection(C["sendInitiateAuth"](input, { endpoint }))).$requestId).toBe("other-header-id");
    answer = () => json(400, { __type: "NotAuthorizedException" });
    expect((await rejection(C["sendInitiateAuth"](input, { endpoint }))).$requestId).toBeUndefined();
  });
});

describe("pagination", () => {
  /** A signer that only marks the request: the capture server checks nothing. */
  const stubSigner: Signer = (request) => ({ ...request, headers: { ...request.headers, authorization: "stub" } });
  const user = (name: string, created: number) => ({ Username: name, Attributes: [{ Name: "sub", Value: `sub-${name}` }], UserCreateDate: created, Enabled: true, UserStatus: "CONFIRMED" });
  const PAGES: Readonly<Record<string, { readonly users: unknown[]; readonly next?: string }>> = {
    "": { users: [user("u1", 1.700000000123e9), user("u2", 1700000001)], next: "token-2" },
    "token-2": { users: [user("u3", 1700000002.5)], next: "token-3" },
    "token-3": { users: [user("u4", 1700000003)] },
  };

  it("paginateListUsers: three pages, each asked with the token of the one before; the input is not changed", async () => {
    answer = (request) => {
      const page = PAGES[String(request.body["PaginationToken"] ?? "")];
      return page ? json(200, { Users: page.users, ...(page.next && { PaginationToken: page.next }) }) : json(400, { __type: "InvalidParameterException" });
    };
    const input = { UserPoolId: "us-east-1_abcdefghi", Limit: 2, AttributesToGet: ["sub"] };
    const snapshot = structuredClone(input);
    const pages: any[] = [];
    for await (const page of C["paginateListUsers"](input, { endpoint, signer: stubSigner })) pages.push(page);

    expect(pages.map((p) => p.Users.map((u: { Username: string }) => u.Username))).toEqual([["u1", "u2"], ["u3"], ["u4"]]);
    expect(pages.map((p) => p.PaginationToken)).toEqual(["token-2", "token-3", undefined]);
    // each page decoded: epoch seconds (fractional too) → Date
    expect(pages.flatMap((p) => p.Users.map((u: { UserCreateDate: Date }) => u.UserCreateDate.toISOString()))).toEqual([
      "2023-11-14T22:13:20.123Z",
      "2023-11-14T22:13:21.000Z",
      "2023-11-14T22:13:22.500Z",
      "2023-11-14T22:13:23.000Z",
    ]);
    expect(captured.map((r) => r.body)).toEqual([
      { UserPoolId: "us-east-1_abcdefghi", AttributesToGet: ["sub"], Limit: 2 },
      { UserPoolId: "us-east-1_abcdefghi", AttributesToGet: ["sub"], Limit: 2, PaginationToken: "token-2" },
      { UserPoolId: "us-east-1_abcdefghi", AttributesToGet: ["sub"], Limit: 2, PaginationToken: "token-3" },
    ]);
    expect(captured.map((r) => r.headers["authorization"])).toEqual(["stub", "stub", "stub"]);
    expect(input).toEqual(snapshot);
  });

  it("a token that comes back unchanged stops the iteration with an error, after the page that carried it", async () => {
    answer = () => json(200, { Users: [], PaginationToken: "same" });
    const pages: unknown[] = [];
    const e = await rejection(
      (async () => {
        for await (const page of C["paginateListUsers"]({ UserPoolId: "us-east-1_abcdefghi" }, { endpoint, signer: stubSigner })) pages.push(page);
      })(),
    );
    expect(e.message).toMatch(/same PaginationToken/);
    expect(pages).toHaveLength(2);
    expect(captured.map((r) => r.body["PaginationToken"])).toEqual([undefined, "same"]);
  });
});

describe("SECRET_HASH from the client secret (secretHash: fromClientSecret(secret))", () => {
  const CLIENT_ID = "5ug9p3sn0ptaf1f6pe2s6n1q6t";
  const CLIENT_SECRET = "1abcdefghijklmnopqrstuvwxyz234567890ABCDEFGHIJKLMNOP";

  /**
   * Base64(HMAC-SHA256(client secret, user name + client id)), by openssl:
   * `printf %s "<user><client id>" | openssl dgst -sha256 -hmac "<secret>" -binary | base64`.
   */
  function openssl(username: string): string {
    const mac = execFileSync("openssl", ["dgst", "-sha256", "-hmac", CLIENT_SECRET, "-binary"], { input: Buffer.from(username + CLIENT_ID, "utf8") });
    return mac.toString("base64");
  }

  it("the openssl command gives the value recorded with it in a shell", () => {
    // printf %s "alice5ug9p3sn0ptaf1f6pe2s6n1q6t" | openssl dgst -sha256 -hmac "1abcdefghijklmnopqrstuvwxyz234567890ABCDEFGHIJKLMNOP" -binary | base64
    expect(openssl("alice")).toBe("bZNmTSUZKB0JA4Dp65RFT6bRl7spyXmNuDNRcxogH/8=");
  });

  for (const username of ["alice", "zoë@example.com"]) {
    it(`SignUp: SecretHash for ${JSON.stringify(username)}; the input is not changed`, async () => {
      answer = () => json(200, { UserConfirmed: false, UserSub: "0e9c7f4a-0000-4000-8000-000000000000" });
      const input = { ClientId: CLIENT_ID, Username: username, Password: "Secret-pass-1" };
      await C["sendSignUp"](input, { endpoint, secretHash: C["fromClientSecret"](CLIENT_SECRET) });
      expect(captured[0]!.body).toEqual({ ClientId: CLIENT_ID, Username: username, Password: "Secret-pass-1", SecretHash: openssl(username) });
      expect(input).not.toHaveProperty("SecretHash");
    });

    it(`InitiateAuth: AuthParameters.SECRET_HASH for ${JSON.stringify(username)}`, async () => {
      answer = () => json(200, { ChallengeParameters: {} });
      const input = { ClientId: CLIENT_ID, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: username, PASSWORD: "Secret-pass-1" } };
      await C["sendInitiateAuth"](input, { endpoint, secretHash: C["fromClientSecret"](CLIENT_SECRET) });
      expect(captured[0]!.body["AuthParameters"]).toEqual({ USERNAME: username, PASSWORD: "Secret-pass-1", SECRET_HASH: openssl(username) });
      expect(input.AuthParameters).not.toHaveProperty("SECRET_HASH");
    });
  }

  it("RespondToAuthChallenge: ChallengeResponses.SECRET_HASH, from its USERNAME; the builder's send() fills it too", async () => {
    answer = () => json(200, {});
    await C["sendRespondToAuthChallenge"](
      { ClientId: CLIENT_ID, ChallengeName: "NEW_PASSWORD_REQUIRED", Session: "s".repeat(20), ChallengeResponses: { USERNAME: "alice", NEW_PASSWORD: "New-pass-12" } },
      { endpoint, secretHash: C["fromClientSecret"](CLIENT_SECRET) },
    );
    expect((captured[0]!.body["ChallengeResponses"] as Record<string, string>)["SECRET_HASH"]).toBe(openssl("alice"));

    const B = (await import(pathToFileURL(path.join(out, "cognito-idp/builders.ts")).href)) as Module;
    answer = () => json(200, { UserConfirmed: true, UserSub: "0e9c7f4a-0000-4000-8000-000000000000" });
    await B["signUp"]().clientId(CLIENT_ID).username("bob").password("Secret-pass-1").send({ endpoint, secretHash: C["fromClientSecret"](CLIENT_SECRET) });
    expect(captured[1]!.body["SecretHash"]).toBe(openssl("bob"));
  });
});

describe("a signed operation without a signer", () => {
  it("fails with ClientFailure reason 'unsigned', and nothing is sent", async () => {
    const calls: string[] = [];
    const fetch: FetchLike = (url, init) => {
      calls.push(url);
      return globalThis.fetch(url, init);
    };
    for (const [send, input] of [
      ["sendAdminCreateUser", { UserPoolId: "us-east-1_abcdefghi", Username: "bob" }],
      ["sendListUsers", { UserPoolId: "us-east-1_abcdefghi" }],
      ["sendCreateUserPool", { PoolName: "p" }],
    ] as const) {
      const e = await rejection(C[send](input, { endpoint, fetch }));
      expect(e).toBeInstanceOf(C["ClientFailure"]);
      expect(e).not.toBeInstanceOf(C["ServiceException"]);
      expect({ name: e.name, reason: e.reason, operation: e.operation }).toEqual({ name: "ClientFailure", reason: "unsigned", operation: send.slice("send".length) });
      expect(e.message).toMatch(/needs a `signer`/);
    }
    expect(calls).toEqual([]);
    expect(captured).toEqual([]);
  });

  it("an unsigned operation goes out without one (and without an Authorization header)", async () => {
    answer = () => json(200, { UserConfirmed: false, UserSub: "0e9c7f4a-0000-4000-8000-000000000000" });
    await C["sendSignUp"]({ ClientId: "client1", Username: "alice", Password: "Secret-pass-1" }, { endpoint });
    expect(captured.map((r) => [r.operation, r.headers["authorization"]])).toEqual([["SignUp", undefined]]);
  });
});

describe("responses: validated by default, lenient on lengths and enums, strict on types and required members", () => {
  const input = { ClientId: "client1", Username: "alice", Password: "Secret-pass-1" };

  it("a required member missing, or of another type: ClientFailure 'invalid-response' with the errors", async () => {
    answer = () => json(200, { UserConfirmed: false });
    const missing = await rejection(C["sendSignUp"](input, { endpoint }));
    expect({ name: missing.name, reason: missing.reason }).toEqual({ name: "ClientFailure", reason: "invalid-response" });
    expect(missing.errors).toEqual([expect.objectContaining({ keyword: "required", params: { missingProperty: "UserSub" } })]);

    answer = () => json(200, { UserConfirmed: "no", UserSub: "x" });
    const wrongType = await rejection(C["sendSignUp"](input, { endpoint }));
    expect(wrongType.reason).toBe("invalid-response");
    expect(wrongType.errors).toEqual([expect.objectContaining({ instancePath: "/UserConfirmed", keyword: "type" })]);

    // validate: false hands the body over as it is
    expect(await C["sendSignUp"](input, { endpoint, validate: false })).toEqual({ UserConfirmed: "no", UserSub: "x" });
  });

  it("an enum value newer than the schemas, an attribute name over the request-side limit: accepted", async () => {
    answer = () => json(200, { ChallengeName: "EMAIL_OTP", Session: "s", ChallengeParameters: {} });
    expect((await C["sendInitiateAuth"]({ ClientId: "c", AuthFlow: "USER_PASSWORD_AUTH" }, { endpoint })).ChallengeName).toBe("EMAIL_OTP");

    const longName = "custom:" + "a".repeat(40);
    answer = () => json(200, { Username: "alice", UserAttributes: [{ Name: longName, Value: "v" }] });
    const user = await C["sendGetUser"]({ AccessToken: "token" }, { endpoint });
    expect(user.UserAttributes[0].Name).toBe(longName);
  });

  it("an empty 200 body where the output has required members: ClientFailure 'empty-body'", async () => {
    answer = () => ({ status: 200, body: "" });
    expect((await rejection(C["sendSignUp"](input, { endpoint }))).reason).toBe("empty-body");
  });
});
