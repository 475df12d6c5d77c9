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
export type ValidationResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly ValidationError[] };

/** Thrown by the `assert…` functions. */
export class ValidationFailure extends Error {
  readonly errors: readonly ValidationError[];
  constructor(what: string, errors: readonly ValidationError[]) {
    super(`invalid ${what}: ${errors.map((e) => `${e.instancePath === "" ? "(value)" : e.instancePath} ${e.message}`).join("; ")}`);
    this.name = "ValidationFailure";
    this.errors = errors;
  }
}

/**
 * A generated check function. With `errors` undefined it returns false at the first failure and
 * allocates nothing; with an array it adds an error for every failure (`path` is where the value
 * is) and returns whether it added none.
 */
export type Check = (value: unknown, path: string, errors: ValidationError[] | undefined) => boolean;

/** The fast mode first (nothing allocated for a valid value); the errors are collected only for an invalid one. */
export function validateWith<T>(check: Check, value: unknown): ValidationResult<T> {
  if (check(value, "", undefined)) return { ok: true, value: value as T };
  const errors: ValidationError[] = [];
  check(value, "", errors);
  return { ok: false, errors };
}

export function assertWith(check: Check, what: string, value: unknown): void {
  if (check(value, "", undefined)) return;
  const errors: ValidationError[] = [];
  check(value, "", errors);
  throw new ValidationFailure(what, errors);
}

/**
 * The message of each keyword, as ajv gives it: `%` stands for the values of the params, in order
 * (`minimum`: `{ comparison: ">=", limit: 1 }` → "must be >= 1"). A keyword not here is the false schema's.
 */
const MESSAGES: Readonly<Record<string, string>> = {
  type: "must be %",
  minLength: "must NOT have fewer than % characters",
  maxLength: "must NOT have more than % characters",
  pattern: 'must match pattern "%"',
  format: 'must match format "%"',
  minimum: "must be % %",
  maximum: "must be % %",
  exclusiveMinimum: "must be % %",
  exclusiveMaximum: "must be % %",
  multipleOf: "must be multiple of %",
  minItems: "must NOT have fewer than % items",
  maxItems: "must NOT have more than % items",
  minProperties: "must NOT have fewer than % properties",
  maxProperties: "must NOT have more than % properties",
  required: "must have required property '%'",
  additionalProperties: "must NOT have additional properties",
  enum: "must be equal to one of the allowed values",
  const: "must be equal to constant",
  anyOf: "must match a schema in anyOf",
  oneOf: "must match exactly one schema in oneOf",
};

/** The message of a keyword with these params (see MESSAGES). */
export function messageFor(keyword: string, params: Readonly<Record<string, unknown>>): string {
  const values = Object.values(params);
  let i = 0;
  const template = Object.hasOwn(MESSAGES, keyword) ? MESSAGES[keyword]! : "boolean schema is false";
  return template.replace(/%/g, () => String(values[i++]));
}

/**
 * A place where a value can fail: its schema path (the keyword is its last segment), the params
 * and the message, all fixed, made once when the module loads. An error is a copy of it, with the
 * instance path.
 */
export interface Site {
  readonly schemaPath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message: string;
}

export function site(schemaPath: string, params: Readonly<Record<string, unknown>>): Site {
  const keyword = schemaPath.slice(schemaPath.lastIndexOf("/") + 1);
  return { schemaPath, keyword, params, message: messageFor(keyword, params) };
}

/** Adds the error of a site at an instance path (with other params where they vary: the key of `additionalProperties`). */
export function report(errors: ValidationError[], instancePath: string, at: Site, params: Readonly<Record<string, unknown>> = at.params): void {
  errors.push({ instancePath, schemaPath: at.schemaPath, keyword: at.keyword, params, message: at.message });
}

/**
 * Object.prototype, for the generated checks: a member they read from an object whose prototype is
 * Object.prototype (or null) is the object's own unless Object.prototype has it too, so they ask
 * Object.hasOwn (a call the engine does not inline) only for other objects or such members.
 */
export const objectPrototype: Readonly<Record<string, unknown>> = Object.prototype as Record<string, unknown>;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Length in Unicode code points, as JSON Schema counts it (an emoji is one). */
export function codePointLength(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        length--;
        i++;
      }
    }
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
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * The search of a pattern that is one class (`[\w+]`, what `[\w+]+` is to an unanchored search):
 * whether the text has one code point of the class. ASCII code points are looked up in a 128-bit
 * table (four 32-bit masks); at the first other one, `rest` (the class as a RegExp) decides, or,
 * without it, the class has no code point beyond ASCII.
 */
export function classSearch(m0: number, m1: number, m2: number, m3: number, rest?: RegExp): (text: string) => boolean {
  const masks = [m0, m1, m2, m3];
  return (text) => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 128) {
        if (rest !== undefined) return rest.test(text);
      } else if (((masks[c >> 5]! >>> (c & 31)) & 1) === 1) return true;
    }
    return false;
  };
}

/**
 * The search of an automaton (runtime/linear-match.ts) made deterministic over ASCII when the
 * validators were generated: one table lookup per code unit; at the first code point beyond ASCII
 * the automaton itself (`rest`) answers for the whole text. `columns` gives each ASCII code point's
 * column, `table` the next row for a row and a column (`width` columns a row), or the answer:
 * -1 a match, -2 none can follow; both as characters, the value + 50.
 */
export function dfaSearch(columns: string, table: string, width: number, rest: (text: string) => boolean): (text: string) => boolean {
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
