/**
 * What the generated validators (validators.ts) call: the error and result
 * types, the two entry points over a check function, the places where a value
 * can fail (built once, when the module loads), and a few scans. Written as it
 * is into each output folder as `runtime/validate.ts`; every value here is
 * tree-shakable (a bundle keeps what its validators use).
 */

/** One way in which a value fails its schema (the shape ajv reports). */
export interface ValidationError {
  /** JSON pointer to the failing value ("" is the value itself). */
  readonly instancePath: string;
  /** Where the failing keyword is: `#/components/schemas/<Title>/…`. */
  readonly schemaPath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message: string;
}

/** The value, typed, or every way in which it fails. */
export type ValidationResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly ValidationError[] };

/** Thrown by the `assert…` functions. */
export class ValidationFailure extends Error {
  declare readonly errors: readonly ValidationError[];
  constructor(what: string, errors: readonly ValidationError[]) {
    super(`invalid ${what}: ${errors.map((e) => `${e.instancePath || "(value)"} ${e.message}`).join("; ")}`);
    this.name = "ValidationFailure";
    this.errors = errors;
  }
}

/** How formatErrors words the errors: ajv's messages (the default), or Cognito's own. */
export interface FormatErrorsOptions {
  /**
   * `"ajv"`: `ClientId: must NOT have more than 128 characters; …` (the instance path as a JSON
   * pointer without its leading `/`, then ajv's message; an error of the value itself, its message
   * alone). `"cognito"`: what Cognito answers a request it refuses (InvalidParameterException,
   * ValidationException): `1 validation error detected: Value at 'clientId' failed to satisfy
   * constraint: Member must have length less than or equal to 128`.
   */
  readonly wording?: "ajv" | "cognito";
}

/**
 * The errors of a `validate…` or a ValidationFailure as one line for people: every error, in
 * order, joined by `; `.
 *
 * The Cognito wording names a member as Cognito does: each property in lower camel case (`clientId`),
 * a list's item by its place from 1 and `member` (`userAttributes.1.member.value`), the names
 * joined by dots; a missing required member is `Value null at '<member>'` (`Member must not be
 * null`). It never shows a value: Cognito leaves out the values of sensitive members, and which
 * those are the errors do not say. Keywords Cognito does not check (`type`, members it does not
 * know…) get the nearest sentence (`Member must be of type string`, `Member is not a known member`).
 */
export function formatErrors(errors: readonly ValidationError[], options: FormatErrorsOptions = {}): string {
  if (options.wording === "cognito") {
    const count = errors.length;
    return `${count} validation error${count === 1 ? "" : "s"} detected: ${errors.map(cognitoError).join("; ")}`;
  }
  return errors.map((e) => (e.instancePath === "" ? e.message : `${e.instancePath.slice(1)}: ${e.message}`)).join("; ");
}

/** One error in Cognito's words. */
function cognitoError(error: ValidationError): string {
  const p = error.params;
  const segments = error.instancePath
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  // a missing member, or one not allowed: the member itself
  if (error.keyword === "required") segments.push(String(p["missingProperty"]));
  if (error.keyword === "additionalProperties") segments.push(String(p["additionalProperty"]));
  // a list's items are counted from 1, each one a `member`; a property's name begins in lower case
  const at = segments
    .map((s) => (/^(?:0|[1-9]\d*)$/.test(s) ? `${Number(s) + 1}.member` : s.charAt(0).toLowerCase() + s.slice(1)))
    .join(".");
  const limit = p["limit"];
  const constraint: Record<string, string> = {
    required: "Member must not be null",
    minLength: `Member must have length greater than or equal to ${limit}`,
    maxLength: `Member must have length less than or equal to ${limit}`,
    minItems: `Member must have length greater than or equal to ${limit}`,
    maxItems: `Member must have length less than or equal to ${limit}`,
    minProperties: `Member must have length greater than or equal to ${limit}`,
    maxProperties: `Member must have length less than or equal to ${limit}`,
    minimum: `Member must have value greater than or equal to ${limit}`,
    maximum: `Member must have value less than or equal to ${limit}`,
    exclusiveMinimum: `Member must have value greater than ${limit}`,
    exclusiveMaximum: `Member must have value less than ${limit}`,
    pattern: `Member must satisfy regular expression pattern: ${p["pattern"]}`,
    enum: `Member must satisfy enum value set: [${(p["allowedValues"] as readonly unknown[] | undefined)?.join(", ")}]`,
    type: `Member must be of type ${p["type"]}`,
    additionalProperties: "Member is not a known member",
  };
  const sentence = Object.hasOwn(constraint, error.keyword) ? constraint[error.keyword]! : `Member ${error.message}`;
  return `Value${error.keyword === "required" ? " null" : ""} at '${at}' failed to satisfy constraint: ${sentence}`;
}

