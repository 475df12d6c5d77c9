/**
 * A second AWS service for benchmarks and end-to-end runs: Amazon Cognito
 * Identity (identity pools), 23 operations, written the way the cognito-idp
 * corpus comes: one `cognito-identity-<kebab title>-schema.json` file per
 * component in `json-schema/` (draft 2020-12, every property an
 * `allOf: [{ $ref }, { description }]`, list members inlined, maps as
 * `additionalProperties` references, error shapes without keywords,
 * timestamps as `format: date-time`) and beside it an `openapi.yaml` whose
 * paths are the operation table (one `/#X-Amz-Target=…` POST each) and whose
 * `components.schemas` hold the same components.
 *
 * The component and operation tables below expand into those files; the
 * output is the same bytes on every run.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const SERVICE = "cognito-identity";
const TARGET_PREFIX = "AWSCognitoIdentityService";
const ID_BASE = "https://raw.githubusercontent.com/api-evangelist/aws-cognito/refs/heads/main/json-schema/";
const REF = "#/components/schemas/";

// ---------------------------------------------------------------------------
// The component table

interface Component {
  /** The schema's keywords, without $schema, $id and title. */
  readonly body: JsonObject;
  /** Its own documentation (HTML); else the file says "<Title> schema from Amazon Cognito". */
  readonly doc?: string;
  /** A list's member component: inlined as `items` when the files are written. */
  readonly member?: string;
}

/** A property: [name, component, HTML description, required]. */
type Member = readonly [name: string, ref: string, doc: string, required?: boolean];

const components = new Map<string, Component>();

function def(title: string, body: JsonObject, doc?: string, member?: string): void {
  if (components.has(title)) throw new Error(`component ${title} defined twice`);
  components.set(title, { body, ...(doc !== undefined ? { doc } : {}), ...(member !== undefined ? { member } : {}) });
}

function str(min?: number, max?: number, pattern?: string): JsonObject {
  return {
    type: "string",
    ...(pattern !== undefined ? { pattern } : {}),
    ...(min !== undefined ? { minLength: min } : {}),
    ...(max !== undefined ? { maxLength: max } : {}),
  };
}

const int = (minimum: number, maximum: number): JsonObject => ({ type: "integer", minimum, maximum });
const bool = (): JsonObject => ({ type: "boolean" });
const oneOf = (...values: string[]): JsonObject => ({ type: "string", enum: values });
const map = (value: string): JsonObject => ({ type: "object", additionalProperties: { $ref: REF + value } });

function obj(members: readonly Member[]): JsonObject {
  const properties: JsonObject = {};
  for (const [name, ref, doc] of members) properties[name] = { allOf: [{ $ref: REF + ref }, { description: doc }] };
  const required = members.filter((m) => m[3] === true).map((m) => m[0]);
  return { type: "object", properties, ...(required.length > 0 ? { required } : {}) };
}

/** A list of `member`; its items are the member's schema, copied in when written. */
const list = (title: string, member: string, doc?: string): void => def(title, { type: "array" }, doc, member);

// -- documentation shared by many members

const D = {
  poolId: "An identity pool ID in the format REGION:GUID.",
  identityId: "A unique identifier in the format REGION:GUID.",
  poolName: "A string that you provide.",
  logins: "A set of optional name-value pairs that map provider names to provider tokens.",
  nextToken: "A pagination token.",
  maxResults: "The maximum number of identities to return.",
  developerProvider:
    "<p>The \"domain\" by which Cognito will refer to your users. This name acts as a placeholder that allows your backend and the Cognito service to communicate about the developer provider. For the <code>DeveloperProviderName</code>, you can use letters as well as period (<code>.</code>), underscore (<code>_</code>), and dash (<code>-</code>).</p> <p>Once you have set a developer provider name, you cannot change it. Please take care in setting this parameter.</p>",
  developerUser: "A unique ID used by your backend authentication process to identify a user. Typically, a developer identity provider would issue many developer user identifiers, in keeping with the number of users.",
  resourceArn: "The Amazon Resource Name (ARN) of the identity pool.",
  unauthenticated:
    "<p>TRUE if the identity pool supports unauthenticated logins.</p> <p>Unauthenticated logins let users who have not signed in with an identity provider get an identity and limited-privilege credentials. The roles they receive are those the pool assigns to unauthenticated identities.</p>",
  classicFlow:
    "<p>Enables or disables the Basic (Classic) authentication flow. For more information, see <a href=\"https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flow.html\">Identity Pools (Federated Identities) Authentication Flow</a> in the <i>Amazon Cognito Developer Guide</i>.</p>",
  loginProviders: "Optional key:value pairs mapping provider names to provider app IDs.",
  oidcArns: "The ARNs of the OpenID Connect providers.",
  cognitoProviders: "A list representing an Amazon Cognito user pool and its client ID.",
  samlArns: "An array of Amazon Resource Names (ARNs) of the SAML provider for your identity pool.",
  poolTags: "The tags that are assigned to the identity pool. A tag is a label that you can apply to identity pools to categorize and manage them in different ways, such as by purpose, owner, environment, or other criteria.",
  roles: "The map of roles associated with this pool. Currently only authenticated and unauthenticated roles are supported.",
  roleMappings:
    "<p>How users for a specific identity provider are to mapped to roles. This is a String-to-<a>RoleMapping</a> object map. The string identifies the identity provider, for example, <code>graph.facebook.com</code> or <code>cognito-idp.us-east-1.amazonaws.com/us-east-1_abcdefghi:app_client_id</code>.</p>",
  providerName: "You can use this operation to get the provider name.",
  useDefaults: "You can use this operation to list default attribute mappings for the provider.",
  principalTags: "You can use this operation to add principal tags. The <code>PrincipalTags</code> operation enables you to reference user attributes in your IAM permissions policy.",
  token: "An OpenID token, valid for 10 minutes.",
} as const;

const POOL_MEMBERS: readonly Member[] = [
  ["IdentityPoolId", "IdentityPoolId", D.poolId, true],
  ["IdentityPoolName", "IdentityPoolName", D.poolName, true],
  ["AllowUnauthenticatedIdentities", "IdentityPoolUnauthenticated", D.unauthenticated, true],
  ["AllowClassicFlow", "ClassicFlow", D.classicFlow],
  ["SupportedLoginProviders", "IdentityProviders", D.loginProviders],
  ["DeveloperProviderName", "DeveloperProviderName", "The \"domain\" by which Cognito will refer to your users.", false],
  ["OpenIdConnectProviderARNs", "OIDCProviderList", D.oidcArns],
  ["CognitoIdentityProviders", "CognitoIdentityProviderList", D.cognitoProviders],
  ["SamlProviderARNs", "SAMLProviderList", D.samlArns],
  ["IdentityPoolTags", "IdentityPoolTagsType", D.poolTags],
];

