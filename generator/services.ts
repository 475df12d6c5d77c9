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
