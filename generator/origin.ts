/**
 * Where an option was given, when it came from a config file: the file, the
 * option's JSON pointer in it and, where known, line and column. Messages about
 * the option (an unknown operation, an override that points at nothing) name it.
 */
import type { SourceLocation } from "./diagnostics.js";
import type { Position } from "./json.js";

export interface Origin {
  /** The file as messages name it. */
  readonly file: string;
  /** JSON pointer of the option in that file, e.g. `/jobs/0/overrides/2`. */
  readonly pointer: string;
  /** Line and column of pointers in that file, where known. */
  readonly positions?: ReadonlyMap<string, Position>;
}

/** The location of `member` (a pointer below the option, "" for the option itself). */
export function originLocation(origin: Origin, member = ""): SourceLocation {
  const pointer = origin.pointer + member;
  const p = origin.positions?.get(pointer) ?? origin.positions?.get(origin.pointer);
  return p ? { file: origin.file, pointer, line: p.line, column: p.column } : { file: origin.file, pointer };
}
