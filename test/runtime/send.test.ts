/**
 * `send` (templates/runtime/send.ts): the request it makes, and what it makes
 * of every kind of answer, with a fake fetch and with the platform fetch
 * against a real HTTP server on 127.0.0.1. The error-code rule is checked
 * against the AWS SDK itself, on the same server responses.
 */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { CognitoIdentityProviderClient, SignUpCommand } from "@aws-sdk/client-cognito-identity-provider";
import { Sha256Js } from "@smithy/core/checksum";
import { SignatureV4 } from "@smithy/signature-v4";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ClientFailure, ServiceException } from "../../templates/runtime/errors.js";
import type { HttpRequest, ServiceInfo } from "../../templates/runtime/http.js";
import type { SecretHashHook } from "../../templates/runtime/secret-hash.js";
import { send, sigV4, type CheckResult, type FetchLike, type OperationInfo, type ResponseLike, type SendOptions, type Signer } from "../../templates/runtime/send.js";

// ---- an operation as the generator will describe it --------------------------------------------------------------

interface SignUpResponse {
  readonly UserConfirmed: boolean;
  readonly UserSub: string;
}

/** A hand-written stand-in for a generated validator (same result shape). */
function checkSignUpResponse(value: unknown): CheckResult {
  const v = value as Partial<Record<string, unknown>>;
  const errors: string[] = [];
  if (typeof value !== "object" || value === null) return { ok: false, errors: ["not an object"] };
  if (typeof v["UserConfirmed"] !== "boolean") errors.push("/UserConfirmed must be a boolean");
  if (typeof v["UserSub"] !== "string") errors.push("/UserSub must be a string");
  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}

const service: ServiceInfo = { hostLabel: "cognito-idp", targetPrefix: "AWSCognitoIdentityProviderService", contentType: "application/x-amz-json-1.1" };

/** A stand-in for a generated assert: a Password, when there is one, is a string. */
function assertSignUpRequest(value: unknown): void {
  const password = (value as Record<string, unknown>)["Password"];
  if (password !== undefined && typeof password !== "string") throw new TypeError("invalid SignUpRequest: /Password must be string");
}

/** A stand-in for a generated wire function: ClientId, then Username, then the rest. */
const wireSignUpRequest = (value: unknown): unknown => {
  const { ClientId, Username, ...rest } = value as Record<string, unknown>;
  return { ClientId, Username, ...rest };
};

const signUp: OperationInfo<SignUpResponse> = {
  name: "SignUp",
  assert: assertSignUpRequest,
  wire: wireSignUpRequest,
  check: checkSignUpResponse,
  secretHash: "SecretHash",
};

const listUsers: OperationInfo<unknown> = { name: "ListUsers", sign: sigV4, assert: () => {}, wire: (v) => v };

const signUpInput = { ClientId: "client", Username: "alice", Password: "hunter2" };
const okBody = '{"UserConfirmed":false,"UserSub":"5f3c"}';

// ---- a fake fetch ------------------------------------------------------------------------------------------------

interface Call {
  readonly url: string;
  readonly init: Parameters<FetchLike>[1];
}

function fakeFetch(respond: (call: Call) => ResponseLike | Promise<ResponseLike>): { calls: Call[]; fetch: FetchLike } {
  const calls: Call[] = [];
  return {
    calls,
    fetch: async (url, init) => {
      calls.push({ url, init });
      return respond({ url, init });
    },
  };
}

const reply = (status: number, body = "", headers: Record<string, string> = {}): Response =>
  new Response(body === "" ? null : body, { status, headers: { "content-type": "application/x-amz-json-1.1", ...headers } });