// -- scalars

def("ARNString", str(20, 2048));
def("AccessKeyString", { type: "string" });
def("AccountId", str(1, 15, "\\d+"));
def("ClaimName", str(1, 64, "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+"));
def("ClaimValue", str(1, 128));
def("ClassicFlow", bool());
def("CognitoIdentityProviderClientId", str(1, 128, "[\\w_]+"));
def("CognitoIdentityProviderName", str(1, 128, "[\\w._:/-]+"));
def("CognitoIdentityProviderTokenCheck", bool());
def("DateType", { type: "string", format: "date-time" });
def("DeveloperProviderName", str(1, 128, "[\\w._-]+"));
def("DeveloperUserIdentifier", str(1, 1024));
def("HideDisabled", bool());
def("IdentityId", str(1, 55, "[\\w-]+:[0-9a-f-]+"));
def("IdentityPoolId", str(1, 55, "[\\w-]+:[0-9a-f-]+"));
def("IdentityPoolName", str(1, 128, "[\\w\\s+=,.@-]+"));
def("IdentityPoolUnauthenticated", bool());
def("IdentityProviderId", str(1, 128, "[\\w.;_/-]+"));
def("IdentityProviderName", str(1, 128));
def("IdentityProviderToken", str(1, 50000));
def("OIDCToken", { type: "string" });
def("PaginationKey", str(1, undefined, "[\\S]+"));
def("PrincipalTagID", str(1, 128));
def("PrincipalTagValue", str(1, 256));
def("QueryLimit", int(1, 60));
def("RoleType", { type: "string", pattern: "(un)?authenticated" });
def("SecretKeyString", { type: "string" });
def("SessionTokenString", { type: "string" });
def("TagKeysType", str(1, 128));
def("TagValueType", str(0, 256));
def("TokenDuration", int(1, 86400));
def("UseDefaults", bool());

// -- enums

def("AmbiguousRoleResolutionType", oneOf("AuthenticatedRole", "Deny"));
def("ErrorCode", oneOf("AccessDenied", "InternalServerError"));
def("MappingRuleMatchType", oneOf("Equals", "Contains", "StartsWith", "NotEqual"));
def("RoleMappingType", oneOf("Token", "Rules"));

// -- maps

def("IdentityPoolTagsType", map("TagValueType"));
def("IdentityProviders", map("IdentityProviderId"));
def("LoginsMap", map("IdentityProviderToken"));
def("PrincipalTags", map("PrincipalTagValue"));
def("RoleMappingMap", map("RoleMapping"));
def("RolesMap", map("ARNString"));

// -- structures and their lists

def(
  "CognitoIdentityProvider",
  obj([
    ["ProviderName", "CognitoIdentityProviderName", "The provider name for an Amazon Cognito user pool. For example, <code>cognito-idp.us-east-1.amazonaws.com/us-east-1_123456789</code>."],
    ["ClientId", "CognitoIdentityProviderClientId", "The client ID for the Amazon Cognito user pool."],
    [
      "ServerSideTokenCheck",
      "CognitoIdentityProviderTokenCheck",
      "<p>TRUE if server-side token validation is enabled for the identity provider’s token.</p> <p>Once you set <code>ServerSideTokenCheck</code> to TRUE for an identity pool, that identity pool will check with the integrated user pools to make sure that the user has not been globally signed out or deleted before the identity pool provides an OIDC token or Amazon Web Services credentials for the user.</p> <p>If the user is signed out or deleted, the identity pool will return a 400 Not Authorized error.</p>",
    ],
  ]),
  "A provider representing an Amazon Cognito user pool and its client ID.",
);
list("CognitoIdentityProviderList", "CognitoIdentityProvider");
def(
  "Credentials",
  obj([
    ["AccessKeyId", "AccessKeyString", "The Access Key portion of the credentials."],
    ["SecretKey", "SecretKeyString", "The Secret Access Key portion of the credentials"],
    ["SessionToken", "SessionTokenString", "The Session Token portion of the credentials"],
    ["Expiration", "DateType", "The date at which these credentials will expire."],
  ]),
  "Credentials for the provided identity ID.",
);
list("DeveloperUserIdentifierList", "DeveloperUserIdentifier");
list("IdentityIdList", "IdentityId");
list("LoginsList", "IdentityProviderName");
list("OIDCProviderList", "ARNString");
list("SAMLProviderList", "ARNString");
list("IdentityPoolTagsListType", "TagKeysType");
def(
  "IdentityDescription",
  obj([
    ["IdentityId", "IdentityId", D.identityId],
    ["Logins", "LoginsList", "The provider names."],
    ["CreationDate", "DateType", "Date on which the identity was created."],
    ["LastModifiedDate", "DateType", "Date on which the identity was last modified."],
  ]),
  "A description of the identity.",
);
list("IdentitiesList", "IdentityDescription");
def("IdentityPool", obj(POOL_MEMBERS), "An object representing an Amazon Cognito identity pool.");
def(
  "IdentityPoolShortDescription",
  obj([
    ["IdentityPoolId", "IdentityPoolId", D.poolId],
    ["IdentityPoolName", "IdentityPoolName", D.poolName],
  ]),
  "A description of the identity pool.",
);
list("IdentityPoolsList", "IdentityPoolShortDescription");
def(
  "MappingRule",
  obj([
    ["Claim", "ClaimName", "The claim name that must be present in the token, for example, \"isAdmin\" or \"paid\".", true],
    [
      "MatchType",
      "MappingRuleMatchType",
      "<p>The match condition that specifies how closely the claim value in the IdP token must match <code>Value</code>.</p> <p>Valid values are <code>Equals</code>, <code>Contains</code>, <code>StartsWith</code> and <code>NotEqual</code>.</p>",
      true,
    ],
    ["Value", "ClaimValue", "A brief string that the claim must match, for example, \"paid\" or \"yes\".", true],
    ["RoleARN", "ARNString", "The role ARN.", true],
  ]),
  "<p>A rule that maps a claim name, a claim value, and a match type to a role ARN.</p>",
);
list("MappingRulesList", "MappingRule");
def(
  "RulesConfigurationType",
  obj([["Rules", "MappingRulesList", "<p>An array of rules. You can specify up to 25 rules per identity provider.</p> <p>Rules are evaluated in order. The first one to match specifies the role.</p>", true]]),
  "A container for rules.",
);
def(
  "RoleMapping",
  obj([
    [
      "Type",
      "RoleMappingType",
      "<p>The role mapping type. Token will use <code>cognito:roles</code> and <code>cognito:preferred_role</code> claims from the Cognito identity provider token to map groups to roles. Rules will attempt to match claims from the token to map to a role.</p>",
      true,
    ],
    [
      "AmbiguousRoleResolution",
      "AmbiguousRoleResolutionType",
      "<p>If you specify Token or Rules as the <code>Type</code>, <code>AmbiguousRoleResolution</code> is required.</p> <p>Specifies the action to be taken if either no rules match the claim value for the <code>Rules</code> type, or there is no <code>cognito:preferred_role</code> claim and there are multiple <code>cognito:roles</code> matches for the <code>Token</code> type.</p>",
    ],
    ["RulesConfiguration", "RulesConfigurationType", "<p>The rules to be used for mapping users to roles.</p> <p>If you specify Rules as the role mapping type, <code>RulesConfiguration</code> is required.</p>"],
  ]),
  "A role mapping.",
);
def(
  "UnprocessedIdentityId",
  obj([
    ["IdentityId", "IdentityId", D.identityId],
    ["ErrorCode", "ErrorCode", "The error code indicating the type of error that occurred."],
  ]),
  "An array of UnprocessedIdentityId objects, each of which contains an ErrorCode and IdentityId.",
);
list("UnprocessedIdentityIdList", "UnprocessedIdentityId");

