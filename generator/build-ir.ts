/**
 * Stage 4: normalized schemas → the IR.
 *
 * Every file is a declaration; so is every other schema a `$ref` points to
 * (a `$defs` entry, say). References stay references, so recursion through
 * properties and items is just a name that refers to itself. A cycle made of
 * references alone (A is B, B is A) describes no value and is an error.
 */
import type { JsonValue } from "./escape.js";
import { closest, DiagnosticSink, error, warning } from "./diagnostics.js";
import { hoistDeep } from "./hoist.js";
import { htmlToText } from "./html.js";
import { objectOf, type ArrayNode, type CodegenIR, type Declaration, type Doc, type Node, type NumberNode, type ObjectNode, type Operation, type Property, type Service, type ServiceProtocol, type StringNode } from "./ir.js";
import { errorTitlesByConvention, operationsByConvention, type OperationSpec } from "./operations.js";
import { withResponseViews } from "./response-view.js";
import { LINEAR_PATTERN } from "./summary.js";
import { planPattern, type PatternPlan } from "./regex/safety.js";
import { pointerJoin } from "./json.js";
import { isJsonObject, locate, type JsonObject, type SchemaFile } from "./load.js";
import { compareStrings } from "./order.js";
import { nameDeclarations, nameOperations } from "./naming.js";
import { ANNOTATIONS, normalizeSchema } from "./normalize.js";
import { decodePointerSegment, getAtPointer, isDiagnostic, type Resolver } from "./resolve.js";
import { KNOWN_SERVICES } from "./services.js";

const STRING_KEYWORDS = ["minLength", "maxLength", "pattern", "format"] as const;
const NUMBER_KEYWORDS = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"] as const;
const ARRAY_KEYWORDS = ["items", "minItems", "maxItems"] as const;
const OBJECT_KEYWORDS = ["properties", "required", "additionalProperties", "minProperties", "maxProperties"] as const;
const JSON_TYPES = ["string", "number", "integer", "boolean", "null", "array", "object"] as const;
type JsonType = (typeof JSON_TYPES)[number];

/** Keywords read elsewhere or only documenting; anything not known is an error, never silently ignored. */
const IGNORED = new Set(["$schema", "$id", "$defs", "definitions", "contentMediaType", "contentEncoding", "example", ...ANNOTATIONS]);
const HANDLED = new Set<string>(["$ref", "type", "enum", "const", "allOf", "anyOf", "oneOf", ...STRING_KEYWORDS, ...NUMBER_KEYWORDS, ...ARRAY_KEYWORDS, ...OBJECT_KEYWORDS]);

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const declId = (file: SchemaFile, pointer: string): string => `${file.name}#${pointer}`;

function jsonTypeOf(value: JsonValue): JsonType {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value as "string" | "boolean" | "object";
}

function docOf(schema: JsonObject): Doc {
  const doc: Mutable<Doc> = {};
  if (typeof schema["description"] === "string") doc.description = schema["description"];
  if (schema["deprecated"] === true) doc.deprecated = true;
  if (schema["default"] !== undefined) doc.default = schema["default"];
  if (Array.isArray(schema["examples"])) doc.examples = schema["examples"];
  return doc;
}

interface PendingDeclaration {
  readonly id: string;
  readonly file: SchemaFile;
  readonly pointer: string;
  readonly title: string;
}

class ServiceBuilder {
  private readonly pending: PendingDeclaration[] = [];
  private readonly seen = new Map<string, PendingDeclaration>();
  readonly built = new Map<string, { pending: PendingDeclaration; node: Node }>();

  constructor(
    readonly service: string,
    private readonly resolver: Resolver,
    private readonly sink: DiagnosticSink,
    private readonly context: { readonly aws: boolean; readonly errorTitles: ReadonlySet<string> },
    private readonly repairs: Map<string, Set<string>>,
  ) {}

  enqueue(file: SchemaFile, pointer: string): string {
    const id = declId(file, pointer);
    if (!this.seen.has(id)) {
      const last = pointer.split("/").pop() ?? "";
      const p = { id, file, pointer, title: pointer === "" ? file.title : decodePointerSegment(last) };
      this.seen.set(id, p);
      this.pending.push(p);
    }
    return id;
  }

