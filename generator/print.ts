/**
 * Printing the templates' ts-morph structures without loading ts-morph.
 *
 * The templates build ts-morph structures (typed by ts-morph); ts-morph's
 * `printStructure` prints them with code-block-writer, through printers that
 * need little of ts-morph, but importing ts-morph loads the whole TypeScript
 * compiler (9 MB of JavaScript to compile: about a third of a second of every
 * run that prints code, and most of a types-only run). This module prints the
 * kinds and members the templates use with the same calls in the same order as
 * ts-morph's printers (ts-morph.js: the *StructurePrinter classes), on a writer
 * with code-block-writer's rules and less cost (writer.ts), so the text is the
 * same, byte for byte: test/print.test.ts holds
 * it for every statement of every fixture and of the corpus (`npm run
 * test:corpus`). A structure with anything else (a decorator, an overload, a
 * writer function, a comment in a list…) goes to ts-morph itself, loaded then,
 * synchronously.
 */
import { createRequire } from "node:module";
import { Writer } from "./writer.js";
import type * as TsMorph from "ts-morph";
import type {
  ClassDeclarationStructure,
  ConstructorDeclarationStructure,
  FunctionDeclarationStructure,
  IndexSignatureDeclarationStructure,
  InterfaceDeclarationStructure,
  JSDocStructure,
  JSDocTagStructure,
  MethodDeclarationStructure,
  OptionalKind,
  ParameterDeclarationStructure,
  PropertyDeclarationStructure,
  PropertySignatureStructure,
  StatementStructures,
  TypeAliasDeclarationStructure,
  TypeParameterDeclarationStructure,
  VariableDeclarationStructure,
  VariableStatementStructure,
} from "ts-morph";

/**
 * The values of ts-morph's enums that the templates use, without loading it (test/print.test.ts
 * holds them equal to ts-morph's own).
 */
export const StructureKind = {
  Class: 2 as TsMorph.StructureKind.Class,
  Constructor: 5 as TsMorph.StructureKind.Constructor,
  Function: 13 as TsMorph.StructureKind.Function,
  Interface: 19 as TsMorph.StructureKind.Interface,
  Method: 26 as TsMorph.StructureKind.Method,
  Property: 31 as TsMorph.StructureKind.Property,
  PropertySignature: 33 as TsMorph.StructureKind.PropertySignature,
  SourceFile: 36 as TsMorph.StructureKind.SourceFile,
  TypeAlias: 38 as TsMorph.StructureKind.TypeAlias,
  VariableStatement: 41 as TsMorph.StructureKind.VariableStatement,
} as const;

export const VariableDeclarationKind = {
  Const: "const" as TsMorph.VariableDeclarationKind.Const,
  Let: "let" as TsMorph.VariableDeclarationKind.Let,
} as const;

export const Scope = {
  Private: "private" as TsMorph.Scope.Private,
  Protected: "protected" as TsMorph.Scope.Protected,
  Public: "public" as TsMorph.Scope.Public,
} as const;

/** Thrown where a structure has what this printer does not print: ts-morph prints it instead. */
class Unsupported extends Error {}

/** printStructure's writer: four spaces, \n (writer.ts: code-block-writer's rules). */
function newWriter(): Writer {
  return new Writer();
}

const WHITESPACE = new Set([" ", "\f", "\n", "\r", "\t", "\v", "\u00A0", "\u2028", "\u2029"].map((c) => c.charCodeAt(0)));

function isNullOrWhitespace(text: unknown): boolean {
  if (typeof text !== "string") return true;
  for (let i = 0; i < text.length; i++) if (!WHITESPACE.has(text.charCodeAt(i))) return false;
  return true;
}

function isLastNonWhitespaceCharCloseBrace(writer: Writer): boolean {
  return (
    writer.iterateLastCharCodes((c) => {
      if (c === 125) return true;
      if (WHITESPACE.has(c)) return undefined;
      return false;
    }) || false
  );
}

/** A member given as text (never a writer function: those go to ts-morph). */
function text(value: unknown): string {
  if (typeof value !== "string") throw new Unsupported();
  return value;
}

