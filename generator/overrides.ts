/**
 * Schema overrides: small, named edits of the input, made before anything
 * else reads it (before references are resolved and the normalizer runs).
 *
 * Why: the schemas predate the service (no `AuthFlowType` `USER_AUTH`, no
 * `ChallengeNameType` `EMAIL_OTP`…), and request validators are strict, so
 * without an edit nobody can build those requests. Four edits, each aimed at
 * one schema (by title) and one place in it (a JSON pointer):
 *
 * - `add`: values appended to the array at `pointer` (an `enum`, say);
 * - `set`: the value at `pointer` replaced (relax or tighten a keyword:
 *   `/properties/Name/maxLength` → 300), or added when its parent exists;
 * - `remove: true`: the keyword (or array item) at `pointer` removed;
 * - `optional`: members taken out of the `required` list of the object schema
 *   at `pointer` (the schema's root by default).
 *
 * A title or pointer that points at nothing is an error naming where the
 * override was declared. `applyOverrides` is pure: the files it returns are
 * new objects; those it was given are not changed.
 */
import type { JsonValue } from "./escape.js";
import { closest, error, warning, type DiagnosticSink, type SourceLocation } from "./diagnostics.js";
import { pointerJoin, type Position } from "./json.js";
import { isJsonObject, type JsonObject, type SchemaFile } from "./load.js";
import { originLocation, type Origin } from "./origin.js";
import { decodePointerSegment } from "./resolve.js";

interface OverrideTarget {
  /** The schema's `title` (for a component of an OpenAPI document, its key). */
  readonly title: string;
  /** The service, where several have a schema of that title. */
  readonly service?: string;
  /** Where it was declared, for messages; without it, messages say `overrides (at #/<index>)`. */
  readonly origin?: Origin;
}

export type SchemaOverride = OverrideTarget &
  (
    | { readonly pointer: string; readonly add: readonly JsonValue[]; readonly set?: never; readonly remove?: never; readonly optional?: never }
    | { readonly pointer: string; readonly set: JsonValue; readonly add?: never; readonly remove?: never; readonly optional?: never }
    | { readonly pointer: string; readonly remove: true; readonly add?: never; readonly set?: never; readonly optional?: never }
    | { readonly pointer?: string; readonly optional: readonly string[]; readonly add?: never; readonly set?: never; readonly remove?: never }
  );

/** What an override did, for the run's summary. */
export interface AppliedOverride {
  readonly service: string;
  readonly title: string;
  readonly pointer: string;
  /** `added "USER_AUTH"`, `128 → 300`, `removed`, `Password made optional`. */
  readonly change: string;
  /** `cognito-codegen.config.json#/jobs/0/overrides/1`, or `overrides/1`. */
  readonly origin: string;
}

export interface OverrideResult {
  readonly files: readonly SchemaFile[];
  readonly applied: readonly AppliedOverride[];
}

/** The location of `member` (a pointer inside the override, "" for the override itself) for messages. */
function locationOf(override: SchemaOverride, index: number, member: string): SourceLocation {
  return override.origin ? originLocation(override.origin, member) : { file: "overrides", pointer: `/${index}${member}` };
}

function originText(override: SchemaOverride, index: number): string {
  return override.origin ? `${override.origin.file}#${override.origin.pointer}` : `overrides/${index}`;
}

/** Pointer segments, or undefined when it is not a JSON pointer. */
function segmentsOf(pointer: string): string[] | undefined {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) return undefined;
  return pointer.slice(1).split("/").map(decodePointerSegment);
}

function childOf(value: JsonValue | undefined, key: string): JsonValue | undefined {
  if (Array.isArray(value)) return /^(0|[1-9]\d*)$/.test(key) ? value[Number(key)] : undefined;
  if (isJsonObject(value)) return Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined;
  return undefined;
}