  run(): void {
    for (let p = this.pending.shift(); p; p = this.pending.shift()) {
      const raw = getAtPointer(p.file.schema, p.pointer);
      const error = p.pointer === "" && this.context.errorTitles.has(p.title);
      const normalized = normalizeSchema(raw ?? true, { aws: this.context.aws, root: true, error }, (rule) => this.repaired(rule, p.title));
      const node = this.node(normalized, p, "");
      this.built.set(p.id, { pending: p, node });
    }
  }

  /**
   * A pattern that the regex engine would not run in linear time gets an equivalent rewrite or an automaton,
   * named in the run's summary; one that gets neither is a warning naming where it is.
   */
  private planOf(pattern: string, decl: PendingDeclaration, path: string): PatternPlan {
    const plan = planPattern(pattern);
    if (plan.kind === "rewritten" || plan.kind === "automaton") this.repaired(LINEAR_PATTERN, decl.title);
    if (plan.kind === "unsafe") {
      this.sink.add(warning(this.at(decl, path), `pattern ${JSON.stringify(pattern)} may take more than linear time on long values (${plan.why}), and no linear-time equivalent was found`, "bound the value with maxLength, or simplify the pattern"));
    }
    return plan;
  }

  private repaired(rule: string, title: string): void {
    const titles = this.repairs.get(rule) ?? new Set<string>();
    titles.add(title);
    this.repairs.set(rule, titles);
  }

  private at(decl: PendingDeclaration, path: string) {
    return locate(decl.file, decl.pointer + path);
  }

  private node(schema: JsonValue, decl: PendingDeclaration, path: string): Node {
    if (schema === true) return { kind: "unknown", path, doc: {} };
    if (schema === false) return { kind: "never", path, doc: {} };
    if (!isJsonObject(schema)) {
      this.sink.add(error(this.at(decl, path), "a schema must be an object or a boolean"));
      return { kind: "unknown", path, doc: {} };
    }
    for (const key of Object.keys(schema)) {
      if (!HANDLED.has(key) && !IGNORED.has(key) && !key.startsWith("x-")) {
        this.sink.add(error(this.at(decl, pointerJoin(path, key)), `keyword ${JSON.stringify(key)} is not supported`, "remove it, or ask for its support: the generator never ignores an assertion silently"));
      }
    }
    const doc = docOf(schema);
    const parts: Node[] = [];

    const ref = schema["$ref"];
    if (typeof ref === "string") {
      const target = this.resolver.resolve(ref, decl.file, decl.pointer + pointerJoin(path, "$ref"));
      if (isDiagnostic(target)) this.sink.add(target);
      else if (target.file.service !== this.service) {
        this.sink.add(error(this.at(decl, pointerJoin(path, "$ref")), `$ref ${JSON.stringify(ref)} crosses from service ${this.service} to ${target.file.service}`, "keep references within one service"));
      } else parts.push({ kind: "ref", path, doc: {}, target: this.enqueue(target.file, target.pointer) });
    }

    const typed = this.typed(schema, decl, path);
    if (typed) parts.push(typed);

    for (const keyword of ["allOf", "anyOf", "oneOf"] as const) {
      const list = schema[keyword];
      if (list === undefined) continue;
      if (!Array.isArray(list) || list.length === 0) {
        this.sink.add(error(this.at(decl, pointerJoin(path, keyword)), `${keyword} must be a non-empty array of schemas`));
        continue;
      }
      const members = list.map((m: JsonValue, i: number) => this.node(m, decl, pointerJoin(path, keyword, i)));
      if (keyword === "allOf") parts.push(...members);
      else parts.push({ kind: "union", path, doc: {}, members, keyword });
    }

    if (parts.length === 0) return { kind: "unknown", path, doc };
    if (parts.length === 1) return { ...parts[0]!, doc: { ...parts[0]!.doc, ...doc } };
    return { kind: "intersection", path, doc, members: parts };
  }