// -- errors: like the corpus's, shapes without keywords

const ERRORS = [
  "ConcurrentModificationException",
  "DeveloperUserAlreadyRegisteredException",
  "ExternalServiceException",
  "InternalErrorException",
  "InvalidIdentityPoolConfigurationException",
  "InvalidParameterException",
  "LimitExceededException",
  "NotAuthorizedException",
  "ResourceConflictException",
  "ResourceNotFoundException",
  "TooManyRequestsException",
] as const;
type ErrorName = (typeof ERRORS)[number];
for (const e of ERRORS) def(e, {});

// ---------------------------------------------------------------------------
// The operation table

export interface Operation {
  readonly name: string;
  /** HTML. */
  readonly doc: string;
  readonly input: string;
  readonly output?: string;
  readonly errors: readonly ErrorName[];
}

const operations: Operation[] = [];

/** An operation, and its `<Op>Input` / `<Op>Response` components when it is given their members. */
function op(name: string, doc: string, errors: readonly string[], input: readonly Member[] | string, inputDoc: string | undefined, output?: readonly Member[] | string, outputDoc?: string): void {
  const inputTitle = typeof input === "string" ? input : `${name}Input`;
  if (typeof input !== "string") def(inputTitle, obj(input), inputDoc);
  let outputTitle: string | undefined;
  if (typeof output === "string") outputTitle = output;
  else if (output !== undefined) def((outputTitle = `${name}Response`), output.length === 0 ? { type: "object", properties: {} } : obj(output), outputDoc);
  const full = errors.map((e) => `${e}Exception`) as ErrorName[];
  operations.push({ name, doc, input: inputTitle, ...(outputTitle !== undefined ? { output: outputTitle } : {}), errors: full });
}

// the errors most operations share, in the order the service lists them
const BASIC = ["InvalidParameter", "ResourceNotFound", "NotAuthorized", "TooManyRequests", "InternalError"];
const CONFLICT = ["InvalidParameter", "ResourceNotFound", "NotAuthorized", "ResourceConflict", "TooManyRequests", "InternalError"];
const DEV_CREDENTIALS = "<p>You must use Amazon Web Services developer credentials to call this operation.</p>";
const PUBLIC_API = "<p>This is a public API. You do not need any credentials to call this API.</p>";