/** The rejection of a promise, typed: fails the test if it resolves. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error("expected a rejection");
}

async function failure(promise: Promise<unknown>): Promise<ClientFailure> {
  const e = await rejection(promise);
  expect(e).toBeInstanceOf(ClientFailure);
  return e as ClientFailure;
}

async function serviceError(promise: Promise<unknown>): Promise<ServiceException> {
  const e = await rejection(promise);
  expect(e).toBeInstanceOf(ServiceException);
  return e as ServiceException;
}

// ---- a real server -----------------------------------------------------------------------------------------------

interface Received {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}
interface Answer {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  /** Never answer (for aborts). */
  readonly hang?: boolean;
}

let server: Server;
let endpoint: string;
let answer: (request: Received) => Answer;
let received: Received[];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      const request = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body };
      received.push(request);
      const a = answer(request);
      if (a.hang) return;
      res.writeHead(a.status, { "content-type": "application/x-amz-json-1.1", ...a.headers });
      res.end(a.body ?? "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  received = [];
  answer = () => ({ status: 200, body: okBody });
});

// ---- the request -------------------------------------------------------------------------------------------------

describe("the request", () => {
  it("is a POST to the region's endpoint with the protocol's headers and the body as JSON", async () => {
    const { calls, fetch } = fakeFetch(() => reply(200, okBody));
    await send(service, signUp, signUpInput, { region: "eu-west-1", fetch });
    expect(calls).toEqual([
      {
        url: "https://cognito-idp.eu-west-1.amazonaws.com/",
        init: {
          method: "POST",
          headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AWSCognitoIdentityProviderService.SignUp" },
          body: '{"ClientId":"client","Username":"alice","Password":"hunter2"}',
        },
      },
    ]);
  });

  it("arrives as such at a real server, through the platform fetch", async () => {
    await expect(send(service, signUp, signUpInput, { endpoint })).resolves.toEqual({ UserConfirmed: false, UserSub: "5f3c" });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      method: "POST",
      url: "/",
      headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AWSCognitoIdentityProviderService.SignUp" },
      body: JSON.stringify(signUpInput),
    });
  });

  it("goes to the endpoint when one is given, region or not", async () => {
    const { calls, fetch } = fakeFetch(() => reply(200, okBody));
    await send(service, signUp, {}, { endpoint: "http://localhost:9229/", fetch });
    await send(service, signUp, {}, { endpoint: "http://localhost:9229/", region: "us-east-1", fetch });
    expect(calls.map((c) => c.url)).toEqual(["http://localhost:9229/", "http://localhost:9229/"]);
  });

  it("needs a region or an endpoint", async () => {
    const { calls, fetch } = fakeFetch(() => reply(200, okBody));
    await expect(send(service, signUp, {}, { fetch })).rejects.toThrow(new TypeError("SignUp: pass a region or an endpoint"));
    expect(calls).toHaveLength(0);
  });

  it("refuses a region that is not one (http.ts's rule)", async () => {
    const { fetch } = fakeFetch(() => reply(200, okBody));
    await expect(send(service, signUp, {}, { region: "evil.test/#", fetch })).rejects.toThrow(RangeError);
  });

  it("sends {} for an input without members", async () => {
    const { calls, fetch } = fakeFetch(() => reply(200, okBody));
    await send(service, signUp, {}, { region: "us-east-1", fetch });
    expect(calls[0]?.init.body).toBe("{}");
  });

  it("checks the input, then puts it in wire order; an invalid input is not sent", async () => {
    const { calls, fetch } = fakeFetch(() => reply(200, okBody));
    await send(service, signUp, { Password: "pw", Username: "bob", ClientId: "c" }, { region: "us-east-1", fetch });
    expect(calls[0]?.init.body).toBe('{"ClientId":"c","Username":"bob","Password":"pw"}');
    await expect(send(service, signUp, { ClientId: "c", Username: "bob", Password: 42 }, { region: "us-east-1", fetch })).rejects.toThrow("invalid SignUpRequest: /Password must be string");
    expect(calls).toHaveLength(1);
  });

  it("a target of the operation's own wins over the service's prefix and the name", async () => {
    const { calls, fetch } = fakeFetch(() => reply(200, okBody));
    await send(service, { ...signUp, target: "Other.SignUpV2" }, {}, { region: "us-east-1", fetch });
    expect(calls[0]?.init.headers["x-amz-target"]).toBe("Other.SignUpV2");
  });

  it("passes the signal to fetch, and no signal member without one", async () => {
    const { calls, fetch } = fakeFetch(() => reply(200, okBody));
    const { signal } = new AbortController();
    await send(service, signUp, {}, { region: "us-east-1", fetch, signal });
    await send(service, signUp, {}, { region: "us-east-1", fetch });
    expect(calls[0]?.init.signal).toBe(signal);
    expect("signal" in (calls[1]?.init ?? {})).toBe(false);
  });

  it("calls fetch as a plain function, not as a method of the options (browsers refuse that for window.fetch)", async () => {
    let self: unknown = "not called";
    const options = {
      region: "us-east-1",
      fetch: async function (this: unknown): Promise<ResponseLike> {
        self = this;
        return reply(200, okBody);
      },
    };
    await send(service, signUp, {}, options);
    expect(self).toBeUndefined();
  });
});

