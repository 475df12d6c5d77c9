/**
 * The corpus services the AWS SDK v3 suites (sdk-parity, sdk-auth, sdk-types,
 * sdk-output-types) compare with the SDK: each service of SHARED_DIR/corpus
 * whose SDK client package is a devDependency, in corpusServices' order. A
 * service found in the corpus without one is named by `servicesWithoutSdk`,
 * so that the suites say what they could not compare.
 */
import { once } from "node:events";
import { mkdtemp, writeFile } from "node:fs/promises";
import { createServer, type IncomingHttpHeaders } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { generate } from "../../generator/index.js";
import type { Declaration, Node, Service } from "../../generator/ir.js";
import { writeOutput } from "../../generator/write.js";
import { corpusServices, SHARED_DIR } from "./paths.js";
import { isTimestamp } from "./wire-sampler.js";

export interface SdkService {
  /** The service's id, as the generator names it (its folder in the corpus). */
  readonly id: string;
  /** The SDK's client package. */
  readonly package: string;
  /** Its client class. */
  readonly client: string;
}

const SDK_SERVICES: readonly SdkService[] = [
  { id: "cognito-idp", package: "@aws-sdk/client-cognito-identity-provider", client: "CognitoIdentityProviderClient" },
  { id: "cognito-identity", package: "@aws-sdk/client-cognito-identity", client: "CognitoIdentityClient" },
];

/** The corpus services with an SDK client to compare with. */
export function sdkServices(): SdkService[] {
  return corpusServices().flatMap((id) => SDK_SERVICES.filter((s) => s.id === id));
}

/**
 * The service's corpus generated into a new temporary folder (`<prefix><random>`, an ES module
 * package, so its .ts files can be imported): the folder (the caller removes it) and the service's IR.
 */
export async function generatedService(sdk: SdkService, prefix: string): Promise<{ readonly out: string; readonly service: Service }> {
  const result = await generate({ schemas: path.join(SHARED_DIR, "corpus", sdk.id, "json-schema") });
  const out = await mkdtemp(path.join(tmpdir(), prefix));
  await writeOutput(out, result.files);
  await writeFile(path.join(out, "package.json"), '{ "type": "module" }\n');
  return { out, service: result.ir.services.find((s) => s.id === sdk.id)! };
}

/** A request the capture server received. */
export interface Captured {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/**
 * A server on 127.0.0.1 that hands every request it receives to `seen` and answers it as a service
 * answers an operation with an empty output (200, `{}`, JSON 1.1): its endpoint, and how to stop it.
 */
export async function captureServer(seen: (request: Captured) => void): Promise<{ readonly endpoint: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      seen({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(200, { "content-type": "application/x-amz-json-1.1" });
      res.end("{}");
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The SDK client of a service, and its module (commands, `<Op>$` schemas…). */
export interface SdkClient {
  send(command: unknown): Promise<unknown>;
  destroy(): void;
  readonly config: unknown;
}

export type SdkModule = Readonly<Record<string, unknown>>;

export async function loadSdk(service: SdkService): Promise<SdkModule> {
  return (await import(service.package)) as SdkModule;
}

/** A new client of the service's SDK module, with these options. */
export function sdkClient(sdk: SdkModule, service: SdkService, options: object): SdkClient {
  const Client = sdk[service.client] as (new (options: object) => SdkClient) | undefined;
  if (!Client) throw new Error(`${service.package} has no ${service.client}`);
  return new Client(options);
}

/** The `paths` entry that maps the SDK package to its declaration file, for a program compiled in a temporary folder. */
export function sdkTypesPath(service: SdkService): Record<string, string[]> {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve(`${service.package}/package.json`);
  const { types } = require(manifest) as { readonly types: string };
  return { [service.package]: [path.join(path.dirname(manifest), types)] };
}

/** Whether a value of the node may hold a timestamp, at any depth. */
export function reachesTimestamp(node: Node, decls: ReadonlyMap<string, Declaration>, seen = new Set<string>()): boolean {
  if (isTimestamp(node)) return true;
  switch (node.kind) {
    case "ref":
      if (seen.has(node.target)) return false;
      seen.add(node.target);
      return reachesTimestamp(decls.get(node.target)!.node, decls, seen);
    case "array":
      return reachesTimestamp(node.items, decls, seen);
    case "object":
      return node.properties.some((p) => reachesTimestamp(p.node, decls, seen)) || (typeof node.additional === "object" && reachesTimestamp(node.additional, decls, seen));
    case "union":
    case "intersection":
      return node.members.some((m) => reachesTimestamp(m, decls, seen));
    default:
      return false;
  }
}