op(
  "CreateIdentityPool",
  `<p>Creates a new identity pool. The identity pool is a store of user identity information that is specific to your Amazon Web Services account. The keys for <code>SupportedLoginProviders</code> are as follows:</p> <ul> <li> <p>Facebook: <code>graph.facebook.com</code> </p> </li> <li> <p>Google: <code>accounts.google.com</code> </p> </li> <li> <p>Sign in With Apple: <code>appleid.apple.com</code> </p> </li> <li> <p>Amazon: <code>www.amazon.com</code> </p> </li> <li> <p>Twitter: <code>api.twitter.com</code> </p> </li> <li> <p>Digits: <code>www.digits.com</code> </p> </li> </ul> <important> <p>If you don't provide a value for a parameter, Amazon Cognito sets it to its default value.</p> </important> ${DEV_CREDENTIALS}`,
  ["InvalidParameter", "NotAuthorized", "ResourceConflict", "TooManyRequests", "InternalError", "LimitExceeded"],
  [
    ["IdentityPoolName", "IdentityPoolName", D.poolName, true],
    ["AllowUnauthenticatedIdentities", "IdentityPoolUnauthenticated", D.unauthenticated, true],
    ["AllowClassicFlow", "ClassicFlow", D.classicFlow],
    ["SupportedLoginProviders", "IdentityProviders", D.loginProviders],
    ["DeveloperProviderName", "DeveloperProviderName", D.developerProvider],
    ["OpenIdConnectProviderARNs", "OIDCProviderList", "The Amazon Resource Names (ARN) of the OpenID Connect providers."],
    ["CognitoIdentityProviders", "CognitoIdentityProviderList", "An array of Amazon Cognito user pools and their client IDs."],
    ["SamlProviderARNs", "SAMLProviderList", D.samlArns],
    ["IdentityPoolTags", "IdentityPoolTagsType", D.poolTags],
  ],
  "Input to the CreateIdentityPool action.",
  "IdentityPool",
);
op(
  "DeleteIdentities",
  `<p>Deletes identities from an identity pool. You can specify a list of 1-60 identities that you want to delete.</p> ${DEV_CREDENTIALS}`,
  ["InvalidParameter", "TooManyRequests", "InternalError"],
  [["IdentityIdsToDelete", "IdentityIdList", "A list of 1-60 identities that you want to delete.", true]],
  "Input to the <code>DeleteIdentities</code> action.",
  [["UnprocessedIdentityIds", "UnprocessedIdentityIdList", "An array of UnprocessedIdentityId objects, each of which contains an ErrorCode and IdentityId."]],
  "Returned in response to a successful <code>DeleteIdentities</code> operation.",
);
op(
  "DeleteIdentityPool",
  `<p>Deletes an identity pool. Once a pool is deleted, users will not be able to authenticate with the pool.</p> ${DEV_CREDENTIALS}`,
  BASIC,
  [["IdentityPoolId", "IdentityPoolId", D.poolId, true]],
  "Input to the DeleteIdentityPool action.",
);
op(
  "DescribeIdentity",
  `<p>Returns metadata related to the given identity, including when the identity was created and any associated linked logins.</p> ${DEV_CREDENTIALS}`,
  BASIC,
  [["IdentityId", "IdentityId", D.identityId, true]],
  "Input to the <code>DescribeIdentity</code> action.",
  "IdentityDescription",
);
op(
  "DescribeIdentityPool",
  `<p>Gets details about a particular identity pool, including the pool name, ID description, creation date, and current number of users.</p> ${DEV_CREDENTIALS}`,
  BASIC,
  [["IdentityPoolId", "IdentityPoolId", D.poolId, true]],
  "Input to the DescribeIdentityPool action.",
  "IdentityPool",
);
op(
  "GetCredentialsForIdentity",
  `<p>Returns credentials for the provided identity ID. Any provided logins will be validated against supported login providers. If the token is for <code>cognito-identity.amazonaws.com</code>, it will be passed through to Security Token Service with the appropriate role for the token.</p> ${PUBLIC_API}`,
  ["InvalidParameter", "ResourceNotFound", "NotAuthorized", "ResourceConflict", "TooManyRequests", "InvalidIdentityPoolConfiguration", "InternalError", "ExternalService"],
  [
    ["IdentityId", "IdentityId", D.identityId, true],
    [
      "Logins",
      "LoginsMap",
      "<p>A set of optional name-value pairs that map provider names to provider tokens. The name-value pair will follow the syntax \"provider_name\": \"provider_user_identifier\".</p> <p>Logins should not be specified when trying to get credentials for an unauthenticated identity.</p> <p>The Logins parameter is required when using identities associated with external identity providers such as Facebook. For examples of <code>Logins</code> maps, see the code examples in the <a href=\"https://docs.aws.amazon.com/cognito/latest/developerguide/external-identity-providers.html\">External Identity Providers</a> section of the Amazon Cognito Developer Guide.</p>",
    ],
    [
      "CustomRoleArn",
      "ARNString",
      "The Amazon Resource Name (ARN) of the role to be assumed when multiple roles were received in the token from the identity provider. For example, a SAML-based identity provider. This parameter is optional for identity providers that do not support role customization.",
    ],
  ],
  "Input to the <code>GetCredentialsForIdentity</code> action.",
  [
    ["IdentityId", "IdentityId", D.identityId],
    ["Credentials", "Credentials", "Credentials for the provided identity ID."],
  ],
  "Returned in response to a successful <code>GetCredentialsForIdentity</code> operation.",
);
op(
  "GetId",
  `<p>Generates (or retrieves) IdentityID. Supplying multiple logins will create an implicit linked account.</p> ${PUBLIC_API}`,
  ["InvalidParameter", "ResourceNotFound", "NotAuthorized", "ResourceConflict", "TooManyRequests", "InternalError", "LimitExceeded", "ExternalService"],
  [
    ["AccountId", "AccountId", "A standard Amazon Web Services account ID (9+ digits)."],
    ["IdentityPoolId", "IdentityPoolId", D.poolId, true],
    [
      "Logins",
      "LoginsMap",
      "<p>A set of optional name-value pairs that map provider names to provider tokens. The available provider names for <code>Logins</code> are as follows:</p> <ul> <li> <p>Facebook: <code>graph.facebook.com</code> </p> </li> <li> <p>Amazon Cognito user pool: <code>cognito-idp.&lt;region&gt;.amazonaws.com/&lt;YOUR_USER_POOL_ID&gt;</code>, for example, <code>cognito-idp.us-east-1.amazonaws.com/us-east-1_123456789</code>. </p> </li> <li> <p>Google: <code>accounts.google.com</code> </p> </li> <li> <p>Amazon: <code>www.amazon.com</code> </p> </li> <li> <p>Twitter: <code>api.twitter.com</code> </p> </li> <li> <p>Digits: <code>www.digits.com</code> </p> </li> </ul>",
    ],
  ],
  "Input to the GetId action.",
  [["IdentityId", "IdentityId", D.identityId]],
  "Returned in response to a GetId request.",
);
op(
  "GetIdentityPoolRoles",
  `<p>Gets the roles for an identity pool.</p> ${DEV_CREDENTIALS}`,
  CONFLICT,
  [["IdentityPoolId", "IdentityPoolId", D.poolId, true]],
  "Input to the <code>GetIdentityPoolRoles</code> action.",
  [
    ["IdentityPoolId", "IdentityPoolId", D.poolId],
    ["Roles", "RolesMap", "The map of roles associated with this pool. Currently only authenticated and unauthenticated roles are supported."],
    ["RoleMappings", "RoleMappingMap", D.roleMappings],
  ],
  "Returned in response to a successful <code>GetIdentityPoolRoles</code> operation.",
);
op(
  "GetOpenIdToken",
  `<p>Gets an OpenID token, using a known Cognito ID. This known Cognito ID is returned by <a>GetId</a>. You can optionally add additional logins for the identity. Supplying multiple logins creates an implicit link.</p> <p>The OpenID token is valid for 10 minutes.</p> ${PUBLIC_API}`,
  ["InvalidParameter", "ResourceNotFound", "NotAuthorized", "ResourceConflict", "TooManyRequests", "InternalError", "ExternalService"],
  [
    ["IdentityId", "IdentityId", D.identityId, true],
    [
      "Logins",
      "LoginsMap",
      "<p>A set of optional name-value pairs that map provider names to provider tokens. When using graph.facebook.com and www.amazon.com, supply the access_token returned from the provider's authflow. For accounts.google.com, an Amazon Cognito user pool provider, or any other OpenID Connect provider, always include the <code>id_token</code>.</p>",
    ],
  ],
  "Input to the GetOpenIdToken action.",
  [
    ["IdentityId", "IdentityId", "A unique identifier in the format REGION:GUID. Note that the IdentityId returned may not match the one passed on input."],
    ["Token", "OIDCToken", D.token],
  ],
  "Returned in response to a successful GetOpenIdToken request.",
);
op(
  "GetOpenIdTokenForDeveloperIdentity",
  `<p>Registers (or retrieves) a Cognito <code>IdentityId</code> and an OpenID Connect token for a user authenticated by your backend authentication process. Supplying multiple logins will create an implicit linked account. You can only specify one developer provider as part of the <code>Logins</code> map, which is linked to the identity pool. The developer provider is the \"domain\" by which Cognito will refer to your users.</p> <p>You can use <code>GetOpenIdTokenForDeveloperIdentity</code> to create a new identity and to link new logins (that is, user credentials issued by a public provider or developer provider) to an existing identity. When you want to create a new identity, the <code>IdentityId</code> should be null. When you want to associate a new login with an existing authenticated/unauthenticated identity, you can do so by providing the existing <code>IdentityId</code>. This API will create the identity in the specified <code>IdentityPoolId</code>.</p> ${DEV_CREDENTIALS}`,
  [...CONFLICT, "DeveloperUserAlreadyRegistered"],
  [
    ["IdentityPoolId", "IdentityPoolId", D.poolId, true],
    ["IdentityId", "IdentityId", D.identityId],
    [
      "Logins",
      "LoginsMap",
      "<p>A set of optional name-value pairs that map provider names to provider tokens. Each name-value pair represents a user from a public provider or developer provider. If the user is from a developer provider, the name-value pair will follow the syntax <code>\"developer_provider_name\": \"developer_user_identifier\"</code>. The developer provider is the \"domain\" by which Cognito will refer to your users; you provided this domain while creating/updating the identity pool. The developer user identifier is an identifier from your backend that uniquely identifies a user. When you create an identity pool, you can specify the supported logins.</p>",
      true,
    ],
    ["PrincipalTags", "PrincipalTags", "Use this operation to configure attribute mappings for custom providers."],
    [
      "TokenDuration",
      "TokenDuration",
      "<p>The expiration time of the token, in seconds. You can specify a custom expiration time for the token so that you can cache it. If you don't provide an expiration time, the token is valid for 15 minutes. You can exchange the token with Amazon STS for temporary Amazon Web Services credentials, which are valid for a maximum of one hour. The maximum token duration you can set is 24 hours. You should take care in setting the expiration time for a token, as there are significant security implications: an attacker could use a leaked token to access your Amazon Web Services resources for the token's duration.</p> <note> <p>Please provide for a small grace period, usually no more than 5 minutes, to account for clock skew.</p> </note>",
    ],
  ],
  "Input to the <code>GetOpenIdTokenForDeveloperIdentity</code> action.",
  [
    ["IdentityId", "IdentityId", D.identityId],
    ["Token", "OIDCToken", "An OpenID token."],
  ],
  "Returned in response to a successful <code>GetOpenIdTokenForDeveloperIdentity</code> request.",
);
op(
  "GetPrincipalTagAttributeMap",
  "Use <code>GetPrincipalTagAttributeMap</code> to list all mappings between <code>PrincipalTags</code> and user attributes.",
  BASIC,
  [
    ["IdentityPoolId", "IdentityPoolId", "You can use this operation to get the ID of the Identity Pool you setup attribute mappings for.", true],
    ["IdentityProviderName", "IdentityProviderName", D.providerName, true],
  ],
  "Input to the <code>GetPrincipalTagAttributeMap</code> action.",
  [
    ["IdentityPoolId", "IdentityPoolId", "You can use this operation to get the ID of the Identity Pool you setup attribute mappings for."],
    ["IdentityProviderName", "IdentityProviderName", D.providerName],
    ["UseDefaults", "UseDefaults", D.useDefaults],
    ["PrincipalTags", "PrincipalTags", D.principalTags],
  ],
  "Returned in response to a successful <code>GetPrincipalTagAttributeMap</code> request.",
);
op(
  "ListIdentities",
  `<p>Lists the identities in an identity pool.</p> ${DEV_CREDENTIALS}`,
  BASIC,
  [
    ["IdentityPoolId", "IdentityPoolId", D.poolId, true],
    ["MaxResults", "QueryLimit", D.maxResults, true],
    ["NextToken", "PaginationKey", D.nextToken],
    [
      "HideDisabled",
      "HideDisabled",
      "An optional boolean parameter that allows you to hide disabled identities. If omitted, the ListIdentities API will include disabled identities in the response.",
    ],
  ],
  "Input to the ListIdentities action.",
  [
    ["IdentityPoolId", "IdentityPoolId", D.poolId],
    ["Identities", "IdentitiesList", "An object containing a set of identities and associated mappings."],
    ["NextToken", "PaginationKey", D.nextToken],
  ],
  "The response to a ListIdentities request.",
);
op(
  "ListIdentityPools",
  `<p>Lists all of the Cognito identity pools registered for your account.</p> ${DEV_CREDENTIALS}`,
  BASIC,
  [
    ["MaxResults", "QueryLimit", D.maxResults, true],
    ["NextToken", "PaginationKey", D.nextToken],
  ],
  "Input to the ListIdentityPools action.",
  [
    ["IdentityPools", "IdentityPoolsList", "The identity pools returned by the ListIdentityPools action."],
    ["NextToken", "PaginationKey", D.nextToken],
  ],
  "The result of a successful ListIdentityPools action.",
);
op(
  "ListTagsForResource",
  "<p>Lists the tags that are assigned to an Amazon Cognito identity pool.</p> <p>A tag is a label that you can apply to identity pools to categorize and manage them in different ways, such as by purpose, owner, environment, or other criteria.</p> <p>You can use this action up to 10 times per second, per account.</p>",
  BASIC,
  [["ResourceArn", "ARNString", "The Amazon Resource Name (ARN) of the identity pool that the tags are assigned to.", true]],
  undefined,
  [["Tags", "IdentityPoolTagsType", "The tags that are assigned to the identity pool."]],
  undefined,
);
op(
  "LookupDeveloperIdentity",
  `<p>Retrieves the <code>IdentityID</code> associated with a <code>DeveloperUserIdentifier</code> or the list of <code>DeveloperUserIdentifier</code> values associated with an <code>IdentityId</code> for an existing identity. Either <code>IdentityID</code> or <code>DeveloperUserIdentifier</code> must not be null. If you supply only one of these values, the other value will be searched in the database and returned as a part of the response. If you supply both, <code>DeveloperUserIdentifier</code> will be matched against <code>IdentityID</code>. If the values are verified against the database, the response returns both values and is the same as the request. Otherwise a <code>ResourceConflictException</code> is thrown.</p> <p> <code>LookupDeveloperIdentity</code> is intended for low-throughput control plane operations: for example, to enable customer service to locate an identity ID by username. If you are using it for higher-volume operations such as user authentication, your requests are likely to be throttled. <a>GetOpenIdTokenForDeveloperIdentity</a> is a better option for higher-volume operations for user authentication.</p> ${DEV_CREDENTIALS}`,
  CONFLICT,
  [
    ["IdentityPoolId", "IdentityPoolId", D.poolId, true],
    ["IdentityId", "IdentityId", D.identityId],
    ["DeveloperUserIdentifier", "DeveloperUserIdentifier", D.developerUser],
    ["MaxResults", "QueryLimit", "The maximum number of identities to return."],
    [
      "NextToken",
      "PaginationKey",
      "A pagination token. The first call you make will have <code>NextToken</code> set to null. After that the service will return <code>NextToken</code> values as needed. For example, let's say you make a request with <code>MaxResults</code> set to 10, and there are 20 matches in the database. The service will return a pagination token as a part of the response. This token can be used to call the API again and get results starting from the 11th match.",
    ],
  ],
  "Input to the <code>LookupDeveloperIdentityInput</code> action.",
  [
    ["IdentityId", "IdentityId", D.identityId],
    ["DeveloperUserIdentifierList", "DeveloperUserIdentifierList", "This is the list of developer user identifiers associated with an identity ID. Cognito supports the association of multiple developer user identifiers with an identity ID."],
    [
      "NextToken",
      "PaginationKey",
      "A pagination token. The first call you make will have <code>NextToken</code> set to null. After that the service will return <code>NextToken</code> values as needed. This token can be used to call the API again and get results starting from the 11th match.",
    ],
  ],
  "Returned in response to a successful <code>LookupDeveloperIdentity</code> action.",
);
op(
  "MergeDeveloperIdentities",
  `<p>Merges two users having different <code>IdentityId</code>s, existing in the same identity pool, and identified by the same developer provider. You can use this action to request that discrete users be merged and identified as a single user in the Cognito environment. Cognito associates the given source user (<code>SourceUserIdentifier</code>) with the <code>IdentityId</code> of the <code>DestinationUserIdentifier</code>. Only developer-authenticated users can be merged. If the users to be merged are associated with the same public provider, but as two different users, an exception will be thrown.</p> <p>The number of linked logins is limited to 20. So, the number of linked logins for the source user, <code>SourceUserIdentifier</code>, and the destination user, <code>DestinationUserIdentifier</code>, together should not be larger than 20. Otherwise, an exception will be thrown.</p> ${DEV_CREDENTIALS}`,
  CONFLICT,
  [
    ["SourceUserIdentifier", "DeveloperUserIdentifier", "User identifier for the source user. The value should be a <code>DeveloperUserIdentifier</code>.", true],
    ["DestinationUserIdentifier", "DeveloperUserIdentifier", "User identifier for the destination user. The value should be a <code>DeveloperUserIdentifier</code>.", true],
    ["DeveloperProviderName", "DeveloperProviderName", D.developerProvider, true],
    ["IdentityPoolId", "IdentityPoolId", D.poolId, true],
  ],
  "Input to the <code>MergeDeveloperIdentities</code> action.",
  [["IdentityId", "IdentityId", D.identityId]],
  "Returned in response to a successful <code>MergeDeveloperIdentities</code> action.",
);
op(
  "SetIdentityPoolRoles",
  `<p>Sets the roles for an identity pool. These roles are used when making calls to <a>GetCredentialsForIdentity</a> action.</p> ${DEV_CREDENTIALS}`,
  [...CONFLICT, "ConcurrentModification"],
  [
    ["IdentityPoolId", "IdentityPoolId", D.poolId, true],
    ["Roles", "RolesMap", "The map of roles associated with this pool. For a given role, the key will be either \"authenticated\" or \"unauthenticated\" and the value will be the Role ARN.", true],
    [
      "RoleMappings",
      "RoleMappingMap",
      `${D.roleMappings} <p>Up to 25 rules can be specified per identity provider.</p>`,
    ],
  ],
  "Input to the <code>SetIdentityPoolRoles</code> action.",
);
op(
  "SetPrincipalTagAttributeMap",
  "You can use this operation to use default (username and clientID) attribute or custom attribute mappings.",
  BASIC,
  [
    ["IdentityPoolId", "IdentityPoolId", "The ID of the Identity Pool you want to set attribute mappings for.", true],
    ["IdentityProviderName", "IdentityProviderName", "The provider name you want to use for attribute mappings.", true],
    ["UseDefaults", "UseDefaults", "You can use this operation to use default (username and clientID) attribute mappings."],
    ["PrincipalTags", "PrincipalTags", "You can use this operation to add principal tags."],
  ],
  "Input to the <code>SetPrincipalTagAttributeMap</code> action.",
  [
    ["IdentityPoolId", "IdentityPoolId", "The ID of the Identity Pool you want to set attribute mappings for."],
    ["IdentityProviderName", "IdentityProviderName", "The provider name you want to use for attribute mappings."],
    ["UseDefaults", "UseDefaults", "You can use this operation to select default (username and clientID) attribute mappings."],
    ["PrincipalTags", "PrincipalTags", "You can use this operation to add principal tags. The <code>PrincipalTags</code> operation enables you to reference user attributes in your IAM permissions policy."],
  ],
  "Returned in response to a successful <code>SetPrincipalTagAttributeMap</code> request.",
);
op(
  "TagResource",
  "<p>Assigns a set of tags to the specified Amazon Cognito identity pool. A tag is a label that you can use to categorize and manage identity pools in different ways, such as by purpose, owner, environment, or other criteria.</p> <p>Each tag consists of a key and value, both of which you define. A key is a general category for more specific values. For example, if you have two versions of an identity pool, one for testing and another for production, you might assign an <code>Environment</code> tag key to both identity pools. The value of this key might be <code>Test</code> for one identity pool and <code>Production</code> for the other.</p> <p>Tags are useful for cost tracking and access control. You can activate your tags so that they appear on the Billing and Cost Management console, where you can track the costs associated with your identity pools. In an IAM policy, you can constrain permissions for identity pools based on specific tags or tag values.</p> <p>You can use this action up to 5 times per second, per account. An identity pool can have as many as 50 tags.</p>",
  BASIC,
  [
    ["ResourceArn", "ARNString", "The Amazon Resource Name (ARN) of the identity pool.", true],
    ["Tags", "IdentityPoolTagsType", "The tags to assign to the identity pool.", true],
  ],
  undefined,
  [],
  undefined,
);
op(
  "UnlinkDeveloperIdentity",
  `<p>Unlinks a <code>DeveloperUserIdentifier</code> from an existing identity. Unlinked developer users will be considered new identities next time they are seen. If, for a given Cognito identity, you remove all federated identities as well as the developer user identifier, the Cognito identity becomes inaccessible.</p> ${DEV_CREDENTIALS}`,
  CONFLICT,
  [
    ["IdentityId", "IdentityId", D.identityId, true],
    ["IdentityPoolId", "IdentityPoolId", D.poolId, true],
    ["DeveloperProviderName", "DeveloperProviderName", "The \"domain\" by which Cognito will refer to your users.", true],
    ["DeveloperUserIdentifier", "DeveloperUserIdentifier", "A unique ID used by your backend authentication process to identify a user.", true],
  ],
  "Input to the <code>UnlinkDeveloperIdentity</code> action.",
);
op(
  "UnlinkIdentity",
  `<p>Unlinks a federated identity from an existing account. Unlinked logins will be considered new identities next time they are seen. Removing the last linked login will make this identity inaccessible.</p> ${PUBLIC_API}`,
  [...CONFLICT, "ExternalService"],
  [
    ["IdentityId", "IdentityId", D.identityId, true],
    ["Logins", "LoginsMap", D.logins, true],
    ["LoginsToRemove", "LoginsList", "Provider names to unlink from this identity.", true],
  ],
  "Input to the UnlinkIdentity action.",
);
op(
  "UntagResource",
  "Removes the specified tags from the specified Amazon Cognito identity pool. You can use this action up to 5 times per second, per account",
  BASIC,
  [
    ["ResourceArn", "ARNString", "The Amazon Resource Name (ARN) of the identity pool.", true],
    ["TagKeys", "IdentityPoolTagsListType", "The keys of the tags to remove from the user pool.", true],
  ],
  undefined,
  [],
  undefined,
);
op(
  "UpdateIdentityPool",
  `<p>Updates an identity pool.</p> ${DEV_CREDENTIALS}`,
  [...CONFLICT, "ConcurrentModification", "LimitExceeded"],
  "IdentityPool",
  undefined,
  "IdentityPool",
);

