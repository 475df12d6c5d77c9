/**
 * The validators' runtime (templates/runtime/validate.ts): the entry points
 * over a check, the sites and their messages (ajv's), the own-member reads,
 * and the scans that stand for patterns: the class table and the ASCII table
 * of an automaton (templates/validators/dfa.ts), each against the engine.
 */
import { describe, expect, it } from "vitest";
import { automatonOf } from "../../generator/regex/safety.js";
import { dfaTables } from "../../templates/validators/dfa.js";
import { compileAutomaton } from "../../templates/runtime/linear-match.js";
import {
  inherits,
  asserter,
  boundSite,
  classSearch,
  codePointLength,
  constSite,
  dfaSearch,
  enumSite,
  fixedSite,
  guard,
  jsonEqual,
  lengthSite,
  limitSite,
  matchSite,
  multipleOfSite,
  objectPrototype,
  own,
  pointerSegment,
  report,
  requiredSite,
  typeSite,
  validator,
  ValidationFailure,
  within,
  type Check,
  type ValidationError,
} from "../../templates/runtime/validate.js";
import { prng as mulberry32 } from "../prng.js";

const [notString, tooShort] = within("Name", [typeSite("string"), lengthSite("minLength", 2, "/properties/x")]);

/** A string of at least two units, as a generated check would read it. */
const check: Check = (value, path, errors) => {
  if (typeof value !== "string") return report(errors, path, notString!);
  if (value.length < 2 && !report(errors, path + "/x", tooShort!)) return false;
  return true;
};

describe("entry points", () => {
  it("validator: the value, or the errors of the collecting mode", () => {
    const validate = validator<string>(check);
    expect(validate("ab")).toEqual({ ok: true, value: "ab" });
    expect(validate(1)).toEqual({ ok: false, errors: [{ instancePath: "", schemaPath: "#/components/schemas/Name/type", keyword: "type", params: { type: "string" }, message: "must be string" }] });
    expect(validate("a")).toEqual({ ok: false, errors: [{ instancePath: "/x", schemaPath: "#/components/schemas/Name/properties/x/minLength", keyword: "minLength", params: { limit: 2 }, message: "must NOT have fewer than 2 characters" }] });
  });

  it("guard: the fast mode alone, whatever else a caller passes (Array.prototype.filter passes an index and the array)", () => {
    const is = guard<string>(check);
    expect(["ab", 1, "a", "cd"].filter(is)).toEqual(["ab", "cd"]);
  });

  it("asserter: a ValidationFailure naming the type and every error", () => {
    const assert: (value: unknown) => asserts value is string = asserter<string>(check, "Name");
    expect(() => assert("ab")).not.toThrow();
    expect(() => assert(1)).toThrow(ValidationFailure);
    expect(() => assert("a")).toThrow("invalid Name: /x must NOT have fewer than 2 characters");
    expect(() => assert(1)).toThrow("invalid Name: (value) must be string");
  });

  it("report: false in the fast mode, with nothing added; else the site's error, copied", () => {
    const errors: ValidationError[] = [];
    expect(report(undefined, "", notString!)).toBe(false);
    expect(report(errors, "/a", notString!)).toBe(true);
    expect(errors).toEqual([{ instancePath: "/a", schemaPath: "#/components/schemas/Name/type", keyword: "type", params: { type: "string" }, message: "must be string" }]);
    expect(errors[0]).not.toBe(notString);
  });
});

describe("sites: ajv's keyword, params and message", () => {
  it.each([
    [typeSite("integer"), "type", { type: "integer" }, "must be integer"],
    [limitSite("minLength", 1), "minLength", { limit: 1 }, "must NOT have fewer than 1 characters"],
    [limitSite("maxLength", 128), "maxLength", { limit: 128 }, "must NOT have more than 128 characters"],
    [lengthSite("minLength", 1), "minLength", { limit: 1 }, "must NOT have fewer than 1 characters"],
    [lengthSite("maxLength", 128), "maxLength", { limit: 128 }, "must NOT have more than 128 characters"],
    [limitSite("minItems", 0), "minItems", { limit: 0 }, "must NOT have fewer than 0 items"],
    [limitSite("maxItems", 3), "maxItems", { limit: 3 }, "must NOT have more than 3 items"],
    [limitSite("minProperties", 1), "minProperties", { limit: 1 }, "must NOT have fewer than 1 properties"],
    [limitSite("maxProperties", 2), "maxProperties", { limit: 2 }, "must NOT have more than 2 properties"],
    [boundSite("exclusiveMinimum", ">", 0), "exclusiveMinimum", { comparison: ">", limit: 0 }, "must be > 0"],
    [boundSite("maximum", "<=", 1.5), "maximum", { comparison: "<=", limit: 1.5 }, "must be <= 1.5"],
    [matchSite("pattern", "[\\w+]+"), "pattern", { pattern: "[\\w+]+" }, 'must match pattern "[\\w+]+"'],
    [matchSite("format", "date-time"), "format", { format: "date-time" }, 'must match format "date-time"'],
    [multipleOfSite(0.01), "multipleOf", { multipleOf: 0.01 }, "must be multiple of 0.01"],
    [requiredSite("Username"), "required", { missingProperty: "Username" }, "must have required property 'Username'"],
    [enumSite(["A", 1]), "enum", { allowedValues: ["A", 1] }, "must be equal to one of the allowed values"],
    [constSite(null), "const", { allowedValue: null }, "must be equal to constant"],
    [fixedSite("additionalProperties"), "additionalProperties", {}, "must NOT have additional properties"],
    [fixedSite("anyOf"), "anyOf", {}, "must match a schema in anyOf"],
    [fixedSite("oneOf"), "oneOf", {}, "must match exactly one schema in oneOf"],
    [fixedSite("false schema"), "false schema", {}, "boolean schema is false"],
  ])("%j", (site, keyword, params, message) => {
    expect(site).toEqual({ schemaPath: `/${keyword}`, keyword, params, message });
  });

  it("within: the schema paths below the declaration's", () => {
    expect(within("Evil*~1Type", [typeSite("string", "/properties/a~1b"), requiredSite("a/b")]).map((s) => s.schemaPath)).toEqual([
      "#/components/schemas/Evil*~1Type/properties/a~1b/type",
      "#/components/schemas/Evil*~1Type/required",
    ]);
  });
});

