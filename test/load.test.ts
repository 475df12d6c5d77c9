import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DiagnosticSink, formatDiagnostic } from "../generator/diagnostics.js";
import { JsonSyntaxError, parseJson } from "../generator/json.js";
import { loadSchemaBytes, serviceFromFileName } from "../generator/load.js";

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

function load(text: string | Uint8Array, name = "cognito-idp-foo-type-schema.json") {
  const sink = new DiagnosticSink();
  const file = loadSchemaBytes(name, `schemas/${name}`, typeof text === "string" ? bytes(text) : text, sink);
  return { file, messages: sink.items.map(formatDiagnostic) };
}

describe("parseJson positions", () => {
  it("records line and column of every value", () => {
    const { positions } = parseJson('{\n  "a": [1,\n    {"b": true}]\n}');
    expect(positions.get("")).toEqual({ line: 1, column: 1 });
    expect(positions.get("/a")).toEqual({ line: 2, column: 8 });
    expect(positions.get("/a/1/b")).toEqual({ line: 3, column: 11 });
  });

  it.each([
    ["trailing comma in an object", '{"a": 1,\n}', 2, 1, "trailing comma"],
    ["trailing comma in an array", "[1, 2, ]", 1, 8, "trailing comma"],
    ["truncated file", '{"a": {"b": 1}', 1, 15, "unterminated object"],
    ["truncated string", '{"a": "abc', 1, 7, "unterminated string"],
    ["garbage after the value", '{} x', 1, 4, "after the end"],
    ["single quotes", "{'a': 1}", 1, 2, "double quotes"],
    ["bad escape", '{"a": "\\q"}', 1, 8, "invalid escape"],
    ["leading zero", "01", 1, 2, "unexpected"],
  ])("%s is an error at its line:column", (_name, text, line, column, message) => {
    try {
      parseJson(text);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(JsonSyntaxError);
      const err = e as JsonSyntaxError;
      expect([err.line, err.column]).toEqual([line, column]);
      expect(err.message).toContain(message);
    }
  });

  it("keeps a __proto__ key as an own property", () => {
    const { value } = parseJson('{"__proto__": {"polluted": true}}');
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value as object)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
});

describe("loadSchemaBytes", () => {
  it("reads the seed byte for byte and warns at the raw line feed, with file:line:column", () => {
    const raw = readFileSync(new URL("../schemas/cognito-idp-resend-confirmation-code-request-schema.json", import.meta.url));
    const { file, messages } = load(raw, "cognito-idp-resend-confirmation-code-request-schema.json");
    expect(file?.title).toBe("ResendConfirmationCodeRequest");
    expect(file?.service).toBe("cognito-idp");
    // the first raw line feed is at 1:1347 of the seed; one warning per string
    expect(messages).toEqual([
      "schemas/cognito-idp-resend-confirmation-code-request-schema.json:1:1347: warning: raw line feed inside a string (not strict JSON); read as the character itself",
    ]);
    const text = raw.toString("utf8");
    expect(text.split("\n")[0]!.length + 1).toBe(1347);
    const description = (file!.schema["properties"] as Record<string, { allOf: { description?: string }[] }>)["ClientMetadata"]!.allOf[1]!.description!;
    expect(description.startsWith("\n\nA map of custom key-value pairs")).toBe(true);
  });

  it.each([
    ["not an object", "[1]", "must hold a JSON object, not an array"],
    ["a string", '"x"', "not a string"],
    ["no title", '{"type": "string"}', "has no title"],
    ["malformed", '{"title": "FooType",}', ":1:21: error: invalid JSON: trailing comma before '}'"],
  ])("%s is an error", (_name, text, message) => {
    const { file, messages } = load(text);
    expect(file).toBeUndefined();
    expect(messages.join("\n")).toContain(message);
    expect(messages.join("\n")).toContain("schemas/cognito-idp-foo-type-schema.json");
  });

  it("reads a byte order mark as nothing, positions unchanged", () => {
    const { file, messages } = load(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('{"title": "FooType", "type": 3}')]));
    expect(messages).toEqual([]);
    expect(file?.positions.get("/type")).toEqual({ line: 1, column: 30 });
  });

  it("rejects bytes that are not UTF-8", () => {
    const { file, messages } = load(new Uint8Array([0x7b, 0xff, 0x7d]));
    expect(file).toBeUndefined();
    expect(messages[0]).toContain("not valid UTF-8");
  });

  it("tells the service from the file name, or from $id", () => {
    expect(serviceFromFileName("cognito-idp-client-id-type-schema.json", "ClientIdType")).toBe("cognito-idp");
    expect(serviceFromFileName("cognito-identity-get-id-input-schema.json", "GetIdInput")).toBe("cognito-identity");
    expect(serviceFromFileName("cognito-idp-sms-mfa-settings-type-schema.json", "SMSMfaSettingsType")).toBe("cognito-idp");
    expect(serviceFromFileName("whatever.json", "ClientIdType")).toBeNull();
    const { file } = load('{"title": "GetIdInput", "$id": "https://x/cognito-identity-get-id-input-schema.json"}', "seed.schema.json");
    expect(file?.service).toBe("cognito-identity");
    const { messages } = load('{"title": "GetIdInput"}', "seed.schema.json");
    expect(messages[0]).toContain("cannot tell the service");
  });
});