/**
 * A generated check function. With `errors` undefined it returns false at the first failure and
 * allocates nothing; with an array it adds an error for every failure (`path` is where the value
 * is) and returns true.
 */
export type Check = (value: unknown, path: string, errors: ValidationError[] | undefined) => boolean;

/** The errors of a value the fast mode has failed (`errors`: a new array). */
function errorsOf(check: Check, value: unknown, errors: ValidationError[] = []): ValidationError[] {
  check(value, "", errors);
  return errors;
}

/** `validate…`: the fast mode first (nothing allocated for a valid value); the errors are collected only for an invalid one. */
export function validator<T>(check: Check): (value: unknown) => ValidationResult<T> {
  return (value) =>
    check(value, "", undefined) ? { ok: true, value: value as T } : { ok: false, errors: errorsOf(check, value) };
}

/** `is…`: the fast mode alone. */
export function guard<T>(check: Check): (value: unknown) => value is T {
  return (value): value is T => check(value, "", undefined);
}

/** `assert…`: throws a ValidationFailure with every error of an invalid value; `what` names its type. */
export function asserter<T>(check: Check, what: string): (value: unknown) => asserts value is T {
  return (value): asserts value is T => {
    if (!check(value, "", undefined)) throw new ValidationFailure(what, errorsOf(check, value));
  };
}

/**
 * A place where a value can fail: its schema path, keyword, params and message, all fixed, made
 * once when the module loads by the builder of its keyword (below: a bundle keeps the builders its
 * checks use). An error is a copy of it, with the instance path. The messages are ajv's.
 */
export interface Site {
  readonly schemaPath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message: string;
}

/** `path`: where the schema the keyword is in is, below its declaration (see `within`). */
function at(path: string, keyword: string, params: Readonly<Record<string, unknown>>, message: string): Site {
  return { schemaPath: `${path}/${keyword}`, keyword, params, message };
}

/** A declaration's sites, their schema paths below `#/components/schemas/<declaration>`. */
export function within(declaration: string, sites: readonly Site[]): readonly Site[] {
  return sites.map((site) => ({ ...site, schemaPath: `#/components/schemas/${declaration}${site.schemaPath}` }));
}

// the builders: the params of the keyword, then the path of its schema ("" at the declaration's root)

export function typeSite(type: string, path = ""): Site {
  return at(path, "type", { type }, `must be ${type}`);
}

/** minLength, maxLength: the common case of limitSite, in less code. */
export function lengthSite(keyword: "minLength" | "maxLength", limit: number, path = ""): Site {
  return at(
    path,
    keyword,
    { limit },
    `must NOT have ${keyword === "minLength" ? "fewer" : "more"} than ${limit} characters`,
  );
}

/** minLength, maxLength, minItems, maxItems, minProperties, maxProperties. */
export function limitSite(keyword: string, limit: number, path = ""): Site {
  // minLength: "min", "Length"; minItems: "min", "Items" (the noun, lowercased)
  const noun = keyword.endsWith("Length") ? "characters" : keyword.slice(3).toLowerCase();
  return at(
    path,
    keyword,
    { limit },
    `must NOT have ${keyword.startsWith("min") ? "fewer" : "more"} than ${limit} ${noun}`,
  );
}

/** minimum, maximum, exclusiveMinimum, exclusiveMaximum; `comparison` is what a valid value is (`>=`…). */
export function boundSite(keyword: string, comparison: string, limit: number, path = ""): Site {
  return at(path, keyword, { comparison, limit }, `must be ${comparison} ${limit}`);
}

/** pattern, format. */
export function matchSite(keyword: string, value: string, path = ""): Site {
  return at(path, keyword, { [keyword]: value }, `must match ${keyword} "${value}"`);
}

export function multipleOfSite(multipleOf: number, path = ""): Site {
  return at(path, "multipleOf", { multipleOf }, `must be multiple of ${multipleOf}`);
}

export function requiredSite(missingProperty: string, path = ""): Site {
  return at(path, "required", { missingProperty }, `must have required property '${missingProperty}'`);
}

export function enumSite(allowedValues: readonly unknown[], path = ""): Site {
  return at(path, "enum", { allowedValues }, "must be equal to one of the allowed values");
}

