/**
 * End to end: the generated cognito-idp client (the corpus's) against
 * cognito-local, a Cognito emulator run as a child process on 127.0.0.1.
 *
 * The flow is written as a small TypeScript program of a user of the output
 * (FLOW below, `e2e-flow.ts` beside the generated folder), type-checked under
 * the strict options of test/strict-program.ts, so every call, every member
 * read from a response and every error guard is checked against the
 * generated types; then it is imported and run step by step. Responses are
 * validated by the client (its default, never turned off here) and decoded
 * (epoch seconds → Date).
 *
 * cognito-local checks no signature, so the signed operations go through a
 * real SigV4 signer (@smithy/signature-v4) and a fetch wrapper records what
 * is handed to fetch: the Authorization header on the signed operations, and
 * its absence on the unsigned ones, even with a signer given.
 *
 * What cognito-local answers, where it differs from Cognito:
 * - InitiateAuth of an unknown user: NotAuthorizedException (as Cognito with
 *   PreventUserExistenceErrors; Cognito without it says UserNotFoundException).
 * - ResendConfirmationCode: HTTP 500, `__type` "CognitoLocal#Unsupported",
 *   an error code no operation lists: a ServiceException "Unsupported" that no
 *   generated guard claims (an UnknownServiceException, in the operation's error union).
 * - timestamps are whole seconds (it floors them).
 * - tokens come without ExpiresIn and TokenType (both optional in the model).
 * - its pools take e-mail addresses as user names unless configured
 *   (`UserPoolDefaults.UsernameAttributes`, set to [] here in .cognito/config.json).
 * - its temporary password for AdminCreateUser is CODE too.
 *
 * Needs ../shared (SHARED_DIR) and the dev dependency cognito-local; not in
 * `npm test`: `npx vitest run --config vitest.shared.config.ts test/shared/e2e-cognito-local.test.ts`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, createHmac, type Hash, type Hmac } from "node:crypto";
import { once } from "node:events";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { get } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { pathToFileURL } from "node:url";
import { SignatureV4 } from "@smithy/signature-v4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/index.js";
import { writeOutput } from "../../generator/write.js";
import type { HttpRequest } from "../../templates/runtime/http.js";
import type { FetchLike, Signer } from "../../templates/runtime/send.js";
import { typeCheck } from "../strict-program.js";
import { SHARED_DIR } from "./paths.js";

/** The confirmation code cognito-local gives every user (its `CODE` variable); also its temporary password for AdminCreateUser. */
const CODE = "424242";
const PASSWORD = "Correct-horse-9";
const CREDENTIALS = { accessKeyId: "AKIDE2ETEST", secretAccessKey: "e2e-secret-access-key" };
const REGION = "us-east-1";

/**
 * The program under test, as a user of the output writes it. Each step
 * returns plain data for the assertions; an error step narrows with the
 * generated guard and returns what it caught.
 */
