/**
 * generator/print.ts against ts-morph's own printStructure, on every
 * statement the templates make for an input: the same text, byte for byte,
 * and (what makes the comparison worth it) printed by print.ts itself, not by
 * its fallback to ts-morph.
 */
import { printStructure, StructureKind } from "ts-morph";
import { ARTIFACTS, plan } from "../../generator/emit.js";
import { generate } from "../../generator/index.js";
import { printStatement, printsItself } from "../../generator/print.js";

export interface Parity {
  readonly statements: number;
  /** Statements whose text differs (up to five, with both texts). */
  readonly differences: readonly string[];
  /** Statements print.ts handed to ts-morph. */
  readonly delegated: number;
}

export async function printParity(schemas: string): Promise<Parity> {
  const { ir } = await generate({ schemas, artifacts: ["types"] });
  let statements = 0;
  let delegated = 0;
  const differences: string[] = [];
  for (const service of ir.services) {
    for (const file of plan(service, "0.0.0", new Set(ARTIFACTS), {})) {
      for (const statement of file.statements) {
        if (typeof statement === "string") continue;
        statements++;
        if (!printsItself(statement)) delegated++;
        const ours = printStatement(statement);
        const theirs = printStructure({ kind: StructureKind.SourceFile, statements: [statement] });
        if (ours !== theirs && differences.length < 5) differences.push(`${file.path}:\n--- print.ts\n${ours}\n--- ts-morph\n${theirs}`);
      }
    }
  }
  return { statements, differences, delegated };
}
