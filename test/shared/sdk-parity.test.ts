/**
 * Wire parity with the AWS SDK v3: for every operation of each corpus service
 * with an SDK client (sdk-services.ts), a full request (every member at every depth) and a minimal one
 * (required members only), drawn by the wire sampler and valid against our
 * validators, go through the SDK client (to a capture server on 127.0.0.1)
 * and through our `<op>HttpRequest` builders. Method, path, content-type,
 * x-amz-target and the body's bytes must be the same, but for the differences
 * listed in KNOWN_DIFFERENCES, each with its reason.
 *
 * The target order on the wire is the SDK's: required members first, then the
 * optional ones, each group in model order, at every depth (free-form maps keep
 * the caller's order). The sampler inserts structure members in a shuffled
 * order, so an exact match shows that our builders put them in that order.
 *
 * Needs ../shared (SHARED_DIR), like the other suites of vitest.shared.config.ts:
 * `npx vitest run --config vitest.shared.config.ts test/shared/sdk-parity.test.ts`.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JsonValue } from "../../generator/escape.js";
import { declarationMap, type Declaration, type Node, type Service } from "../../generator/ir.js";
import { captureServer, generatedService, loadSdk, sdkClient, sdkServices, type Captured, type SdkClient, type SdkModule, type SdkService } from "./sdk-services.js";
import { isTimestamp, VARIANTS, WireSampler, type Variant } from "./wire-sampler.js";

/**
 * Per service, the differences from the SDK that are known and explained (none for a service not
 * listed): anything else differing, or any of these not differing, fails.
 */
const KNOWN_DIFFERENCES: Readonly<Record<string, readonly { readonly operation: string; readonly variant: Variant; readonly kind: DiffKind; readonly reason: string }[]>> = {
  "cognito-idp": [
    {
      operation: "SignUp",
      variant: "full",
      kind: "order",
      reason: "model drift: the corpus has SignUp.Password required, the SDK optional, so the SDK writes it among the optional members (after SecretHash) and we among the required ones",
    },
    {
      operation: "ChangePassword",
      variant: "full",
      kind: "order",
      reason: "model drift: the corpus has ChangePassword.PreviousPassword required, the SDK optional, so the SDK writes it after ProposedPassword and AccessToken and we first",
    },
    {
      operation: "ChangePassword",
      variant: "minimal",
      kind: "order",
      reason: "model drift, as for the full request: PreviousPassword is among our required members, hence in the minimal request, and last in the SDK's order",
    },
  ],
};

/** Per service, the blob members of its model (base64 text for us, bytes for the SDK), as `<Operation>/<member path>`. */
const BLOBS: Readonly<Record<string, readonly string[]>> = {
  "cognito-idp": ["SetUICustomization/ImageFile"],
};

/** `order`: the same JSON once our body is put in the SDK's member order; `content`: anything else (values, members, number or string formatting). */
type DiffKind = "order" | "content";

interface HttpRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

type ToHttp = (request: unknown, options: { readonly region: string }) => HttpRequest;
type SdkCommandClass = new (input: unknown) => unknown;

// ---------------------------------------------------------------------------
// The SDK's static schemas (dist-es/schemas/schemas_0.js, exported as `<Name>$`),
// read just enough to know its member order, its blobs and its timestamps.
// Structures are `[3, ns, name, traits, memberNames, memberSchemas, requiredCount?]`,
// lists `[1, ns, name, traits, item]`, maps `[2, ns, name, traits, key, value]`,
// simple shapes with traits `[0, ns, name, traits, schema]`, operations
// `[9, ns, name, traits, input, output]`, members `[schema, traits]`; numbers
// are simple types (21 blob, 4–7 timestamps) with 64 (list of) and 128 (map of) bits.

type SdkShape =
  | { readonly kind: "struct"; readonly name: string; readonly members: readonly string[]; readonly schemas: readonly unknown[] }
  | { readonly kind: "list"; readonly item: unknown }
  | { readonly kind: "map"; readonly value: unknown }
  | { readonly kind: "blob" | "timestamp" | "other" };

const SIMPLE_TIMESTAMPS = new Set([4, 5, 6, 7]);
const SIMPLE_BLOB = 21;

