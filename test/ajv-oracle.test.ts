/**
 * ajv as the oracle of the generated validators: the same schemas, the same
 * values, the same verdict (test/ajv-oracle.ts).
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as seed from "../output/cognito-idp/index.js";
import * as recursive from "./__snapshots__/recursive/cognito-idp/index.js";
import * as hostile from "./__snapshots__/hostile/cognito-idp/index.js";
import { generate } from "../generator/index.js";
import { agreement, agreementOn, ajvOracle } from "./ajv-oracle.js";
import { prng } from "./prng.js";
import { Sampler } from "./sampler.js";

const root = path.resolve(import.meta.dirname, "..");

interface Case {
  readonly fixture: string;
  readonly title: string;
  readonly is: (v: unknown) => boolean;
  readonly valid: unknown;
  /** Also compare on values drawn at the schema's edges; not where a `__proto__` member is required (ajv drops it from `required` too). */
  readonly edges: boolean;
  /** A response's validator: judged by the response reading of the schema (shape only). */
  readonly response?: boolean;
}

const node = { Name: "root", Id: 1, Children: [{ Name: "kid", Id: 2, Kind: "leaf" }], Weight: 3, Ratio: 0.5, Label: null, Shape: 3, Exactly: 3, Fixed: { a: [1, 2] }, Levels: 2 };
const CASES: Case[] = [
  {
    fixture: "schemas",
    title: "ResendConfirmationCodeRequest",
    is: seed.isResendConfirmationCodeRequest,
    valid: { ClientId: "abc123", SecretHash: "a=b+c/d", UserContextData: { IpAddress: "1.2.3.4", EncodedData: "x" }, Username: "alice", AnalyticsMetadata: { AnalyticsEndpointId: "e" }, ClientMetadata: { k: "v" } },
    edges: true,
  },
  { fixture: "schemas", title: "ResendConfirmationCodeResponse", is: seed.isResendConfirmationCodeResponse, valid: { CodeDeliveryDetails: { Destination: "a***@example.com", DeliveryMedium: "EMAIL", AttributeName: "email" } }, edges: true, response: true },
  { fixture: "test/fixtures/recursive", title: "TreeNodeType", is: recursive.isTreeNodeType, valid: node, edges: true },
  { fixture: "test/fixtures/recursive", title: "ListTreeRequest", is: recursive.isListTreeRequest, valid: { Root: node, Tags: { a: 1 } }, edges: true },
  { fixture: "test/fixtures/hostile", title: "HostileRequest", is: hostile.isHostileRequest, valid: { build: "b", Build: "B", toHttpRequest: "t", delete: "d" }, edges: false },
];

describe("generated validators agree with ajv (draft 2020-12, allErrors)", () => {
  it.each(CASES.map((c) => [`${c.fixture}: ${c.title}`, c] as const))("%s", async (_name, c) => {
    const oracle = (await ajvOracle(path.join(root, c.fixture), { repaired: true }))(c.title, c.response);
    expect(oracle(c.valid)).toBe(true);
    expect(c.is(c.valid)).toBe(true);
    const result = agreement(oracle, c.is, c.valid, 3000);
    expect(result.disagreements).toEqual([]);
    // the values exercise both verdicts
    // a response is judged by its shape alone, so fewer of the values fail it
    expect(result.invalid).toBeGreaterThan(c.response ? 150 : 300);
    expect(result.invalid).toBeLessThan(result.compared - 10);
    expect(result.skipped).toBeLessThan(1000);

    if (!c.edges) return;
    const service = (await generate({ schemas: path.join(root, c.fixture) })).ir.services[0]!;
    const decl = service.declarations.find((d) => d.title === c.title)!;
    const sampler = new Sampler(service, prng(5));
    const edges = agreementOn(oracle, c.is, () => sampler.sample(decl.node), 3000);
    expect(edges.disagreements).toEqual([]);
    expect(edges.invalid).toBeGreaterThan(edges.compared / (c.response ? 20 : 10));
    expect(edges.invalid).toBeLessThan(edges.compared - 30);
  });
});
