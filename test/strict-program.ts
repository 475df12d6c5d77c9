import path from "node:path";
import ts from "typescript";

/** The strictest settings a user may compile generated code with. */
export const STRICT_OPTIONS: ts.CompilerOptions = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  noImplicitReturns: true,
  noFallthroughCasesInSwitch: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noPropertyAccessFromIndexSignature: true,
  isolatedModules: true,
  verbatimModuleSyntax: true,
  erasableSyntaxOnly: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ["lib.es2022.d.ts"],
  types: [],
  noEmit: true,
};

/** Compiles the files in one program; every diagnostic as `file:line source-line: message`. */
export function typeCheck(files: readonly string[], options: ts.CompilerOptions = STRICT_OPTIONS): string[] {
  const program = ts.createProgram([...files], options);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    if (!d.file) return ts.flattenDiagnosticMessageText(d.messageText, "\n");
    const line = d.file.getLineAndCharacterOfPosition(d.start ?? 0).line;
    return `${path.basename(d.file.fileName)}:${line + 1} ${d.file.text.split("\n")[line]?.trim()}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
}
