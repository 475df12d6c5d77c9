/**
 * `--operations SignUp,InitiateAuth`: only those operations, and everything
 * they reach. A pure filter of the IR, applied after it is built from the
 * whole service folder: each chosen operation's request, response and errors
 * are roots, references are followed through every kind of node, and the
 * declarations reached are kept in their order. Names (and response views)
 * were decided on the whole service, so a type keeps its name whichever
 * operations are chosen.
 *
 * A service none of whose operations is chosen is left out. A name that is no
 * operation of any service is an error with the closest names.
 */
import { closest, error, type DiagnosticSink, type SourceLocation } from "./diagnostics.js";
import { reachableIds, referencedIds, type CodegenIR, type Declaration, type Service } from "./ir.js";
import { originLocation, type Origin } from "./origin.js";


/** The ids reached from `roots`. A response view that shares its original's type needs the original (which declares the type). */
export function reachable(roots: Iterable<string>, byId: ReadonlyMap<string, Declaration>): Set<string> {
  return reachableIds(roots, byId, (d) => (d.sharesType && d.viewOf !== undefined ? [...referencedIds(d.node), d.viewOf] : referencedIds(d.node)));
}

function selectInService(service: Service, wanted: ReadonlySet<string>): Service | undefined {
  const operations = service.operations.filter((o) => wanted.has(o.name));
  if (operations.length === 0) return undefined;
  const byId = new Map(service.declarations.map((d) => [d.id, d]));
  const kept = reachable(
    operations.flatMap((o) => [o.request, ...(o.response !== undefined ? [o.response] : []), ...o.errors]),
    byId,
  );
  const declarations = service.declarations.filter((d) => kept.has(d.id));
  const sources = new Set(declarations.map((d) => d.source.file));
  return { ...service, files: service.files.filter((f) => sources.has(f)), declarations, operations };
}

export interface SelectOptions {
  /** Where the list was given (a config file), for messages; `--operations` otherwise. */
  readonly origin?: Origin;
}

/**
 * The IR with only the named operations and what they reach; every unknown
 * name is reported to `sink` (the IR returned then is not to be used).
 */
export function selectOperations(ir: CodegenIR, names: readonly string[], sink: DiagnosticSink, options: SelectOptions = {}): CodegenIR {
  const origin = options.origin;
  const at = (i: number): SourceLocation => (origin ? originLocation(origin, i < 0 ? "" : `/${i}`) : { file: "--operations" });
  const known = new Set(ir.services.flatMap((s) => s.operations.map((o) => o.name)));
  if (names.length === 0) {
    sink.add(error(at(-1), "the list of operations is empty", "name at least one operation, or leave the option out to generate them all"));
  }
  names.forEach((name, i) => {
    if (known.has(name)) return;
    const near = closest(name, known);
    const where = ir.services.filter((s) => s.operations.length > 0).map((s) => s.id);
    sink.add(
      error(
        at(i),
        `no operation ${JSON.stringify(name)} in ${where.length === 0 ? "the input (no service has operations)" : `service${where.length === 1 ? "" : "s"} ${where.join(", ")}`}`,
        near.length > 0 ? `did you mean ${near.join(", ")}? (operation names are case-sensitive, e.g. SignUp)` : "name operations as the service does, e.g. SignUp, InitiateAuth",
      ),
    );
  });
  const wanted = new Set(names);
  return { services: ir.services.flatMap((s) => selectInService(s, wanted) ?? []) };
}