/**
 * What a fresh writer makes of a text written alone: at indentation 0 it writes every line as it
 * is and each line break (`\r\n` or `\n`) as "\n", so no writer is made for it (a writer costs
 * more to make than most texts cost to write).
 */
function fresh(t: string): string {
  return t.includes("\r") ? t.replace(/\r?\n/g, "\n") : t;
}

/** Printer.getText: the text written alone, as a fresh writer indents it. */
function textOf(value: unknown): string {
  return fresh(text(value));
}

/**
 * Whether a list item's text may end in a comment or in trailing space, where ts-morph's comma
 * (put after the item's last token, found with TypeScript's scanner) would not be at its end: a
 * last line that ends a block comment or holds `//` outside a quoted string, or a template literal
 * in a text of several lines.
 */
function unsure(item: string): boolean {
  if (item !== item.trimEnd() || item.endsWith(",") || (item.includes("`") && item.includes("\n"))) return true;
  const last = item.slice(item.lastIndexOf("\n") + 1);
  if (last.endsWith("*/")) return true;
  let quote = "";
  for (let i = 0; i < last.length; i++) {
    const c = last[i]!;
    if (quote !== "") {
      if (c === "\\") i++;
      else if (c === quote) quote = "";
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "/" && last[i + 1] === "/") return true;
  }
  return false;
}

function modifiers(w: Writer, s: Record<string, unknown>): void {
  if (s["isDefaultExport"]) w.write("export default ");
  else if (s["isExported"]) w.write("export ");
  if (s["hasDeclareKeyword"]) w.write("declare ");
  if (s["scope"] != null) w.write(`${String(s["scope"])} `);
  if (s["isStatic"]) w.write("static ");
  if (s["hasOverrideKeyword"]) w.write("override ");
  if (s["isAbstract"]) w.write("abstract ");
  if (s["isAsync"]) w.write("async ");
  if (s["isReadonly"]) w.write("readonly ");
  if (s["hasAccessorKeyword"]) w.write("accessor ");
}

function typed(w: Writer, type: unknown, separator: string, alwaysWrite = false): void {
  if (type == null && !alwaysWrite) return;
  const t = textOf(type ?? "any");
  if (!isNullOrWhitespace(t)) w.hangingIndent(() => w.write(`${separator} ${t}`));
}

function returnTyped(w: Writer, returnType: unknown): void {
  if (returnType == null) return;
  const t = textOf(returnType);
  if (!isNullOrWhitespace(t)) w.hangingIndent(() => w.write(`: ${t}`));
}

function initializer(w: Writer, value: unknown): void {
  if (value == null) return;
  const t = textOf(value);
  if (!isNullOrWhitespace(t)) {
    w.hangingIndent(() => {
      w.spaceIfLastNot();
      w.write(`= ${t}`);
    });
  }
}

/** CommaSeparatedStructuresPrinter: a space between items, a comma after each but the last. */
function commaSeparated<T>(w: Writer, items: readonly T[], print: (item: T) => void): void {
  items.forEach((item, i) => {
    if (i > 0) {
      // (ts-morph inserts the comma afterwards, at the end of the item's text; the same text)
      w.write(",");
      w.spaceIfLastNot();
    }
    const start = w.getLength();
    print(item);
    if (unsure(w.textFrom(start))) throw new Unsupported();
  });
}

function noneOf(s: object, keys: readonly string[]): void {
  for (const k of keys) {
    const v = (s as Record<string, unknown>)[k];
    if (v !== undefined && !(Array.isArray(v) && v.length === 0)) throw new Unsupported();
  }
}

const TRIVIA = ["leadingTrivia", "trailingTrivia"];

function docs(w: Writer, list: readonly (string | OptionalKind<JSDocStructure>)[] | undefined): void {
  if (list == null) return;
  for (const doc of list) {
    if (typeof doc !== "string") noneOf(doc, TRIVIA);
    w.closeComment();
    jsDoc(w, doc);
    w.newLine();
  }
}

