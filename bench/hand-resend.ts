/**
 * A ResendConfirmationCodeRequest validator written by hand, as fast as plain
 * code gets: the limit the generated one is measured against in
 * `npm run bench:validate`. Same semantics (code points, unanchored patterns,
 * own members, undefined as absent), first failure only.
 */
const CLIENT_ID = /[\w+]+/u;
const SECRET_HASH = /[\w+=/]+/u;
const USERNAME = /[\p{L}\p{M}\p{S}\p{N}\p{P}]+/u;

function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

function lengthBetween(s: string, min: number, max: number): boolean {
  const n = s.length;
  if (n >= min && n <= max) return true;
  const c = codePoints(s);
  return c >= min && c <= max;
}

function secretString(v: unknown, re: RegExp): boolean {
  return typeof v === "string" && lengthBetween(v, 1, 128) && re.test(v);
}

function own(o: Record<string, unknown>, k: string): unknown {
  return Object.hasOwn(o, k) ? o[k] : undefined;
}

function plain(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function optionalString(o: Record<string, unknown>, k: string): boolean {
  const m = own(o, k);
  return m === undefined || typeof m === "string";
}

export function handIsResend(v: unknown): boolean {
  if (!plain(v)) return false;
  if (!secretString(own(v, "ClientId"), CLIENT_ID)) return false;
  if (!secretString(own(v, "Username"), USERNAME)) return false;
  const hash = own(v, "SecretHash");
  if (hash !== undefined && !secretString(hash, SECRET_HASH)) return false;
  const context = own(v, "UserContextData");
  if (context !== undefined && !(plain(context) && optionalString(context, "IpAddress") && optionalString(context, "EncodedData"))) return false;
  const analytics = own(v, "AnalyticsMetadata");
  if (analytics !== undefined && !(plain(analytics) && optionalString(analytics, "AnalyticsEndpointId"))) return false;
  const metadata = own(v, "ClientMetadata");
  if (metadata !== undefined) {
    if (!plain(metadata)) return false;
    for (const k in metadata) {
      if (!Object.hasOwn(metadata, k)) continue;
      const m = metadata[k];
      if (m !== undefined && typeof m !== "string") return false;
    }
  }
  return true;
}