function sdkShape(schema: unknown): SdkShape {
  let s = schema;
  while (typeof s === "function") s = (s as () => unknown)();
  if (Array.isArray(s) && s.length === 2) return sdkShape(s[0]);
  if (typeof s === "number") {
    if (s & 64) return { kind: "list", item: s & 63 };
    if (s & 128) return { kind: "map", value: s & 127 };
    if (s === SIMPLE_BLOB) return { kind: "blob" };
    if (SIMPLE_TIMESTAMPS.has(s)) return { kind: "timestamp" };
    return { kind: "other" };
  }
  if (!Array.isArray(s)) return { kind: "other" };
  const tuple: readonly unknown[] = s;
  switch (tuple[0]) {
    case 0:
      return sdkShape(tuple[4]);
    case 1:
      return { kind: "list", item: tuple[4] };
    case 2:
      return { kind: "map", value: tuple[5] };
    case 3:
    case 4:
    case -3:
      return { kind: "struct", name: String(tuple[2]), members: tuple[4] as readonly string[], schemas: tuple[5] as readonly unknown[] };
    default:
      return { kind: "other" };
  }
}

function sdkInputSchema(sdk: SdkModule, operation: string): unknown {
  const op = sdk[`${operation}$`];
  if (!Array.isArray(op) || op[0] !== 9) throw new Error(`the SDK has no operation schema ${operation}$`);
  return op[4];
}

function isRecord(v: unknown): v is Readonly<Record<string, unknown>> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array) && !(v instanceof Date);
}

/** Own members in order, "__proto__" included, without going through the prototype. */
function entries(v: Readonly<Record<string, unknown>>): [string, unknown][] {
  return Object.keys(v).map((k) => [k, Object.getOwnPropertyDescriptor(v, k)!.value as unknown]);
}

function define(out: Record<string, unknown>, k: string, v: unknown): void {
  Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
}

/**
 * The value with the SDK's types where ours differ (what a caller of the SDK
 * would pass): a blob's base64 text becomes its bytes. Structures, lists and
 * maps are copied as they are; `at` names each blob met.
 */
function withSdkBlobs(value: unknown, schema: unknown, at: string, blobs: string[]): unknown {
  const shape = sdkShape(schema);
  if (shape.kind === "blob" && typeof value === "string") {
    blobs.push(at);
    return new Uint8Array(Buffer.from(value, "base64"));
  }
  if (shape.kind === "list" && Array.isArray(value)) return value.map((v: unknown, i) => withSdkBlobs(v, shape.item, `${at}/${i}`, blobs));
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries(value)) {
    const i = shape.kind === "struct" ? shape.members.indexOf(k) : -1;
    const inner = shape.kind === "struct" ? (i >= 0 ? shape.schemas[i] : undefined) : shape.kind === "map" ? shape.value : undefined;
    define(out, k, withSdkBlobs(v, inner, `${at}/${k}`, blobs));
  }
  return out;
}

/**
 * A blob is base64 text for us and bytes for the SDK, which encodes them in
 * canonical base64: a blob member gets the canonical base64 of the text drawn
 * for it (the corpus's ImageFileType is a plain string), so that both sides
 * send the same text.
 */
function canonicalBlobs(value: JsonValue, schema: unknown): JsonValue {
  const shape = sdkShape(schema);
  if (shape.kind === "blob" && typeof value === "string") return Buffer.from(value, "utf8").toString("base64");
  if (shape.kind === "list" && Array.isArray(value)) return value.map((v: JsonValue) => canonicalBlobs(v, shape.item));
  if (!isRecord(value)) return value;
  const out: Record<string, JsonValue> = {};
  for (const [k, v] of entries(value)) {
    const i = shape.kind === "struct" ? shape.members.indexOf(k) : -1;
    const inner = shape.kind === "struct" ? (i >= 0 ? shape.schemas[i] : undefined) : shape.kind === "map" ? shape.value : undefined;
    define(out, k, canonicalBlobs(v as JsonValue, inner));
  }
  return out;
}

/**
 * Timestamps, found through our IR: epoch seconds (a number) for us, a Date
 * for the SDK (ISO text, if the generator still gives `date-time` strings).
 */
