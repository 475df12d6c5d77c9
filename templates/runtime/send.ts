/**
 * Sends one request of the AWS JSON 1.1 protocol with `fetch` and reads the
 * answer: the value on success, a `ServiceException` for the service's error
 * answers, a `ClientFailure` when there is no usable answer. What is
 * particular to an operation comes in as data (`OperationInfo`), which the
 * generator emits per operation. No retries, no credentials, no signing code:
 * a signed operation needs a `signer` from the caller.
 */
import { ClientFailure, errorCode, ServiceException, UnknownServiceException, type HeadersLike, type ServiceExceptionInit } from "./errors.js";
import { endpointUrl, type HttpRequest } from "./http.js";

/** The outcome of a response validator (the generated `validate…` functions return this). */
export type CheckResult = { readonly ok: true } | { readonly ok: false; readonly errors: readonly unknown[] };

export interface OperationInfo<O> {
  /** "SignUp": named in every failure message. */
  readonly name: string;
  /** The x-amz-target header: "AWSCognitoIdentityProviderService.SignUp". */
  readonly target: string;
  /** The endpoint's host label: "cognito-idp". */
  readonly hostLabel: string;
  /** "application/x-amz-json-1.1" */
  readonly contentType: string;
  /** Whether the operation needs SigV4 (false for `@aws.auth#unsigned` / `@optionalAuth` ones). */
  readonly signed: boolean;
  /** Checks the parsed response body against the output schema. */
  readonly check?: (value: unknown) => CheckResult;
  /** Makes the output from the checked body (e.g. epoch seconds → Date); without it the body is the output. */
  readonly decode?: (value: unknown) => O;
  /** The operation's modeled errors by code; any other code is an `UnknownServiceException`. */
  readonly errors?: Readonly<Record<string, new (init: ServiceExceptionInit) => ServiceException>>;
}

/**
 * The platform's AbortSignal where the program declares one (DOM or Node
 * types), so the platform `fetch` is a `FetchLike`; else the little read here.
 */
export type SignalLike = typeof globalThis extends { AbortSignal: { prototype: infer S } } ? S : { readonly aborted: boolean; readonly reason?: unknown };

export interface ResponseLike {
  readonly status: number;
  readonly headers: HeadersLike;
  text(): Promise<string>;
}

export type FetchLike = (
  url: string,
  init: { readonly method: string; readonly headers: Readonly<Record<string, string>>; readonly body: string; readonly signal?: SignalLike },
) => Promise<ResponseLike>;

/** Request in, signed request out: e.g. @smithy/signature-v4 behind a few lines (see README). */
export type Signer = (request: HttpRequest) => HttpRequest | Promise<HttpRequest>;

export interface SendOptions {
  /** An AWS region; this or `endpoint` is required. */
  readonly region?: string;
  /** Another endpoint (an emulator, a VPC endpoint); it wins over the region. */
  readonly endpoint?: string;
  readonly signal?: SignalLike;
  /** Default: the global fetch. */
  readonly fetch?: FetchLike;
  /** Used for the operations that need SigV4 only; the others go unsigned, as with the AWS SDK. */
  readonly signer?: Signer;
  /** `false`: the response is not checked against its schema. Default true. */
  readonly validate?: boolean;
}

/** What the generated `send<Op>` functions take: the sending options, and a client secret for the SECRET_HASH. */
export interface ClientOptions extends SendOptions {
  /** The app client's secret: the SecretHash (or SECRET_HASH) of the request is made from it. Keep it on a server. */
  readonly clientSecret?: string;
}

/** Sends `body` (already checked and in wire order) to the operation; the output, or a thrown error. */
export async function send<O>(op: OperationInfo<O>, body: unknown, options: SendOptions): Promise<O> {
  const { name, signed } = op;
  if (options.region === undefined && options.endpoint === undefined) throw new TypeError(`${name}: pass a region or an endpoint`);
  let request: HttpRequest = {
    method: "POST",
    url: endpointUrl(op.hostLabel, { ...options, region: options.region ?? "" }),
    headers: { "content-type": op.contentType, "x-amz-target": op.target },
    body: JSON.stringify(body ?? {}),
  };
  // The SDK signs only the operations whose auth scheme is SigV4; the
  // unsigned ones (SignUp, InitiateAuth…) go without, even with credentials.
  if (signed) {
    if (options.signer === undefined) throw new ClientFailure(name, "unsigned", "this operation needs a `signer` (AWS SigV4; see README)");
    request = await options.signer(request);
  }
  // a local, called as a plain function: browsers throw "Illegal invocation" for fetch called on another object
  const fetch = options.fetch ?? (globalThis as unknown as { fetch: FetchLike }).fetch;
  const { signal } = options;
  let status: number;
  let headers: HeadersLike;
  let text: string;
  try {
    const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body, ...(signal && { signal }) });
    ({ status, headers } = response);
    text = await response.text();
  } catch (e) {
    if (signal?.aborted) throw new ClientFailure(name, "aborted", "the request was aborted", (signal as { reason?: unknown }).reason);
    throw new ClientFailure(name, "network", `the request failed: ${e instanceof Error ? e.message : String(e)}`, e);
  }
  let parsed: unknown;
  let json = true;
  try {
    // an empty body is {}, as in the SDK: operations without output may send nothing
    parsed = JSON.parse(text || "{}");
  } catch {
    json = false;
  }
  if (status >= 200 && status < 300) {
    const http = `(HTTP ${status})`;
    if (!json) throw new ClientFailure(name, "not-json", `the response body is not JSON ${http}: ${text.slice(0, 100)}`);
    const result = options.validate === false ? undefined : op.check?.(parsed);
    if (result && !result.ok) {
      throw text === ""
        ? new ClientFailure(name, "empty-body", `the response body is empty ${http}`, undefined, result.errors)
        : new ClientFailure(name, "invalid-response", `the response does not match its schema ${http}`, undefined, result.errors);
    }
    return op.decode ? op.decode(parsed) : (parsed as O);
  }
  const code = errorCode(headers, json ? parsed : undefined) || "Unknown";
  const Known = op.errors && Object.hasOwn(op.errors, code) ? op.errors[code] : undefined;
  throw new (Known ?? UnknownServiceException)({
    name: code,
    status,
    requestId: headers.get("x-amzn-requestid") ?? headers.get("x-amzn-request-id") ?? headers.get("x-amz-request-id") ?? undefined,
    body: json && text !== "" ? parsed : undefined,
  });
}
