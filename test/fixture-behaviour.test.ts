/**
 * Behaviour of the generated code of the fixtures, run from their reviewed
 * file snapshots: recursion, type lists, anyOf/oneOf, const, enum, numbers,
 * closed objects, hostile keys.
 */
import { describe, expect, it } from "vitest";
import { hostile, HostileBuilder, validateEvilType } from "./__snapshots__/hostile/cognito-idp/index.js";
import { listTree, validateTreeNodeType } from "./__snapshots__/recursive/cognito-idp/index.js";
import { getId } from "./__snapshots__/two-services/cognito-identity/index.js";
import { validateDatasetName } from "./__snapshots__/two-services/cognito-sync/index.js";

const keywords = (value: unknown) => {
  const r = validateTreeNodeType(value);
  return r.ok ? [] : r.errors.map((e) => `${e.instancePath} ${e.keyword}`);
};
const node = { Name: "root", Id: 1 };

describe("recursive fixture", () => {
  it("validates through recursion in items and properties", () => {
    expect(keywords({ ...node, Children: [{ ...node, Children: [{ ...node, Name: "BAD" }] }], Parent: node })).toEqual(["/Children/0/Children/0/Name pattern"]);
    expect(keywords({ ...node, Parent: { Name: "p" } })).toEqual(["/Parent required"]);
  });

  it.each([
    ["other members: integers", { ...node, Extra: 1 }, []],
    ["other members: not integers", { ...node, Extra: "x" }, ["/Extra type"]],
    ["a required member governed by additionalProperties", { ...node, Id: "x" }, ["/Id type"]],
    ["integer bounds", { ...node, Weight: 101 }, ["/Weight maximum"]],
    ["an integer", { ...node, Weight: 1.5 }, ["/Weight type"]],
    ["exclusive bounds", { ...node, Ratio: 1 }, ["/Ratio exclusiveMaximum"]],
    ["a decimal multipleOf", { ...node, Ratio: 0.3 }, ["/Ratio multipleOf"]],
    ["a decimal multiple", { ...node, Ratio: 0.75 }, []],
    ["a type list: null", { ...node, Label: null }, []],
    ["a type list: long string", { ...node, Label: "toolong" }, ["/Label maxLength"]],
    ["a type list: number", { ...node, Label: 3 }, ["/Label type"]],
    ["a $defs enum", { ...node, Kind: "trunk" }, ["/Kind enum"]],
    ["anyOf: a name", { ...node, Shape: "abc" }, []],
    ["anyOf: an integer", { ...node, Shape: 3 }, []],
    ["anyOf: neither", { ...node, Shape: 3.5 }, ["/Shape type", "/Shape type", "/Shape anyOf"]],
    ["oneOf: both match", { ...node, Exactly: 12 }, ["/Exactly oneOf"]],
    ["oneOf: one matches", { ...node, Exactly: 3 }, []],
    ["const: deep equal", { ...node, Fixed: { a: [1, 2] } }, []],
    ["const: different", { ...node, Fixed: { a: [2, 1] } }, ["/Fixed const"]],
    ["enum of numbers", { ...node, Levels: -1 }, []],
    ["enum of numbers: a string", { ...node, Levels: "1" }, ["/Levels enum"]],
    ["a required member not in properties", { Name: "a" }, [" required"]],
  ])("%s", (_name, value, want) => {
    expect(keywords(value)).toEqual(want);
  });

  it("builds a recursive request", () => {
    expect(listTree().root({ ...node, Children: [node] }).build()).toEqual({ Root: { ...node, Children: [node] } });
    expect(() => listTree().root({ Name: "X", Id: 1 }).build()).toThrow("/Root/Name must match pattern");
  });
});

describe("hostile fixture", () => {
  it("reads a __proto__ member as data and never as a prototype", () => {
    const parsed = JSON.parse('{"__proto__": "x"}') as unknown;
    expect(validateEvilType(parsed).ok).toBe(true);
    expect(validateEvilType({}).ok).toBe(false); // a plain {} has no own __proto__
    const r = validateEvilType(JSON.parse('{"__proto__": "x", "quo\\"te": "nope"}'));
    expect(r.ok ? [] : r.errors.map((e) => [e.instancePath, e.keyword])).toEqual([['/quo"te', "pattern"]]);
  });

  it("a closed object refuses other members, __proto__ included only when undeclared", () => {
    const r = validateEvilType(JSON.parse('{"__proto__": "x", "extra": 1}'));
    expect(r.ok ? [] : r.errors.map((e) => [e.instancePath, e.keyword, e.params])).toEqual([["", "additionalProperties", { additionalProperty: "extra" }]]);
  });

  it("builder setters that collide with builder methods get other names; __proto__ stays a member", () => {
    const request = hostile().build2("b").delete("d").proto({ polluted: true }).build();
    expect(Object.getPrototypeOf(request)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(request))).toEqual(JSON.parse('{"build":"b","delete":"d","__proto__":{"polluted":true}}'));
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(new HostileBuilder().build2("x").delete("y").toHttpRequest({ region: "us-east-1" }).headers["x-amz-target"]).toBe("AWSCognitoIdentityProviderService.Hostile");
  });
});

describe("two-services fixture", () => {
  it("an identity-pool operation (`<Op>Input`) goes to its own endpoint with its own target", () => {
    const http = getId().identityPoolId("us-east-1:0123abcd-0123").logins({ "accounts.google.com": "token" }).toHttpRequest({ region: "us-east-1" });
    expect(http).toEqual({
      method: "POST",
      url: "https://cognito-identity.us-east-1.amazonaws.com/",
      headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AWSCognitoIdentityService.GetId" },
      body: '{"IdentityPoolId":"us-east-1:0123abcd-0123","Logins":{"accounts.google.com":"token"}}',
    });
  });

  it("a service with no known protocol still gets validators", () => {
    expect(validateDatasetName("my.dataset").ok).toBe(true);
    expect(validateDatasetName("").ok).toBe(false);
  });
});
