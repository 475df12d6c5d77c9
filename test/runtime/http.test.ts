/** The builders' runtime module (templates/runtime/http.ts) as code: endpoints and wire order. */
import { describe, expect, it } from "vitest";
import { eachItem, eachValue, endpointUrl, httpRequest, inOrder, type ServiceInfo } from "../../templates/runtime/http.js";

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
    expect(() => endpointUrl("svc", { region })).toThrow(new RangeError(`endpointUrl: not an AWS region: ${JSON.stringify(region)}`));
  });

  it("refuses options with neither a region nor an endpoint, naming the operation it is given", () => {
    expect(() => endpointUrl("svc", {}, "SignUp")).toThrow(new TypeError("SignUp: pass a region or an endpoint"));
  });
});

describe("httpRequest", () => {
  const service: ServiceInfo = { hostLabel: "cognito-idp", targetPrefix: "AWSCognitoIdentityProviderService", contentType: "application/x-amz-json-1.1" };

  it("is a POST to the endpoint with the content type, the target of the service's prefix and the operation, the body as JSON", () => {
    expect(httpRequest(service, "SignUp", { ClientId: "c" }, { region: "eu-west-1" })).toEqual({
      method: "POST",
      url: "https://cognito-idp.eu-west-1.amazonaws.com/",
      headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AWSCognitoIdentityProviderService.SignUp" },
      body: '{"ClientId":"c"}',
    });
  });

  it("takes a target of the operation's own, and an endpoint without a region", () => {
    expect(httpRequest(service, "SignUp", {}, { endpoint: "http://127.0.0.1:9229/" }, "Other.SignUpV2")).toMatchObject({
      url: "http://127.0.0.1:9229/",
      headers: { "x-amz-target": "Other.SignUpV2" },
      body: "{}",
    });
  });

  it("needs a region or an endpoint, and says so naming the operation", () => {
    expect(() => httpRequest(service, "SignUp", {}, {})).toThrow(new TypeError("SignUp: pass a region or an endpoint"));
    expect(() => httpRequest(service, "SignUp", {}, { region: "evil.test/#" })).toThrow(new RangeError('SignUp: not an AWS region: "evil.test/#"'));
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

  it("map values in wire order keep a key named __proto__ a key, and leave out undefined values", () => {
    const map = JSON.parse('{"__proto__": {"v": 1, "k": "a"}, "b": {"k": "b"}}') as Record<string, unknown>;
    map["c"] = undefined;
    const out = eachValue((v) => inOrder(v, ["k", "v"]))(map) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(JSON.stringify(out)).toBe('{"__proto__":{"k":"a","v":1},"b":{"k":"b"}}');
    expect(Object.keys(out)).toEqual(["__proto__", "b"]);
  });

  it("a nested order given for a member named like an Object.prototype property is not taken from the prototype", () => {
    expect(JSON.stringify(inOrder({ toString: { b: 1, a: 2 } }, ["toString"], {}))).toBe('{"toString":{"b":1,"a":2}}');
  });
});
