import { describe, expect, it } from "vitest";
import {
  assertResendConfirmationCodeRequest,
  isResendConfirmationCodeRequest,
  resendConfirmationCode,
  resendConfirmationCodeHttpRequest,
  validateResendConfirmationCodeRequest,
  validateUsernameType,
  ValidationFailure,
  type ResendConfirmationCodeRequest,
} from "../output/cognito-idp/index.js";

const valid = { ClientId: "abc123", Username: "alice@example.com" };

function errorsOf(value: unknown) {
  const result = validateResendConfirmationCodeRequest(value);
  if (result.ok) return [];
  return result.errors.map((e) => ({ instancePath: e.instancePath, keyword: e.keyword, schemaPath: e.schemaPath }));
}

describe("generated validators for the seed", () => {
  it("the fast mode (is…) and the collecting mode (validate…) agree, and a polluted Object.prototype counts for nothing", () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto["Username"] = "polluted";
    try {
      expect(isResendConfirmationCodeRequest({ ClientId: "abc" })).toBe(false);
      expect(errorsOf({ ClientId: "abc" })).toEqual([{ instancePath: "", keyword: "required", schemaPath: "#/components/schemas/ResendConfirmationCodeRequest/required" }]);
    } finally {
      delete proto["Username"];
    }
  });

  it("lengths count code points, decided by the UTF-16 length where it can be", () => {
    // 128 emoji are 256 UTF-16 units and 128 code points: valid; 129 are not
    expect(isResendConfirmationCodeRequest({ ...valid, Username: "😀".repeat(128) })).toBe(true);
    expect(errorsOf({ ...valid, Username: "😀".repeat(129) }).map((e) => e.keyword)).toEqual(["maxLength"]);
    expect(errorsOf({ ...valid, Username: "a".repeat(257) }).map((e) => e.keyword)).toEqual(["maxLength"]);
  });

  it("a valid request passes and comes back typed", () => {
    const full = {
      ...valid,
      SecretHash: "aGFzaA==",
      UserContextData: { IpAddress: "192.0.2.1", EncodedData: "x" },
      AnalyticsMetadata: { AnalyticsEndpointId: "e" },
      ClientMetadata: { a: "1", b: "2" },
    };
    const result = validateResendConfirmationCodeRequest(full);
    expect(result).toEqual({ ok: true, value: full });
    expect(isResendConfirmationCodeRequest(valid)).toBe(true);
  });

  it.each([
    // a pattern never runs on a value that failed its length (ajv would also report `pattern` here)
    ["ClientId of 0 characters", { ...valid, ClientId: "" }, [{ instancePath: "/ClientId", keyword: "minLength", schemaPath: "#/components/schemas/ClientIdType/minLength" }]],
    ["ClientId of 1 character that fails the pattern", { ...valid, ClientId: "-" }, [{ instancePath: "/ClientId", keyword: "pattern", schemaPath: "#/components/schemas/ClientIdType/pattern" }]],
    ["ClientId of 129 characters", { ...valid, ClientId: "a".repeat(129) }, [{ instancePath: "/ClientId", keyword: "maxLength", schemaPath: "#/components/schemas/ClientIdType/maxLength" }]],
    ["a missing Username", { ClientId: "abc" }, [{ instancePath: "", keyword: "required", schemaPath: "#/components/schemas/ResendConfirmationCodeRequest/required" }]],
    ["UserContextData as a string", { ...valid, UserContextData: "example-value" }, [{ instancePath: "/UserContextData", keyword: "type", schemaPath: "#/components/schemas/UserContextDataType/type" }]],
    ["ClientMetadata with a number", { ...valid, ClientMetadata: { k: 1 } }, [{ instancePath: "/ClientMetadata/k", keyword: "type", schemaPath: "#/components/schemas/StringType/type" }]],
    ["a ClientId with a dash (the pattern is a search, not a full match)", { ...valid, ClientId: "a-b" }, []],
    ["not an object", "ClientId", [{ instancePath: "", keyword: "type", schemaPath: "#/components/schemas/ResendConfirmationCodeRequest/type" }]],
    ["an array", [valid], [{ instancePath: "", keyword: "type", schemaPath: "#/components/schemas/ResendConfirmationCodeRequest/type" }]],
    ["null", null, [{ instancePath: "", keyword: "type", schemaPath: "#/components/schemas/ResendConfirmationCodeRequest/type" }]],
  ])("%s", (_name, value, want) => {
    expect(errorsOf(value)).toEqual(want);
    expect(isResendConfirmationCodeRequest(value)).toBe(want.length === 0);
  });

  it("pattern is an unanchored search: a ClientId with one word character anywhere matches [\\w+]+", () => {
    expect(errorsOf({ ...valid, ClientId: "-a-" })).toEqual([]);
    expect(errorsOf({ ...valid, ClientId: "---" })).toEqual([{ instancePath: "/ClientId", keyword: "pattern", schemaPath: "#/components/schemas/ClientIdType/pattern" }]);
  });

  it("counts code points: an emoji is one character", () => {
    const emoji = "😀";
    expect(emoji.length).toBe(2);
    // AttributeNameType is not in the request; UsernameType has maxLength 128
    expect(validateUsernameType(emoji.repeat(128)).ok).toBe(true);
    expect(validateUsernameType(emoji.repeat(129)).ok).toBe(false);
    expect(validateUsernameType(emoji)).toEqual({ ok: true, value: emoji });
    expect(errorsOf({ ...valid, Username: emoji.repeat(128) })).toEqual([]);
    expect(errorsOf({ ...valid, Username: emoji.repeat(129) })).toEqual([{ instancePath: "/Username", keyword: "maxLength", schemaPath: "#/components/schemas/UsernameType/maxLength" }]);
  });

  it("the error has the shape ajv users know", () => {
    const result = validateResendConfirmationCodeRequest({ ...valid, ClientId: "a".repeat(129) });
    expect(result).toEqual({
      ok: false,
      errors: [{ instancePath: "/ClientId", schemaPath: "#/components/schemas/ClientIdType/maxLength", keyword: "maxLength", params: { limit: 128 }, message: "must NOT have more than 128 characters" }],
    });
  });

  it("assert throws a ValidationFailure listing the errors", () => {
    expect(() => assertResendConfirmationCodeRequest({ ClientId: "" })).toThrow(ValidationFailure);
    expect(() => assertResendConfirmationCodeRequest({ ClientId: "" })).toThrow("invalid ResendConfirmationCodeRequest: /ClientId must NOT have fewer than 1 characters; (value) must have required property 'Username'");
  });

  it("reads only own properties: an inherited Username does not count", () => {
    const inherited = Object.create({ Username: "alice" }) as Record<string, unknown>;
    inherited["ClientId"] = "abc";
    expect(errorsOf(inherited)).toEqual([{ instancePath: "", keyword: "required", schemaPath: "#/components/schemas/ResendConfirmationCodeRequest/required" }]);
  });
});