// ---- success -----------------------------------------------------------------------------------------------------

describe("a 2xx answer", () => {
  it("is checked, then decoded", async () => {
    const check = vi.fn(checkSignUpResponse);
    const decode = vi.fn((v: unknown) => ({ ...(v as SignUpResponse), decoded: true }));
    const { fetch } = fakeFetch(() => reply(200, okBody));
    await expect(send(service, { ...signUp, check, decode }, {}, { region: "us-east-1", fetch })).resolves.toEqual({ UserConfirmed: false, UserSub: "5f3c", decoded: true });
    expect(check).toHaveBeenCalledWith({ UserConfirmed: false, UserSub: "5f3c" });
    expect(decode).toHaveBeenCalledWith({ UserConfirmed: false, UserSub: "5f3c" });
  });

  it("that does not match its schema is a ClientFailure invalid-response with the errors", async () => {
    answer = () => ({ status: 200, body: '{"UserConfirmed":"no"}' });
    const e = await failure(send(service, signUp, {}, { endpoint }));
    expect(e).toMatchObject({
      name: "ClientFailure",
      reason: "invalid-response",
      operation: "SignUp",
      message: "SignUp: the response does not match its schema (HTTP 200)",
      errors: ["/UserConfirmed must be a boolean", "/UserSub must be a string"],
    });
  });

  it("is not checked with validate: false", async () => {
    const check = vi.fn(checkSignUpResponse);
    const { fetch } = fakeFetch(() => reply(200, '{"UserConfirmed":"no"}'));
    await expect(send(service, { ...signUp, check }, {}, { region: "us-east-1", fetch, validate: false })).resolves.toEqual({ UserConfirmed: "no" });
    expect(check).not.toHaveBeenCalled();
  });

  it("is the body itself without check or decode", async () => {
    const { fetch } = fakeFetch(() => reply(200, '{"any":[1]}'));
    await expect(send(service, listUsers, {}, { region: "us-east-1", fetch, signer: (r) => r })).resolves.toEqual({ any: [1] });
  });

  it("that is empty is a ClientFailure empty-body when the output has required members", async () => {
    answer = () => ({ status: 200 });
    const e = await failure(send(service, signUp, {}, { endpoint }));
    expect(e).toMatchObject({ reason: "empty-body", message: "SignUp: the response body is empty (HTTP 200)" });
    expect(e.errors.length).toBeGreaterThan(0);
  });

  it("that is empty is {} for an operation whose output allows it (no output: the protocol lets the service send nothing)", async () => {
    const { fetch } = fakeFetch(() => reply(200));
    const noOutput: OperationInfo<Record<string, never>> = { name: "GlobalSignOut", assert: () => {}, wire: (v) => v, check: () => ({ ok: true }) };
    await expect(send(service, noOutput, {}, { region: "us-east-1", fetch })).resolves.toEqual({});
  });

  it("that is not JSON is a ClientFailure not-json with the first 100 characters", async () => {
    const html = `<html>${"x".repeat(200)}</html>`;
    answer = () => ({ status: 200, headers: { "content-type": "text/html" }, body: html });
    const e = await failure(send(service, signUp, {}, { endpoint }));
    expect(e).toMatchObject({ name: "ClientFailure", reason: "not-json", operation: "SignUp" });
    expect(e.message).toBe(`SignUp: the response body is not JSON (HTTP 200): ${html.slice(0, 100)}`);
  });

  it("that is not JSON is not-json even with validate: false", async () => {
    const { fetch } = fakeFetch(() => reply(204, ""));
    await expect(send(service, signUp, {}, { region: "us-east-1", fetch, validate: false })).resolves.toEqual({});
    const { fetch: fetch2 } = fakeFetch(() => reply(200, "{"));
    await expect(failure(send(service, signUp, {}, { region: "us-east-1", fetch: fetch2, validate: false }))).resolves.toMatchObject({ reason: "not-json" });
  });
});

