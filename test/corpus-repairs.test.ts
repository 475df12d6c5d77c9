/**
 * The corpus repairs and the response views, run from the reviewed snapshot
 * of test/fixtures/corpus-repairs (schemas shaped as the corpus's are, with its
 * mistakes): values as Cognito sends and receives them.
 */
import { describe, expect, it } from "vitest";
import {
  setMfa,
  setMfaHttpRequest,
  validateDeviceType,
  validateSetMfaResponse,
  validateUserPoolMfaType,
  validateUsernameExistsException,
  type SetMfaResponse,
  type UsernameExistsException,
} from "./__snapshots__/corpus-repairs/cognito-idp/index.js";

const errorsOf = (result: { ok: true } | { ok: false; errors: readonly { instancePath: string; keyword: string }[] }): string[] =>
  result.ok ? [] : result.errors.map((e) => `${e.instancePath} ${e.keyword}`);

describe("yaml-boolean-enum: OFF and ON are values again", () => {
  it("MFA can be turned off and on", () => {
    expect(setMfa().mfaConfiguration("OFF").build()).toEqual({ MfaConfiguration: "OFF" });
    expect(setMfa().mfaConfiguration("ON").build()).toEqual({ MfaConfiguration: "ON" });
  });

  it("a boolean is no value of it (it never was on the wire)", () => {
    expect(errorsOf(validateUserPoolMfaType(false))).toEqual([" type", " enum"]);
  });
});

describe("type before enum, as ajv reports", () => {
  it.each([
    [5, [" type", " enum"]],
    ["OOF", [" enum"]],
    ["OFF", []],
  ])("%j", (value, want) => {
    expect(errorsOf(validateUserPoolMfaType(value))).toEqual(want);
  });
});

describe("epoch-seconds-timestamp and the response views", () => {
  const response = { MfaConfiguration: "OFF", LastModifiedDate: 1.700000000123e9, ChallengeName: "PASSWORD_VERIFIER" };

  it("a timestamp is a JSON number, fractional or not; a date-time string is not what the wire carries", () => {
    expect(errorsOf(validateSetMfaResponse(response))).toEqual([]);
    expect(errorsOf(validateSetMfaResponse({ ...response, LastModifiedDate: 1700000000 }))).toEqual([]);
    expect(errorsOf(validateSetMfaResponse({ ...response, LastModifiedDate: "2023-11-14T22:13:20Z" }))).toEqual(["/LastModifiedDate type"]);
  });

  it("enums are open in responses: a value newer than the schemas is accepted and typed", () => {
    const newer: SetMfaResponse = { MfaConfiguration: "SOMETHING_NEW", ChallengeName: "EMAIL_OTP" };
    expect(errorsOf(validateSetMfaResponse(newer))).toEqual([]);
    expect(errorsOf(validateSetMfaResponse({ ...newer, ChallengeName: 1 }))).toEqual(["/ChallengeName type"]);
  });

  it("responses are judged by their shape: lengths, patterns and counts are not theirs; types and required members are", () => {
    const device = { DeviceKey: "x".repeat(100), Status: "lost", Tags: ["long tag", "b", "c"] };
    expect(errorsOf(validateSetMfaResponse({ ...response, Device: device }))).toEqual([]);
    expect(errorsOf(validateSetMfaResponse({ Device: { Status: "valid" } }))).toEqual([" required", "/Device required"]);
    expect(errorsOf(validateSetMfaResponse({ ...response, Device: { DeviceKey: 1 } }))).toEqual(["/Device/DeviceKey type"]);
  });

  it("requests stay strict, also where a request and a response share a structure", () => {
    const device = { DeviceKey: "x".repeat(100), Status: "lost", Tags: ["long tag", "b", "c"] };
    expect(errorsOf(validateDeviceType(device))).toEqual(["/Status enum", "/DeviceKey maxLength", "/Tags maxItems", "/Tags/0 maxLength"]);
    expect(() => setMfa().mfaConfiguration("OFF").devices([device as never]).build()).toThrow(/DeviceKey must NOT have more than 55 characters/);
  });
});

describe("empty-exception", () => {
  it("an error has an optional message, and whatever else the service sends", () => {
    const caught: UsernameExistsException = { message: "User already exists" };
    expect(errorsOf(validateUsernameExistsException({ ...caught, __type: "UsernameExistsException" }))).toEqual([]);
    expect(errorsOf(validateUsernameExistsException({}))).toEqual([]);
    expect(errorsOf(validateUsernameExistsException({ message: 1 }))).toEqual(["/message type"]);
    expect(errorsOf(validateUsernameExistsException("text"))).toEqual([" type"]);
  });
});

describe("wire order", () => {
  it("required members first, at every depth: in list items and map values too; map keys as the caller put them", () => {
    const device = { Tags: ["t"], Status: "valid" as const, DeviceKey: "k_0" };
    const body = setMfaHttpRequest({ DevicesByName: { z: device, a: device }, Devices: [device], MfaConfiguration: "OPTIONAL" }, { region: "us-east-1" }).body;
    const d = '{"DeviceKey":"k_0","Status":"valid","Tags":["t"]}';
    expect(body).toBe(`{"MfaConfiguration":"OPTIONAL","Devices":[${d}],"DevicesByName":{"z":${d},"a":${d}}}`);
  });
});
