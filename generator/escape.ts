/**
 * The one place where data from a schema becomes source text.
 *
 * Every string that reaches generated code (names, property keys, string and
 * JSON literals, regular expressions, doc comments, file names) goes through a
 * function of this module. ts-morph writes structures verbatim, so nothing
 * may enter a structure before it has been made safe here.
 */

/** Identifiers that may not name a value (a function, a const, a parameter). */
const VALUE_RESERVED = new Set([
  "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do",
  "else", "enum", "export", "extends", "false", "finally", "for", "function", "if", "import", "in",
  "instanceof", "new", "null", "return", "super", "switch", "this", "throw", "true", "try",
  "typeof", "var", "void", "while", "with", "implements", "interface", "let", "package", "private",
  "protected", "public", "static", "yield", "await", "arguments", "eval", "undefined", "NaN",
  "Infinity",
]);

/** Identifiers that may not name a type (an interface or a type alias). */
const TYPE_RESERVED = new Set([
  ...VALUE_RESERVED,
  "any", "unknown", "never", "object", "string", "number", "boolean", "bigint", "symbol", "type",
  "keyof", "infer", "is", "asserts", "readonly", "unique", "Record", "Partial", "Required",
  "Readonly", "Pick", "Omit", "Exclude", "Extract", "Array", "ReadonlyArray", "Promise", "Object",
  "String", "Number", "Boolean", "Symbol", "Function", "Date", "RegExp", "Error", "Map", "Set",
]);

export type NameSpace = "type" | "value";

const IDENTIFIER = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200C\u200D]*$/u;

export function isIdentifier(text: string): boolean {
  return IDENTIFIER.test(text);
}

export function isReserved(text: string, space: NameSpace): boolean {
  return (space === "type" ? TYPE_RESERVED : VALUE_RESERVED).has(text);
}

/** Splits free text into words: `ClientIdType` → Client, Id, Type; `sms-mfa` → sms, mfa. */
export function words(raw: string): string[] {
  return ASCII.test(raw) ? asciiWords(raw) : unicodeWords(raw);
}

/** `words` of any text. */
export function unicodeWords(raw: string): string[] {
  return raw
    .normalize("NFC")
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, "$1 $2")
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, "$1 $2")
    .split(/[^\p{ID_Continue}]+|_+/u)
    .filter((w) => w.length > 0);
}

const ASCII = /^[\x00-\x7f]*$/;
const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isLower = (c: number): boolean => c >= 97 && c <= 122;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * `words` of an ASCII text, without its Unicode regexes (slow on a first run, where every name is
 * new): a word ends before an upper-case letter that follows a lower-case letter or a digit, and
 * before the last of a run of upper-case letters that a lower-case letter follows; anything but
 * letters and digits separates words. test/escape.test.ts holds it equal to the general path.
 */
export function asciiWords(raw: string): string[] {
  const out: string[] = [];
  let word = "";
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (!isUpper(c) && !isLower(c) && !isDigit(c)) {
      if (word !== "") out.push(word);
      word = "";
      continue;
    }
    if (word !== "" && isUpper(c)) {
      const before = raw.charCodeAt(i - 1);
      if (isLower(before) || isDigit(before) || (isUpper(before) && i + 1 < raw.length && isLower(raw.charCodeAt(i + 1)))) {
        out.push(word);
        word = "";
      }
    }
    word += raw[i];
  }
  if (word !== "") out.push(word);
  return out;
}

/** Names asked for again and again (every reference to a type asks for its name): each text's PascalCase, made once. */
const pascalCases = new Map<string, string>();

export function pascalCase(raw: string): string {
  return once(pascalCases, raw, (text) =>
    words(text)
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join(""),
  );
}

/** `make(text)`, made once per text: `made` keeps what was made (for the run, and the next ones under --watch). */
function once(made: Map<string, string>, text: string, make: (text: string) => string): string {
  let out = made.get(text);
  if (out === undefined) {
    out = make(text);
    made.set(text, out);
  }
  return out;
}

export function camelCase(raw: string): string {
  const pascal = pascalCase(raw);
  const lead = /^\p{Lu}+(?=\p{Lu}\p{Ll}|$|\p{N})/u.exec(pascal)?.[0] ?? pascal.charAt(0);
  return lead.toLowerCase() + pascal.slice(lead.length);
}

export function kebabCase(raw: string): string {
  return words(raw)
    .map((w) => w.toLowerCase())
    .join("-");
}

/**
 * Turns any text into a valid, non-reserved identifier for the given space.
 * The result is checked; it throws rather than return something that is not
 * an identifier.
 */
export function identifier(raw: string, space: NameSpace, style: "pascal" | "camel" = "pascal"): string {
  let name = style === "pascal" ? pascalCase(raw) : camelCase(raw);
  if (name === "") name = space === "type" ? "Unnamed" : "unnamed";
  if (!/^[\p{ID_Start}$_]/u.test(name)) name = "_" + name;
  if (isReserved(name, space)) name = name + "_";
  if (!isIdentifier(name)) {
    throw new Error(`internal: cannot make an identifier of ${JSON.stringify(raw)} (got ${JSON.stringify(name)})`);
  }
  return name;
}

/** A property key as written in an interface or an object literal. */
export function propertyKey(raw: string): string {
  return isIdentifier(raw) && raw !== "__proto__" ? raw : stringLiteral(raw);
}

/** A key in an object literal: bare where that is valid, computed (`["a-b"]`) otherwise, so that `"__proto__"` defines a member and never sets the prototype. */
export function objectLiteralKey(raw: string): string {
  return isIdentifier(raw) && raw !== "__proto__" ? raw : `[${stringLiteral(raw)}]`;
}

