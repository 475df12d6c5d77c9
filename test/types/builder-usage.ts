/**
 * Compile-time behaviour of the generated seed code, checked by
 * test/typecheck.test.ts: every `@ts-expect-error` below must be an error,
 * or the program reports the directive as unused and the test fails.
 */
import { resendConfirmationCode, ResendConfirmationCodeBuilder, type ResendConfirmationCodeRequest } from "../../output/cognito-idp/index.js";

// all required members set: build() takes no argument
export const ok: ResendConfirmationCodeRequest = resendConfirmationCode().clientId("client").username("alice").build();
export const okAnyOrder = resendConfirmationCode().username("alice").secretHash("aGFzaA==").clientId("client").build();
export const http = resendConfirmationCode().clientId("c").username("u").toHttpRequest({ region: "eu-west-1" });

// @ts-expect-error ClientId is not set
export const noClientId = resendConfirmationCode().username("alice").build();
// @ts-expect-error Username is not set
export const noUsername = resendConfirmationCode().clientId("client").build();
// @ts-expect-error nothing is set
export const nothing = new ResendConfirmationCodeBuilder().build();
// @ts-expect-error toHttpRequest needs the required members too
export const httpMissing = resendConfirmationCode().clientId("c").toHttpRequest({ region: "eu-west-1" });
// @ts-expect-error a member has its schema's type
export const wrongType = resendConfirmationCode().clientId(42);
// @ts-expect-error an enum-free map of strings: numbers are not accepted
export const badMetadata = resendConfirmationCode().clientMetadata({ k: 1 });

// types: required vs optional, exactly
// @ts-expect-error Username is required
export const missingInType: ResendConfirmationCodeRequest = { ClientId: "c" };
// @ts-expect-error an optional member is never undefined under exactOptionalPropertyTypes
export const undefinedOptional: ResendConfirmationCodeRequest = { ClientId: "c", Username: "u", SecretHash: undefined };