// ---- failures without an answer ----------------------------------------------------------------------------------

describe("no answer", () => {
  it("a fetch that rejects is a ClientFailure network with the cause", async () => {
    const cause = new TypeError("fetch failed");
    const { fetch } = fakeFetch(() => Promise.reject(cause));
    const e = await failure(send(service, signUp, {}, { region: "us-east-1", fetch }));
    expect(e).toMatchObject({ name: "ClientFailure", reason: "network", message: "SignUp: the request failed: fetch failed" });
    expect(e.cause).toBe(cause);
  });

  it("a body that cannot be read is a ClientFailure network", async () => {
    const cause = new Error("socket hang up");
    const { fetch } = fakeFetch(() => ({ status: 200, headers: new Headers(), text: () => Promise.reject(cause) }));
    const e = await failure(send(service, signUp, {}, { region: "us-east-1", fetch }));
    expect(e.reason).toBe("network");
    expect(e.cause).toBe(cause);
  });

  it("a port nobody listens on is a ClientFailure network (platform fetch)", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const e = await failure(send(service, signUp, {}, { endpoint: `http://127.0.0.1:${port}/` }));
    expect(e.reason).toBe("network");
    expect(e.message).toMatch(/^SignUp: the request failed: /);
    expect(e.cause).toBeInstanceOf(TypeError);
  });

  it("a signal aborted before is a ClientFailure aborted, named AbortError, with the signal's reason as cause", async () => {
    const controller = new AbortController();
    const reason = new Error("user left the page");
    controller.abort(reason);
    const e = await failure(send(service, signUp, {}, { endpoint, signal: controller.signal }));
    expect(e).toMatchObject({ name: "AbortError", reason: "aborted", message: "SignUp: the request was aborted" });
    expect(e.cause).toBe(reason);
    expect(received).toHaveLength(0);
  });

  it("an abort while the server thinks is a ClientFailure aborted (default reason: the platform's AbortError)", async () => {
    answer = () => ({ status: 200, hang: true });
    const controller = new AbortController();
    const pending = send(service, signUp, {}, { endpoint, signal: controller.signal });
    await vi.waitFor(() => expect(received).toHaveLength(1));
    controller.abort();
    const e = await failure(pending);
    expect(e).toMatchObject({ name: "AbortError", reason: "aborted" });
    expect((e.cause as Error).name).toBe("AbortError");
  });

  it("a timeout signal is a ClientFailure aborted whose cause is the TimeoutError", async () => {
    answer = () => ({ status: 200, hang: true });
    const e = await failure(send(service, signUp, {}, { endpoint, signal: AbortSignal.timeout(50) }));
    expect(e.reason).toBe("aborted");
    expect((e.cause as Error).name).toBe("TimeoutError");
  });
});

// ---- error answers -----------------------------------------------------------------------------------------------

