import { describe, expect, it } from "vitest";
import { asciiWords, camelCase, docComment, docText, identifier, jsonLiteral, literalType, pascalCase, propertyKey, regExpConstruction, stringLiteral, unicodeWords } from "../generator/escape.js";
import { prng } from "./prng.js";

describe("identifier", () => {
  it.each([
    ["ClientIdType", "type", "ClientIdType"],
    ["client-id-type", "type", "ClientIdType"],
    ["SMSMfaSettingsType", "type", "SMSMfaSettingsType"],
    ["3DSecure", "type", "_3DSecure"],
    ["string", "type", "String_"],
    ["Record", "type", "Record_"],
    ["delete", "value", "delete_"],
    ["a b*/c", "type", "ABC"],
    ["", "type", "Unnamed"],
    ["Ünïcode name", "type", "ÜnïcodeName"],
  ] as const)("%j in %s space → %j", (raw, space, want) => {
    expect(identifier(raw, space, space === "value" ? "camel" : "pascal")).toBe(want);
  });

  it("camel and pascal keep acronyms readable", () => {
    expect(camelCase("ClientId")).toBe("clientId");
    expect(camelCase("SMSConfiguration")).toBe("smsConfiguration");
    expect(camelCase("IPAddress")).toBe("ipAddress");
    expect(pascalCase("user_pool-id")).toBe("UserPoolId");
  });
});

describe("propertyKey", () => {
  it.each([
    ["ClientId", "ClientId"],
    ["with space", '"with space"'],
    ['quo"te', '"quo\\"te"'],
    ["__proto__", '"__proto__"'],
    ["a-b", '"a-b"'],
    ["$ok", "$ok"],
    ["1abc", '"1abc"'],
  ])("%j → %s", (raw, want) => {
    expect(propertyKey(raw)).toBe(want);
  });
});

describe("stringLiteral", () => {
  it.each([
    ["plain", '"plain"'],
    ["line\nfeed", '"line\\nfeed"'],
    ["sep\u2028par\u2029", '"sep\\u2028par\\u2029"'],
    ["lone \ud800 surrogate", '"lone \\ud800 surrogate"'],
    ["pair 😀", '"pair 😀"'],
    ["back\\slash", '"back\\\\slash"'],
    ["end\\", '"end\\u005c"'],
    ["end\\\\", '"end\\\\\\u005c"'],
    ["</script>", '"</script>"'],
  ])("%j → %s", (raw, want) => {
    expect(stringLiteral(raw)).toBe(want);
    // and it reads back as the same string
    expect(Function(`return ${want}`)()).toBe(raw);
  });
});

describe("jsonLiteral", () => {
  it("quotes every key, and a __proto__ key stays an own property", () => {
    const text = jsonLiteral(JSON.parse('{"__proto__": 1, "a": [true, null, -1.5]}') as never);
    const value = Function(`return ${text}`)() as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(value, "__proto__")).toBe(true);
    expect(Object.keys(value)).toEqual(["__proto__", "a"]);
  });
  it("writes negative literal types", () => {
    expect(literalType(-3)).toBe("-3");
    expect(literalType("x")).toBe('"x"');
  });
});

describe("regExpConstruction", () => {
  it("builds a RegExp constructor call, marked pure for bundlers, that matches like the pattern", () => {
    const text = regExpConstruction("a\\/b[\\p{L}]+");
    expect(text).toBe('/* @__PURE__ */ new RegExp("a\\\\/b[\\\\p{L}]+", "u")');
    const re = Function(`return ${text}`)() as RegExp;
    expect(re.test("xa/bé")).toBe(true);
  });
  it("rejects a pattern that is not valid with the u flag, at generation time", () => {
    expect(() => regExpConstruction("\\p{Nope}")).toThrow(SyntaxError);
    expect(() => regExpConstruction("[")).toThrow(SyntaxError);
  });
});

describe("docText / docComment", () => {
  it.each([
    ["ends */ here", "ends *\\/ here"],
    ["opens /* there", "opens /\\* there"],
    ["a\r\nb\rc\u2028d", "a\nb\nc\nd"],
    ["@tag at start", "\\@tag at start"],
    ["  trailing  \nspace  ", "trailing\nspace"],
    ["bell\u0007", "bell"],
  ])("%j → %j", (raw, want) => {
    expect(docText(raw)).toBe(want);
  });
  it("a doc comment cannot be closed early by its text", () => {
    const block = docComment("x */ alert(1) /* y");
    expect(block.indexOf("*/")).toBe(block.length - 2);
  });
});

describe("words of an ASCII text", () => {
  it("are the words the general (Unicode) path finds, on names and on random ASCII", () => {
    const names = ["ClientIdType", "SMSMfaSettingsType", "sms-mfa", "3DSecure", "aBCd", "aABc", "ABC", "ABCdef", "a1B2c", "X_Y__z", "", "--", "userPoolId", "HTTPServer2FA", "A", "aB", "Ab"];
    for (const name of names) expect(asciiWords(name), name).toEqual(unicodeWords(name));
    const random = prng(7);
    const alphabet = "aAbBzZ09_- .$";
    for (let n = 0; n < 20_000; n++) {
      let text = "";
      const length = Math.floor(random() * 12);
      for (let i = 0; i < length; i++) text += random() < 0.1 ? String.fromCharCode(Math.floor(random() * 128)) : alphabet[Math.floor(random() * alphabet.length)];
      expect(asciiWords(text), JSON.stringify(text)).toEqual(unicodeWords(text));
    }
  });
});