// ---------------------------------------------------------------------------
// Writing

/** `GetOpenIdTokenInput` → `get-open-id-token-input`, `OIDCToken` → `oidc-token`, as the corpus names its files. */
export function kebabTitle(title: string): string {
  return title
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1-$2")
    .toLowerCase();
}

const fileName = (title: string): string => `${SERVICE}-${kebabTitle(title)}-schema.json`;

/** A component's schema as the document holds it: a list's `items` copied from its member (with the member's own description). */
function expanded(title: string): JsonObject {
  const c = components.get(title);
  if (c === undefined) throw new Error(`no component ${title}`);
  if (c.member === undefined) return c.body;
  const member = components.get(c.member);
  if (member === undefined) throw new Error(`${title}: no member component ${c.member}`);
  const items = { ...expanded(c.member), ...(member.doc !== undefined ? { description: member.doc } : {}) };
  return { ...c.body, items };
}

/** The file: the schema's keywords, then its description (when it has its own), $schema, $id, title, else a stock description last. */
function schemaFile(title: string): JsonObject {
  const c = components.get(title)!;
  const head = { ...expanded(title), ...(c.doc !== undefined ? { description: c.doc } : {}) };
  const ids = { $schema: "https://json-schema.org/draft/2020-12/schema", $id: ID_BASE + fileName(title), title };
  return c.doc !== undefined ? { ...head, ...ids } : { ...head, ...ids, description: `${title} schema from Amazon Cognito` };
}

