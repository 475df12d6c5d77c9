/**
 * The fixed part of the request builders: the HTTP request shape, the
 * endpoint rule and the wire order of members. It is written, as it is, into
 * each output service folder as `runtime.ts` (so generated code has no
 * runtime dependency), and compiled and tested here as ordinary code.
 * Nothing from a schema enters this file.
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

/**
 * What a builder lacks, as the `this` type of its build(): nothing once every
 * required member is set; until then a member the builder does not have, so
 * the compiler refuses the call and its message names the missing members
 * (`Property '"missing required members"' is missing … "Username"`).
 */
export type MissingMembers<Required extends string, Set extends string> = [Exclude<Required, Set>] extends [never]
  ? unknown
  : { readonly "missing required members": Exclude<Required, Set> };

const REGION = /^[a-z]{2}(?:-[a-z0-9]+)+-\d+$/;

/**
 * The service's endpoint: the explicit one if given, else
 * `https://<host label>.<region>.amazonaws.com/` (`amazonaws.com.cn` in the
 * China regions). A region that is not one (it would change the host) is refused.
 */
export function endpointUrl(hostLabel: string, options: HttpRequestOptions): string {
  if (options.endpoint !== undefined) return options.endpoint;
  if (!REGION.test(options.region)) throw new RangeError(`not an AWS region: ${JSON.stringify(options.region)}`);
  const domain = options.region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
  return `https://${hostLabel}.${options.region}.${domain}/`;
}

/** Puts a value of some shape in wire order. */
export type WireOrder = (value: unknown) => unknown;

/**
 * A structure with its members in the given order (the AWS SDK's: required
 * members first, then the optional ones, each group in model order); members
 * that are `undefined` or not in the list are left out, as the SDK leaves
 * them. `nested` orders the values of members that are structures, or lists
 * or maps of them.
 */
export function inOrder(value: unknown, members: readonly string[], nested?: Readonly<Record<string, WireOrder>>): unknown {
  const source = value as Readonly<Record<string, unknown>>;
  const out: Record<string, unknown> = {};
  for (const name of members) {
    if (!Object.prototype.hasOwnProperty.call(source, name)) continue;
    const member = source[name];
    if (member === undefined) continue;
    const order = nested !== undefined && Object.prototype.hasOwnProperty.call(nested, name) ? nested[name] : undefined;
    // defined, not assigned: a member named "__proto__" stays a member
    Object.defineProperty(out, name, { value: order ? order(member) : member, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** The items of a list, each in wire order. */
export function eachItem(order: WireOrder): WireOrder {
  return (value) => (value as readonly unknown[]).map(order);
}

/** The values of a map, each in wire order; the keys keep the caller's order. */
export function eachValue(order: WireOrder): WireOrder {
  return (value) => {
    const source = value as Readonly<Record<string, unknown>>;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(source)) {
      const member = source[key];
      if (member !== undefined) Object.defineProperty(out, key, { value: order(member), enumerable: true, writable: true, configurable: true });
    }
    return out;
  };
}