const FLOW = `
import * as C from "./cognito-idp/client.js";
import { createUserPoolClient, initiateAuth, signUp } from "./cognito-idp/index.js";

export interface Caught {
  readonly guard: string;
  readonly name: string;
  readonly status: number;
  readonly fault: "client" | "server";
  readonly message: string;
  readonly body: unknown;
}

function caught(guard: string, e: C.ServiceException): Caught {
  return { guard, name: e.name, status: e.$status, fault: e.$fault, message: e.message, body: e.$body };
}

/** Runs a step that must throw; what else it throws is thrown again. */
async function failing(step: () => Promise<unknown>, pick: (e: unknown) => Caught | undefined): Promise<Caught> {
  try {
    await step();
  } catch (e) {
    const c = pick(e);
    if (c) return c;
    throw e;
  }
  throw new Error("the step succeeded");
}

export async function createPool(o: C.ClientOptions, name: string) {
  const out: C.CreateUserPoolOutput = await C.sendCreateUserPool({ PoolName: name }, o);
  out.UserPool?.CreationDate satisfies Date | undefined;
  out.UserPool?.LastModifiedDate satisfies Date | undefined;
  return { id: out.UserPool?.Id, name: out.UserPool?.Name, created: out.UserPool?.CreationDate, modified: out.UserPool?.LastModifiedDate };
}

export async function createClient(o: C.ClientOptions, poolId: string) {
  const out = await createUserPoolClient()
    .userPoolId(poolId)
    .clientName("e2e")
    .explicitAuthFlows(["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])
    .send(o);
  out satisfies C.CreateUserPoolClientOutput;
  const client = out.UserPoolClient;
  client?.CreationDate satisfies Date | undefined;
  return { id: client?.ClientId, poolId: client?.UserPoolId, flows: client?.ExplicitAuthFlows, created: client?.CreationDate };
}

export async function register(o: C.ClientOptions, clientId: string, username: string, password: string) {
  const out = await signUp().clientId(clientId).username(username).password(password).userAttributes([{ Name: "email", Value: username + "@example.com" }]).send(o);
  out.UserSub satisfies string;
  out.UserConfirmed satisfies boolean;
  return { sub: out.UserSub, confirmed: out.UserConfirmed };
}

export async function confirm(o: C.ClientOptions, clientId: string, username: string, code: string) {
  const out: C.ConfirmSignUpOutput = await C.sendConfirmSignUp({ ClientId: clientId, Username: username, ConfirmationCode: code }, o);
  return out;
}

export async function logIn(o: C.ClientOptions, clientId: string, username: string, password: string) {
  const out = await initiateAuth().clientId(clientId).authFlow("USER_PASSWORD_AUTH").authParameters({ USERNAME: username, PASSWORD: password }).send(o);
  out satisfies C.InitiateAuthOutput;
  const tokens = out.AuthenticationResult;
  tokens?.AccessToken satisfies string | undefined;
  tokens?.ExpiresIn satisfies number | undefined;
  return { challenge: out.ChallengeName, session: out.Session, challengeParameters: out.ChallengeParameters, tokens };
}

export async function refresh(o: C.ClientOptions, clientId: string, refreshToken: string) {
  const out: C.InitiateAuthOutput = await C.sendInitiateAuth({ ClientId: clientId, AuthFlow: "REFRESH_TOKEN_AUTH", AuthParameters: { REFRESH_TOKEN: refreshToken } }, o);
  return { challenge: out.ChallengeName, tokens: out.AuthenticationResult };
}

export async function me(o: C.ClientOptions, accessToken: string) {
  const out: C.GetUserOutput = await C.sendGetUser({ AccessToken: accessToken }, o);
  out.Username satisfies string;
  return { username: out.Username, attributes: Object.fromEntries(out.UserAttributes.map((a) => [a.Name, a.Value])) };
}

export async function adminCreate(o: C.ClientOptions, poolId: string, username: string) {
  const out: C.AdminCreateUserOutput = await C.sendAdminCreateUser({ UserPoolId: poolId, Username: username, MessageAction: "SUPPRESS" }, o);
  const user = out.User;
  user?.UserCreateDate satisfies Date | undefined;
  return { username: user?.Username, status: user?.UserStatus, enabled: user?.Enabled, created: user?.UserCreateDate, modified: user?.UserLastModifiedDate };
}

export function signUpExisting(o: C.ClientOptions, clientId: string, username: string): Promise<Caught> {
  return failing(
    () => C.sendSignUp({ ClientId: clientId, Username: username, Password: "Another-pass-1" }, o),
    (e) => (C.isUsernameExistsException(e) ? caught("isUsernameExistsException", e) : undefined),
  );
}

/** cognito-local answers NotAuthorizedException (Cognito itself: UserNotFoundException, unless PreventUserExistenceErrors). */
export function logInUnknown(o: C.ClientOptions, clientId: string): Promise<Caught> {
  return failing(
    () => C.sendInitiateAuth({ ClientId: clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: "nobody", PASSWORD: "Whatever-1" } }, o),
    (e) => (C.isNotAuthorizedException(e) ? caught("isNotAuthorizedException", e) : C.isUserNotFoundException(e) ? caught("isUserNotFoundException", e) : undefined),
  );
}

export function logInUnconfirmed(o: C.ClientOptions, clientId: string, username: string, password: string): Promise<Caught> {
  return failing(
    () => logIn(o, clientId, username, password),
    (e) => (C.isUserNotConfirmedException(e) ? caught("isUserNotConfirmedException", e) : undefined),
  );
}

/** Not one of ResendConfirmationCode's errors: a service exception no listed guard claims. */
export function resend(o: C.ClientOptions, clientId: string, username: string): Promise<Caught> {
  return failing(
    () => C.sendResendConfirmationCode({ ClientId: clientId, Username: username }, o),
    (e) => {
      if (C.isUserNotFoundException(e) || C.isLimitExceededException(e) || !C.isServiceException(e)) return undefined;
      // an UnknownServiceException is one of what the operation may throw (ResendConfirmationCodeError)
      const unknown: C.UnknownServiceException = e;
      return caught("UnknownServiceException", unknown satisfies C.ResendConfirmationCodeError);
    },
  );
}
`;

