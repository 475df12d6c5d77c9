/**
 * The errors `send` throws, in two kinds kept apart on purpose:
 *
 * - `ServiceException`: the service answered, with an error (a status that is
 *   not 2xx). Its `name` is the error code the service sent, so callers branch
 *   on `e.name` as with the AWS SDK. The generator emits one tiny subclass per
 *   modeled error; codes an operation does not list become
 *   `UnknownServiceException`.
 * - `ClientFailure`: there is no usable answer: the request did not go out or
 *   did not complete, or a 2xx answer is not what the protocol promises.
 *
 * Written as it is into each output service folder; no message tables here,
 * the service's own message is the message.
 */

/** The response headers, as far as they are read here (fetch's `Headers` has this). */
export interface HeadersLike {
  get(name: string): string | null;
}

export interface ServiceExceptionInit {
  /** The error code, sanitized (see `errorCode`). */
  readonly name: string;
  /** Else the body's `message` or `Message`, else the name. */
  readonly message?: string;
  readonly status: number;
  readonly requestId: string | undefined;
  /** The parsed error body (`undefined` when it was not JSON). */
  readonly body: unknown;
}

/** The service's answer was an error. */
export class ServiceException extends Error {
  readonly $status: number;
  readonly $requestId: string | undefined;
  readonly $fault: "client" | "server";
  readonly $body: unknown;

  constructor(init: ServiceExceptionInit) {
    super(init.message ?? bodyMessage(init.body) ?? init.name);
    this.name = init.name;
    this.$status = init.status;
    this.$requestId = init.requestId;
    // as the SDK decides it for codes it does not know; modeled errors agree (4xx client, 5xx server)
    this.$fault = init.status < 500 ? "client" : "server";
    this.$body = init.body;
  }
}

/** An error code the operation does not list, or none ("Unknown", as the SDK names it). */
export class UnknownServiceException extends ServiceException {}

function bodyMessage(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const { message, Message } = body as { message?: unknown; Message?: unknown };
  return typeof message === "string" ? message : typeof Message === "string" ? Message : undefined;
}

/**
 * The error code of an error response, found and cleaned as the AWS SDK does
 * for awsJson1_1 (Cognito's protocol): `loadJsonRpcErrorCode` and
 * `sanitizeErrorCode` in @smithy/core, dist-es/submodules/protocols/json/parseJsonBody.js
 * (3.41). The first of the body's `__type`, its `code` (any case of the key;
 * own members only), the `x-amzn-errortype` header; then cut at the first "," and at the first
 * ":" (a URL may follow), then the part after a "#" (a namespace precedes;
 * with several, the SDK keeps the part between the first two).
 * Values that are neither strings nor numbers are passed over (the SDK throws on them).
 */
export function errorCode(headers: HeadersLike, body: unknown): string | undefined {
  const data = (typeof body === "object" && body !== null ? body : {}) as Readonly<Record<string, unknown>>;
  const codeKey = Object.keys(data).find((k) => k.toLowerCase() === "code");
  for (const raw of [Object.hasOwn(data, "__type") && data["__type"], codeKey === undefined ? undefined : data[codeKey], headers.get("x-amzn-errortype")]) {
    if (typeof raw !== "string" && typeof raw !== "number") continue;
    const [head = ""] = String(raw).split(/[,:]/);
    return head.includes("#") ? (head.split("#")[1] ?? "") : head;
  }
  return undefined;
}

export type ClientFailureReason = "network" | "aborted" | "empty-body" | "not-json" | "invalid-response" | "unsigned";

/**
 * No usable answer from the service. The message names the operation. An
 * abort keeps the platform's convention, `name` "AbortError" (as fetch and the
 * AWS SDK throw it), with the signal's reason as `cause`; every other
 * failure is named "ClientFailure".
 */
export class ClientFailure extends Error {
  readonly operation: string;
  readonly reason: ClientFailureReason;
  /** The validation errors, for "invalid-response" and "empty-body"; else none. */
  readonly errors: readonly unknown[];

  constructor(operation: string, reason: ClientFailureReason, detail: string, cause?: unknown, errors: readonly unknown[] = []) {
    super(`${operation}: ${detail}`, cause === undefined ? undefined : { cause });
    this.name = reason === "aborted" ? "AbortError" : "ClientFailure";
    this.operation = operation;
    this.reason = reason;
    this.errors = errors;
  }
}

/** Whether `e` is the service's error answer (with that code, if one is given). */
export function isServiceException(e: unknown, name?: string): e is ServiceException {
  return e instanceof ServiceException && (name === undefined || e.name === name);
}