export function constSite(allowedValue: unknown, path = ""): Site {
  return at(path, "const", { allowedValue }, "must be equal to constant");
}

/** additionalProperties (its params, the key, given where it fails), anyOf, oneOf, the false schema. */
export function fixedSite(keyword: "additionalProperties" | "anyOf" | "oneOf" | "false schema", path = ""): Site {
  const message = {
    additionalProperties: "must NOT have additional properties",
    anyOf: "must match a schema in anyOf",
    oneOf: "must match exactly one schema in oneOf",
    "false schema": "boolean schema is false",
  }[keyword];
  return at(path, keyword, {}, message);
}

/**
 * In the fast mode (`errors` undefined), false: the check fails. Else the error of a site at an
 * instance path is added, and true. (A site with params that vary, the key of additionalProperties,
 * is given as a copy with them.)
 */
export function report(errors: ValidationError[] | undefined, instancePath: string, site: Site): boolean {
  // (push answers the new length: at least 1)
  return (
    errors !== undefined &&
    errors.push({
      instancePath,
      schemaPath: site.schemaPath,
      keyword: site.keyword,
      params: site.params,
      message: site.message,
    }) > 0
  );
}

/**
 * Object.prototype, for the generated checks: a member they read from an object whose prototype is
 * Object.prototype (or null) is the object's own unless Object.prototype has it too, so they ask
 * Object.hasOwn (a call the engine does not inline) only for other objects or such members.
 */
export const objectPrototype: Readonly<Record<string, unknown>> = Object.prototype as Record<string, unknown>;

/**
 * Whether the members of an object must be asked of Object.hasOwn: its prototype is not
 * Object.prototype, or Object.prototype has one of the names. For objects of many members, where
 * the test written out (`a in objectPrototype || …`) would nest as deep as the list is long.
 */
export function inherits(value: object, names: readonly string[]): boolean {
  if (Object.getPrototypeOf(value) !== objectPrototype) return true;
  for (let i = 0; i < names.length; i++) if (names[i]! in objectPrototype) return true;
  return false;
}

/** A member of an object if it is the object's own (Object.hasOwn), else undefined. */
export function own(value: object, key: string): unknown {
  return Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Length in Unicode code points, as JSON Schema counts it (an emoji is one, a lone surrogate one): the units less the low surrogates that end a pair. */
export function codePointLength(text: string): number {
  let length = text.length;
  for (let i = 1; i < text.length; i++) {
    if ((text.charCodeAt(i) & 0xfc00) === 0xdc00 && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800) length--;
  }
  return length;
}

export function pointerSegment(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Equality of JSON values: deep, key order ignored, 1 and 1.0 equal. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every(
      (k) => Object.hasOwn(b, k) && jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
    )
  );
}

/**
 * The search of a pattern that is one class (`[\w+]`, what `[\w+]+` is to an unanchored search):
 * whether the text has one code point of the class. A text whose first code unit is an ASCII code
 * point of the class has one (looked up in a table of 128, made from the class when the module
 * loads): the common case, a valid value, costs one lookup; any other text, the class (a RegExp
 * without the `g` or `y` flag) decides.
 */
export function classSearch(re: RegExp): (text: string) => boolean {
  const ascii: boolean[] = [];
  for (let c = 0; c < 128; c++) ascii.push(re.test(String.fromCharCode(c)));
  return (text) => ascii[text.charCodeAt(0)] || re.test(text);
}

/**
 * The search of an automaton (runtime/linear-match.ts) made deterministic over ASCII when the
 * validators were generated: one table lookup per code unit; at the first code point beyond ASCII
 * the automaton itself (`rest`) answers for the whole text. `columns` gives each ASCII code point's
 * column, `table` the next row for a row and a column (`width` columns a row), or the answer:
 * -1 a match, -2 none can follow; both as characters, the value + 50.
 */
export function dfaSearch(
  columns: string,
  table: string,
  width: number,
  rest: (text: string) => boolean,
): (text: string) => boolean {
  // each row spread over the 128 ASCII code points (one lookup a step, no column to find), its
  // entries the next row's offset in this table, or the answer
  const rows = table.length / width;
  const next = new Int16Array(rows * 128);
  for (let row = 0; row < rows; row++) {
    for (let c = 0; c < 128; c++) {
      const to = table.charCodeAt(row * width + columns.charCodeAt(c) - 50) - 50;
      next[row * 128 + c] = to < 0 ? to : to * 128;
    }
  }
  return (text) => {
    let at = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 128) return rest(text);
      at = next[at + c]!;
      if (at < 0) return at === -1;
    }
    return false;
  };
}
