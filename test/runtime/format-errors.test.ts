/**
 * formatErrors (templates/runtime/validate.ts): the errors of a validator as one
 * line, in ajv's words or in Cognito's (as Cognito answers a request it refuses).
 * The errors come from the committed output's validators (output/), and a few
 * are written out for the keywords the seed has none of.
 */
import { describe, expect, it } from "vitest";
import { formatErrors, validateResendConfirmationCodeRequest, ValidationFailure, assertResendConfirmationCodeRequest, type ValidationError } from "../../output/cognito-idp/index.js";

const invalid = { ClientId: "x".repeat(129), Username: "", AnalyticsMetadata: { AnalyticsEndpointId: 7 } };

function errorsOf(value: unknown): readonly ValidationError[] {
  const result = validateResendConfirmationCodeRequest(value);
  if (result.ok) throw new Error("expected an invalid value");
  return result.errors;
}

describe("formatErrors", () => {
  it("ajv's words: the instance path without its leading slash, then the message; every error, in order", () => {
    expect(formatErrors(errorsOf(invalid))).toBe(
      "ClientId: must NOT have more than 128 characters; Username: must NOT have fewer than 1 characters; AnalyticsMetadata/AnalyticsEndpointId: must be string",
    );
  });

  it("an error of the value itself: its message alone", () => {
    expect(formatErrors(errorsOf({ ClientId: "abc" }))).toBe("must have required property 'Username'");
    expect(formatErrors(errorsOf([]))).toBe("must be object");
  });

  it("Cognito's words: the count, each member in lower camel case, a missing one as null", () => {
    expect(formatErrors(errorsOf({ ClientId: "x".repeat(129), Username: "alice" }), { wording: "cognito" })).toBe(
      "1 validation error detected: Value at 'clientId' failed to satisfy constraint: Member must have length less than or equal to 128",
    );
    expect(formatErrors(errorsOf({ ClientId: "-!", SecretHash: "" }), { wording: "cognito" })).toBe(
      "3 validation errors detected: Value at 'clientId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+]+; " +
        "Value at 'secretHash' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
        "Value null at 'username' failed to satisfy constraint: Member must not be null",
    );
  });

  it("Cognito's words for a list's item (from 1, as `member`), enums, bounds, counts, types and unknown members", () => {
    const at = (instancePath: string, keyword: string, params: Record<string, unknown>, message = ""): ValidationError => ({ instancePath, schemaPath: "#", keyword, params, message });
    const errors = [
      at("/UserAttributes/0/Value", "maxLength", { limit: 2048 }),
      at("/DeliveryMediums/1", "enum", { allowedValues: ["SMS", "EMAIL"] }),
      at("/Limit", "maximum", { comparison: "<=", limit: 60 }),
      at("/Limit", "exclusiveMinimum", { comparison: ">", limit: 0 }),
      at("/AttributeNames", "minItems", { limit: 1 }),
      at("/Enabled", "type", { type: "boolean" }),
      at("/UserAttributes/2", "required", { missingProperty: "Name" }),
      at("", "additionalProperties", { additionalProperty: "Extra" }),
      at("/a~1b", "const", { allowedValue: 1 }, "must be equal to constant"),
    ];
    expect(formatErrors(errors, { wording: "cognito" }).split("; ")).toEqual([
      "9 validation errors detected: Value at 'userAttributes.1.member.value' failed to satisfy constraint: Member must have length less than or equal to 2048",
      "Value at 'deliveryMediums.2.member' failed to satisfy constraint: Member must satisfy enum value set: [SMS, EMAIL]",
      "Value at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60",
      "Value at 'limit' failed to satisfy constraint: Member must have value greater than 0",
      "Value at 'attributeNames' failed to satisfy constraint: Member must have length greater than or equal to 1",
      "Value at 'enabled' failed to satisfy constraint: Member must be of type boolean",
      "Value null at 'userAttributes.3.member.name' failed to satisfy constraint: Member must not be null",
      "Value at 'extra' failed to satisfy constraint: Member is not a known member",
      "Value at 'a/b' failed to satisfy constraint: Member must be equal to constant",
    ]);
  });

  it("takes a ValidationFailure's errors as they are", () => {
    let failure: unknown;
    try {
      assertResendConfirmationCodeRequest({ Username: "alice" });
    } catch (e) {
      failure = e;
    }
    expect(failure).toBeInstanceOf(ValidationFailure);
    expect(formatErrors((failure as ValidationFailure).errors, { wording: "cognito" })).toBe(
      "1 validation error detected: Value null at 'clientId' failed to satisfy constraint: Member must not be null",
    );
  });
});