/** Every `$ref` names a component: the tables are checked before anything is written. */
function checkRefs(value: Json, where: string): void {
  if (Array.isArray(value)) value.forEach((v) => checkRefs(v, where));
  else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "$ref" && typeof v === "string" && !components.has(v.slice(REF.length))) throw new Error(`${where}: ${v} names no component`);
      checkRefs(v, where);
    }
  }
}

// -- the OpenAPI document

const REGIONS = [
  "us-east-1", "us-east-2", "us-west-1", "us-west-2", "us-gov-west-1", "us-gov-east-1", "ca-central-1", "eu-north-1", "eu-west-1", "eu-west-2", "eu-west-3",
  "eu-central-1", "eu-south-1", "af-south-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-southeast-1", "ap-southeast-2", "ap-east-1",
  "ap-south-1", "sa-east-1", "me-south-1",
];
const SIGNING_HEADERS = ["X-Amz-Content-Sha256", "X-Amz-Date", "X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Security-Token", "X-Amz-Signature", "X-Amz-SignedHeaders"];

function server(scheme: string, suffix: string, regions: readonly string[], description: string): JsonObject {
  return { url: `${scheme}://${SERVICE}.{region}.amazonaws.com${suffix}`, variables: { region: { description: "The AWS region", enum: [...regions], default: regions[0]! } }, description };
}

