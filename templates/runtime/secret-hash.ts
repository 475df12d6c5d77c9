/**
 * The SECRET_HASH Cognito asks for when an app client has a secret:
 * Base64(HMAC-SHA256(key = client secret, message = username + client id)),
 * all strings as UTF-8. Made with WebCrypto and `btoa`, which Node 20 and
 * browsers both have, so the output needs no crypto package and no `Buffer`.
 * (A client secret belongs on a server; in a browser anyone can read it.)
 *
 * The client fills a SECRET_HASH in only through the hook an app passes
 * (`secretHash: fromClientSecret(secret)`), so an app without a client
 * secret carries none of this code.
 */

/** The little of the platform used here; declared locally because generated code compiles without DOM or Node types. */
interface Platform {
  readonly crypto?: {
    readonly subtle?: {
      importKey(
        format: "raw",
        key: Uint8Array,
        algorithm: { name: "HMAC"; hash: "SHA-256" },
        extractable: false,
        usages: ["sign"],
      ): Promise<unknown>;
      sign(algorithm: "HMAC", key: unknown, data: Uint8Array): Promise<ArrayBuffer>;
    };
  };
  readonly TextEncoder: new () => { encode(text: string): Uint8Array };
  btoa(binary: string): string;
}

export async function secretHash(input: {
  readonly username: string;
  readonly clientId: string;
  readonly clientSecret: string;
}): Promise<string> {
  const platform = globalThis as unknown as Platform;
  const subtle = platform.crypto?.subtle;
  // crypto.subtle exists only in secure contexts in browsers (https, localhost)
  if (subtle === undefined) throw new Error("secretHash: WebCrypto (globalThis.crypto.subtle) is not available here");
  // WebCrypto refuses an empty HMAC key with a DataError that does not say which input
  if (input.clientSecret === "") throw new RangeError("secretHash: the client secret is empty");
  const utf8 = new platform.TextEncoder();
  const key = await subtle.importKey("raw", utf8.encode(input.clientSecret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  const mac = new Uint8Array(await subtle.sign("HMAC", key, utf8.encode(input.username + input.clientId)));
  // btoa takes a "binary string", one char per byte; 32 bytes fit one fromCharCode call
  return platform.btoa(String.fromCharCode(...mac));
}

/**
 * Where an operation takes its SECRET_HASH: the `SecretHash` member, or the
 * `SECRET_HASH` key of its `AuthParameters` / `ChallengeResponses` map.
 */
export type SecretHashPlace = "SecretHash" | "AuthParameters" | "ChallengeResponses";

/**
 * The request with its SECRET_HASH made from the client secret (a new object;
 * the request is not touched). The user name is the request's `Username`, else
 * the map's `USERNAME`; the client id its `ClientId`. Without them there is no
 * hash to make, and that is an error naming the operation.
 */
export async function withSecretHash<T extends object>(
  operation: string,
  request: T,
  place: SecretHashPlace,
  clientSecret: string,
): Promise<T> {
  const members = request as Readonly<Record<string, unknown>>;
  const map = place === "SecretHash" ? undefined : ((members[place] ?? {}) as Readonly<Record<string, unknown>>);
  const username = members["Username"] ?? map?.["USERNAME"];
  const clientId = members["ClientId"];
  if (typeof username !== "string" || typeof clientId !== "string") {
    throw new TypeError(
      `${operation}: a client secret was given, but the SECRET_HASH needs ${typeof clientId !== "string" ? "ClientId" : place === "SecretHash" ? "Username" : `${place}.USERNAME`}`,
    );
  }
  const hash = await secretHash({ username, clientId, clientSecret });
  return (
    map === undefined ? { ...request, SecretHash: hash } : { ...request, [place]: { ...map, SECRET_HASH: hash } }
  ) as T;
}

/**
 * What the client's `secretHash` option takes: the request of an operation
 * with its SECRET_HASH filled in at `place` (a new object). The operation
 * names the request in errors.
 */
export type SecretHashHook = <T extends object>(operation: string, request: T, place: SecretHashPlace) => Promise<T>;

/** The hook that makes each SECRET_HASH from the app client's secret (see `withSecretHash`). */
export function fromClientSecret(clientSecret: string): SecretHashHook {
  return (operation, request, place) => withSecretHash(operation, request, place, clientSecret);
}
