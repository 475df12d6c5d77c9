/**
 * The fixed part of the request builders and the client: the HTTP request
 * of the AWS JSON protocol, the endpoint rule and the wire order of members.
 * It is written, as it is, into each output service folder as
 * `runtime/http.ts` (so generated code has no runtime dependency), and
 * compiled and tested here as ordinary code. Nothing from a schema enters
 * this file.
 */

/** An HTTP request, ready for fetch() or any HTTP client. */
export interface HttpRequest {
  readonly method: "POST";
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface HttpRequestOptions {
  /** An AWS region, e.g. "us-east-1". */
  readonly region: string;
  /** Another endpoint (a local emulator, a VPC endpoint); the region is then not used in the URL. */
  readonly endpoint?: string;
}

/** How a service's operations go on the wire (the generated wire.ts has the service's). */
export interface ServiceInfo {
  /** The endpoint's host label: "cognito-idp". */
  readonly hostLabel: string;
  /** Of the x-amz-target header: "AWSCognitoIdentityProviderService" (then "." and the operation). */
  readonly targetPrefix: string;
  /** "application/x-amz-json-1.1" */
  readonly contentType: string;
}

/**
 * What a builder lacks, as the `this` type of its build(): nothing once every
 * required member is set; until then a member the builder does not have, so
 * the compiler refuses the call and its message names the missing members
 * (`Property '"missing required members"' is missing … "Username"`).
 */
export type MissingMembers<Required extends string, Set extends string> = [Exclude<Required, Set>] extends [never]
  ? unknown
  : { readonly "missing required members": Exclude<Required, Set> };

/** Where to send: `HttpRequestOptions`, or the client's options (where the region is optional too). */
export interface EndpointOptions {
  readonly region?: string | undefined;
  readonly endpoint?: string | undefined;
}

const REGION = /^[a-z]{2}(?:-[a-z0-9]+)+-\d+$/;

/**
 * The service's endpoint: the explicit one if given, else
 * `https://<host label>.<region>.amazonaws.com/` (`amazonaws.com.cn` in the
 * China regions). A region that is not one (it would change the host) is
 * refused, and so are options with neither; the errors name `operation`.
 */
export function endpointUrl(hostLabel: string, options: EndpointOptions, operation = "endpointUrl"): string {
  const { region, endpoint } = options;
  if (endpoint !== undefined) return endpoint;
  if (region === undefined) throw new TypeError(`${operation}: pass a region or an endpoint`);
  if (!REGION.test(region)) throw new RangeError(`${operation}: not an AWS region: ${JSON.stringify(region)}`);
  return `https://${hostLabel}.${region}.amazonaws.com${region.startsWith("cn-") ? ".cn" : ""}/`;
}

/**
 * An operation's request: POST to the endpoint, the protocol's content type
 * and `x-amz-target` (the service's prefix and the operation's name, unless
 * the operation has a target of its own), the body (already checked and in
 * wire order) as JSON.
 */
export function httpRequest(
  service: ServiceInfo,
  operation: string,
  body: unknown,
  options: EndpointOptions,
  target = `${service.targetPrefix}.${operation}`,
): HttpRequest {
  return {
    method: "POST",
    url: endpointUrl(service.hostLabel, options, operation),
    headers: { "content-type": service.contentType, "x-amz-target": target },
    body: JSON.stringify(body),
  };
}

/** Puts a value of some shape in wire order. */
export type WireOrder = (value: unknown) => unknown;

/**
 * A structure with its members in the given order (the AWS SDK's: required
 * members first, then the optional ones, each group in model order); members
 * that are `undefined` or not in the list are left out, as the SDK leaves
 * them. `nested` orders the values of members that are structures, or lists
 * or maps of them. Own members only, of the value and of `nested`; the
 * result is made with `Object.fromEntries`, so a member named "__proto__"
 * stays a member.
 */
export function inOrder(
  value: unknown,
  members: readonly string[],
  nested?: Readonly<Record<string, WireOrder>>,
): unknown {
  return Object.fromEntries(
    members.flatMap((name) => {
      const member = Object.hasOwn(value as object, name)
        ? (value as Readonly<Record<string, unknown>>)[name]
        : undefined;
      const order = nested && Object.hasOwn(nested, name) ? nested[name] : undefined;
      return member === undefined ? [] : [[name, order ? order(member) : member]];
    }),
  );
}

/** The items of a list, each in wire order. */
export function eachItem(order: WireOrder): WireOrder {
  return (value) => (value as readonly unknown[]).map(order);
}

/** The values of a map, each in wire order; the keys keep the caller's order. */
export function eachValue(order: WireOrder): WireOrder {
  return (value) =>
    Object.fromEntries(
      Object.entries(value as Readonly<Record<string, unknown>>).flatMap(([key, member]) =>
        member === undefined ? [] : [[key, order(member)]],
      ),
    );
}