const jsonContent = (title: string, examples?: JsonObject): JsonObject => ({ "application/json": { schema: { $ref: REF + title }, ...(examples !== undefined ? { examples } : {}) } });

/** "GetOpenIdToken" → "Get Open Id Token". */
const words = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2");

function pathItem(o: Operation): JsonObject {
  const responses: JsonObject = { "200": o.output !== undefined ? { description: "Success", content: jsonContent(o.output) } : { description: "Success" } };
  o.errors.forEach((e, i) => {
    const status = String(480 + i);
    const example = { [`${o.name}${status}Example`]: { summary: `Default ${o.name} ${status} response`, "x-microcks-default": true, value: "example" } };
    responses[status] = { description: e, content: jsonContent(e, example) };
  });
  return {
    post: {
      operationId: o.name,
      description: o.doc,
      responses,
      requestBody: { required: true, content: jsonContent(o.input) },
      parameters: [{ name: "X-Amz-Target", in: "header", required: true, schema: { type: "string", enum: [`${TARGET_PREFIX}.${o.name}`] } }],
      summary: `Amazon Cognito ${words(o.name)}`,
      "x-microcks-operation": { delay: 0, dispatcher: "FALLBACK" },
    },
    parameters: SIGNING_HEADERS.map((h) => ({ $ref: `#/components/parameters/${h}` })),
  };
}