function jsDoc(w: Writer, doc: string | OptionalKind<JSDocStructure>): void {
  const t = jsDocText(doc);
  const lines = t.split(/\r?\n/);
  const startsWithNewLine = lines[0]!.length === 0;
  const isSingleLine = lines.length <= 1;
  const startIndex = startsWithNewLine ? 1 : 0;
  w.write("/**");
  if (isSingleLine) w.space();
  else w.newLine();
  if (isSingleLine) w.write(lines[startIndex]!);
  else {
    for (let i = startIndex; i < lines.length; i++) {
      w.write(" *");
      if (lines[i]!.length > 0) w.write(` ${lines[i]!}`);
      w.newLine();
    }
  }
  w.spaceIfLastNot();
  w.write("*/");
}

function jsDocText(doc: string | OptionalKind<JSDocStructure>): string {
  if (typeof doc === "string") return doc;
  if (!doc.tags || doc.tags.length === 0) return doc.description ? fresh(text(doc.description)) : "";
  const temp = newWriter();
  if (doc.description) temp.write(text(doc.description));
  if (temp.getLength() > 0) temp.newLine();
  doc.tags.forEach((tag, i) => {
    if (i > 0) temp.newLine();
    temp.closeComment();
    jsDocTag(temp, tag);
  });
  return temp.toString();
}

function jsDocTag(w: Writer, tag: OptionalKind<JSDocTagStructure>): void {
  noneOf(tag, TRIVIA);
  const current = tag.text ? fresh(text(tag.text)) : "";
  const startsWithNewLine = current.charCodeAt(0) === 10 || (current.charCodeAt(0) === 13 && current.charCodeAt(1) === 10);
  const lines = (`@${tag.tagName}` + (current.length > 0 && !startsWithNewLine ? " " : "") + current).split(/\r?\n/);
  lines.forEach((line, i) => {
    if (i > 0) w.newLine();
    if (line.length > 0) w.write(line);
  });
}

/** A property's or a variable's name, `?` or `!`, type and initializer (what their printers share). */
function named(w: Writer, m: { readonly name: string; readonly hasQuestionToken?: boolean | undefined; readonly hasExclamationToken?: boolean | undefined; readonly type?: unknown; readonly initializer?: unknown }): void {
  w.write(m.name);
  w.conditionalWrite(m.hasQuestionToken, "?");
  w.conditionalWrite(m.hasExclamationToken && !m.hasQuestionToken, "!");
  typed(w, m.type, ":");
  initializer(w, m.initializer);
}

function typeParameters(w: Writer, list: readonly (string | OptionalKind<TypeParameterDeclarationStructure>)[] | undefined): void {
  if (list == null || list.length === 0) return;
  w.write("<");
  commaSeparated(w, list, (p) => {
    w.closeComment();
    if (typeof p === "string") {
      w.write(p);
      return;
    }
    noneOf(p, [...TRIVIA, "isConst", "variance"]);
    w.hangingIndent(() => {
      w.write(p.name);
      if (p.constraint != null) {
        const t = textOf(p.constraint);
        if (!isNullOrWhitespace(t)) w.write(` extends ${t}`);
      }
      if (p.default != null) {
        const t = textOf(p.default);
        if (!isNullOrWhitespace(t)) w.write(` = ${t}`);
      }
    });
  });
  w.write(">");
}

function parameters(w: Writer, list: readonly OptionalKind<ParameterDeclarationStructure>[] | undefined): void {
  w.write("(");
  if (list != null && list.length > 0) {
    w.hangingIndent(() => {
      commaSeparated(w, list, (p) => {
        noneOf(p, [...TRIVIA, "decorators"]);
        w.closeComment();
        modifiers(w, p as unknown as Record<string, unknown>);
        w.conditionalWrite(p.isRestParameter, "...");
        w.write(p.name);
        w.conditionalWrite(p.hasQuestionToken, "?");
        typed(w, p.type, ":", p.hasQuestionToken === true);
        initializer(w, p.initializer);
      });
    });
  }
  w.write(")");
}