  private typed(schema: JsonObject, decl: PendingDeclaration, path: string): Node | undefined {
    const rawType = schema["type"];
    let types: JsonType[] | undefined;
    if (rawType !== undefined) {
      const list = Array.isArray(rawType) ? rawType : [rawType];
      types = [];
      for (const t of list) {
        if ((JSON_TYPES as readonly JsonValue[]).includes(t)) types.push(t as JsonType);
        else this.sink.add(error(this.at(decl, pointerJoin(path, "type")), `unknown type ${JSON.stringify(t)}`, `use one of ${JSON_TYPES.join(", ")}`));
      }
    }
    const has = (keys: readonly string[]): boolean => keys.some((k) => schema[k] !== undefined);

    const fits = (v: JsonValue): boolean => {
      if (types === undefined) return true;
      const t = jsonTypeOf(v);
      return types.includes(t) || (t === "integer" && types.includes("number"));
    };
    const listed: Node[] = [];
    for (const keyword of ["enum", "const"] as const) {
      const raw = schema[keyword];
      if (raw === undefined) continue;
      if (keyword === "enum" && !Array.isArray(raw)) {
        this.sink.add(error(this.at(decl, pointerJoin(path, "enum")), "enum must be an array"));
        continue;
      }
      const values: readonly JsonValue[] = keyword === "enum" ? (raw as readonly JsonValue[]) : [raw];
      values.forEach((v, i) => {
        if (!fits(v)) {
          const at = keyword === "enum" ? pointerJoin(path, keyword, i) : pointerJoin(path, keyword);
          this.sink.add(warning(this.at(decl, at), `${keyword} value ${JSON.stringify(v)} is not of type ${types!.join(" or ")}, so no value can match it; it is left out`));
        }
      });
      listed.push({ kind: "enum", path, doc: {}, values: values.filter(fits), keyword });
    }
    if (listed.length > 0) {
      // ajv's order, which the errors follow: with keywords of a type, enum/const come first and the type
      // with its keywords after; with a bare `type`, the type comes first
      const typeKeywords = has([...STRING_KEYWORDS.filter((k) => k !== "format"), ...NUMBER_KEYWORDS, ...ARRAY_KEYWORDS, ...OBJECT_KEYWORDS]);
      if (typeKeywords) return { kind: "intersection", path, doc: {}, members: [...listed, this.byType(schema, decl, path, types)] };
      if (types !== undefined) return { kind: "intersection", path, doc: {}, members: [this.byType(schema, decl, path, types), ...listed] };
      return listed.length === 1 ? listed[0] : { kind: "intersection", path, doc: {}, members: listed };
    }

    if (types === undefined && !has([...STRING_KEYWORDS, ...NUMBER_KEYWORDS, ...ARRAY_KEYWORDS, ...OBJECT_KEYWORDS])) return undefined;
    return this.byType(schema, decl, path, types);
  }

  /** One node per type; keywords of other types do not apply to it. With no `type`, every type is allowed. */
  private byType(schema: JsonObject, decl: PendingDeclaration, path: string, types: readonly JsonType[] | undefined): Node {
    let list: JsonType[] = types ? [...types] : ["string", "number", "boolean", "null", "array", "object"];
    if (list.includes("number")) list = list.filter((t) => t !== "integer");
    const members = list.map((t) => this.ofType(t, schema, decl, path));
    return members.length === 1 ? members[0]! : { kind: "union", path, doc: {}, members, keyword: "type" };
  }