function withSdkDates(value: unknown, node: Node, decls: ReadonlyMap<string, Declaration>, at: string, dates: string[]): unknown {
  if (isTimestamp(node)) {
    dates.push(at);
    // rounded: 1.580000000123e9 * 1000 may land a hair below the millisecond, which Date would truncate
    if (typeof value === "number") return new Date(Math.round(value * 1000));
    if (typeof value === "string") return new Date(value);
    return value;
  }
  switch (node.kind) {
    case "ref":
      return withSdkDates(value, decls.get(node.target)!.node, decls, at, dates);
    case "array":
      return Array.isArray(value) ? value.map((v: unknown, i) => withSdkDates(v, node.items, decls, `${at}/${i}`, dates)) : value;
    case "intersection":
    case "union":
      return node.members.reduce((v, m) => withSdkDates(v, m, decls, at, dates), value);
    case "object": {
      if (!isRecord(value)) return value;
      const out: Record<string, unknown> = {};
      for (const [k, v] of entries(value)) {
        const member = node.properties.find((p) => p.name === k)?.node ?? (typeof node.additional === "object" ? node.additional : undefined);
        define(out, k, member ? withSdkDates(v, member, decls, `${at}/${k}`, dates) : v);
      }
      return out;
    }
    default:
      return value;
  }
}

/** Our parsed body with every structure's members in the SDK's order (members it does not know last, as they were). */
function inSdkOrder(value: unknown, schema: unknown): unknown {
  const shape = sdkShape(schema);
  if (Array.isArray(value)) return value.map((v: unknown) => inSdkOrder(v, shape.kind === "list" ? shape.item : undefined));
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  if (shape.kind === "struct") {
    shape.members.forEach((m, i) => {
      if (Object.prototype.hasOwnProperty.call(value, m)) define(out, m, inSdkOrder(value[m], shape.schemas[i]));
    });
    for (const [k, v] of entries(value)) if (!shape.members.includes(k)) define(out, k, v);
    return out;
  }
  for (const [k, v] of entries(value)) define(out, k, inSdkOrder(v, shape.kind === "map" ? shape.value : undefined));
  return out;
}

/** Every member's JSON pointer, in document order: where two bodies' key orders part. */
function keyPaths(value: unknown, at = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((v: unknown, i) => keyPaths(v, `${at}/${i}`));
  if (!isRecord(value)) return [];
  return entries(value).flatMap(([k, v]) => [`${at}/${k}`, ...keyPaths(v, `${at}/${k}`)]);
}

function describeDiff(ours: Buffer, theirs: Buffer): string {
  let offset = 0;
  while (offset < ours.length && offset < theirs.length && ours[offset] === theirs[offset]) offset++;
  // cut at character boundaries (not inside a UTF-8 sequence), so the excerpts read
  const boundary = (b: Buffer, i: number): number => {
    let j = Math.max(0, Math.min(i, b.length));
    while (j > 0 && j < b.length && (b[j]! & 0xc0) === 0x80) j--;
    return j;
  };
  const around = (b: Buffer): string => JSON.stringify(b.subarray(boundary(b, offset - 12), boundary(b, offset + 28)).toString("utf8"));
  const a = keyPaths(JSON.parse(ours.toString("utf8")));
  const b = keyPaths(JSON.parse(theirs.toString("utf8")));
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  const order = k < a.length || k < b.length ? `; key order parts at #${k}: ours ${a.slice(k, k + 3).join(" ")} | sdk ${b.slice(k, k + 3).join(" ")}` : "; same key order";
  return `first differing byte ${offset} (ours ${ours.length} bytes, sdk ${theirs.length}): ours ${around(ours)} | sdk ${around(theirs)}${order}`;
}

/** A header of ours, whatever the case of its name (HTTP header names are case-insensitive; Node gives the SDK's in lower case). */
function header(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  return Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1];
}

// ---------------------------------------------------------------------------

interface Row {
  readonly operation: string;
  readonly variant: Variant;
  readonly result: "exact" | DiffKind;
  readonly detail: string;
}

