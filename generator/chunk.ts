/**
 * What identifies a chunk (format.ts), and its source from that identity
 * alone: the text of a statement given as text, or the JSON of a template's
 * structure, printed (print.ts). The identity is the cache's key; a worker
 * (tidy-worker.ts) gets identities, not structures.
 */
import type { StatementStructures } from "ts-morph";
import { printStatement } from "./print.js";

const TEXT = "text ";
const STRUCTURE = "structure ";

export function identityOf(statement: string | StatementStructures): string {
  // templates give text and structures, never writer functions (test/format.test.ts walks them): plain JSON.stringify, the fast one
  return typeof statement === "string" ? TEXT + statement : STRUCTURE + JSON.stringify(statement);
}

/** The source the identity stands for: the text, or the structure printed. */
export function sourceOf(identity: string): string {
  if (identity.startsWith(TEXT)) return identity.slice(TEXT.length);
  if (identity.startsWith(STRUCTURE)) return printStatement(JSON.parse(identity.slice(STRUCTURE.length)) as StatementStructures);
  throw new Error(`internal: a chunk identity of no known kind: ${JSON.stringify(identity.slice(0, 40))}`);
}
