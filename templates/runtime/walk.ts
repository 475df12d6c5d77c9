/**
 * A walk over a value, driven by tables the generator emits, that changes
 * the leaves a table names and nothing else. Two uses: epoch-second
 * timestamps in responses become `Date`s, and sensitive members are masked
 * before a value is logged. One small walker and data tables are smaller
 * than generated code per shape.
 */

/** The members of a structure that lead to leaves; members not named are copied as they are. */
export type WalkShape = { readonly [member: string]: WalkRule };

/**
 * `true`: the member is a leaf to change. A function: the member is a
 * structure of that shape (a thunk, so shapes can be recursive). `items`: a
 * list whose items follow the rule. `values`: a map whose values follow it.
 */
export type WalkRule = true | (() => WalkShape) | { readonly items: WalkRule } | { readonly values: WalkRule };

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A new object with each own member of `source`, passed through `f`; defined, not assigned, so "__proto__" stays a member. */
function mapMembers(
  source: Readonly<Record<string, unknown>>,
  f: (key: string, v: unknown) => unknown,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    Object.defineProperty(out, key, {
      value: f(key, source[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/**
 * A copy of `value` with `leaf` applied to every leaf `shape` leads to. The
 * input is not changed. Where a structure, list or map is expected and the
 * value is something else (null, a string…), it is left as it is: reporting
 * that is the validator's job, and a walk used for logging must not throw.
 */
export function mapLeaves(value: unknown, shape: WalkShape, leaf: (v: unknown) => unknown): unknown {
  if (!isObject(value)) return value;
  return mapMembers(value, (key, v) => {
    // own members of the table only: a member named "toString" is not a rule
    const rule = Object.prototype.hasOwnProperty.call(shape, key) ? shape[key] : undefined;
    return rule === undefined ? v : apply(v, rule, leaf);
  });
}

function apply(value: unknown, rule: WalkRule, leaf: (v: unknown) => unknown): unknown {
  if (rule === true) return leaf(value);
  if (typeof rule === "function") return mapLeaves(value, rule(), leaf);
  if ("items" in rule)
    return Array.isArray(value) ? value.map((item: unknown) => apply(item, rule.items, leaf)) : value;
  return isObject(value) ? mapMembers(value, (_, v) => apply(v, rule.values, leaf)) : value;
}

// The JSON number grammar, as @smithy/core's strictParseDouble accepts a numeric string (serde/parse-utils.js).
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * An epoch-seconds timestamp as a `Date`, as the AWS SDK's
 * `parseEpochTimestamp` (@smithy/core, serde/date-utils.js) reads one: a
 * finite number, or a string in JSON number syntax, becomes
 * `new Date(Math.round(seconds * 1000))` (out of `Date`'s range: an invalid
 * Date, as there). What the SDK rejects with a TypeError is returned unchanged.
 */
export function epochSecondsToDate(v: unknown): unknown {
  const seconds = typeof v === "number" ? v : typeof v === "string" && JSON_NUMBER.test(v) ? Number.parseFloat(v) : NaN;
  return Number.isFinite(seconds) ? new Date(Math.round(seconds * 1000)) : v;
}

/** What the AWS SDK prints for a sensitive value: `SENSITIVE_STRING` in @smithy/core (client/smithy-client/constants.js). */
export const REDACTED = "***SensitiveInformation***";

/** A leaf function that masks: null and undefined stay as they are, as in the SDK's `schemaLogFilter`. */
export function redact(v: unknown): unknown {
  return v == null ? v : REDACTED;
}