describe("an error answer", () => {
  it("is a ServiceException named by its code, with status, request id, fault, message and body", async () => {
    const body = { __type: "UsernameExistsException", message: "User already exists" };
    answer = () => ({ status: 400, headers: { "x-amzn-requestid": "3b6a-req" }, body: JSON.stringify(body) });
    const e = await serviceError(send(service, signUp, signUpInput, { endpoint }));
    expect(e).toMatchObject({ name: "UsernameExistsException", message: "User already exists", $status: 400, $requestId: "3b6a-req", $fault: "client", $body: body });
  });

  it("of a code no operation lists keeps that code", async () => {
    answer = () => ({ status: 500, body: '{"__type":"CognitoLocal#Unsupported","message":"ListUsers is not supported"}' });
    const e = await serviceError(send(service, signUp, {}, { endpoint }));
    expect(e).toMatchObject({ name: "Unsupported", message: "ListUsers is not supported", $status: 500, $fault: "server", $requestId: undefined });
  });

  it.each(["constructor", "toString", "__proto__", "hasOwnProperty"])("of the code %j is that code, nothing taken from Object.prototype", async (code) => {
    const { fetch } = fakeFetch(() => reply(400, JSON.stringify({ __type: code })));
    const e = await serviceError(send(service, signUp, {}, { region: "us-east-1", fetch }));
    expect(Object.getPrototypeOf(e)).toBe(ServiceException.prototype);
    expect(e.name).toBe(code);
  });

  it('without any code is named "Unknown" (as in the SDK)', async () => {
    const { fetch } = fakeFetch(() => reply(400, "{}"));
    const e = await serviceError(send(service, signUp, {}, { region: "us-east-1", fetch }));
    expect(e).toMatchObject({ name: "Unknown", message: "Unknown", $status: 400, $body: {} });
  });

  it("whose body is not JSON (a proxy's 502 page) has the status and no body", async () => {
    answer = () => ({ status: 502, headers: { "content-type": "text/html" }, body: "<html>Bad Gateway</html>" });
    const e = await serviceError(send(service, signUp, {}, { endpoint }));
    expect(e).toMatchObject({ name: "Unknown", $status: 502, $fault: "server", $body: undefined });
  });

  it("with the code in the header only and an empty body", async () => {
    answer = () => ({ status: 400, headers: { "x-amzn-errortype": "InvalidPasswordException:http://internal.amazon.com/" } });
    const e = await serviceError(send(service, signUp, {}, { endpoint }));
    expect(e).toMatchObject({ name: "InvalidPasswordException", $body: undefined, message: "InvalidPasswordException" });
  });

  it.each([
    ["x-amzn-requestid", "a"],
    ["x-amzn-request-id", "b"],
    ["x-amz-request-id", "c"],
  ])("takes the request id from %s (the SDK's three headers)", async (header, id) => {
    const { fetch } = fakeFetch(() => reply(400, '{"__type":"X"}', { [header]: id }));
    expect((await serviceError(send(service, signUp, {}, { region: "us-east-1", fetch }))).$requestId).toBe(id);
  });

  it("is not checked against the output schema", async () => {
    const check = vi.fn(checkSignUpResponse);
    const { fetch } = fakeFetch(() => reply(400, '{"__type":"UsernameExistsException"}'));
    await serviceError(send(service, { ...signUp, check }, {}, { region: "us-east-1", fetch }));
    expect(check).not.toHaveBeenCalled();
  });
});