/** StatementStructurePrinter.printTexts over statements given as text. */
function bodyStatements(w: Writer, statements: unknown): void {
  if (statements == null) return;
  if (typeof statements === "string") {
    w.write(statements);
    return;
  }
  if (!Array.isArray(statements)) throw new Unsupported();
  for (const statement of statements) {
    if (isLastNonWhitespaceCharCloseBrace(w)) w.blankLineIfLastNot();
    else if (!w.isAtStartOfFirstLineOfBlock()) w.newLineIfLastNot();
    if (statement == null) continue;
    w.write(text(statement));
  }
}

function functionDeclaration(w: Writer, s: FunctionDeclarationStructure): void {
  noneOf(s, [...TRIVIA, "overloads", "isGenerator"]);
  w.closeComment();
  docs(w, s.docs);
  modifiers(w, s as unknown as Record<string, unknown>);
  w.write("function");
  if (!isNullOrWhitespace(s.name)) w.write(` ${s.name!}`);
  typeParameters(w, s.typeParameters);
  parameters(w, s.parameters);
  returnTyped(w, s.returnType);
  if (s.hasDeclareKeyword) w.write(";");
  else w.space().inlineBlock(() => bodyStatements(w, s.statements));
}

function variableStatement(w: Writer, s: VariableStatementStructure): void {
  noneOf(s, TRIVIA);
  w.closeComment();
  docs(w, s.docs);
  w.hangingIndent(() => {
    modifiers(w, s as unknown as Record<string, unknown>);
    w.write(`${s.declarationKind || "let"} `);
    if (s.declarations.length === 0) throw new Unsupported();
    commaSeparated(w, s.declarations, (d: OptionalKind<VariableDeclarationStructure>) => {
      noneOf(d, TRIVIA);
      w.closeComment();
      named(w, d);
    });
    w.write(";");
  });
}

function typeAlias(w: Writer, s: TypeAliasDeclarationStructure): void {
  noneOf(s, TRIVIA);
  w.closeComment();
  docs(w, s.docs);
  modifiers(w, s as unknown as Record<string, unknown>);
  w.write(`type ${s.name}`);
  typeParameters(w, s.typeParameters);
  typed(w, s.type, " =");
  w.write(";");
}

function interfaceDeclaration(w: Writer, s: InterfaceDeclarationStructure): void {
  noneOf(s, [...TRIVIA, "extends", "callSignatures", "constructSignatures", "getAccessors", "setAccessors", "methods"]);
  w.closeComment();
  docs(w, s.docs);
  modifiers(w, s as unknown as Record<string, unknown>);
  w.write(`interface ${s.name}`);
  typeParameters(w, s.typeParameters);
  w.space();
  w.inlineBlock(() => {
    // TypeElementMemberedNodeStructurePrinter: index signatures, then properties, each group apart by a line
    const indexSignatures = s.indexSignatures ?? [];
    if (indexSignatures.length > 0 && !w.isAtStartOfFirstLineOfBlock()) w.newLine();
    indexSignatures.forEach((x: OptionalKind<IndexSignatureDeclarationStructure>, i) => {
      noneOf(x, TRIVIA);
      w.conditionalNewLine(i > 0);
      w.closeComment();
      docs(w, x.docs);
      modifiers(w, x as unknown as Record<string, unknown>);
      w.write(`[${x.keyName || "key"}: ${x.keyType || "string"}]`);
      returnTyped(w, x.returnType);
      w.write(";");
    });
    const properties = s.properties ?? [];
    if (properties.length > 0 && !w.isAtStartOfFirstLineOfBlock()) w.newLine();
    properties.forEach((p: OptionalKind<PropertySignatureStructure>, i) => {
      noneOf(p, TRIVIA);
      w.conditionalNewLine(i > 0);
      w.closeComment();
      docs(w, p.docs);
      modifiers(w, p as unknown as Record<string, unknown>);
      named(w, p);
      w.write(";");
    });
  });
}

