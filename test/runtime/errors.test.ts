/** The errors' runtime module (templates/runtime/errors.ts): the exception classes and the error-code rule. */
import { describe, expect, expectTypeOf, it } from "vitest";
import { ClientFailure, errorCode, isServiceException, ServiceException } from "../../templates/runtime/errors.js";

const noHeaders = new Headers();

describe("errorCode", () => {
  // The awsJson1_1 protocol tests of Smithy (smithy-aws-protocol-tests/model/awsJson1_1/errors.smithy, FooError)
  // and the AWS SDK's order for JSON RPC: body __type, body code, header (checked against the SDK itself in send.test.ts).
  it.each<[string, Record<string, string>, unknown, string | undefined]>([
    ["header only", { "X-Amzn-Errortype": "FooError" }, undefined, "FooError"],
    ["header with a URL", { "x-amzn-errortype": "FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/" }, {}, "FooError"],
    ["header with namespace and URL", { "x-amzn-errortype": "aws.protocoltests.json#FooError:http://internal.amazon.com/coral/" }, {}, "FooError"],
    ["body code", {}, { code: "FooError" }, "FooError"],
    ["body Code, any case of the key", {}, { Code: "FooError" }, "FooError"],
    ["body code with namespace", {}, { code: "aws.protocoltests.json#FooError" }, "FooError"],
    ["body code with namespace and URL", {}, { code: "aws.protocoltests.json#FooError:http://internal.amazon.com/" }, "FooError"],
    ["body __type", {}, { __type: "FooError" }, "FooError"],
    ["body __type with namespace and URL", {}, { __type: "aws.protocoltests.restjson#FooError:http://internal.amazon.com/" }, "FooError"],
    ["name then URL", {}, { __type: "FooError:http://internal.amazon.com/coral/" }, "FooError"],
    ["a comma", {}, { __type: "FooError,BarError" }, "FooError"],
    ["a comma before a colon", {}, { __type: "FooError,Bar:baz" }, "FooError"],
    ["a colon before a comma", {}, { __type: "FooError:Bar,baz" }, "FooError"],
    ["a comma inside the namespace part", {}, { __type: "ns#FooError,ns#BarError" }, "FooError"],
    ["two #: the part between them, as the SDK's split('#')[1]", {}, { __type: "a#b#c" }, "b"],
    ["a nested __type is not the error's", {}, { __type: "aws.protocoltests.json#FooError", ErrorDetails: [{ __type: "com.amazon.internal#ErrorDetails" }] }, "FooError"],
    ["__type wins over code and header", { "x-amzn-errortype": "HeaderError" }, { code: "CodeError", __type: "TypeError" }, "TypeError"],
    ["code wins over header", { "x-amzn-errortype": "HeaderError" }, { code: "CodeError" }, "CodeError"],
    ["cognito-local's bare name", {}, { __type: "UsernameExistsException", message: "User already exists" }, "UsernameExistsException"],
    ["cognito-local's own namespace", {}, { __type: "CognitoLocal#Unsupported" }, "Unsupported"],
    ["a number, as a string", {}, { __type: 42 }, "42"],
    ["an empty header is a code, as in the SDK", { "x-amzn-errortype": "" }, {}, ""],
    ["values that are not strings or numbers are passed over", { "x-amzn-errortype": "HeaderError" }, { __type: null, code: {} }, "HeaderError"],
    ["nothing", {}, {}, undefined],
    ["a body that is not an object", {}, "FooError", undefined],
    ["an array body", {}, [{ __type: "FooError" }], undefined],
  ])("%s", (_, headers, body, code) => {
    expect(errorCode(new Headers(headers), body)).toBe(code);
  });

  it("reads __type and code as own members only", () => {
    expect(errorCode(noHeaders, Object.create({ __type: "Inherited", code: "Inherited" }))).toBeUndefined();
  });
});

describe("ServiceException", () => {
  const body = { __type: "UsernameExistsException", message: "User already exists" };

  it("carries the code as name, the status, the request id, the fault and the body", () => {
    const e = new ServiceException("UsernameExistsException", 400, "req-1", body);
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({ name: "UsernameExistsException", message: "User already exists", $status: 400, $requestId: "req-1", $fault: "client", $body: body });
    expect(String(e)).toBe("UsernameExistsException: User already exists");
    expectTypeOf(e.name).toEqualTypeOf<"UsernameExistsException">();
  });

  it.each<[unknown, string]>([
    [{ message: "lower" }, "lower"],
    [{ Message: "Upper" }, "Upper"],
    [{ message: "lower", Message: "Upper" }, "lower"],
    [{ message: 42, Message: "Upper" }, "Upper"],
    [{ message: 42 }, "Code"],
    [{}, "Code"],
    [undefined, "Code"],
    [null, "Code"],
    ["message", "Code"],
    [42, "Code"],
  ])("message from body %j: %s", (body, message) => {
    expect(new ServiceException("Code", 400, undefined, body).message).toBe(message);
  });

  it.each([
    [400, "client"],
    [499, "client"],
    [500, "server"],
    [503, "server"],
  ])("HTTP %i is a %s fault", (status, fault) => {
    expect(new ServiceException("X", status, undefined, body).$fault).toBe(fault);
  });

  it("keeps a code no operation lists, and an empty body as none", () => {
    const e = new ServiceException("Unsupported", 500, undefined, undefined);
    expect(e).toMatchObject({ name: "Unsupported", message: "Unsupported", $fault: "server", $body: undefined });
  });
});

describe("isServiceException", () => {
  const e: unknown = new ServiceException("NotAuthorizedException", 400, undefined, {});

  it("matches any service exception, or one code", () => {
    expect(isServiceException(e)).toBe(true);
    expect(isServiceException(e, "NotAuthorizedException")).toBe(true);
    expect(isServiceException(e, "UserNotFoundException")).toBe(false);
  });

  it("narrows to the code it was given", () => {
    if (!isServiceException(e, "NotAuthorizedException")) throw new Error("not narrowed");
    expectTypeOf(e).toEqualTypeOf<ServiceException<"NotAuthorizedException">>();
    expectTypeOf(e.name).toEqualTypeOf<"NotAuthorizedException">();
  });

  it.each([new Error("NotAuthorizedException"), new ClientFailure("Op", "network", "x"), { name: "NotAuthorizedException", $status: 400 }, undefined, "NotAuthorizedException"])(
    "not %s",
    (other) => {
      expect(isServiceException(other)).toBe(false);
      expect(isServiceException(other, "NotAuthorizedException")).toBe(false);
    },
  );
});

describe("ClientFailure", () => {
  it("names the operation, keeps the reason, the cause and the errors", () => {
    const cause = new TypeError("fetch failed");
    const e = new ClientFailure("SignUp", "network", "the request failed: fetch failed", cause);
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({ name: "ClientFailure", message: "SignUp: the request failed: fetch failed", operation: "SignUp", reason: "network", errors: [] });
    expect(e.cause).toBe(cause);
    expect(new ClientFailure("SignUp", "invalid-response", "x", undefined, [{ instancePath: "/a" }]).errors).toEqual([{ instancePath: "/a" }]);
  });

  it("has no cause when none is given", () => {
    expect("cause" in new ClientFailure("SignUp", "not-json", "x")).toBe(false);
  });

  it("an abort is named AbortError, as fetch and the AWS SDK name it", () => {
    const reason = new Error("user left");
    const e = new ClientFailure("SignUp", "aborted", "the request was aborted", reason);
    expect(e.name).toBe("AbortError");
    expect(e.cause).toBe(reason);
    expect(e).toBeInstanceOf(ClientFailure);
  });
});
