/**
 * The errors `send` throws, in two kinds kept apart on purpose:
 *
 * - `ServiceException`: the service answered, with an error (a status that is
 *   not 2xx). Its `name` is the error code the service sent, so callers branch
 *   on `e.name`, or on the generated guards (`isUserNotFoundException(e)`), as
 *   with the AWS SDK. One class for every code: the generated client names
 *   each modeled error as a type (`ServiceException<"UserNotFoundException">`)
 *   and a guard, so an app carries no code for the errors it does not test.
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

/** The service's answer was an error; `Name` is its code, when known. */
export class ServiceException<Name extends string = string> extends Error {
  /** The error code, sanitized (see `errorCode`). */
  declare readonly name: Name;
  // declared, set in the constructor: no field initializers in the output
  declare readonly $status: number;
  declare readonly $requestId: string | undefined;
  /** As the SDK decides it for codes it does not know; modeled errors agree (4xx client, 5xx server). */
  declare readonly $fault: "client" | "server";
  /** The parsed error body (`undefined` when it was empty or not JSON). */
  declare readonly $body: unknown;

  /** The message is the body's `message` or `Message`, else the name. */
  constructor(name: Name, status: number, requestId: string | undefined, body: unknown) {
    // Object(): a body that is not an object (a string, null, none) has neither member
    const { message, Message } = Object(body) as { message?: unknown; Message?: unknown };
    super(typeof message === "string" ? message : typeof Message === "string" ? Message : name);
    this.name = name;
    this.$status = status;
    this.$requestId = requestId;
    this.$fault = status < 500 ? "client" : "server";
    this.$body = body;
  }
}

/**
 * A service error of a code the operation does not list (or none:
 * "Unknown", as the SDK names it). A type only: every code is a
 * `ServiceException`, and the guards tell the listed ones apart.
 */
export type UnknownServiceException = ServiceException;

/** Whether `e` is the service's error answer (with that code, if one is given). */
export function isServiceException<Name extends string>(e: unknown, name?: Name): e is ServiceException<Name> {
  return e instanceof ServiceException && (name === undefined || e.name === name);
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
  const data = Object(body) as Readonly<Record<string, unknown>>;
  const code = Object.keys(data).find((k) => k.toLowerCase() === "code");
  for (const raw of [
    Object.hasOwn(data, "__type") && data["__type"],
    code && data[code],
    headers.get("x-amzn-errortype"),
  ]) {
    if (typeof raw !== "string" && typeof raw !== "number") continue;
    // no "#": the whole; else what follows the first "#" (up to a second one)
    const [head, tail = head] = String(raw).split(/[,:]/)[0]!.split("#");
    return tail;
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
  declare readonly operation: string;
  declare readonly reason: ClientFailureReason;
  /** The validation errors, for "invalid-response" and "empty-body"; else none. */
  declare readonly errors: readonly unknown[];

  constructor(
    operation: string,
    reason: ClientFailureReason,
    detail: string,
    cause?: unknown,
    errors: readonly unknown[] = [],
  ) {
    super(`${operation}: ${detail}`, cause === undefined ? undefined : { cause });
    this.name = reason === "aborted" ? "AbortError" : "ClientFailure";
    this.operation = operation;
    this.reason = reason;
    this.errors = errors;
  }
}