/** A copy of `root` with the value at `segments` replaced by `fn(old)`; only the path down to it is copied. */
function updateAt(root: JsonValue, segments: readonly string[], fn: (old: JsonValue) => JsonValue | undefined): JsonValue {
  if (segments.length === 0) return fn(root) ?? root;
  const [head, ...rest] = segments as [string, ...string[]];
  if (Array.isArray(root)) {
    const i = Number(head);
    const copy = [...root];
    const next = rest.length === 0 ? fn(root[i]!) : updateAt(root[i]!, rest, fn);
    if (next === undefined) copy.splice(i, 1);
    else copy[i] = next;
    return copy;
  }
  const obj = root as JsonObject;
  const old = childOf(obj, head);
  const next = rest.length === 0 ? fn(old as JsonValue) : updateAt(old!, rest, fn);
  const copy: Record<string, JsonValue> = {};
  let placed = false;
  for (const [k, v] of Object.entries(obj)) {
    if (k === head) {
      placed = true;
      if (next !== undefined) Object.defineProperty(copy, k, { value: next, enumerable: true, writable: true, configurable: true });
    } else {
      Object.defineProperty(copy, k, { value: v, enumerable: true, writable: true, configurable: true });
    }
  }
  if (!placed && next !== undefined) Object.defineProperty(copy, head, { value: next, enumerable: true, writable: true, configurable: true });
  return copy;
}

function jsonEqual(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]!));
  if (isJsonObject(a) && isJsonObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && jsonEqual(a[k]!, b[k]!));
  }
  return false;
}

