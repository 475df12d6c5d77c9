/** The errors' runtime module (templates/runtime/errors.ts): the exception classes and the error-code rule. */
import { describe, expect, it } from "vitest";
import { ClientFailure, errorCode, isServiceException, ServiceException, UnknownServiceException } from "../../templates/runtime/errors.js";

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
  const init = { name: "UsernameExistsException", status: 400, requestId: "req-1", body: { __type: "UsernameExistsException", message: "User already exists" } };

  it("carries the code as name, the status, the request id, the fault and the body", () => {
    const e = new ServiceException(init);
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({ name: "UsernameExistsException", message: "User already exists", $status: 400, $requestId: "req-1", $fault: "client", $body: init.body });
    expect(String(e)).toBe("UsernameExistsException: User already exists");
  });

  it.each<[unknown, string]>([
    [{ message: "lower" }, "lower"],
    [{ Message: "Upper" }, "Upper"],
    [{ message: "lower", Message: "Upper" }, "lower"],
    [{ message: 42, Message: "Upper" }, "Upper"],
    [{ message: 42 }, "Code"],
    [{}, "Code"],
    [undefined, "Code"],
    ["message", "Code"],
  ])("message from body %j: %s", (body, message) => {
    expect(new ServiceException({ name: "Code", status: 400, requestId: undefined, body }).message).toBe(message);
  });

  it("an explicit message wins", () => {
    expect(new ServiceException({ ...init, message: "mine" }).message).toBe("mine");
  });

  it.each([
    [400, "client"],
    [499, "client"],
    [500, "server"],
    [503, "server"],
  ])("HTTP %i is a %s fault", (status, fault) => {
    expect(new ServiceException({ ...init, status }).$fault).toBe(fault);
  });

  it("a generated subclass is a ServiceException with the code as name", () => {
    class UsernameExistsException extends ServiceException {}
    const e = new UsernameExistsException(init);
    expect(e).toBeInstanceOf(ServiceException);
    expect(e.name).toBe("UsernameExistsException");
    expect(isServiceException(e, "UsernameExistsException")).toBe(true);
  });

  it("UnknownServiceException keeps the code it was given", () => {
    const e = new UnknownServiceException({ name: "Unsupported", status: 500, requestId: undefined, body: undefined });
    expect(e).toBeInstanceOf(ServiceException);
    expect(e).toMatchObject({ name: "Unsupported", message: "Unsupported", $fault: "server", $body: undefined });
  });
});

describe("isServiceException", () => {
  const e = new ServiceException({ name: "NotAuthorizedException", status: 400, requestId: undefined, body: {} });

  it("matches any service exception, or one code", () => {
    expect(isServiceException(e)).toBe(true);
    expect(isServiceException(e, "NotAuthorizedException")).toBe(true);
    expect(isServiceException(e, "UserNotFoundException")).toBe(false);
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