describe.each(sdkServices())("$id: wire parity with the AWS SDK v3", (target: SdkService) => {
  let out: string;
  let server: Awaited<ReturnType<typeof captureServer>> | undefined;
  let client: SdkClient;
  let sdk: SdkModule;
  const captured: Captured[] = [];
  let service: Service;
  let builders: Readonly<Record<string, unknown>>;
  let validators: Readonly<Record<string, unknown>>;

  beforeAll(async () => {
    ({ out, service } = await generatedService(target, "cognito-codegen-sdk-parity-"));
    builders = (await import(pathToFileURL(path.join(out, target.id, "builders.ts")).href)) as Readonly<Record<string, unknown>>;
    validators = (await import(pathToFileURL(path.join(out, target.id, "validators.ts")).href)) as Readonly<Record<string, unknown>>;

    server = await captureServer((request) => captured.push(request));
    sdk = await loadSdk(target);
    client = sdkClient(sdk, target, {
      region: "us-east-1",
      endpoint: server.endpoint,
      credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
      maxAttempts: 1,
    });
  });

  afterAll(async () => {
    client?.destroy();
    await server?.close();
    if (out) await rm(out, { recursive: true, force: true });
  });

  it("every operation, full and minimal: same method, path, content-type, x-amz-target and body bytes, but for the known differences", async () => {
    const decls = declarationMap(service);
    const sampler = new WireSampler(service, 2024, { validators, shuffleMembers: true });
    const rows: Row[] = [];
    const headerMismatches: string[] = [];
    const converted = { blobs: [] as string[], dates: [] as string[] };

    for (const op of service.operations) {
      const requestDecl = decls.get(op.request)!;
      const inputSchema = sdkInputSchema(sdk, op.name);
      const toHttp = builders[op.names.toHttp] as ToHttp | undefined;
      const Command = sdk[`${op.name}Command`] as SdkCommandClass | undefined;
      if (!toHttp) throw new Error(`builders.ts has no ${op.names.toHttp}`);
      if (!Command) throw new Error(`the SDK has no ${op.name}Command`);

      for (const variant of VARIANTS) {
        const request = canonicalBlobs(sampler.sampleDeclaration(requestDecl, variant), inputSchema);
        const ours = toHttp(request, { region: "us-east-1" });

        const input = withSdkBlobs(withSdkDates(request, requestDecl.node, decls, op.name, converted.dates), inputSchema, op.name, converted.blobs);
        const before = captured.length;
        await client.send(new Command(input));
        expect(captured.length, `${op.name}: the SDK sent one request`).toBe(before + 1);
        const theirs = captured[captured.length - 1]!;

        const checks: [string, unknown, unknown][] = [
          ["method", ours.method, theirs.method],
          ["path", new URL(ours.url).pathname, theirs.path],
          ["content-type", header(ours.headers, "content-type"), theirs.headers["content-type"]],
          ["x-amz-target", header(ours.headers, "x-amz-target"), theirs.headers["x-amz-target"]],
        ];
        for (const [what, a, b] of checks) if (a !== b) headerMismatches.push(`${op.name} (${variant}) ${what}: ours ${JSON.stringify(a)}, sdk ${JSON.stringify(b)}`);

        const body = Buffer.from(ours.body, "utf8");
        if (body.equals(theirs.body)) {
          rows.push({ operation: op.name, variant, result: "exact", detail: "" });
          continue;
        }
        const reordered = Buffer.from(JSON.stringify(inSdkOrder(JSON.parse(ours.body), inputSchema)), "utf8");
        rows.push({ operation: op.name, variant, result: reordered.equals(theirs.body) ? "order" : "content", detail: describeDiff(body, theirs.body) });
      }
    }

    const differing = rows.filter((r) => r.result !== "exact");
    const table = [
      `SDK parity: ${rows.length} requests (${service.operations.length} operations × ${VARIANTS.join(", ")}): ${rows.length - differing.length} exact, ${differing.filter((r) => r.result === "order").length} differ only by member order, ${differing.filter((r) => r.result === "content").length} differ in content`,
      ...differing.map((r) => `  ${r.result === "order" ? "order  " : "content"} ${r.operation} (${r.variant}): ${r.detail}`),
      `  converted for the SDK: blobs ${converted.blobs.length ? [...new Set(converted.blobs)].join(", ") : "none"}; timestamps ${converted.dates.length ? [...new Set(converted.dates)].join(", ") : "none"}`,
    ];
    console.log(table.join("\n"));

    expect(headerMismatches).toEqual([]);
    expect(rows.length).toBeGreaterThan(0);
    expect(differing.map((r) => `${r.operation} (${r.variant}): ${r.result}`).sort()).toEqual((KNOWN_DIFFERENCES[target.id] ?? []).map((k) => `${k.operation} (${k.variant}): ${k.kind}`).sort());
    // the blobs of the model went through as bytes, and came out as the same text
    expect([...new Set(converted.blobs)]).toEqual(BLOBS[target.id] ?? []);
  });
});
