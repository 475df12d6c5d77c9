/**
 * Sends one request of the AWS JSON 1.1 protocol with `fetch` and reads the
 * answer: the value on success, a `ServiceException` for the service's error
 * answers, a `ClientFailure` when there is no usable answer. What is
 * particular to an operation comes in as data (`OperationInfo`), which the
 * generator emits per operation. No retries, no credentials, no signing code:
 * a signed operation needs a `signer` from the caller; no SECRET_HASH code
 * either: the caller's `secretHash` hook fills it in.
 */
import { ClientFailure, errorCode, ServiceException, type HeadersLike } from "./errors.js";
import { httpRequest, type HttpRequest, type ServiceInfo } from "./http.js";
import type { SecretHashHook, SecretHashPlace } from "./secret-hash.js";

/** The outcome of a response validator (the generated `validate…` functions return this). */
export type CheckResult = { readonly ok: true } | { readonly ok: false; readonly errors: readonly unknown[] };

export interface OperationInfo<O> {
  /** "SignUp": named in every failure message, and the x-amz-target after the service's prefix. */
  readonly name: string;
  /** The x-amz-target where it is not the service's prefix, ".", the name. */
  readonly target?: string;
  /** `sigV4` when the operation needs SigV4 (absent for `@aws.auth#unsigned` / `@optionalAuth` ones). */
  readonly sign?: (operation: string, request: HttpRequest, options: SendOptions) => Promise<HttpRequest>;
  /** Throws when the input is not valid (the generated `assert…`). */
  readonly assert: (value: unknown) => void;
  /** Puts the input in wire order (the generated `wire…`). */
  readonly wire: (value: unknown) => unknown;
  /** Checks the parsed response body against the output schema. */
  readonly check?: (value: unknown) => CheckResult;
  /** Makes the output from the checked body (e.g. epoch seconds → Date); without it the body is the output. */
  readonly decode?: (value: unknown) => O;
  /** Where the input takes a SECRET_HASH, if it does. */
  readonly secretHash?: SecretHashPlace;
}

/**
 * The platform's AbortSignal where the program declares one (DOM or Node
 * types), so the platform `fetch` is a `FetchLike`; else the little read here.
 */
export type SignalLike = typeof globalThis extends { AbortSignal: { prototype: infer S } }
  ? S
  : { readonly aborted: boolean; readonly reason?: unknown };

export interface ResponseLike {
  readonly status: number;
  readonly headers: HeadersLike;
  text(): Promise<string>;
}

export type FetchLike = (
  url: string,
  init: {
    readonly method: string;
    readonly headers: Readonly<Record<string, string>>;
    readonly body: string;
    readonly signal?: SignalLike;
  },
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

/** What the generated `send<Op>` functions take: the sending options, and how to fill in a SECRET_HASH. */
export interface ClientOptions extends SendOptions {
  /**
   * For the operations that take a SECRET_HASH (an app client with a secret):
   * `fromClientSecret(secret)` makes it from the client secret. Keep the secret on a server.
   */
  readonly secretHash?: SecretHashHook;
}

/**
 * The `sign` of the operations that need SigV4: the caller's signer signs
 * the request; without one, a `ClientFailure` "unsigned" and nothing is sent.
 * Only the signed operations reach this code.
 */
export async function sigV4(operation: string, request: HttpRequest, options: SendOptions): Promise<HttpRequest> {
  if (!options.signer)
    throw new ClientFailure(operation, "unsigned", "this operation needs a `signer` (AWS SigV4; see README)");
  return options.signer(request);
}

/**
 * Sends `input` as the operation's request: its SECRET_HASH filled in (with
 * the `secretHash` hook, for the operations that take one), checked, put in
 * wire order, signed (the signed operations), sent; the output, or a thrown error.
 */
export async function send<O>(
  service: ServiceInfo,
  op: OperationInfo<O>,
  input: object,
  options: ClientOptions,
): Promise<O> {
  const { name, secretHash: place } = op;
  const filled = place && options.secretHash ? await options.secretHash(name, input, place) : input;
  op.assert(filled);
  const request = httpRequest(service, name, op.wire(filled), options, op.target);
  // The SDK signs only the operations whose auth scheme is SigV4; the
  // unsigned ones (SignUp, InitiateAuth…) go without, even with credentials.
  const { url, ...init } = op.sign ? await op.sign(name, request, options) : request;
  const { signal } = options;
  let response: ResponseLike;
  let text: string;
  try {
    // the fetch is called as a plain function: browsers throw "Illegal invocation" for fetch called on another object
    response = await (options.fetch ?? (globalThis as unknown as { fetch: FetchLike }).fetch)(url, {
      ...init,
      ...(signal && { signal }),
    });
    text = await response.text();
  } catch (e) {
    throw signal?.aborted
      ? new ClientFailure(name, "aborted", "the request was aborted", (signal as { reason?: unknown }).reason)
      : new ClientFailure(name, "network", `the request failed: ${e instanceof Error ? e.message : String(e)}`, e);
  }
  const { status, headers } = response;
  // undefined: not JSON. An empty body is {}, as in the SDK: operations without output may send nothing.
  let body: unknown;
  try {
    body = JSON.parse(text || "{}");
  } catch {
    // left undefined
  }
  if (status >= 200 && status < 300) {
    const http = `(HTTP ${status})`;
    if (body === undefined)
      throw new ClientFailure(name, "not-json", `the response body is not JSON ${http}: ${text.slice(0, 100)}`);
    const result = options.validate === false ? undefined : op.check?.(body);
    if (result && !result.ok) {
      throw new ClientFailure(
        name,
        text ? "invalid-response" : "empty-body",
        `the response ${text ? "does not match its schema" : "body is empty"} ${http}`,
        undefined,
        result.errors,
      );
    }
    return op.decode ? op.decode(body) : (body as O);
  }
  const requestId =
    headers.get("x-amzn-requestid") ?? headers.get("x-amzn-request-id") ?? headers.get("x-amz-request-id") ?? undefined;
  throw new ServiceException(errorCode(headers, body) || "Unknown", status, requestId, text ? body : undefined);
}