/** The flow module as imported at run time (its types were checked in FLOW itself). */
type Flow = Readonly<Record<string, (...args: any[]) => Promise<any>>>;

let out: string;
let work: string;
let server: ChildProcess | undefined;
let serverLog = "";
let endpoint: string;
let flow: Flow;
let startedAt: number;
let flowDiagnostics: string[];

/** A port that was free a moment ago: listen on 0, read it, close. */
async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, "127.0.0.1");
  await once(probe, "listening");
  const address = probe.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  probe.close();
  await once(probe, "close");
  return port;
}

/**
 * GET /health's status, or 0 when nothing answers. With node:http and no
 * agent, not fetch: a kept-alive connection left in fetch's pool would be
 * closed by the server after 5 s idle, and a step could race with that.
 */
function health(port: number): Promise<number> {
  return new Promise((resolve) => {
    const request = get({ host: "127.0.0.1", port, path: "/health", agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on("error", () => resolve(0));
  });
}

/** Starts cognito-local on a free port; once more on another if it exits before answering (the port was taken meanwhile). */
async function startCognitoLocal(attempts = 3): Promise<void> {
  const require = createRequire(import.meta.url);
  const start = path.join(path.dirname(require.resolve("cognito-local/package.json")), "lib/bin/start.js");
  const port = await freePort();
  endpoint = `http://127.0.0.1:${port}`;
  serverLog = "";
  // its state (.cognito/) goes in its working directory
  const child = spawn(process.execPath, [start], {
    cwd: work,
    env: { PATH: process.env["PATH"] ?? "", HOST: "127.0.0.1", PORT: String(port), CODE },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server = child;
  child.stdout!.on("data", (b: Buffer) => (serverLog += b.toString()));
  child.stderr!.on("data", (b: Buffer) => (serverLog += b.toString()));
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      if (attempts > 1) return startCognitoLocal(attempts - 1);
      throw new Error(`cognito-local exited (${child.exitCode}):\n${serverLog}`);
    }
    if ((await health(port)) === 200) return;
    await sleep(100);
  }
  throw new Error(`cognito-local did not answer GET /health within 15 s:\n${serverLog}`);
}

async function stopCognitoLocal(): Promise<void> {
  const child = server;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

/** SHA-256 and HMAC-SHA256 for the signer, from node:crypto (the SDK's own is a transitive package). */
type SourceData = string | ArrayBuffer | ArrayBufferView;
const bytes = (data: SourceData): Buffer =>
  typeof data === "string" ? Buffer.from(data, "utf8") : ArrayBuffer.isView(data) ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : Buffer.from(data);
class NodeSha256 {
  private hash: Hash | Hmac;
  constructor(private readonly secret?: SourceData) {
    this.hash = this.fresh();
  }
  private fresh(): Hash | Hmac {
    return this.secret === undefined ? createHash("sha256") : createHmac("sha256", bytes(this.secret));
  }
  update(data: SourceData): void {
    this.hash.update(bytes(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
  reset(): void {
    this.hash = this.fresh();
  }
}

const sigv4 = new SignatureV4({ service: "cognito-idp", region: REGION, credentials: CREDENTIALS, sha256: NodeSha256 });

/** The request in @smithy's shape. */
function smithyRequest(request: { readonly method: string; readonly url: string; readonly headers: Readonly<Record<string, string>>; readonly body: string }) {
  const url = new URL(request.url);
  return {
    method: request.method,
    protocol: url.protocol,
    hostname: url.hostname,
    ...(url.port && { port: Number(url.port) }),
    path: url.pathname,
    query: {},
    headers: { ...request.headers, host: url.host },
    body: request.body,
  };
}

/** The signer hook: @smithy/signature-v4 behind a few lines. */
const signer: Signer = async (request: HttpRequest): Promise<HttpRequest> => {
  const signed = await sigv4.sign(smithyRequest(request));
  // fetch sets Host from the URL itself (the same value that was signed)
  const { host: _host, ...headers } = signed.headers;
  return { ...request, headers };
};

/** Every request handed to fetch: its operation and headers. */
interface Sent {
  readonly operation: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}
const sent: Sent[] = [];
const recordingFetch: FetchLike = (url, init) => {
  sent.push({ operation: (init.headers["x-amz-target"] ?? "").split(".")[1] ?? "", url, headers: init.headers, body: init.body });
  return fetch(url, init);
};

/** What the steps take: the endpoint, the signer, the recording fetch; validation left at its default (on). */
const options = () => ({ endpoint, signer, fetch: recordingFetch });

/** The requests of an operation sent since a mark. */
const sentSince = (mark: number, operation: string): Sent[] => sent.slice(mark).filter((s) => s.operation === operation);

beforeAll(async () => {
  const result = await generate({ schemas: path.join(SHARED_DIR, "corpus/cognito-idp/json-schema") });
  out = await mkdtemp(path.join(tmpdir(), "cognito-codegen-e2e-"));
  work = path.join(out, "cognito-local");
  await writeOutput(out, result.files);
  await writeFile(path.join(out, "package.json"), '{ "type": "module" }\n');
  await writeFile(path.join(out, "e2e-flow.ts"), FLOW);
  // its pools default to e-mail addresses as user names; plain user names here
  await mkdir(path.join(work, ".cognito"), { recursive: true });
  await writeFile(path.join(work, ".cognito/config.json"), JSON.stringify({ UserPoolDefaults: { UsernameAttributes: [] } }));
  // type-checked before cognito-local starts: the check blocks the event loop for seconds
  flowDiagnostics = typeCheck([path.join(out, "e2e-flow.ts")]);
  startedAt = Math.floor(Date.now() / 1000) * 1000;
  await startCognitoLocal();
  flow = (await import(pathToFileURL(path.join(out, "e2e-flow.ts")).href)) as Flow;
});

afterAll(async () => {
  await stopCognitoLocal();
  if (out) await rm(out, { recursive: true, force: true });
});

const JWT = /^[\w-]+\.[\w-]+\.[\w-]+$/;

/** A time cognito-local stamped during this run (it keeps whole seconds). */
function expectRecent(date: unknown): void {
  expect(date).toBeInstanceOf(Date);
  const t = (date as Date).getTime();
  expect(t % 1000).toBe(0);
  expect(t).toBeGreaterThanOrEqual(startedAt);
  expect(t).toBeLessThanOrEqual(Date.now());
}

describe("the generated client against cognito-local", () => {
  const username = "alice";
  let poolId: string;
  let clientId: string;
  let refreshToken: string;
  let sub: string;

  it("the flow type-checks against the generated client under the strictest options", () => {
    expect(flowDiagnostics).toEqual([]);
  });

  it("CreateUserPool and CreateUserPoolClient: signed, and the signature is handed to fetch", async () => {
    const mark = sent.length;
    const pool = await flow["createPool"]!(options(), "e2e-pool");
    expect(pool).toMatchObject({ name: "e2e-pool", id: expect.stringMatching(/^local_\w+$/) });
    expectRecent(pool.created);
    expectRecent(pool.modified);
    poolId = pool.id;

    const client = await flow["createClient"]!(options(), poolId);
    expect(client).toMatchObject({ poolId, flows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] });
    expectRecent(client.created);
    clientId = client.id;

    for (const op of ["CreateUserPool", "CreateUserPoolClient"]) {
      const [request] = sentSince(mark, op);
      expect(request, op).toBeDefined();
      const { authorization, "x-amz-date": date } = request!.headers;
      expect(authorization).toMatch(
        new RegExp(`^AWS4-HMAC-SHA256 Credential=${CREDENTIALS.accessKeyId}/\\d{8}/${REGION}/cognito-idp/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-target, Signature=[0-9a-f]{64}$`),
      );
      // the signature is over what fetch was given: signing it again at the same time gives the same header
      const unsigned = Object.fromEntries(Object.entries(request!.headers).filter(([k]) => !["authorization", "x-amz-date", "x-amz-content-sha256"].includes(k)));
      const signingDate = new Date(date!.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, "$1-$2-$3T$4:$5:$6Z"));
      const again = await sigv4.sign(smithyRequest({ method: "POST", url: request!.url, headers: unsigned, body: request!.body }), { signingDate });
      expect(again.headers["authorization"]).toBe(authorization);
    }
  });

  it("SignUp (unsigned though a signer is given), then InitiateAuth before confirmation → UserNotConfirmedException", async () => {
    const mark = sent.length;
    const registered = await flow["register"]!(options(), clientId, username, PASSWORD);
    expect(registered).toEqual({ sub: expect.stringMatching(/^[0-9a-f-]{36}$/), confirmed: false });
    sub = registered.sub;

    const unconfirmed = await flow["logInUnconfirmed"]!(options(), clientId, username, PASSWORD);
    expect(unconfirmed).toEqual({
      guard: "isUserNotConfirmedException",
      name: "UserNotConfirmedException",
      status: 400,
      fault: "client",
      message: "User is not confirmed.",
      body: { __type: "UserNotConfirmedException", message: "User is not confirmed." },
    });
    for (const s of sent.slice(mark)) expect(s.headers, s.operation).not.toHaveProperty("authorization");
    expect(sent.slice(mark).map((s) => s.operation)).toEqual(["SignUp", "InitiateAuth"]);
  });

  it("ConfirmSignUp with the fixed code, InitiateAuth USER_PASSWORD_AUTH, GetUser, InitiateAuth REFRESH_TOKEN_AUTH", async () => {
    const mark = sent.length;
    expect(await flow["confirm"]!(options(), clientId, username, CODE)).toEqual({});

    const login = await flow["logIn"]!(options(), clientId, username, PASSWORD);
    expect(login.challenge).toBeUndefined();
    // cognito-local sends no ExpiresIn, no TokenType (both optional)
    expect(Object.keys(login.tokens).sort()).toEqual(["AccessToken", "IdToken", "RefreshToken"]);
    for (const token of ["AccessToken", "IdToken", "RefreshToken"]) expect(login.tokens[token], token).toMatch(JWT);
    refreshToken = login.tokens.RefreshToken;

    const user = await flow["me"]!(options(), login.tokens.AccessToken);
    expect(user).toEqual({ username, attributes: { sub, email: `${username}@example.com` } });

    const refreshed = await flow["refresh"]!(options(), clientId, refreshToken);
    expect(refreshed.challenge).toBeUndefined();
    expect(Object.keys(refreshed.tokens).sort()).toEqual(["AccessToken", "IdToken"]);
    expect(refreshed.tokens.AccessToken).toMatch(JWT);

    expect(sent.slice(mark).map((s) => s.operation)).toEqual(["ConfirmSignUp", "InitiateAuth", "GetUser", "InitiateAuth"]);
    for (const s of sent.slice(mark)) expect(s.headers, s.operation).not.toHaveProperty("authorization");
  });

  it("AdminCreateUser (signed): User.UserCreateDate is a Date; InitiateAuth with the temporary password → NEW_PASSWORD_REQUIRED", async () => {
    const mark = sent.length;
    const created = await flow["adminCreate"]!(options(), poolId, "bob");
    expect(created).toMatchObject({ username: "bob", status: "FORCE_CHANGE_PASSWORD", enabled: true });
    expectRecent(created.created);
    expectRecent(created.modified);
    expect(sentSince(mark, "AdminCreateUser")[0]?.headers["authorization"]).toMatch(/^AWS4-HMAC-SHA256 /);

    // cognito-local's temporary password is its CODE
    const login = await flow["logIn"]!(options(), clientId, "bob", CODE);
    expect(login).toMatchObject({ challenge: "NEW_PASSWORD_REQUIRED", session: expect.any(String), tokens: undefined });
    expect(login.challengeParameters).toMatchObject({ USER_ID_FOR_SRP: "bob" });
  });

  it("errors, typed with the generated guards: UsernameExistsException, NotAuthorizedException, an unknown code", async () => {
    expect(await flow["signUpExisting"]!(options(), clientId, username)).toEqual({
      guard: "isUsernameExistsException",
      name: "UsernameExistsException",
      status: 400,
      fault: "client",
      message: "User already exists",
      body: { __type: "UsernameExistsException", message: "User already exists" },
    });

    // Cognito says UserNotFoundException here unless PreventUserExistenceErrors; cognito-local always NotAuthorizedException
    expect(await flow["logInUnknown"]!(options(), clientId)).toMatchObject({ guard: "isNotAuthorizedException", name: "NotAuthorizedException", status: 400, fault: "client" });

    expect(await flow["resend"]!(options(), clientId, username)).toEqual({
      guard: "UnknownServiceException",
      name: "Unsupported",
      status: 500,
      fault: "server",
      message: 'Cognito Local unsupported feature: Unsupported x-amz-target header "ResendConfirmationCode"',
      body: { __type: "CognitoLocal#Unsupported", message: 'Cognito Local unsupported feature: Unsupported x-amz-target header "ResendConfirmationCode"' },
    });
  });
});