function document(): JsonObject {
  const paths: JsonObject = {};
  for (const o of [...operations].sort((a, b) => (a.name < b.name ? -1 : 1))) paths[`/#X-Amz-Target=${TARGET_PREFIX}.${o.name}`] = pathItem(o);
  const parameters: JsonObject = {};
  for (const h of SIGNING_HEADERS) parameters[h] = { name: h, in: "header", schema: { type: "string" }, required: false };
  const schemas: JsonObject = {};
  for (const title of [...components.keys()].sort()) {
    const c = components.get(title)!;
    schemas[title] = { ...expanded(title), ...(c.doc !== undefined ? { description: c.doc } : {}) };
  }
  const cn = ["cn-north-1", "cn-northwest-1"];
  const global = "The Amazon Cognito Identity multi-region endpoint";
  const china = "The Amazon Cognito Identity endpoint for China (Beijing) and China (Ningxia)";
  return {
    openapi: "3.0.0",
    info: {
      version: "2014-06-30",
      "x-release": "v4",
      title: "Amazon Cognito Identity",
      description:
        "<fullname>Amazon Cognito Federated Identities</fullname> <p>Amazon Cognito Federated Identities is a web service that delivers scoped temporary credentials to mobile devices and other untrusted environments. It uniquely identifies a device and supplies the user with a consistent identity over the lifetime of an application.</p> <p>Using Amazon Cognito Federated Identities, you can enable authentication with one or more third-party identity providers (Facebook, Google, or Login with Amazon) or an Amazon Cognito user pool, and you can also choose to support unauthenticated access from your app. Cognito delivers a unique identifier for each user and acts as an OpenID token provider trusted by Security Token Service (STS) to access temporary, limited-privilege Amazon Web Services credentials.</p> <p>For a description of the authentication flow from the Amazon Cognito Developer Guide see <a href=\"https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flow.html\">Authentication Flow</a>.</p> <p>For more information see <a href=\"https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-identity.html\">Amazon Cognito Federated Identities</a>.</p>",
      termsOfService: "https://aws.amazon.com/service-terms/",
      license: { name: "Apache 2.0 License", url: "http://www.apache.org/licenses/" },
      "x-providerName": "amazonaws.com",
      "x-serviceName": SERVICE,
      "x-preferred": true,
    },
    externalDocs: { description: "Amazon Web Services documentation", url: `https://docs.aws.amazon.com/${SERVICE}/` },
    servers: [server("http", "", REGIONS, global), server("https", "", REGIONS, global), server("http", ".cn", cn, china), server("https", ".cn", cn, china)],
    "x-hasEquivalentPaths": true,
    paths,
    components: {
      parameters,
      securitySchemes: { hmac: { type: "apiKey", name: "Authorization", in: "header", description: "Amazon Signature authorization v4", "x-amazon-apigateway-authtype": "awsSigv4" } },
      schemas,
    },
    security: [{ hmac: [] }],
  };
}

// -- a YAML writer for JSON values, block style as the idp document is written

const YAML_WORDS = /^(?:true|false|null|yes|no|on|off|y|n|~)$/i;

function scalar(value: Json, key = false): string {
  if (typeof value !== "string") return JSON.stringify(value);
  const plain = key ? /^[A-Za-z$/][\w$/#=.-]*$/ : /^[A-Za-z</][^\n]*$/;
  const safe = plain.test(value) && !/: | #|[\s:]$|^[0-9.+-]/.test(value) && !YAML_WORDS.test(value);
  return safe ? value : JSON.stringify(value);
}

const isCollection = (v: Json): v is Json[] | JsonObject => v !== null && typeof v === "object" && (Array.isArray(v) ? v.length > 0 : Object.keys(v).length > 0);

/** Lines of `value` at `indent`; a sequence under a key sits at the key's indent. */
function yamlLines(value: Json, indent: number): string[] {
  const pad = " ".repeat(indent);
  const out: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      if (!isCollection(item)) out.push(`${pad}- ${scalar(item)}`);
      else {
        const inner = yamlLines(item, indent + 2);
        out.push(`${pad}- ${inner[0]!.slice(indent + 2)}`, ...inner.slice(1));
      }
    }
    return out;
  }
  for (const [k, v] of Object.entries(value as JsonObject)) {
    if (!isCollection(v)) out.push(`${pad}${scalar(k, true)}: ${Array.isArray(v) ? "[]" : v !== null && typeof v === "object" ? "{}" : scalar(v)}`);
    else out.push(`${pad}${scalar(k, true)}:`, ...yamlLines(v, Array.isArray(v) ? indent : indent + 2));
  }
  return out;
}

export const toYaml = (value: JsonObject): string => yamlLines(value, 0).join("\n") + "\n";

// -- the files

/** Components, operations and the component titles, as the tables give them. */
export const IDENTITY_SERVICE = {
  components: (): string[] => [...components.keys()].sort(),
  operations: (): readonly Operation[] => [...operations].sort((a, b) => (a.name < b.name ? -1 : 1)),
};

/**
 * Writes `dir/json-schema/cognito-identity-<kebab title>-schema.json` (one per
 * component) and `dir/openapi.yaml`; any earlier `json-schema/` is replaced.
 */
export async function writeIdentityService(dir: string): Promise<{ schemas: string; count: number }> {
  const titles = [...components.keys()].sort();
  for (const title of titles) checkRefs(expanded(title), title);
  for (const o of operations) for (const t of [o.input, o.output, ...o.errors]) if (t !== undefined && !components.has(t)) throw new Error(`${o.name}: no component ${t}`);
  const schemas = path.join(dir, "json-schema");
  await rm(schemas, { recursive: true, force: true });
  await mkdir(schemas, { recursive: true });
  for (const title of titles) await writeFile(path.join(schemas, fileName(title)), JSON.stringify(schemaFile(title), null, 2));
  await writeFile(path.join(dir, "openapi.yaml"), toYaml(document()));
  return { schemas, count: titles.length };
}
