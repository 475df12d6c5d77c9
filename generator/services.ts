/**
 * What the schemas do not say about a service: how its operations go on the
 * wire. Every Cognito service speaks the AWS JSON 1.1 protocol; they differ in
 * the endpoint's host label, the `X-Amz-Target` prefix and how request
 * components are named. A service missing here still gets types and
 * validators; it gets builders once its protocol is known.
 */
import type { ServiceProtocol } from "./ir.js";

export interface ServiceConvention extends ServiceProtocol {
  /** A component whose title ends so is an operation's input: `<Op>Request`. */
  readonly requestSuffix: string;
  readonly responseSuffix: string;
}

const JSON_1_1 = "application/x-amz-json-1.1";

export const KNOWN_SERVICES: ReadonlyMap<string, ServiceConvention> = new Map([
  ["cognito-idp", { endpointPrefix: "cognito-idp", targetPrefix: "AWSCognitoIdentityProviderService", contentType: JSON_1_1, requestSuffix: "Request", responseSuffix: "Response" }],
  ["cognito-identity", { endpointPrefix: "cognito-identity", targetPrefix: "AWSCognitoIdentityService", contentType: JSON_1_1, requestSuffix: "Input", responseSuffix: "Response" }],
]);

/**
 * The operations the AWS SDK sends unsigned (their auth scheme is none: the
 * caller proves who it is with a token, a session or a code in the body).
 * Every other operation needs SigV4, which the client leaves to a `signer`
 * the caller passes. Checked against the SDK's own auth scheme provider in
 * test/shared/sdk-auth.test.ts. A service not listed here signs everything.
 */
export const UNSIGNED_OPERATIONS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  [
    "cognito-idp",
    new Set([
      "AssociateSoftwareToken", "ChangePassword", "ConfirmDevice", "ConfirmForgotPassword", "ConfirmSignUp", "DeleteUser", "DeleteUserAttributes",
      "ForgetDevice", "ForgotPassword", "GetDevice", "GetUser", "GetUserAttributeVerificationCode", "GlobalSignOut", "InitiateAuth", "ListDevices",
      "ResendConfirmationCode", "RespondToAuthChallenge", "RevokeToken", "SetUserMFAPreference", "SetUserSettings", "SignUp", "UpdateAuthEventFeedback",
      "UpdateDeviceStatus", "UpdateUserAttributes", "VerifySoftwareToken", "VerifyUserAttribute",
    ]),
  ],
  ["cognito-identity", new Set(["GetCredentialsForIdentity", "GetId", "GetOpenIdToken", "UnlinkIdentity"])],
]);

export function isSigned(service: string, operation: string): boolean {
  return !(UNSIGNED_OPERATIONS.get(service)?.has(operation) ?? false);
}

/**
 * Members AWS treats as sensitive though the schemas do not say so (beside
 * every `format: password` string): masked by the client's `redact…`
 * functions. The SDK's model marks them `@sensitive`.
 */
export const SENSITIVE_MEMBERS: ReadonlySet<string> = new Set([
  "Session", "AuthParameters", "ChallengeResponses", "AccessToken", "RefreshToken", "IdToken", "Token", "UserContextData",
  "SecretHash", "Password", "PreviousPassword", "ProposedPassword", "ClientSecret", "SecretCode", "UserCode", "ConfirmationCode",
]);

/** Where an operation takes a SECRET_HASH: the member, or the key in one of these maps. */
export const SECRET_HASH_PLACES = ["SecretHash", "AuthParameters", "ChallengeResponses"] as const;
