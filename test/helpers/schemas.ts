import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

const ref = (title: string, description?: string) =>
  description === undefined ? { $ref: `#/components/schemas/${title}` } : { allOf: [{ $ref: `#/components/schemas/${title}` }, { description }] };

/**
 * A small cognito-idp service in the corpus's shape: four operations (SignUp,
 * GetUser, DeleteUser, ConfirmSignUp), the types they share, one that nothing
 * uses, an exception. Title → schema.
 */
export const MINI_IDP: Record<string, object> = {
  ClientIdType: { type: "string", minLength: 1, maxLength: 128, pattern: "[\\w+]+" },
  UsernameType: { type: "string", minLength: 1, maxLength: 128 },
  PasswordType: { type: "string", maxLength: 256 },
  TokenModelType: { type: "string", pattern: "[A-Za-z0-9-_=.]+" },
  AttributeNameType: { type: "string", minLength: 1, maxLength: 32 },
  AttributeType: { type: "object", properties: { Name: ref("AttributeNameType"), Value: { type: "string", maxLength: 2048 } }, required: ["Name"] },
  AttributeListType: { type: "array", items: ref("AttributeType") },
  DeliveryMediumType: { type: "string", enum: ["SMS", "EMAIL"] },
  CodeDeliveryDetailsType: { type: "object", properties: { Destination: { type: "string" }, DeliveryMedium: ref("DeliveryMediumType", "How the code went.") } },
  ConfirmationCodeType: { type: "string", $defs: { Digits: { type: "string", pattern: "^[0-9]+$" } }, allOf: [{ $ref: "#/$defs/Digits" }] },
  UnusedType: { type: "string" },
  SignUpRequest: {
    type: "object",
    properties: { ClientId: ref("ClientIdType", "The app client."), Username: ref("UsernameType"), Password: ref("PasswordType"), UserAttributes: ref("AttributeListType") },
    required: ["ClientId", "Username", "Password"],
  },
  SignUpResponse: { type: "object", properties: { UserConfirmed: { type: "boolean" }, CodeDeliveryDetails: ref("CodeDeliveryDetailsType") }, required: ["UserConfirmed"] },
  ConfirmSignUpRequest: { type: "object", properties: { ClientId: ref("ClientIdType"), Username: ref("UsernameType"), ConfirmationCode: ref("ConfirmationCodeType") }, required: ["ClientId", "Username", "ConfirmationCode"] },
  ConfirmSignUpResponse: { type: "object", properties: {} },
  GetUserRequest: { type: "object", properties: { AccessToken: ref("TokenModelType") }, required: ["AccessToken"] },
  GetUserResponse: { type: "object", properties: { Username: ref("UsernameType"), UserAttributes: ref("AttributeListType") }, required: ["Username", "UserAttributes"] },
  DeleteUserRequest: { type: "object", properties: { AccessToken: ref("TokenModelType") }, required: ["AccessToken"] },
  NotAuthorizedException: {},
};

const kebab = (title: string) => title.replace(/([a-z0-9])([A-Z])/g, "$1-$2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1-$2").toLowerCase();

/** Writes `<service>-<kebab title>-schema.json` files (or the names given) into `dir`. */
export async function writeSchemas(dir: string, schemas: Record<string, object>, service = "cognito-idp"): Promise<string> {
  await mkdir(dir, { recursive: true });
  for (const [title, schema] of Object.entries(schemas)) {
    await writeFile(path.join(dir, `${service}-${kebab(title)}-schema.json`), JSON.stringify({ title, ...schema }, null, 2) + "\n");
  }
  return dir;
}

export async function tempDir(prefix = "cognito-codegen-test-"): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

/** Every file below `folder`, by its path relative to it, with its text. */
export async function tree(folder: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out[path.relative(folder, full)] = await readFile(full, "utf8");
  }
  return out;
}