/** Short JSON for the summary. */
function brief(value: JsonValue | undefined): string {
  if (value === undefined) return "absent";
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

/** Positions that no longer describe the file after a change below `pointer` are dropped (the pointer's own stays). */
function withoutPositionsBelow(positions: ReadonlyMap<string, Position>, pointer: string): Map<string, Position> {
  return new Map([...positions].filter(([p]) => !p.startsWith(pointer + "/")));
}

function parentPointer(segments: readonly string[]): string {
  return pointerJoin("", ...segments.slice(0, -1));
}

const DESCRIBE_KIND = (v: JsonValue | undefined): string => (v === undefined ? "nothing" : Array.isArray(v) ? "an array" : v === null ? "null" : isJsonObject(v) ? "an object" : `a ${typeof v}`);

/**
 * Applies the overrides in order (each sees the ones before it). Problems are
 * reported to `sink`: errors for a title or pointer that points at nothing (or
 * an override that is not well formed); warnings for one with nothing left to
 * do (a value already in the enum, a member already optional).
 */
export function applyOverrides(files: readonly SchemaFile[], overrides: readonly SchemaOverride[], sink: DiagnosticSink): OverrideResult {
  const out = [...files];
  const applied: AppliedOverride[] = [];
  overrides.forEach((override, index) => {
    const at = (member: string) => locationOf(override, index, member);
    const actions = (["add", "set", "remove", "optional"] as const).filter((k) => (override as unknown as Record<string, unknown>)[k] !== undefined);
    if (actions.length !== 1) {
      sink.add(error(at(""), actions.length === 0 ? "the override does nothing" : `the override has ${actions.join(" and ")}; one override makes one change`, 'give it exactly one of "add", "set", "remove" or "optional"'));
      return;
    }
    const action = actions[0]!;
    if (typeof override.title !== "string" || override.title === "") {
      sink.add(error(at("/title"), "the override names no title", "name the schema to change by its title"));
      return;
    }
    const matches = out.map((f, i) => ({ f, i })).filter(({ f }) => f.title === override.title && (override.service === undefined || f.service === override.service));
    if (matches.length === 0) {
      const elsewhere = override.service !== undefined ? out.filter((f) => f.title === override.title).map((f) => f.service) : [];
      const near = closest(override.title, new Set(out.filter((f) => override.service === undefined || f.service === override.service).map((f) => f.title)));
      sink.add(
        error(
          at("/title"),
          `no schema has the title ${JSON.stringify(override.title)}${override.service !== undefined ? ` in service ${override.service}` : ""}`,
          elsewhere.length > 0 ? `it is in service ${elsewhere.join(", ")}` : near.length > 0 ? `did you mean ${near.join(", ")}?` : "name a schema by its title",
        ),
      );
      return;
    }
    if (matches.length > 1) {
      sink.add(error(at("/title"), `the title ${JSON.stringify(override.title)} is in services ${matches.map(({ f }) => f.service).join(", ")}`, 'add "service" to say which'));
      return;
    }
    const { f: file, i: fileIndex } = matches[0]!;
    const pointer = override.pointer ?? "";
    if (typeof pointer !== "string") {
      sink.add(error(at("/pointer"), "pointer must be a string (a JSON pointer such as /enum)"));
      return;
    }
    const segments = segmentsOf(pointer);
    if (segments === undefined) {
      sink.add(error(at("/pointer"), `${JSON.stringify(pointer)} is not a JSON pointer`, `a JSON pointer starts with "/", e.g. "/enum" or "/properties/Name/maxLength"`));
      return;
    }
    if (action !== "optional" && override.pointer === undefined) {
      sink.add(error(at(""), `an override with "${action}" needs a "pointer"`, 'e.g. "pointer": "/enum"'));
      return;
    }
    let current: JsonValue | undefined = file.schema;
    let depth = 0;
    for (; depth < segments.length && current !== undefined; depth++) current = childOf(current, segments[depth]!);
    const parent = segments.length === 0 ? undefined : segments.slice(0, -1).reduce<JsonValue | undefined>((v, k) => childOf(v, k), file.schema);
    const nothing = (what: string, hint?: string) => {
      sink.add(error(at("/pointer"), `${file.display} (title ${override.title}) has ${what}`, hint));
    };
    const record = (change: string) => applied.push({ service: file.service, title: file.title, pointer, change, origin: originText(override, index) });
    const replace = (schema: JsonValue, positions: Map<string, Position>) => {
      out[fileIndex] = { ...file, schema: schema as JsonObject, positions };
    };

    switch (action) {
      case "add": {
        const values = override.add!;
        if (!Array.isArray(values) || values.length === 0) {
          sink.add(error(at("/add"), "add must be a non-empty array of values", 'e.g. "add": ["USER_AUTH"]'));
          return;
        }
        if (!Array.isArray(current)) {
          nothing(current === undefined ? `nothing at #${pointer}` : `${DESCRIBE_KIND(current)} at #${pointer}, not an array`, current === undefined ? nearPointerHint(file.schema, segments) : "add values to an array, such as /enum");
          return;
        }
        const existing: JsonValue[] = current;
        const fresh = values.filter((v, i) => {
          const already = existing.some((e) => jsonEqual(e, v)) || values.slice(0, i).some((e) => jsonEqual(e, v));
          if (already) sink.add(warning(at(`/add/${i}`), `${brief(v)} is already in ${override.title}#${pointer}; nothing to add`, "the schemas have caught up: this value can go from the override"));
          return !already;
        });
        if (fresh.length === 0) return;
        replace(
          updateAt(file.schema, segments, (old) => [...(old as JsonValue[]), ...fresh]),
          new Map(file.positions),
        );
        record(`added ${fresh.map(brief).join(", ")}`);
        return;
      }
      case "set": {
        if (segments.length === 0) {
          sink.add(error(at("/pointer"), "set cannot replace a whole schema", "point at one keyword, e.g. /properties/Name/maxLength"));
          return;
        }
        const key = segments[segments.length - 1]!;
        const fits = isJsonObject(parent) || (Array.isArray(parent) && current !== undefined);
        if (!fits) {
          nothing(
            parent === undefined ? `nothing at #${parentPointer(segments)}` : `${DESCRIBE_KIND(parent)} at #${parentPointer(segments)}, where ${JSON.stringify(key)} cannot be set`,
            parent === undefined ? nearPointerHint(file.schema, segments.slice(0, -1)) : undefined,
          );
          return;
        }
        const value = override.set as JsonValue;
        if (current !== undefined && jsonEqual(current, value)) {
          sink.add(warning(at("/set"), `${override.title}#${pointer} is already ${brief(value)}; nothing to set`, "the schemas have caught up: this override can go"));
          return;
        }
        replace(
          updateAt(file.schema, segments, () => value),
          withoutPositionsBelow(file.positions, pointer),
        );
        record(current === undefined ? `set to ${brief(value)} (was absent)` : `${brief(current)} → ${brief(value)}`);
        return;
      }
      case "remove": {
        if (override.remove !== true) {
          sink.add(error(at("/remove"), 'remove must be true', 'write "remove": true'));
          return;
        }
        if (segments.length === 0) {
          sink.add(error(at("/pointer"), "remove cannot remove a whole schema", "point at one keyword, e.g. /pattern"));
          return;
        }
        if (current === undefined) {
          nothing(`nothing at #${pointer}`, nearPointerHint(file.schema, segments));
          return;
        }
        replace(
          updateAt(file.schema, segments, () => undefined),
          withoutPositionsBelow(file.positions, parentPointer(segments)),
        );
        record(`removed (was ${brief(current)})`);
        return;
      }
      case "optional": {
        const names = override.optional!;
        if (!Array.isArray(names) || names.length === 0 || !names.every((n) => typeof n === "string")) {
          sink.add(error(at("/optional"), "optional must be a non-empty array of member names", 'e.g. "optional": ["Password"]'));
          return;
        }
        if (!isJsonObject(current)) {
          nothing(current === undefined ? `nothing at #${pointer}` : `${DESCRIBE_KIND(current)} at #${pointer}, not an object schema`, current === undefined ? nearPointerHint(file.schema, segments) : undefined);
          return;
        }
        const required = Array.isArray(current["required"]) ? current["required"].filter((r): r is string => typeof r === "string") : [];
        const properties = isJsonObject(current["properties"]) ? Object.keys(current["properties"]) : [];
        let ok = true;
        const taken: string[] = [];
        names.forEach((name, i) => {
          if (required.includes(name)) {
            taken.push(name);
            return;
          }
          if (properties.includes(name)) {
            sink.add(warning(at(`/optional/${i}`), `member ${name} of ${override.title} is optional already`, "the schemas have caught up: this name can go from the override"));
            return;
          }
          const near = closest(name, [...required, ...properties]);
          sink.add(error(at(`/optional/${i}`), `${override.title}${pointer === "" ? "" : `#${pointer}`} has no member ${JSON.stringify(name)}`, near.length > 0 ? `did you mean ${near.join(", ")}?` : `its required members: ${required.join(", ") || "none"}`));
          ok = false;
        });
        if (!ok || taken.length === 0) return;
        const requiredPointer = pointerJoin(pointer, "required");
        const left = (current["required"] as JsonValue[]).filter((r) => !taken.includes(r as string));
        replace(
          updateAt(file.schema, [...segments, "required"], () => (left.length === 0 ? undefined : left)),
          withoutPositionsBelow(file.positions, requiredPointer),
        );
        record(`${taken.join(", ")} made optional`);
        return;
      }
    }
  });
  return { files: out, applied };
}

/** "the deepest part that exists is …, whose keys are …": where a pointer went astray. */
function nearPointerHint(schema: JsonValue, segments: readonly string[]): string | undefined {
  let current: JsonValue = schema;
  let depth = 0;
  for (; depth < segments.length; depth++) {
    const next = childOf(current, segments[depth]!);
    if (next === undefined) break;
    current = next;
  }
  const found = pointerJoin("", ...segments.slice(0, depth));
  const missing = segments[depth];
  if (missing === undefined || !isJsonObject(current)) return undefined;
  const near = closest(missing, Object.keys(current));
  return `#${found} has no ${JSON.stringify(missing)}${near.length > 0 ? `; did you mean ${near.map((k) => `#${pointerJoin(found, k)}`).join(", ")}?` : `; it has ${Object.keys(current).join(", ") || "no members"}`}`;
}

const LISTED = 80;

/** One line per applied override: `overridden (cognito-codegen.config.json#/jobs/0/overrides/0): AuthFlowType#/enum: added "USER_AUTH"`. */
export function overrideLines(applied: readonly AppliedOverride[]): string[] {
  return applied.map((a) => {
    const line = `overridden (${a.origin}): ${a.title}${a.pointer === "" ? "" : `#${a.pointer}`}: ${a.change}`;
    return line.length > LISTED * 2 ? `${line.slice(0, LISTED * 2 - 1)}…` : line;
  });
}