describe("the error code, as the AWS SDK decodes it", () => {
  // Each answer goes to the real server; `send` and the SDK's CognitoIdentityProviderClient (SignUp: no signing) read it.
  const cases: [string, Answer][] = [
    ["header only", { status: 500, headers: { "x-amzn-errortype": "FooError" } }],
    ["header with a URL", { status: 500, headers: { "x-amzn-errortype": "FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/" } }],
    ["header with namespace and URL", { status: 500, headers: { "x-amzn-errortype": "aws.protocoltests.json#FooError:http://internal.amazon.com/" } }],
    ["body code", { status: 500, body: '{"code":"FooError"}' }],
    ["body Code", { status: 500, body: '{"Code":"aws.protocoltests.json#FooError"}' }],
    ["body __type with namespace and URL", { status: 400, body: '{"__type":"aws.protocoltests.restjson#FooError:http://internal.amazon.com/"}' }],
    ["body __type name then URL", { status: 400, body: '{"__type":"FooError:http://internal.amazon.com/"}' }],
    ["comma", { status: 400, body: '{"__type":"FooError,BarError"}' }],
    ["comma then colon", { status: 400, body: '{"__type":"ns#FooError,Bar:baz"}' }],
    ["two #", { status: 400, body: '{"__type":"a#b#c"}' }],
    ["header and __type: __type wins", { status: 400, headers: { "x-amzn-errortype": "HeaderError" }, body: '{"__type":"BodyError"}' }],
    ["header and code: code wins", { status: 400, headers: { "x-amzn-errortype": "HeaderError" }, body: '{"code":"CodeError"}' }],
    ["code and __type: __type wins", { status: 400, body: '{"code":"CodeError","__type":"TypeError"}' }],
    ["cognito-local: bare name, no x-amzn headers", { status: 400, body: '{"__type":"UsernameExistsException","message":"User already exists"}' }],
    ["cognito-local: its namespace, HTTP 500", { status: 500, body: '{"__type":"CognitoLocal#Unsupported","message":"nope"}' }],
    ["Message with a capital", { status: 400, headers: { "x-amzn-requestid": "r-1" }, body: '{"__type":"InvalidPasswordException","Message":"Too short"}' }],
    ["no code", { status: 400, body: "{}" }],
    ["no code, no body", { status: 400 }],
    ["a number", { status: 400, body: '{"__type":42}' }],
  ];

  let sdk: CognitoIdentityProviderClient;
  beforeAll(() => {
    sdk = new CognitoIdentityProviderClient({ region: "us-east-1", endpoint, maxAttempts: 1, credentials: { accessKeyId: "AKID", secretAccessKey: "SECRET" } });
  });
  afterAll(() => sdk.destroy());

  it.each(cases)("%s", async (_, a) => {
    answer = () => a;
    const ours = await serviceError(send(service, signUp, signUpInput, { endpoint }));
    const theirs = (await rejection(sdk.send(new SignUpCommand(signUpInput)))) as Error & { $fault: string; $metadata: { requestId?: string } };
    expect(ours.name).toBe(theirs.name);
    expect(ours.$fault).toBe(theirs.$fault);
    expect(ours.$requestId).toBe(theirs.$metadata.requestId);
    // the SDK says "UnknownError" where the body has no message; we say the code
    expect(ours.message).toBe(theirs.message === "UnknownError" ? ours.name : theirs.message);
  });
});

// ---- SECRET_HASH ---------------------------------------------------------------------------------------------------