/** A property access: `.key` where that is valid, `["key"]` otherwise. */
export function propertyAccess(raw: string): string {
  return isIdentifier(raw) && raw !== "__proto__" ? `.${raw}` : `[${stringLiteral(raw)}]`;
}

/**
 * A double-quoted string literal. JSON.stringify escapes quotes, backslashes
 * and control characters; U+2028/U+2029 and lone surrogates are escaped too
 * so that the text is safe in every ECMAScript version and every encoding.
 */
export function stringLiteral(value: string): string {
  return once(stringLiterals, value, makeStringLiteral);
}

/** Each text's literal, made once: the same names and messages are quoted again and again (and again on every run under --watch). */
const stringLiterals = new Map<string, string>();

function makeStringLiteral(value: string): string {
  const literal = JSON.stringify(value).replace(/[\u2028\u2029]|[\uD800-\uDFFF]/g, (c, offset: number, whole: string) => {
    const code = c.charCodeAt(0);
    // keep well-formed surrogate pairs as they are
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = whole.charCodeAt(offset + 1);
      if (next >= 0xdc00 && next <= 0xdfff) return c;
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      const prev = whole.charCodeAt(offset - 1);
      if (prev >= 0xd800 && prev <= 0xdbff) return c;
    }
    return "\\u" + code.toString(16).padStart(4, "0");
  });
  // ts-morph's writer takes a quote after a backslash for an escaped quote, so a literal ending in
  // an escaped backslash (`"a\\"`) would look unterminated to it, and it would then "close" a
  // comment it imagines inside the next `/*`. The last backslash is written as \u005c instead.
  return literal.endsWith('\\\\"') ? `${literal.slice(0, -3)}\\u005c"` : literal;
}

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** A JSON value as an expression; object keys are quoted, `__proto__` included, so no key can set a prototype. */
export function jsonLiteral(value: JsonValue): string {
  if (value === null || typeof value === "boolean") return String(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`internal: non-finite number ${value}`);
    return Object.is(value, -0) ? "-0" : String(value);
  }
  if (typeof value === "string") return stringLiteral(value);
  if (Array.isArray(value)) return `[${value.map((v: JsonValue) => jsonLiteral(v)).join(", ")}]`;
  const entries = Object.entries(value as { [key: string]: JsonValue });
  if (entries.length === 0) return "{}";
  // "__proto__": x in a literal sets the prototype; a computed key does not.
  return `{ ${entries
    .map(([k, v]) => `${k === "__proto__" ? `[${stringLiteral(k)}]` : stringLiteral(k)}: ${jsonLiteral(v)}`)
    .join(", ")} }`;
}

/** A literal type for a JSON scalar (`"SMS"`, `true`, `3`, `null`). */
export function literalType(value: null | boolean | number | string): string {
  if (typeof value === "number" && value < 0) return `-${jsonLiteral(-value)}`;
  return jsonLiteral(value);
}

/**
 * A regular expression as an expression. The pattern is compiled here, at
 * generation time, with the flags the generated code will use, so an invalid
 * pattern fails the generation and never the user's program.
 */
export function regExpConstruction(pattern: string, flags = "u"): string {
  new RegExp(pattern, flags);
  // marked pure: a bundler may then drop a pattern no kept validator uses
  return `/* @__PURE__ */ new RegExp(${stringLiteral(pattern)}, ${stringLiteral(flags)})`;
}

/**
 * Text that will sit inside a `/** … *\/` comment. Line terminators become
 * `\n`, a comment terminator can no longer close the comment, and a line that
 * starts with `@` cannot be read as a tag.
 */
export function docText(text: string): string {
  return once(docTexts, text, makeDocText);
}

/** Each description's comment text, made once: a member's description is written in the types, the builders and the client (and again on every run under --watch). */
const docTexts = new Map<string, string>();

function makeDocText(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, "\n")
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "")
    .replace(/\*\//g, "*\\/")
    .replace(/\/\*/g, "/\\*")
    .replace(/^(\s*)@/gm, "$1\\@")
    .replace(/[ \t]+$/gm, "")
    .trim();
}

/** A doc tag's value: one line, comment-safe. */
export function docTagText(text: string): string {
  return docText(text).replace(/\n+/g, " ");
}

/** Names Windows keeps for devices, whatever the extension: a folder `con/` cannot be created there. */
const WINDOWS_DEVICES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/** Why a service id makes no file or folder name, or undefined when it makes one (see fileStem). */
export function fileStemProblem(raw: string): string | undefined {
  return stemProblem(stemOf(raw));
}

const stemOf = (raw: string): string => kebabCase(raw).replace(/[^a-z0-9-]/g, "");

function stemProblem(stem: string): string | undefined {
  if (stem === "") return "it has no ASCII letter or digit";
  if (WINDOWS_DEVICES.test(stem)) return `its folder ${stem}/ would be a device name on Windows`;
  return undefined;
}

/** A file or folder name made of a service id: lower-case letters, digits and dashes only. */
export function fileStem(raw: string): string {
  const stem = stemOf(raw);
  const problem = stemProblem(stem);
  if (problem !== undefined) throw new Error(`cannot make a file name of ${JSON.stringify(raw)}: ${problem}`);
  return stem;
}

/** A `//` comment line; the text cannot end the line early. */
export function lineComment(text: string): string {
  return `// ${text.replace(/[\r\n\u2028\u2029\u0085]+/g, " ")}`;
}

/** A whole `/** … *\/` block for places where ts-morph's JSDoc structures are not used (inline type members). */
export function docComment(text: string): string {
  const body = docText(text);
  if (body === "") return "";
  return ["/**", ...body.split("\n").map((l) => (l === "" ? " *" : ` * ${l}`)), " */"].join("\n");
}