function classDeclaration(w: Writer, s: ClassDeclarationStructure): void {
  noneOf(s, [...TRIVIA, "decorators", "extends", "implements", "staticBlocks", "getAccessors", "setAccessors"]);
  w.closeComment();
  docs(w, s.docs);
  modifiers(w, s as unknown as Record<string, unknown>);
  w.write("class");
  if (!isNullOrWhitespace(s.name)) w.space().write(s.name!);
  typeParameters(w, s.typeParameters);
  w.space();
  // not ambient: members apart by a blank line
  const separator = (): void => {
    if (!w.isAtStartOfFirstLineOfBlock()) w.blankLine();
  };
  w.inlineBlock(() => {
    (s.properties ?? []).forEach((p: OptionalKind<PropertyDeclarationStructure>, i) => {
      noneOf(p, [...TRIVIA, "decorators"]);
      w.conditionalNewLine(i > 0);
      w.closeComment();
      docs(w, p.docs);
      modifiers(w, p as unknown as Record<string, unknown>);
      named(w, p);
      w.write(";");
    });
    for (const c of s.ctors ?? []) {
      separator();
      constructorDeclaration(w, c);
    }
    const methods = s.methods ?? [];
    if (methods.length > 0) {
      separator();
      methods.forEach((m, i) => {
        if (i > 0) w.blankLine();
        methodDeclaration(w, m);
      });
    }
  });
}

function constructorDeclaration(w: Writer, s: OptionalKind<ConstructorDeclarationStructure>): void {
  noneOf(s, [...TRIVIA, "overloads"]);
  w.closeComment();
  docs(w, s.docs);
  modifiers(w, s as unknown as Record<string, unknown>);
  w.write("constructor");
  typeParameters(w, s.typeParameters);
  parameters(w, s.parameters);
  w.space().inlineBlock(() => bodyStatements(w, s.statements));
}

function methodDeclaration(w: Writer, s: OptionalKind<MethodDeclarationStructure>): void {
  noneOf(s, [...TRIVIA, "overloads", "decorators", "isGenerator"]);
  w.closeComment();
  docs(w, s.docs);
  modifiers(w, s as unknown as Record<string, unknown>);
  w.write(s.name);
  w.conditionalWrite(s.hasQuestionToken, "?");
  typeParameters(w, s.typeParameters);
  parameters(w, s.parameters);
  returnTyped(w, s.returnType);
  if (s.isAbstract) w.write(";");
  else w.spaceIfLastNot().inlineBlock(() => bodyStatements(w, s.statements));
}

/** printStructure({ kind: SourceFile, statements: [statement] }) of ts-morph, where this module knows the statement's kind. */
function printHere(statement: StatementStructures): string {
  const w = newWriter();
  w.closeComment();
  switch (statement.kind) {
    case StructureKind.Function:
      functionDeclaration(w, statement);
      break;
    case StructureKind.Class:
      classDeclaration(w, statement);
      break;
    case StructureKind.Interface:
      interfaceDeclaration(w, statement);
      break;
    case StructureKind.TypeAlias:
      typeAlias(w, statement);
      break;
    case StructureKind.VariableStatement:
      variableStatement(w, statement);
      break;
    default:
      throw new Unsupported();
  }
  w.conditionalNewLine(!w.isAtStartOfFirstLineOfBlock() && !w.isLastNewLine());
  return w.toString();
}

let tsMorph: typeof TsMorph | undefined;

/** ts-morph's own printStructure, loaded on first need. */
export function printWithTsMorph(statement: StatementStructures): string {
  tsMorph ??= createRequire(import.meta.url)("ts-morph") as typeof TsMorph;
  return tsMorph.printStructure({ kind: tsMorph.StructureKind.SourceFile, statements: [statement] });
}

/** The statement printed by this module, or undefined where it leaves the statement to ts-morph. */
function printedHere(statement: StatementStructures): string | undefined {
  try {
    return printHere(statement);
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

/** A top-level statement as ts-morph prints it in a source file of its own. */
export function printStatement(statement: StatementStructures): string {
  return printedHere(statement) ?? printWithTsMorph(statement);
}

/** Whether this module prints the statement itself, without ts-morph (for the tests). */
export function printsItself(statement: StatementStructures): boolean {
  return printedHere(statement) !== undefined;
}