describe("generated request builder for the seed", () => {
  it("builds a validated request in wire order: required members first, then the optional ones, each in schema order, at every depth", () => {
    const request = resendConfirmationCode()
      .analyticsMetadata({ AnalyticsEndpointId: "e" })
      .userContextData({ EncodedData: "d", IpAddress: "10.0.0.1" })
      .secretHash("aGFzaA==")
      .username("alice")
      .clientMetadata({ z: "1", a: "2" })
      .clientId("abc")
      .build();
    expect(JSON.stringify(request)).toBe(
      '{"ClientId":"abc","Username":"alice","SecretHash":"aGFzaA==","UserContextData":{"IpAddress":"10.0.0.1","EncodedData":"d"},"AnalyticsMetadata":{"AnalyticsEndpointId":"e"},"ClientMetadata":{"z":"1","a":"2"}}',
    );
  });

  it("leaves out undefined members and members the schema does not name, at every depth, as the AWS SDK does", () => {
    const request = { ClientId: "abc", Username: "alice", SecretHash: undefined, Extra: 1, UserContextData: { EncodedData: "d", Other: true } } as unknown as ResendConfirmationCodeRequest;
    expect(resendConfirmationCodeHttpRequest(request, { region: "us-east-1" }).body).toBe('{"ClientId":"abc","Username":"alice","UserContextData":{"EncodedData":"d"}}');
  });

  it("is immutable: a setter returns a new builder", () => {
    const base = resendConfirmationCode().clientId("abc");
    const a = base.username("a").build();
    const b = base.username("b").build();
    expect([a.Username, b.Username]).toEqual(["a", "b"]);
  });

  it("throws on build() when a member is invalid", () => {
    expect(() => resendConfirmationCode().clientId("").username("u").build()).toThrow(ValidationFailure);
  });

  it("produces the AWS JSON 1.1 HTTP request", () => {
    expect(resendConfirmationCode().clientId("abc").username("alice").toHttpRequest({ region: "us-east-1" })).toEqual({
      method: "POST",
      url: "https://cognito-idp.us-east-1.amazonaws.com/",
      headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AWSCognitoIdentityProviderService.ResendConfirmationCode" },
      body: '{"ClientId":"abc","Username":"alice"}',
    });
  });

  it("takes another endpoint, and refuses a region that could change the host", () => {
    expect(resendConfirmationCodeHttpRequest(valid, { region: "x", endpoint: "http://127.0.0.1:9229/" }).url).toBe("http://127.0.0.1:9229/");
    expect(resendConfirmationCodeHttpRequest(valid, { region: "cn-north-1" }).url).toBe("https://cognito-idp.cn-north-1.amazonaws.com.cn/");
    expect(() => resendConfirmationCodeHttpRequest(valid, { region: "evil.test/#" })).toThrow(RangeError);
    expect(() => resendConfirmationCodeHttpRequest({ ClientId: "" } as never, { region: "us-east-1" })).toThrow(ValidationFailure);
  });
});