  private nonNegative(schema: JsonObject, key: string, decl: PendingDeclaration, path: string): number | undefined {
    const v = schema[key];
    if (v === undefined) return undefined;
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0) {
      this.sink.add(error(this.at(decl, pointerJoin(path, key)), `${key} must be a non-negative integer`));
      return undefined;
    }
    return v;
  }

  private finite(schema: JsonObject, key: string, decl: PendingDeclaration, path: string): number | undefined {
    const v = schema[key];
    if (v === undefined) return undefined;
    if (typeof v !== "number") {
      this.sink.add(error(this.at(decl, pointerJoin(path, key)), `${key} must be a number`));
      return undefined;
    }
    return v;
  }

  private ofType(type: JsonType, schema: JsonObject, decl: PendingDeclaration, path: string): Node {
    const base = { path, doc: {} };
    switch (type) {
      case "string": {
        const node: Mutable<StringNode> = { ...base, kind: "string" };
        const min = this.nonNegative(schema, "minLength", decl, path);
        const max = this.nonNegative(schema, "maxLength", decl, path);
        if (min !== undefined) node.minLength = min;
        if (max !== undefined) node.maxLength = max;
        const pattern = schema["pattern"];
        if (pattern !== undefined) {
          if (typeof pattern !== "string") this.sink.add(error(this.at(decl, pointerJoin(path, "pattern")), "pattern must be a string"));
          else {
            try {
              new RegExp(pattern, "u");
              node.pattern = pattern;
              node.patternPlan = this.planOf(pattern, decl, pointerJoin(path, "pattern"));
            } catch (e) {
              this.sink.add(error(this.at(decl, pointerJoin(path, "pattern")), `pattern ${JSON.stringify(pattern)} is not a valid ECMAScript regular expression with the u flag: ${(e as Error).message}`, "fix the pattern; JSON Schema patterns are ECMA-262 regular expressions"));
            }
          }
        }
        if (typeof schema["format"] === "string") node.format = schema["format"];
        return node;
      }
      case "number":
      case "integer": {
        const node: Mutable<NumberNode> = { ...base, kind: "number", integer: type === "integer" };
        for (const k of NUMBER_KEYWORDS) {
          const v = this.finite(schema, k, decl, path);
          if (v !== undefined) node[k] = v;
        }
        if (schema["x-timestamp"] === "epoch-seconds") node.timestamp = "epoch-seconds";
        if (node.multipleOf !== undefined && node.multipleOf <= 0) {
          this.sink.add(error(this.at(decl, pointerJoin(path, "multipleOf")), "multipleOf must be greater than 0"));
          delete node.multipleOf;
        }
        return node;
      }
      case "boolean":
        return { ...base, kind: "boolean" };
      case "null":
        return { ...base, kind: "null" };
      case "array": {
        const items = schema["items"];
        const node: Mutable<ArrayNode> = {
          ...base,
          kind: "array",
          items: items === undefined ? { kind: "unknown", path: pointerJoin(path, "items"), doc: {} } : this.node(items, decl, pointerJoin(path, "items")),
        };
        const min = this.nonNegative(schema, "minItems", decl, path);
        const max = this.nonNegative(schema, "maxItems", decl, path);
        if (min !== undefined) node.minItems = min;
        if (max !== undefined) node.maxItems = max;
        return node;
      }
      case "object":
        return this.object(schema, decl, path);
    }
  }

  private object(schema: JsonObject, decl: PendingDeclaration, path: string): Node {
    const props = schema["properties"];
    const required = schema["required"];
    const requiredNames = new Set<string>();
    if (required !== undefined) {
      if (!Array.isArray(required) || !required.every((r: JsonValue) => typeof r === "string")) {
        this.sink.add(error(this.at(decl, pointerJoin(path, "required")), "required must be an array of strings"));
      } else for (const r of required as string[]) requiredNames.add(r);
    }
    const properties: Property[] = [];
    if (props !== undefined) {
      if (!isJsonObject(props)) this.sink.add(error(this.at(decl, pointerJoin(path, "properties")), "properties must be an object"));
      else {
        for (const [name, sub] of Object.entries(props)) {
          const node = this.node(sub, decl, pointerJoin(path, "properties", name));
          properties.push({ name, required: requiredNames.has(name), declared: true, node, doc: node.doc });
        }
      }
    }
    const ap = schema["additionalProperties"];
    const additional = ap === undefined || ap === true ? "allow" : ap === false ? "forbid" : this.node(ap, decl, pointerJoin(path, "additionalProperties"));
    // a member that is required but not in `properties` must be there, and its value is an additional one
    for (const name of requiredNames) {
      if (properties.some((p) => p.name === name)) continue;
      const at = pointerJoin(path, "additionalProperties");
      const node: Node = additional === "allow" ? { kind: "unknown", path: at, doc: {} } : additional === "forbid" ? { kind: "never", path: at, doc: {} } : additional;
      properties.push({ name, required: true, declared: false, node, doc: {} });
    }
    const node: Mutable<ObjectNode> = { kind: "object", path, doc: {}, properties, additional };
    const min = this.nonNegative(schema, "minProperties", decl, path);
    const max = this.nonNegative(schema, "maxProperties", decl, path);
    if (min !== undefined) node.minProperties = min;
    if (max !== undefined) node.maxProperties = max;
    return node;
  }
}

/** The targets a node refers to without going through a property or an item: a cycle of these has no base case. */
function directRefs(node: Node): string[] {
  switch (node.kind) {
    case "ref":
      return [node.target];
    case "union":
    case "intersection":
      return node.members.flatMap(directRefs);
    default:
      return [];
  }
}