describe("members", () => {
  it("own: a member only when the object's own", () => {
    expect(own({ a: 1 }, "a")).toBe(1);
    expect(own({}, "toString")).toBeUndefined();
    expect(own(Object.create({ a: 1 }) as object, "a")).toBeUndefined();
    expect(own(JSON.parse('{"__proto__": 2}') as object, "__proto__")).toBe(2);
    expect(own({}, "__proto__")).toBeUndefined();
  });

  it("objectPrototype is Object.prototype (what a read of a plain object can inherit)", () => {
    expect(objectPrototype).toBe(Object.prototype);
    expect("toString" in objectPrototype).toBe(true);
    expect("ClientId" in objectPrototype).toBe(false);
  });
});

describe("helpers", () => {
  it("codePointLength counts code points as the string iterator does, lone surrogates one each", () => {
    const pieces = ["a", "é", "😀", "\ud800", "\udc00", "\ud83d", "\ude00", "\u2028"];
    const random = mulberry32(7);
    for (let n = 0; n < 5000; n++) {
      let text = "";
      for (let i = Math.floor(random() * 9); i > 0; i--) text += pieces[Math.floor(random() * pieces.length)]!;
      expect(codePointLength(text), JSON.stringify(text)).toBe([...text].length);
    }
  });

  it("pointerSegment escapes ~ then /", () => {
    expect(pointerSegment("a/b~c")).toBe("a~1b~0c");
    expect(pointerSegment("~1")).toBe("~01");
  });

  it("jsonEqual: deep, key order ignored, arrays and objects apart", () => {
    expect(jsonEqual({ a: [1, { b: 2 }], c: null }, { c: null, a: [1.0, { b: 2 }] })).toBe(true);
    expect(jsonEqual([1], { 0: 1 })).toBe(false);
    expect(jsonEqual({ a: undefined }, { b: undefined })).toBe(false);
    expect(jsonEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
  });
});

/** Strings over an alphabet that reaches the classes' edges, and beyond ASCII. */
function samples(alphabet: readonly string[], count: number, seed: number): string[] {
  const random = mulberry32(seed);
  const out = ["", ...alphabet];
  for (let n = 0; n < count; n++) {
    let text = "";
    for (let i = Math.floor(random() * 12); i > 0; i--) text += alphabet[Math.floor(random() * alphabet.length)]!;
    out.push(text);
  }
  return out;
}

const ALPHABET = ["a", "Z", "0", "_", "+", "=", "/", ":", "-", ".", "@", " ", "\t", "~", "é", "😀", "\ud800", "\u00a0", "{", "#", "}", "arn:", "n", "r"];

describe("classSearch: a one-class pattern, as the engine answers it", () => {
  it.each([
    ["[\\w+]"],
    ["[\\w+=/]"],
    ["[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]"],
    ["[\\S]"],
    ["[^_]"],
    ["[a-c]"],
  ])("%s", (source) => {
    const re = new RegExp(source, "u");
    const search = classSearch(re);
    for (const text of samples(ALPHABET, 2000, 11)) expect(search(text), JSON.stringify(text)).toBe(re.test(text));
  });
});

describe("dfaSearch: an automaton's table over ASCII, the automaton beyond", () => {
  it.each([
    "arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?",
    "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*\\{####\\}[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*",
    "(a|ab)*c",
    "(x+x+)+y",
  ])("%s", (source) => {
    const program = automatonOf(source)!;
    const tables = dfaTables(program)!;
    expect(tables).toBeDefined();
    const search = dfaSearch(tables.columns, tables.table, tables.width, compileAutomaton(program));
    const re = new RegExp(source, "u");
    const inputs = [...samples(ALPHABET, 3000, 5), ...samples(["a", "b", "c", "x", "y", "é"], 2000, 6), "arn:aws:lambda:us-east-1:123456789012:function:pre", "Your code is {####}", "arn:a:b::1:c"];
    for (const text of inputs) expect(search(text), JSON.stringify(text)).toBe(re.test(text));
  });

  it("a program with anchors keeps the automaton alone", () => {
    expect(dfaTables(automatonOf("^(a+)+$")!)).toBeUndefined();
  });
});

describe("inherits", () => {
  it("is true for an object whose prototype is not Object.prototype, or when Object.prototype has one of the names", () => {
    expect(inherits({ a: 1 }, ["a", "b"])).toBe(false);
    expect(inherits(Object.create(null) as object, ["a"])).toBe(true);
    expect(inherits(Object.create({ a: 1 }) as object, ["a"])).toBe(true);
    const proto = Object.prototype as Record<string, unknown>;
    proto["b"] = "polluted";
    try {
      expect(inherits({ a: 1 }, ["a", "b"])).toBe(true);
      expect(inherits({ a: 1 }, ["a", "c"])).toBe(false);
    } finally {
      delete proto["b"];
    }
  });
});
