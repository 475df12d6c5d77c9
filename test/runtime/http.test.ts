/** The builders' runtime module (templates/runtime/http.ts) as code: endpoints and wire order. */
import { describe, expect, it } from "vitest";
import { eachItem, eachValue, endpointUrl, inOrder } from "../../templates/runtime/http.js";

describe("endpointUrl", () => {
  it.each([
    ["us-east-1", "https://svc.us-east-1.amazonaws.com/"],
    ["eu-central-2", "https://svc.eu-central-2.amazonaws.com/"],
    ["us-gov-west-1", "https://svc.us-gov-west-1.amazonaws.com/"],
    ["cn-north-1", "https://svc.cn-north-1.amazonaws.com.cn/"],
    ["cn-northwest-1", "https://svc.cn-northwest-1.amazonaws.com.cn/"],
  ])("%s → %s", (region, url) => {
    expect(endpointUrl("svc", { region })).toBe(url);
  });

  it("an explicit endpoint wins, and the region is then not checked", () => {
    expect(endpointUrl("svc", { region: "anything", endpoint: "http://127.0.0.1:1/" })).toBe("http://127.0.0.1:1/");
  });

  it.each(["", "us-east-1.evil.test", "evil.test/#", "US-EAST-1", "us-east-1 ", "us-east"])("refuses %j as a region", (region) => {
    expect(() => endpointUrl("svc", { region })).toThrow(RangeError);
  });
});

describe("inOrder", () => {
  it("writes the listed members in the list's order, leaving out undefined and unlisted ones", () => {
    expect(JSON.stringify(inOrder({ c: 3, a: 1, x: 9, b: undefined }, ["a", "b", "c"]))).toBe('{"a":1,"c":3}');
  });

  it("orders nested values, in lists and in map values, with map keys in the caller's order", () => {
    const inner = (v: unknown): unknown => inOrder(v, ["k", "v"]);
    const value = { list: [{ v: 1, k: "a" }], map: { z: { v: 2, k: "b" }, a: { v: 3, k: "c" } }, one: { v: 4, k: "d" } };
    const out = inOrder(value, ["one", "list", "map"], { one: inner, list: eachItem(inner), map: eachValue(inner) });
    expect(JSON.stringify(out)).toBe('{"one":{"k":"d","v":4},"list":[{"k":"a","v":1}],"map":{"z":{"k":"b","v":2},"a":{"k":"c","v":3}}}');
  });

  it("reads only own members and keeps a member named __proto__ a member", () => {
    const source = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as unknown;
    const inherited = Object.create({ b: 2 }) as Record<string, unknown>;
    const out = inOrder(source, ["a", "__proto__"]) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(JSON.stringify(out)).toBe('{"a":1,"__proto__":{"polluted":true}}');
    expect(JSON.stringify(inOrder(inherited, ["b"]))).toBe("{}");
  });

  it("a nested order given for a member named like an Object.prototype property is not taken from the prototype", () => {
    expect(JSON.stringify(inOrder({ toString: { b: 1, a: 2 } }, ["toString"], {}))).toBe('{"toString":{"b":1,"a":2}}');
  });
});