function checkAliasCycles(decls: readonly Declaration[], sink: DiagnosticSink, files: ReadonlyMap<string, SchemaFile>): void {
  const byId = new Map(decls.map((d) => [d.id, d]));
  const state = new Map<string, "open" | "done">();
  const visit = (id: string, trail: string[]): void => {
    if (state.get(id) === "done") return;
    if (state.get(id) === "open") {
      const cycle = trail.slice(trail.indexOf(id)).concat(id).map((x) => byId.get(x)?.title ?? x);
      const d = byId.get(id)!;
      const file = files.get(d.source.file)!;
      sink.add(error(locate(file, d.source.pointer), `the references ${cycle.join(" → ")} form a cycle with no object or array in between, which no value can satisfy`, "break the cycle, or make it go through a property or an array item"));
      state.set(id, "done");
      return;
    }
    state.set(id, "open");
    const d = byId.get(id);
    if (d) for (const t of directRefs(d.node)) visit(t, [...trail, id]);
    state.set(id, "done");
  };
  for (const d of decls) visit(d.id, []);
}

/** What the IR builder needs beyond the schemas. */
export interface BuildOptions {
  /** Operation tables from OpenAPI documents, by service. */
  readonly documents?: ReadonlyMap<string, ServiceDocument>;
  /** Responses checked with the request-side constraints too (no response views). */
  readonly strictResponses?: boolean;
}

/** What a service's OpenAPI document adds to its schemas. */
export interface ServiceDocument {
  readonly protocol?: ServiceProtocol;
  readonly operations: readonly OperationSpec[];
  /** Where the document is, for messages. */
  readonly display: string;
}

export interface BuildResult {
  readonly ir: CodegenIR;
  /** Repair rule → titles of the declarations it changed. */
  readonly repairs: ReadonlyMap<string, readonly string[]>;
}

/** Each operation's input, output and errors, checked against the service's titles; an unknown title is an error. */
function resolveOperations(specs: readonly OperationSpec[], byTitle: ReadonlyMap<string, Declaration>, display: string, sink: DiagnosticSink): { spec: OperationSpec; request: Declaration; response?: Declaration; errors: Declaration[] }[] {
  const find = (spec: OperationSpec, title: string, what: string): Declaration | undefined => {
    const d = byTitle.get(title);
    if (!d) {
      sink.add(error(spec.location ?? { file: display }, `operation ${spec.name}: its ${what} ${JSON.stringify(title)} is not among the schemas`, `add the component ${JSON.stringify(title)}${closest(title, byTitle.keys()).length ? ` (closest: ${closest(title, byTitle.keys()).join(", ")})` : ""}`));
    }
    return d;
  };
  const out = [];
  for (const spec of specs) {
    const request = find(spec, spec.input, "input");
    const response = spec.output === undefined ? undefined : find(spec, spec.output, "output");
    const errors = spec.errors.map((e) => find(spec, e, "error")).filter((d): d is Declaration => d !== undefined);
    if (request) out.push({ spec, request, ...(response ? { response } : {}), errors });
  }
  return out;
}

