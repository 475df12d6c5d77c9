/**
 * The few helpers generated validators call, written into each generated
 * validators file (only those it uses): generated code has no runtime
 * dependency. This is fixed code, not data; nothing from a schema enters it.
 */
export const RUNTIME_TYPES = `
/** One way in which a value fails its schema (the shape ajv reports). */
export interface ValidationError {
  /** JSON pointer to the failing value ("" is the value itself). */
  readonly instancePath: string;
  /** Where the failing keyword is: \`#/components/schemas/<Title>/…\`. */
  readonly schemaPath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message: string;
}

/** The value, typed, or every way in which it fails. */
export type ValidationResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly ValidationError[] };

/** Thrown by the \`assert…\` functions. */
export class ValidationFailure extends Error {
  readonly errors: readonly ValidationError[];
  constructor(what: string, errors: readonly ValidationError[]) {
    super(\`invalid \${what}: \${errors.map((e) => \`\${e.instancePath === "" ? "(value)" : e.instancePath} \${e.message}\`).join("; ")}\`);
    this.name = "ValidationFailure";
    this.errors = errors;
  }
}
`;

export const HELPERS = {
  validateWith: `
/** The fast mode first (nothing allocated for a valid value); the errors are collected only for an invalid one. */
function validateWith<T>(check: (value: unknown, path: string, errors: ValidationError[] | undefined) => boolean, value: unknown): ValidationResult<T> {
  if (check(value, "", undefined)) return { ok: true, value: value as T };
  const errors: ValidationError[] = [];
  check(value, "", errors);
  return { ok: false, errors };
}`,
  assertWith: `
function assertWith(check: (value: unknown, path: string, errors: ValidationError[] | undefined) => boolean, what: string, value: unknown): void {
  if (check(value, "", undefined)) return;
  const errors: ValidationError[] = [];
  check(value, "", errors);
  throw new ValidationFailure(what, errors);
}`,
  report: `
function report(errors: ValidationError[], instancePath: string, schemaPath: string, keyword: string, params: Readonly<Record<string, unknown>>): void {
  errors.push({ instancePath, schemaPath, keyword, params, message: messageFor(keyword, params) });
}

/** The messages ajv gives, made from the keyword and its params. */
function messageFor(keyword: string, params: Readonly<Record<string, unknown>>): string {
  const limit = String(params["limit"]);
  switch (keyword) {
    case "type":
      return \`must be \${String(params["type"])}\`;
    case "minLength":
      return \`must NOT have fewer than \${limit} characters\`;
    case "maxLength":
      return \`must NOT have more than \${limit} characters\`;
    case "pattern":
      return \`must match pattern "\${String(params["pattern"])}"\`;
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return \`must be \${String(params["comparison"])} \${limit}\`;
    case "multipleOf":
      return \`must be multiple of \${String(params["multipleOf"])}\`;
    case "minItems":
      return \`must NOT have fewer than \${limit} items\`;
    case "maxItems":
      return \`must NOT have more than \${limit} items\`;
    case "minProperties":
      return \`must NOT have fewer than \${limit} properties\`;
    case "maxProperties":
      return \`must NOT have more than \${limit} properties\`;
    case "format":
      return \`must match format "\${String(params["format"])}"\`;
    case "required":
      return \`must have required property '\${String(params["missingProperty"])}'\`;
    case "additionalProperties":
      return "must NOT have additional properties";
    case "enum":
      return "must be equal to one of the allowed values";
    case "const":
      return "must be equal to constant";
    case "anyOf":
      return "must match a schema in anyOf";
    case "oneOf":
      return "must match exactly one schema in oneOf";
    default:
      return "boolean schema is false";
  }
}`,
  asciiSearch: `
/** A search for one code point of an ASCII set (a pattern that is one class): a scan over a 128-bit table, no regex engine. */
function asciiSearch(m0: number, m1: number, m2: number, m3: number): (text: string) => boolean {
  const masks = [m0, m1, m2, m3];
  return (text) => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 128 && ((masks[c >> 5]! >>> (c & 31)) & 1) === 1) return true;
    }
    return false;
  };
}`,
  isPlainObject: `
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}`,
  codePointLength: `
/** Length in Unicode code points, as JSON Schema counts it (an emoji is one). */
function codePointLength(text: string): number {
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
}`,
  pointerSegment: `
function pointerSegment(key: string): string {
  return key.replace(/~/g, "~0").replace(/\\//g, "~1");
}`,
  jsonEqual: `
/** Equality of JSON values: deep, key order ignored, 1 and 1.0 equal. */
function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}`,
} as const;

export type HelperName = keyof typeof HELPERS;