describe("the secretHash hook", () => {
  const calls: unknown[][] = [];
  const hook: SecretHashHook = async (operation, request, place) => {
    calls.push([operation, request, place]);
    return { ...request, SecretHash: "hash" };
  };
  beforeEach(() => {
    calls.length = 0;
  });

  it("fills in an operation that takes a SECRET_HASH; what it returns is checked and sent, the input is not changed", async () => {
    const { calls: sent, fetch } = fakeFetch(() => reply(200, okBody));
    const input = { ClientId: "c", Username: "bob" };
    await send(service, signUp, input, { region: "us-east-1", fetch, secretHash: hook });
    expect(calls).toEqual([["SignUp", input, "SecretHash"]]);
    expect(sent[0]?.init.body).toBe('{"ClientId":"c","Username":"bob","SecretHash":"hash"}');
    expect(input).toEqual({ ClientId: "c", Username: "bob" });
  });

  it("what it returns is checked: an invalid result is not sent", async () => {
    const { calls: sent, fetch } = fakeFetch(() => reply(200, okBody));
    const bad: SecretHashHook = async (_, request) => ({ ...request, Password: 1 });
    await expect(send(service, signUp, {}, { region: "us-east-1", fetch, secretHash: bad })).rejects.toThrow(/Password must be string/);
    expect(sent).toHaveLength(0);
  });

  it("is not called for an operation that takes none, and nothing is filled in without it", async () => {
    const { calls: sent, fetch } = fakeFetch(() => reply(200, okBody));
    await send(service, listUsers, { UserPoolId: "p" }, { region: "us-east-1", fetch, signer: (r) => r, secretHash: hook });
    await send(service, signUp, { ClientId: "c" }, { region: "us-east-1", fetch });
    expect(calls).toEqual([]);
    expect(sent.map((c) => c.init.body)).toEqual(['{"UserPoolId":"p"}', '{"ClientId":"c"}']);
  });

  it("a failure of the hook is passed on as it is, and nothing is sent", async () => {
    const { calls: sent, fetch } = fakeFetch(() => reply(200, okBody));
    const cause = new TypeError("SignUp: a client secret was given, but the SECRET_HASH needs Username");
    await expect(send(service, signUp, {}, { region: "us-east-1", fetch, secretHash: () => Promise.reject(cause) })).rejects.toBe(cause);
    expect(sent).toHaveLength(0);
  });
});

// ---- signing -----------------------------------------------------------------------------------------------------