function buildService(serviceId: string, serviceFiles: SchemaFile[], resolver: Resolver, sink: DiagnosticSink, options: BuildOptions, repairs: Map<string, Set<string>>): Service {
  const document = options.documents?.get(serviceId);
  const convention = KNOWN_SERVICES.get(serviceId);
  const protocol: ServiceProtocol | undefined = convention
    ? { endpointPrefix: convention.endpointPrefix, targetPrefix: convention.targetPrefix, contentType: convention.contentType }
    : document?.protocol;
  const rootTitles = serviceFiles.map((f) => f.title);
  const errorTitles = new Set(document ? document.operations.flatMap((o) => o.errors) : errorTitlesByConvention(rootTitles));
  const builder = new ServiceBuilder(serviceId, resolver, sink, { aws: protocol !== undefined, errorTitles }, repairs);
  for (const f of serviceFiles) builder.enqueue(f, "");
  builder.run();

  const schemaBase = (pending: PendingDeclaration): string => `#/components/schemas/${pending.file.title.replace(/~/g, "~0").replace(/\//g, "~1")}${pending.pointer}`;
  // inline schemas nested past INLINE_DEPTH become declarations of their own (hoist.ts), with their original's schemaPath base
  const entries: { pending: PendingDeclaration; node: Node; base: string }[] = [];
  for (const { pending, node: original } of [...builder.built.values()].sort((a, b) => compareStrings(a.pending.id, b.pending.id))) {
    const { node, parts } = hoistDeep(original, pending.pointer, (pointer) => declId(pending.file, pointer), (n) => `${pending.title}Part${n}`);
    entries.push({ pending, node, base: schemaBase(pending) });
    for (const part of parts) {
      const p: PendingDeclaration = { id: part.id, file: pending.file, pointer: part.pointer, title: part.title };
      entries.push({ pending: p, node: part.node, base: schemaBase(pending) });
      builder.built.set(part.id, { pending: p, node: part.node });
    }
    if (parts.length > 0) builder.built.set(pending.id, { pending, node });
  }
  entries.sort((a, b) => compareStrings(a.pending.id, b.pending.id));
  const names = nameDeclarations(entries.map(({ pending }) => ({ id: pending.id, title: pending.title, isRoot: pending.pointer === "" })));
  const strictDecls: Declaration[] = entries.map(({ pending, node, base }) => ({
    id: pending.id,
    service: serviceId,
    title: pending.title,
    source: { file: pending.file.name, pointer: pending.pointer },
    schemaPath: base,
    names: names.get(pending.id)!,
    node,
  }));
  const files = new Map(resolver.files.map((f) => [f.name, f]));
  checkAliasCycles(strictDecls, sink, files);

  if (!protocol) {
    sink.add(warning({ file: serviceFiles[0]!.display }, `service ${serviceId} has no known wire protocol: types and validators only, no request builders`, "give the service an OpenAPI document (openapi.yaml beside its schemas) that lists its X-Amz-Target operations"));
  }
  const byTitle = new Map(strictDecls.filter((d) => d.source.pointer === "").map((d) => [d.title, d]));
  const lookup = (id: string): Node | undefined => builder.built.get(id)?.node;
  const specs = !protocol
    ? []
    : document
      ? document.operations
      : // without a document, which errors an operation raises is not known: any of the service's
        operationsByConvention(convention!, rootTitles, (t) => byTitle.has(t) && objectOf(byTitle.get(t)!.node, lookup) !== undefined).map((op) => ({ ...op, errors: [...errorTitles].sort(compareStrings) }));
  const resolved = resolveOperations(specs, byTitle, document?.display ?? serviceFiles[0]!.display, sink).filter(({ spec, request }) => {
    if (objectOf(request.node, lookup) !== undefined) return true;
    sink.add(error(spec.location ?? locate(files.get(request.source.file)!, request.source.pointer), `operation ${spec.name}: its input ${request.title} is not an object`, "an AWS JSON operation takes an object"));
    return false;
  });

  const responseRoots = [...resolved.flatMap((r) => [...(r.response ? [r.response.id] : []), ...r.errors.map((e) => e.id)]), ...[...errorTitles].flatMap((t) => (byTitle.has(t) ? [byTitle.get(t)!.id] : []))];
  const { declarations, viewOf } = withResponseViews(strictDecls, { requests: resolved.map((r) => r.request.id), responses: responseRoots }, options.strictResponses === true);

  const opNames = nameOperations(
    resolved.map((r) => ({ name: r.spec.name, members: objectOf(r.request.node, lookup)!.properties.map((p) => p.name) })),
    declarations.map((d) => d.names.type),
    declarations.flatMap((d) => [d.names.validate, d.names.is, d.names.assert, d.names.wire]),
  );
  const operations: Operation[] = resolved
    .sort((a, b) => compareStrings(a.spec.name, b.spec.name))
    .map(({ spec, request, response, errors }) => ({
      name: spec.name,
      target: spec.target,
      request: request.id,
      ...(response ? { response: viewOf(response.id) } : {}),
      errors: errors.map((e) => viewOf(e.id)).sort(compareStrings),
      ...(spec.doc !== undefined ? { doc: htmlToText(spec.doc) } : {}),
      names: opNames.get(spec.name)!,
    }));
  return { id: serviceId, files: serviceFiles.map((f) => f.name), declarations, operations, ...(protocol ? { protocol } : {}) };
}

export function buildIR(resolver: Resolver, sink: DiagnosticSink, options: BuildOptions = {}): BuildResult {
  const byService = new Map<string, SchemaFile[]>();
  for (const f of resolver.files) byService.set(f.service, [...(byService.get(f.service) ?? []), f]);
  const repairs = new Map<string, Set<string>>();
  const services = [...byService.keys()].sort(compareStrings).map((id) => {
    const files = byService.get(id)!.sort((a, b) => compareStrings(a.name, b.name));
    return buildService(id, files, resolver, sink, options, repairs);
  });
  return { ir: { services }, repairs: new Map([...repairs].map(([rule, titles]) => [rule, [...titles].sort(compareStrings)])) };
}