describe("signing", () => {
  it("a signed operation without a signer is a ClientFailure unsigned, and nothing is sent", async () => {
    const { calls, fetch } = fakeFetch(() => reply(200, "{}"));
    const e = await failure(send(service, listUsers, {}, { region: "us-east-1", fetch }));
    expect(e).toMatchObject({ name: "ClientFailure", reason: "unsigned", message: "ListUsers: this operation needs a `signer` (AWS SigV4; see README)" });
    expect(calls).toHaveLength(0);
  });

  it("the signer gets the exact request, and what it returns is what is sent", async () => {
    const seen: HttpRequest[] = [];
    const signer: Signer = async (request) => {
      seen.push(request);
      return { ...request, url: `${request.url}signed`, headers: { ...request.headers, authorization: "sig" }, body: `${request.body} ` };
    };
    const { calls, fetch } = fakeFetch(() => reply(200, "{}"));
    await send(service, listUsers, { UserPoolId: "pool" }, { region: "us-east-1", fetch, signer });
    expect(seen).toEqual([
      {
        method: "POST",
        url: "https://cognito-idp.us-east-1.amazonaws.com/",
        headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AWSCognitoIdentityProviderService.ListUsers" },
        body: '{"UserPoolId":"pool"}',
      },
    ]);
    expect(calls).toEqual([
      {
        url: "https://cognito-idp.us-east-1.amazonaws.com/signed",
        init: {
          method: "POST",
          headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AWSCognitoIdentityProviderService.ListUsers", authorization: "sig" },
          body: '{"UserPoolId":"pool"} ',
        },
      },
    ]);
  });

  it("a synchronous signer works too", async () => {
    const { calls, fetch } = fakeFetch(() => reply(200, "{}"));
    await send(service, listUsers, {}, { region: "us-east-1", fetch, signer: (r) => ({ ...r, headers: { ...r.headers, authorization: "sync" } }) });
    expect(calls[0]?.init.headers["authorization"]).toBe("sync");
  });

  it("an unsigned operation is sent without signature even with a signer, as the SDK sends it", async () => {
    const signer = vi.fn<Signer>((r) => r);
    const { calls, fetch } = fakeFetch(() => reply(200, okBody));
    await send(service, signUp, {}, { region: "us-east-1", fetch, signer });
    expect(signer).not.toHaveBeenCalled();
    expect(calls[0]?.init.headers).not.toHaveProperty("authorization");
  });

  it("a signer's failure is passed on as it is", async () => {
    const cause = new Error("no credentials");
    const { fetch } = fakeFetch(() => reply(200, "{}"));
    await expect(send(service, listUsers, {}, { region: "us-east-1", fetch, signer: () => Promise.reject(cause) })).rejects.toBe(cause);
  });

  describe("with @smithy/signature-v4 (the README's adapter)", () => {
    // The adapter, as the README shows it (there with `new Date()` for the date, and e.g. @aws-crypto/sha256-js's Sha256):
    function sigv4Signer(sigv4: SignatureV4, signingDate?: () => Date): Signer {
      return async (request) => {
        const url = new URL(request.url);
        const signed = await sigv4.sign(
          { method: request.method, protocol: url.protocol, hostname: url.hostname, path: url.pathname, headers: { ...request.headers, host: url.host }, body: request.body },
          { signingDate: signingDate?.() ?? new Date() },
        );
        return { ...request, headers: signed.headers };
      };
    }

    const sigv4 = new SignatureV4({ service: "cognito-idp", region: "us-east-1", credentials: { accessKeyId: "AKID", secretAccessKey: "SECRET" }, sha256: Sha256Js });
    const date = new Date("2024-01-02T03:04:05Z");
    const signer = sigv4Signer(sigv4, () => date);

    it("signs with the credential scope, the date, and the host and x-amz-* headers", async () => {
      const { calls, fetch } = fakeFetch(() => reply(200, "{}"));
      await send(service, listUsers, { UserPoolId: "us-east-1_abc" }, { region: "us-east-1", fetch, signer });
      const headers = calls[0]?.init.headers ?? {};
      expect(headers["authorization"]).toMatch(
        /^AWS4-HMAC-SHA256 Credential=AKID\/20240102\/us-east-1\/cognito-idp\/aws4_request, SignedHeaders=([a-z0-9-]+;)*host;([a-z0-9-]+;)*x-amz-date;([a-z0-9-]+;)*x-amz-target, Signature=[0-9a-f]{64}$/,
      );
      expect(headers["authorization"]).toContain("SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-target,");
      expect(headers).toMatchObject({ "x-amz-date": "20240102T030405Z", host: "cognito-idp.us-east-1.amazonaws.com" });
    });

    it("the request the server receives carries a signature that checks out for what arrived", async () => {
      answer = () => ({ status: 200, body: '{"Users":[]}' });
      await expect(send(service, listUsers, { UserPoolId: "us-east-1_abc" }, { endpoint, signer })).resolves.toEqual({ Users: [] });
      const got = received[0];
      if (got === undefined) throw new Error("nothing received");
      // sign again, server side, from the signed headers as they arrived: the same signature means fetch changed none of them
      const authorization = String(got.headers["authorization"]);
      const names = /SignedHeaders=([^,]+)/.exec(authorization)?.[1]?.split(";") ?? [];
      const headers = Object.fromEntries(names.map((n) => [n, String(got.headers[n])]));
      const resigned = await sigv4.sign({ method: got.method, protocol: "http:", hostname: "127.0.0.1", path: got.url, headers, body: got.body }, { signingDate: date });
      expect(resigned.headers["authorization"]).toBe(authorization);
      expect(names).toContain("host");
    });
  });
});

// ---- types -------------------------------------------------------------------------------------------------------

describe("types", () => {
  it("the platform fetch and AbortSignal fit the options (Node types here; DOM types in strict.test.ts)", () => {
    const options: SendOptions = { region: "us-east-1", fetch: globalThis.fetch, signal: AbortSignal.timeout(1000) };
    expect(options.fetch).toBe(globalThis.fetch);
  });

  it("the output type is the operation's", () => {
    const { fetch } = fakeFetch(() => reply(200, okBody));
    const out: Promise<SignUpResponse> = send(service, signUp, {}, { region: "us-east-1", fetch });
    return out;
  });
});
