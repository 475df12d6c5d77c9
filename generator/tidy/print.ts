/**
 * tidy's printer: the syntax tree as the documents prettier's own printer
 * builds for these constructs (its group, indent and line choices, taken from
 * prettier's estree printer), laid out by prettier's document printer
 * (`prettier/doc`). So the line breaking is prettier's, decided by prettier's
 * code; what is mirrored here is only which documents a construct makes.
 * Anything this file does not mirror throws `Unsupported`.
 */
import { builders, utils } from "prettier/doc";
import type { Block, Expr, FunctionNode, Key, Member, ObjectMember, Param, Specifier, Statement, Type, TypeParam } from "./ast.js";
import { blankLineAfter, hasNewline, hasNewlineBefore, isNextLineEmpty } from "../prettier-text.js";
import { Unsupported, type Comment } from "./lex.js";
import { printNumber, printRegex, printString } from "./literals.js";
import { PRECEDENCE } from "./parse.js";
import { PRETTIER } from "../prettier-options.js";

type Doc = builders.Doc;
const { group, indent, line, softline, hardline, join, ifBreak, conditionalGroup, lineSuffixBoundary, indentIfBreak, breakParent } = builders;
const { willBreak, canBreak } = utils;

/** The line width and indentation of the generator's prettier options, which tidy prints under. */
export const TIDY_LAYOUT = { printWidth: PRETTIER.printWidth!, tabWidth: PRETTIER.tabWidth!, useTabs: PRETTIER.useTabs! } as const;

/**
 * Printed only where prettier's layout is not mirrored (a ternary or an arrow argument that does not
 * fit on its line): an output that holds it is refused (index.ts), and the chunk goes to prettier.
 */
export const REFUSED = "\u0000tidy: not mirrored\u0000";

const LOGICAL = new Set(["||", "&&", "??"]);
const EQUALITY = new Set(["==", "!=", "===", "!=="]);
const MULTIPLICATIVE = new Set(["*", "/", "%"]);
const BITSHIFT = new Set([">>", ">>>", "<<"]);

function shouldFlatten(parentOp: string, nodeOp: string): boolean {
  if (PRECEDENCE[nodeOp] !== PRECEDENCE[parentOp]) return false;
  if (parentOp === "**") return false;
  if (EQUALITY.has(parentOp) && EQUALITY.has(nodeOp)) return false;
  if ((nodeOp === "%" && MULTIPLICATIVE.has(parentOp)) || (parentOp === "%" && MULTIPLICATIVE.has(nodeOp))) return false;
  if (nodeOp !== parentOp && MULTIPLICATIVE.has(nodeOp) && MULTIPLICATIVE.has(parentOp)) return false;
  if (BITSHIFT.has(parentOp) && BITSHIFT.has(nodeOp)) return false;
  return true;
}

type BinaryExpr = Extract<Expr, { type: "Binary" }>;
const isBinaryish = (e: Expr): e is BinaryExpr => e.type === "Binary";
/** prettier's node type: a LogicalExpression or a BinaryExpression. */
const binaryKind = (e: Expr): string => (e.type === "Binary" ? (LOGICAL.has(e.operator) ? "Logical" : "BinaryE") : e.type);
const isObjectType = (t: Type | undefined): boolean => t?.type === "TObject" || t?.type === "TMapped";

/** Where an expression sits, for the rules that look at the parent. */
type Context = "statement" | "return" | "declarator" | "argument" | "if" | "for" | "unary" | "member" | "callee" | "conditional" | "conditional-indented" | "arrow-body" | "cast" | "other";

/**
 * A document's text when all of it is printed flat, or undefined if any of it cannot be: a hard
 * line, a group already broken, or a line outside every group (which a statement's printing breaks).
 */
function flatText(doc: Doc): string | undefined {
  let out = "";
  const walk = (d: Doc, groups: number): boolean => {
    if (typeof d === "string") {
      out += d;
      return true;
    }
    if (Array.isArray(d)) {
      for (const part of d) if (!walk(part, groups)) return false;
      return true;
    }
    switch (d.type) {
      case "group":
        return !d.break && walk(d.expandedStates ? d.expandedStates[0]! : d.contents, groups + 1);
      case "indent":
      case "align":
      case "indent-if-break":
      case "label":
        return walk((d as { contents: Doc }).contents, groups);
      case "if-break":
        return walk(d.flatContents, groups);
      case "line":
        if (d.hard || d.literal || groups === 0) return false;
        if (!d.soft) out += " ";
        return true;
      case "line-suffix-boundary":
        return true;
      default:
        return false;
    }
  };
  return walk(doc, 0) ? out : undefined;
}

/** Printable ASCII only: prettier measures other text by its display width, which this printer does not. */
const ASCII = /^[\x20-\x7e]*$/;

export class Printer {
  /**
   * The indentation level of the statements and members being printed, where it is fixed (statement
   * bodies, class and interface bodies); undefined inside an expression, where layout decides it.
   */
  private depth: number | undefined = 0;

  constructor(private readonly text: string) {}

  /**
   * A statement or member at a fixed indentation: its flat text when that fits on its line, which is
   * what prettier's printer makes of its document then (every group fits flat), without laying the
   * document out; else the document.
   */
  private settled(doc: Doc, comments?: readonly Comment[]): Doc {
    // a comment on the statement's own line takes room on it: laid out then
    if (this.depth === undefined || comments?.some((c) => !hasNewline(this.text, c.end))) return doc;
    const flat = flatText(doc);
    return flat !== undefined && this.depth * TIDY_LAYOUT.tabWidth + flat.length <= TIDY_LAYOUT.printWidth && ASCII.test(flat) ? flat : doc;
  }

  /** Prints with the depth one level deeper (a body always broken onto its own lines). */
  private deeper<T>(print: () => T): T {
    const saved = this.depth;
    if (saved !== undefined) this.depth = saved + 1;
    try {
      return print();
    } finally {
      this.depth = saved;
    }
  }

  /** Prints where the indentation is decided by layout (inside an expression). */
  private unsettled<T>(print: () => T): T {
    const saved = this.depth;
    this.depth = undefined;
    try {
      return print();
    } finally {
      this.depth = saved;
    }
  }

  // ---- comments ----

  private leading(comments: readonly Comment[] | undefined, doc: Doc): Doc {
    if (!comments || comments.length === 0) return doc;
    const parts: Doc[] = [];
    for (const c of comments) {
      if (c.block) {
        parts.push(this.blockComment(c));
        parts.push(hasNewline(this.text, c.end) ? (hasNewlineBefore(this.text, c.start) ? hardline : line) : " ");
      } else {
        parts.push(c.text, hardline);
      }
      if (blankLineAfter(this.text, c.end)) parts.push(hardline);
    }
    return [...parts, doc];
  }

  private blockComment(c: Comment): Doc {
    const value = c.text.slice(2, -2);
    const lines = `*${value}*`.split("\n");
    if (lines.length > 1 && lines.every((l) => l.trimStart()[0] === "*")) {
      const parts = value.split("\n");
      return [
        "/*",
        join(
          hardline,
          parts.map((l, i) => (i === 0 ? l.trimEnd() : " " + (i < parts.length - 1 ? l.trim() : l.trimStart()))),
        ),
        "*/",
      ];
    }
    if (value.includes("\n")) throw new Unsupported("multi-line block comment");
    return c.text;
  }

  // ---- statements ----

  program(statements: readonly Statement[], dangling: readonly Comment[]): Doc {
    if (dangling.length > 0) {
      if (statements.length > 0) throw new Unsupported("a comment after the last statement");
      // a chunk of comments only (a file's header): each on its line, a blank line kept
      const parts: Doc[] = [];
      dangling.forEach((c, i) => {
        parts.push(c.block ? this.blockComment(c) : c.text);
        if (i < dangling.length - 1) {
          if (!hasNewline(this.text, c.end)) throw new Unsupported("comments on one line");
          parts.push(hardline);
          if (isNextLineEmpty(this.text, c.end)) parts.push(hardline);
        }
      });
      return [...parts, hardline];
    }
    return [this.sequence(statements), statements.length > 0 ? hardline : ""];
  }

  private sequence(statements: readonly Statement[]): Doc {
    const parts: Doc[] = [];
    statements.forEach((s, i) => {
      parts.push(this.leading(s.comments, this.settled(this.statementBody(s), s.comments)));
      if (i < statements.length - 1) {
        parts.push(hardline);
        if (isNextLineEmpty(this.text, s.end)) parts.push(hardline);
      }
    });
    return parts;
  }

  statement(s: Statement): Doc {
    return this.leading(s.comments, this.statementBody(s));
  }

  private statementBody(s: Statement): Doc {
    switch (s.type) {
      case "Import":
        return this.importDecl(s);
      case "ExportFrom":
        return this.exportFrom(s);
      case "Export":
        return ["export ", this.statementBody(s.declaration)];
      case "Var":
        return group([s.declare ? "declare " : "", s.kind, " ", this.declarator(s), ";"]);
      case "Function":
        return this.functionDecl(s);
      case "Class":
        return this.classDecl(s);
      case "Interface":
        return this.interfaceDecl(s);
      case "TypeAlias":
        return this.typeAlias(s);
      case "If":
        return this.ifStatement(s);
      case "For":
        return this.forStatement(s);
      case "ForIn":
        return group([
          "for (",
          (s.left as Statement & { type: "Var" }).kind,
          " ",
          (s.left as Statement & { type: "Var" }).id,
          s.of ? " of " : " in ",
          this.expr(s.right, "other"),
          ")",
          this.clause(s.body),
        ]);
      case "Return":
      case "Throw":
        return [s.type === "Throw" ? "throw" : "return", s.argument ? [" ", this.returnArgument(s.argument)] : "", ";"];
      case "Continue":
        return "continue;";
      case "Break":
        return "break;";
      case "ExprStmt":
        if (s.expression.type === "Object" || s.expression.type === "Arrow") throw new Unsupported("expression statement");
        return [this.expr(s.expression, "statement"), ";"];
      case "Block":
        return this.block(s);
    }
  }

  private block(b: Block): Doc {
    if (b.body.length === 0) {
      return this.emptyBrackets(b, "{}");
    }
    return ["{", indent([hardline, this.deeper(() => this.sequence(b.body))]), hardline, "}"];
  }

  private clause(body: Statement): Doc {
    if (body.comments) throw new Unsupported("comment before a clause");
    if (body.type === "Block") return [" ", this.statement(body)];
    return indent([line, this.statement(body)]);
  }

  private ifStatement(s: Statement & { type: "If" }): Doc {
    const testDoc = this.expr(s.test, "if");
    const opening = group(["if (", this.shouldInlineCondition(s.test) ? testDoc : group([indent([softline, testDoc]), softline]), ")", this.clause(s.consequent)]);
    if (!s.alternate) return opening;
    const isBlock = s.consequent.type === "Block";
    const parts: Doc[] = [opening];
    if (!isBlock) parts.push(hardline);
    if (s.alternate.comments) throw new Unsupported("comment before else");
    const alternate = s.alternate.type === "If" ? [" ", this.statement(s.alternate)] : this.clause(s.alternate);
    parts.push(isBlock ? " " : "", "else", group(alternate));
    return parts;
  }

  /** `!(a || b)` and `!!(a || b)` stay hugged by the parentheses of `if (…)`. */
  private shouldInlineCondition(e: Expr): boolean {
    if (e.comments || e.type !== "Unary" || e.operator !== "!") return false;
    let arg = e.argument;
    if (arg.type === "Unary" && arg.operator === "!") arg = arg.argument;
    return arg.type === "Binary" && LOGICAL.has(arg.operator);
  }

  private forStatement(s: Statement & { type: "For" }): Doc {
    const init = s.init ? this.statementBody(s.init) : "";
    // the declaration prints its own `;`: drop it, the loop's head has its own
    const initDoc = s.init && s.init.type === "Var" ? group([s.init.kind, " ", this.declarator(s.init)]) : init;
    if (!s.init && !s.test && !s.update) return ["for (;;)", this.clause(s.body)];
    return [
      "for (",
      group([indent([softline, initDoc, ";", line, s.test ? this.expr(s.test, "for") : "", ";", line, s.update ? this.expr(s.update, "for") : ""]), softline]),
      ")",
      this.clause(s.body),
    ];
  }

  private returnArgument(e: Expr): Doc {
    if (e.comments) throw new Unsupported("comment before a returned value");
    const doc = this.expr(e, "return");
    if (isBinaryish(e)) return group([ifBreak("("), indent([softline, doc]), softline, ifBreak(")")]);
    return doc;
  }

  private specifierList(specifiers: readonly Specifier[]): Doc {
    if (specifiers.length === 0) return "{}";
    const printed = specifiers.map((sp) => [sp.typeOnly ? "type " : "", sp.name, sp.alias !== undefined ? [" as ", sp.alias] : ""]);
    // one specifier never breaks
    if (printed.length === 1) return ["{ ", printed[0]!, " }"];
    return group(["{", indent([line, join([",", line], printed)]), ifBreak(","), line, "}"]);
  }

  private importDecl(s: Statement & { type: "Import" }): Doc {
    const parts: Doc[] = ["import", s.typeOnly ? " type" : ""];
    const heads: Doc[] = [];
    if (s.defaultName !== undefined) heads.push(s.defaultName);
    if (s.namespace !== undefined) heads.push(["* as ", s.namespace]);
    if (s.specifiers) heads.push(this.specifierList(s.specifiers));
    parts.push(" ", join(", ", heads), " from ", printString(s.source), ";");
    return parts;
  }

  private exportFrom(s: Statement & { type: "ExportFrom" }): Doc {
    const parts: Doc[] = ["export", s.typeOnly ? " type" : ""];
    if (s.star) parts.push(" *", s.namespace !== undefined ? [" as ", s.namespace] : "");
    else parts.push(" ", this.specifierList(s.specifiers ?? []));
    if (s.source !== undefined) parts.push(" from ", printString(s.source));
    parts.push(";");
    return parts;
  }

  // ---- declarations ----

  private declarator(s: Statement & { type: "Var" }): Doc {
    const left: Doc = [s.id, s.typeAnnotation ? [": ", this.type(s.typeAnnotation, "annotation")] : ""];
    return this.assignment(left, " =", s.init, { declarator: s });
  }

  /** prettier's printAssignment with the layouts these statements can take. */
  private assignment(left: Doc, operator: string, right: Expr | undefined, where: { declarator?: Statement & { type: "Var" }; property?: boolean; shortKey?: boolean }): Doc {
    if (!right) return left;
    const layout = this.chooseLayout(left, right, where);
    const rightDoc = this.expr(right, where.declarator || where.property ? "declarator" : "other");
    switch (layout) {
      case "break-after-operator":
        return group([group(left), operator, group(indent([line, rightDoc]))]);
      case "never-break-after-operator":
        return group([group(left), operator, " ", rightDoc]);
      case "break-lhs":
        return group([left, operator, " ", group(rightDoc)]);
      case "fluid": {
        const groupId = Symbol("assignment");
        return group([group(left), operator, group(indent(line), { id: groupId }), lineSuffixBoundary, indentIfBreak(rightDoc, { groupId })]);
      }
    }
  }

  private chooseLayout(left: Doc, right: Expr, where: { declarator?: Statement & { type: "Var" }; property?: boolean; shortKey?: boolean }): "break-after-operator" | "never-break-after-operator" | "fluid" | "break-lhs" {
    if (right.type === "Assign") throw new Unsupported("chained assignment");
    if (right.comments?.some((c) => hasNewline(this.text, c.end) || c.text.includes("\n"))) return "break-after-operator";
    if (right.type === "Call" && right.callee.type === "Ident" && right.callee.name === "require") return "never-break-after-operator";
    const canBreakLeft = canBreak(left);
    const d = where.declarator;
    if (d && d.typeAnnotation && this.hasComplexTypeAnnotation(d.typeAnnotation)) return "break-lhs";
    if (d && right.type === "Arrow" && canBreakLeft) return "break-lhs";
    if (this.shouldBreakAfterOperator(right, where.shortKey === true)) return "break-after-operator";
    if (!canBreakLeft && (where.shortKey === true || right.type === "Number" || (right.type === "Ident" && (right.name === "true" || right.name === "false")))) return "never-break-after-operator";
    return "fluid";
  }

  private hasComplexTypeAnnotation(t: Type): boolean {
    if (t.type !== "TRef" || !t.args || t.args.length < 2) return false;
    return t.args.some((a) => a.type === "TRef" && a.args && a.args.length > 0);
  }

  private shouldBreakAfterOperator(right: Expr, shortKey: boolean): boolean {
    if (isBinaryish(right) && !this.shouldInlineLogical(right)) return true;
    if (right.type === "Conditional") return isBinaryish(right.test) && !this.shouldInlineLogical(right.test);
    if (shortKey) return false;
    let node: Expr = right;
    for (;;) {
      if (node.type === "Unary" || node.type === "Await") node = node.argument;
      else if (node.type === "NonNull") node = node.expression;
      else break;
    }
    if (node.type === "String") return true;
    return this.isPoorlyBreakableMemberOrCallChain(node);
  }

  private shouldInlineLogical(e: Expr): boolean {
    if (e.type !== "Binary" || !LOGICAL.has(e.operator)) return false;
    const r = e.right;
    return (r.type === "Object" && r.properties.length > 0) || (r.type === "Array" && r.elements.length > 0);
  }

  /** prettier's isPoorlyBreakableMemberOrCallChain: members and calls down to a name, each call with at most one short argument. */
  private isPoorlyBreakableMemberOrCallChain(e: Expr, deep = false): boolean {
    if (e.comments && deep) return false;
    switch (e.type) {
      case "NonNull":
        return this.isPoorlyBreakableMemberOrCallChain(e.expression, true);
      case "Call": {
        if (this.countCalls(e) > 2 && e.callee.type !== "Ident") return false;
        if (e.args.length > 1 || (e.args.length === 1 && !this.isLoneShortArgument(e.args[0]!))) return false;
        if (e.typeArgs && this.isComplexTypeArgs(e.typeArgs)) return false;
        return this.isPoorlyBreakableMemberOrCallChain(e.callee, true);
      }
      case "Member":
      case "Index":
        return this.isPoorlyBreakableMemberOrCallChain(e.object, true);
      case "Ident":
        return deep && !/^(true|false|null)$/.test(e.name);
      default:
        return false;
    }
  }

  /** prettier's isCallExpressionWithComplexTypeArguments. */
  private isComplexTypeArgs(args: readonly Type[]): boolean {
    if (args.length > 1) return true;
    const t = args[0];
    if (!t) return false;
    if (t.type === "TUnion" || t.type === "TIntersection" || t.type === "TObject") return true;
    return willBreak(this.typeArgs(args));
  }

  /** prettier's isLoneShortArgument: a quarter of the line width at most. */
  private isLoneShortArgument(arg: Expr): boolean {
    const threshold = TIDY_LAYOUT.printWidth * 0.25;
    if (arg.comments) return false;
    switch (arg.type) {
      case "Ident":
        return /^(true|false|null)$/.test(arg.name) || arg.name === "this" || arg.name.length <= threshold;
      case "Number":
        return true;
      case "Unary":
        return this.isLoneShortArgument(arg.argument);
      case "Regex":
        return arg.raw.slice(1, arg.raw.lastIndexOf("/")).length <= threshold;
      case "String":
        return printString(arg.raw).length <= threshold;
      case "Call":
        return arg.args.length === 0 && arg.callee.type === "Ident" && !arg.typeArgs && arg.callee.name.length <= threshold - 2;
      default:
        return false;
    }
  }

  private typeParams(params: readonly TypeParam[] | undefined): Doc {
    if (!params || params.length === 0) return "";
    const printed = params.map((p) => [p.name, p.constraint ? [" extends ", this.type(p.constraint, "other")] : "", p.default ? [" = ", this.type(p.default, "other")] : ""]);
    if (params.length === 1 && !params[0]!.constraint && !params[0]!.default) return ["<", printed[0]!, ">"];
    return group(["<", indent([softline, join([",", line], printed)]), ifBreak(","), softline, ">"]);
  }

  private params(params: readonly Param[]): Doc {
    if (params.length === 0) return "()";
    const hug = params.length === 1 && !params[0]!.init && isObjectType(params[0]!.typeAnnotation);
    const printed: Doc[] = [];
    params.forEach((p, i) => {
      printed.push(this.param(p));
      if (i < params.length - 1) printed.push(",", hug ? " " : line);
    });
    if (hug) return ["(", ...printed, ")"];
    const hasRest = params[params.length - 1]!.rest;
    return ["(", indent([softline, ...printed]), hasRest ? "" : ifBreak(","), softline, ")"];
  }

  private param(p: Param): Doc {
    if (p.comments) throw new Unsupported("comment before a parameter");
    const left: Doc = [p.rest ? "..." : "", p.name, p.optional ? "?" : "", p.typeAnnotation ? [": ", this.type(p.typeAnnotation, "annotation")] : ""];
    return p.init ? [left, " = ", this.expr(p.init, "other")] : left;
  }

  private signature(params: readonly Param[], returnType: Type | undefined): Doc {
    const paramsDoc = this.params(params);
    const returnDoc = returnType ? [": ", this.type(returnType, "return")] : "";
    const shouldGroup = returnType !== undefined && params.length === 1 && (isObjectType(returnType) || willBreak(returnDoc));
    return group([shouldGroup ? group(paramsDoc) : paramsDoc, returnDoc]);
  }

  private functionDecl(f: FunctionNode): Doc {
    return [
      f.declare ? "declare " : "",
      f.async ? "async " : "",
      "function",
      f.generator ? "*" : "",
      " ",
      f.name,
      this.typeParams(f.typeParams),
      this.signature(f.params, f.returnType),
      f.body ? [" ", this.block(f.body)] : ";",
    ];
  }

  private key(k: Key): Doc {
    switch (k.kind) {
      case "name":
        return k.text;
      case "string":
        return printString(k.text);
      case "number":
        return printNumber(k.text);
      case "computed":
        return ["[", this.expr(k.expr, "other"), "]"];
    }
  }

  private classDecl(c: Statement & { type: "Class" }): Doc {
    if (c.implements) throw new Unsupported("implements");
    const head: Doc[] = ["class ", c.name, this.typeParams(c.typeParams)];
    if (c.extends) {
      if (c.extends.type !== "Ident" && c.extends.type !== "Member") throw new Unsupported("class heritage");
      head.push(" extends ", this.expr(c.extends, "other"), c.superTypeArgs ? this.typeArgs(c.superTypeArgs) : "");
    }
    return [...head, " ", this.classBody(c.members)];
  }

  private classBody(members: readonly Member[]): Doc {
    if (members.length === 0) return "{}";
    const parts: Doc[] = [];
    members.forEach((m, i) => {
      parts.push(this.leading(m.comments, this.deeper(() => this.settled(this.classMember(m), m.comments))));
      if (i < members.length - 1) {
        parts.push(hardline);
        if (isNextLineEmpty(this.text, m.end)) parts.push(hardline);
      }
    });
    return ["{", indent([hardline, ...parts]), hardline, "}"];
  }

  private modifiers(m: readonly string[]): Doc {
    // prettier's order: declare, accessibility, static, abstract, override, readonly
    const order = ["declare", "public", "private", "protected", "static", "abstract", "override", "readonly"];
    const sorted = [...m].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    return sorted.map((x) => x + " ");
  }

  private classMember(m: Member): Doc {
    switch (m.type) {
      case "Property": {
        const left: Doc = [this.modifiers(m.modifiers), this.key(m.key), m.optional ? "?" : "", m.definite ? "!" : "", m.typeAnnotation ? [": ", this.type(m.typeAnnotation, "annotation")] : ""];
        return [this.assignment(left, " =", m.init, { property: true }), ";"];
      }
      case "Method":
        return [this.modifiers(m.modifiers), this.key(m.key), m.optional ? "?" : "", this.typeParams(m.typeParams), this.signature(m.params, m.returnType), m.body ? [" ", this.block(m.body)] : ";"];
      case "IndexSignature":
        return [this.indexSignature(m), ";"];
    }
  }

  private indexSignature(m: Member & { type: "IndexSignature" }): Doc {
    return [this.modifiers(m.modifiers), "[", group([indent([softline, m.param, ": ", this.type(m.keyType, "other")]), softline]), "]: ", this.type(m.typeAnnotation, "annotation")];
  }

  private interfaceDecl(i: Statement & { type: "Interface" }): Doc {
    if (i.extends) throw new Unsupported("interface extends");
    const body: Doc[] = [];
    i.members.forEach((m, k) => {
      body.push(this.leading(m.comments, this.deeper(() => this.settled([this.typeMember(m), ";"], m.comments))));
      if (k < i.members.length - 1) {
        body.push(hardline);
        if (isNextLineEmpty(this.text, m.end)) body.push(hardline);
      }
    });
    return group(["interface ", i.name, this.typeParams(i.typeParams), " ", i.members.length === 0 ? "{}" : ["{", indent([hardline, ...body]), hardline, "}"]]);
  }

  private typeMember(m: Member): Doc {
    if (m.type === "Property") return [this.modifiers(m.modifiers), this.key(m.key), m.optional ? "?" : "", m.typeAnnotation ? [": ", this.type(m.typeAnnotation, "annotation")] : ""];
    if (m.type === "IndexSignature") return this.indexSignature(m);
    throw new Unsupported("member");
  }

  private typeAlias(t: Statement & { type: "TypeAlias" }): Doc {
    const left: Doc = [t.declare ? "declare " : "", "type ", t.name, this.typeParams(t.typeParams)];
    const v = t.value;
    if (t.typeParams && t.typeParams.length > 1 && t.typeParams.some((p) => p.constraint || p.default)) throw new Unsupported("complex type parameters");
    if (v.type === "TUnion" && !this.shouldHugUnion(v)) {
      return group([group(left), " =", group(indent([line, this.type(v, "alias-break")])), ";"]);
    }
    // prettier's fluid layout
    const groupId = Symbol("assignment");
    const right = this.type(v, "alias");
    if (v.type === "TLiteral" && v.kind === "string") return group([group(left), " =", group(indent([line, right])), ";"]);
    return group([group(left), " =", group(indent(line), { id: groupId }), lineSuffixBoundary, indentIfBreak(right, { groupId }), ";"]);
  }

  // ---- types ----

  private shouldHugUnion(u: Extract<Type, { type: "TUnion" }>): boolean {
    // prettier's shouldHugType: a union of one object type and keywords/null
    const objects = u.types.filter((t) => t.type === "TObject" || t.type === "TMapped").length;
    const nullish = u.types.filter((t) => t.type === "TKeyword" && (t.name === "void" || t.name === "null")).length;
    if (objects === 1 && objects + nullish === u.types.length) return true;
    return false;
  }

  private typeArgs(args: readonly Type[]): Doc {
    if (args.length === 0) return "<>";
    if (args.length === 1) {
      const a = args[0]!;
      // prettier keeps a lone object type or a lone keyword hugged
      if (a.type === "TObject" || a.type === "TMapped" || a.type === "TKeyword" || (a.type === "TRef" && !a.args)) return ["<", this.type(a, "type-arg"), ">"];
      if (a.type === "TUnion" && this.shouldHugUnion(a)) return ["<", this.type(a, "type-arg"), ">"];
    }
    return group(["<", indent([softline, join([",", line], args.map((a) => this.type(a, "type-arg")))]), softline, ">"]);
  }

  type(t: Type, where: "annotation" | "return" | "alias" | "alias-break" | "type-arg" | "union-member" | "array" | "intersection-member" | "other"): Doc {
    if (t.comments) throw new Unsupported("comment in a type");
    switch (t.type) {
      case "TKeyword":
        return t.name;
      case "TLiteral":
        return t.kind === "string" ? printString(t.raw) : printNumber(t.raw);
      case "TRef":
        return [t.name, t.args ? this.typeArgs(t.args) : ""];
      case "TQuery":
        return ["typeof ", t.name];
      case "TArray": {
        const inner = this.type(t.element, "array");
        // a union prints its own parentheses (unionType); a function type and an intersection have them here
        const paren = t.element.type === "TOperator";
        return [paren ? ["(", inner, ")"] : inner, "[]"];
      }
      case "TIndexed":
        return [this.type(t.object, "array"), "[", this.type(t.index, "other"), "]"];
      case "TOperator": {
        // a union, an intersection or a function type prints its own parentheses in this place
        return [t.operator, " ", this.type(t.typeAnnotation, "array")];
      }
      case "TTuple":
        if (t.elements.length === 0) return "[]";
        return group(["[", indent([softline, join([",", line], t.elements.map((e) => this.type(e, "other")))]), ifBreak(","), softline, "]"]);
      case "TPredicate":
        return [t.asserts ? "asserts " : "", t.param, t.typeAnnotation ? [" is ", this.type(t.typeAnnotation, "annotation")] : ""];
      case "TFunction": {
        const doc: Doc = group([this.params(t.params), " => ", this.type(t.returnType, "return")]);
        return where === "union-member" || where === "array" || where === "intersection-member" ? ["(", doc, ")"] : doc;
      }
      case "TIntersection": {
        const objects = t.types.filter((x) => x.type === "TObject" || x.type === "TMapped");
        // `string & {}`: prettier joins an object type to its neighbours with " & ", never a line break
        if (objects.some((x) => x.type !== "TObject" || x.members.length > 0) || (objects.length > 0 && t.types.length !== 2)) throw new Unsupported("intersection with an object type");
        const members = t.types.map((x) => this.type(x, "intersection-member"));
        const doc = objects.length > 0 ? join(" & ", members) : group(members.map((m, i) => (i === 0 ? m : indent([" &", line, m]))));
        return where === "union-member" || where === "array" ? ["(", doc, ")"] : doc;
      }
      case "TUnion":
        return this.unionType(t, where);
      case "TObject":
        return this.objectType(t);
      case "TMapped":
        return this.mappedType(t);
    }
  }

  private unionType(t: Extract<Type, { type: "TUnion" }>, where: string): Doc {
    if (this.shouldHugUnion(t)) {
      if (where === "union-member" || where === "intersection-member" || where === "array") throw new Unsupported("nested union");
      return join(" | ", t.types.map((x) => this.type(x, "union-member")));
    }
    const printed = group(t.types.map((x, i) => [i === 0 ? ifBreak("| ") : [line, "| "], builders.align(2, this.type(x, "union-member"))]));
    // in a union, an intersection or an array: in parentheses, which may break inside (prettier's needsParentheses case)
    if (where === "union-member" || where === "intersection-member" || where === "array") return ["(", group([indent([softline, printed]), softline]), ")"];
    if (where === "alias-break" || where === "type-arg") return printed;
    return group(indent([softline, printed]));
  }

  /** `{}` or `[]` with nothing inside; with a comment inside (prettier's dangling comment), refused. */
  private emptyBrackets(node: { readonly start: number; readonly end: number }, brackets: "{}" | "[]"): Doc {
    if (this.text.slice(node.start + 1, node.end - 1).trim() !== "") throw new Unsupported("a comment in empty brackets");
    return brackets;
  }

  private objectType(t: Type & { type: "TObject" }): Doc {
    if (t.members.length === 0) {
      return this.emptyBrackets(t, "{}");
    }
    // prettier's hasNewLineAfterOpeningBrace: between `{` and the first member itself (its comments included)
    const shouldBreak = this.text.slice(t.start, t.members[0]!.start).includes("\n");
    const parts: Doc[] = [];
    t.members.forEach((m, i) => {
      const last = i === t.members.length - 1;
      parts.push(this.leading(m.comments, [this.typeMember(m), last ? ifBreak(";") : ";"]));
      if (!last) {
        parts.push(line);
        if (isNextLineEmpty(this.text, m.end)) parts.push(hardline);
      }
    });
    return group(["{", indent([line, ...parts]), line, "}"], { shouldBreak });
  }

  private mappedType(t: Extract<Type, { type: "TMapped" }>): Doc {
    // broken when a line break follows `{` in the source
    const shouldBreak = /^\{[ \t]*\r?\n/.test(this.text.slice(t.start));
    return group(
      [
        "{",
        indent([
          line,
          t.readonly ? [t.readonly, " "] : "",
          group(["[", indent([softline, t.param, " in ", this.type(t.constraint, "other")]), softline, "]"]),
          t.optional ?? "",
          t.typeAnnotation ? ": " : "",
          t.typeAnnotation ? this.type(t.typeAnnotation, "annotation") : "",
          ifBreak(";"),
        ]),
        line,
        "}",
      ],
      { shouldBreak },
    );
  }


  // ---- expressions ----

  private needsParens(e: Expr, ctx: Context, parentOp?: string, isRight?: boolean): boolean {
    switch (ctx) {
      case "member":
      case "callee":
        return e.type === "Binary" || e.type === "Conditional" || e.type === "Assign" || e.type === "Arrow" || e.type === "As" || e.type === "Satisfies" || e.type === "Unary" || e.type === "Await" || e.type === "Update";
      case "unary":
        return e.type === "Binary" || e.type === "Conditional" || e.type === "Assign" || e.type === "Arrow" || e.type === "As" || e.type === "Satisfies";
      case "cast":
        // `x as A as B` needs none
        return e.type === "Binary" || e.type === "Conditional" || e.type === "Assign" || e.type === "Arrow" || e.type === "Await";
      case "conditional":
      case "conditional-indented":
        return e.type === "Conditional" || e.type === "Assign" || e.type === "Arrow" || e.type === "As" || e.type === "Satisfies";
      case "other":
        if (parentOp !== undefined) {
          if (e.type === "Conditional" || e.type === "Assign" || e.type === "Arrow") return true;
          if (e.type === "As" || e.type === "Satisfies") throw new Unsupported("as in a binary expression");
          if (e.type === "Binary") {
            if (LOGICAL.has(e.operator) && LOGICAL.has(parentOp)) return parentOp !== e.operator;
            const pp = PRECEDENCE[parentOp]!;
            const np = PRECEDENCE[e.operator]!;
            if (pp > np) return true;
            if (isRight && pp === np) return true;
            if (pp === np && !shouldFlatten(parentOp, e.operator)) return true;
            if (pp < np && e.operator === "%") return parentOp === "+" || parentOp === "-";
            if (["|", "^", "&", "<<", ">>", ">>>"].includes(parentOp)) return true;
            if ((parentOp === "??") !== (e.operator === "??") && LOGICAL.has(e.operator) && LOGICAL.has(parentOp)) return true;
          }
        }
        return false;
      default:
        return false;
    }
  }

  expr(e: Expr, ctx: Context): Doc {
    const doc = this.exprBody(e, ctx);
    return this.leading(e.comments, doc);
  }

  private wrap(e: Expr, ctx: Context, parentOp?: string, isRight?: boolean): Doc {
    const inner = this.expr(e, ctx === "member" || ctx === "callee" || ctx === "unary" || ctx === "conditional" || ctx === "conditional-indented" ? ctx : "other");
    return this.needsParens(e, ctx, parentOp, isRight) ? ["(", inner, ")"] : inner;
  }

  private exprBody(e: Expr, ctx: Context): Doc {
    switch (e.type) {
      case "Ident":
        return e.name;
      case "String":
        return printString(e.raw);
      case "Number":
        return printNumber(e.raw);
      case "Regex":
        return printRegex(e.raw);
      case "Array":
        return this.arrayLiteral(e);
      case "Object":
        return this.objectLiteral(e);
      case "Member":
        return [this.wrap(e.object, "member"), e.optional ? "?." : ".", e.property];
      case "Index":
        // prettier's printMemberLookup: a number stays hugged, anything else may break inside the brackets
        if (e.index.type === "Number") return [this.wrap(e.object, "member"), "[", this.expr(e.index, "other"), "]"];
        return [this.wrap(e.object, "member"), group(["[", indent([softline, this.expr(e.index, "other")]), softline, "]"])];
      case "NonNull":
        return [this.wrap(e.expression, "member"), "!"];
      case "Unary": {
        const arg = this.wrap(e.argument, "unary");
        const word = /^[a-z]/.test(e.operator);
        if (!word && e.argument.type === "Unary" && e.argument.operator === e.operator && (e.operator === "+" || e.operator === "-")) throw new Unsupported("repeated sign");
        return [e.operator, word ? " " : "", arg];
      }
      case "Update":
        return e.prefix ? [e.operator, this.wrap(e.argument, "unary")] : [this.wrap(e.argument, "member"), e.operator];
      case "Await":
        return ["await ", this.wrap(e.argument, "unary")];
      case "Spread":
        return ["...", this.expr(e.argument, "other")];
      case "As":
      case "Satisfies":
        return [this.wrap(e.expression, "cast"), e.type === "As" ? " as " : " satisfies ", this.type(e.typeAnnotation, "annotation")];
      case "Assign":
        if (ctx !== "statement") throw new Unsupported("assignment in an expression");
        return this.assignment(this.expr(e.left, "other"), " " + e.operator, e.right, {});
      case "Binary":
        return this.binary(e, ctx);
      case "Conditional":
        return this.conditional(e, ctx);
      case "Call":
      case "New":
        return this.call(e);
      case "Arrow":
        return this.arrowFunction(e, false);
    }
  }

  private binaryParts(e: Expr, parentKind: string, insideParens: boolean): Doc[] {
    if (!isBinaryish(e)) return [group(this.wrap(e, "other"))];
    let parts: Doc[];
    if (isBinaryish(e.left) && !e.left.comments && shouldFlatten(e.operator, e.left.operator)) parts = this.binaryParts(e.left, binaryKind(e), insideParens);
    else parts = [group(this.wrapOperand(e.left, e.operator, false))];
    const shouldInline = this.shouldInlineLogical(e);
    const rightDoc = this.wrapOperand(e.right, e.operator, true);
    let right: Doc = shouldInline ? [e.operator, " ", rightDoc] : [e.operator, line, rightDoc];
    const kind = binaryKind(e);
    const shouldGroup = !(insideParens && kind === "Logical") && parentKind !== kind && binaryKind(e.left) !== kind && binaryKind(e.right) !== kind;
    if (shouldGroup) right = group(right);
    parts.push(" ", right);
    return parts;
  }

  private wrapOperand(e: Expr, op: string, isRight: boolean): Doc {
    const inner = isBinaryish(e) ? this.leading(e.comments, this.binary(e, "other", LOGICAL.has(op) ? "Logical" : "BinaryE")) : this.expr(e, "other");
    return this.needsParens(e, "other", op, isRight) ? ["(", inner, ")"] : inner;
  }

  private binary(e: BinaryExpr, ctx: Context, parentKind = ""): Doc {
    const insideParens = ctx === "if";
    const parts = this.binaryParts(e, parentKind, insideParens);
    if (insideParens) return parts;
    if (ctx === "callee" || ctx === "unary" || ctx === "member") return group([indent([softline, ...parts]), softline]);
    const shouldNotIndent = ctx === "return" || ctx === "arrow-body" || ctx === "for" || ctx === "conditional";
    const shouldIndentIfInlining = ctx === "declarator" || ctx === "statement";
    const samePrecedenceSubExpression = isBinaryish(e.left) && shouldFlatten(e.operator, e.left.operator);
    if (shouldNotIndent || (this.shouldInlineLogical(e) && !samePrecedenceSubExpression) || (!this.shouldInlineLogical(e) && shouldIndentIfInlining)) return group(parts);
    const firstGroupIndex = parts.findIndex((p) => typeof p !== "string" && !Array.isArray(p) && (p as { type?: string }).type === "group");
    const head = parts.slice(0, firstGroupIndex === -1 ? 1 : firstGroupIndex + 1);
    const rest = parts.slice(head.length);
    return group([...head, indent(rest)]);
  }

  private conditional(e: Expr & { type: "Conditional" }, ctx: Context): Doc {
    // the flat form, and prettier's broken form for a ternary whose parts are not ternaries themselves
    if (e.consequent.type === "Conditional" || e.alternate.type === "Conditional") throw new Unsupported("nested conditional");
    if (ctx === "member" || ctx === "callee" || ctx === "unary") throw new Unsupported("conditional as an operand");
    // prettier's printTernaryOld for a ternary that is neither nested nor a member's object
    const part: Context = ctx === "argument" || ctx === "return" ? "conditional-indented" : "conditional";
    const test = this.wrap(e.test, part);
    return group([test, indent([line, "? ", builders.align(2, this.wrap(e.consequent, part)), line, ": ", builders.align(2, this.wrap(e.alternate, part))])]);
  }

  private call(e: Expr & { type: "Call" | "New" }): Doc {
    if (e.optional) throw new Unsupported("optional call");
    const typeArgs: Doc = e.typeArgs ? [this.typeArgs(e.typeArgs), lineSuffixBoundary] : "";
    const calleeDoc: Doc = e.type === "New" ? ["new ", this.wrap(e.callee, "callee"), lineSuffixBoundary] : [this.wrap(e.callee, "callee"), lineSuffixBoundary];
    const args = this.callArguments(e.args);
    if (e.type === "Call" && (e.callee.type === "Member" || e.callee.type === "Index" || e.callee.type === "NonNull")) {
      // a member chain: prettier's printMemberChain keeps a short one on one line (its "oneLine" form)
      if (this.countCalls(e) > 2) throw new Unsupported("member chain");
      return group([calleeDoc, typeArgs, args]);
    }
    const contents = [calleeDoc, typeArgs, args];
    if (e.callee.type === "Call") return group(contents);
    return contents;
  }

  private countCalls(e: Expr): number {
    let n = 0;
    let node: Expr = e;
    for (;;) {
      if (node.type === "Call") {
        n++;
        node = node.callee;
      } else if (node.type === "Member" || node.type === "Index") node = node.object;
      else if (node.type === "NonNull") node = node.expression;
      else return n;
    }
  }

  private couldExpandArg(arg: Expr): boolean {
    if (arg.type === "Object" && arg.properties.length > 0) return true;
    if (arg.type === "Array" && arg.elements.length > 0) return true;
    if ((arg.type === "As" || arg.type === "Satisfies") && this.couldExpandArg(arg.expression)) return true;
    if (arg.type === "Arrow") {
      const b = arg.body;
      if (b.type === "Block" || b.type === "Array" || b.type === "Conditional" || b.type === "Call") return true;
    }
    return false;
  }

  private callArguments(args: readonly Expr[]): Doc {
    if (args.length === 0) return "()";
    const printed: Doc[] = args.map((a, i) => {
      const doc = this.expr(a, "argument");
      if (i === args.length - 1) return doc;
      if (isNextLineEmpty(this.text, a.end)) throw new Unsupported("blank line between arguments");
      return [doc, ",", line];
    });
    const allArgsBrokenOut = (): Doc => group(["(", indent([line, ...printed]), ifBreak(","), line, ")"], { shouldBreak: true });
    // function composition and first-argument expansion: not mirrored
    if (args.filter((a) => a.type === "Arrow").length > 1) throw new Unsupported("function composition");
    const first = args[0]!;
    if (args.length === 2 && first.type === "Arrow" && first.body.type === "Block") throw new Unsupported("first-argument expansion");
    const last = args[args.length - 1]!;
    const penultimate = args.length > 1 ? args[args.length - 2] : undefined;
    const shouldExpandLast =
      !last.comments &&
      this.couldExpandArg(last) &&
      (!penultimate || penultimate.type !== last.type) &&
      (args.length !== 2 || penultimate!.type !== "Arrow" || last.type !== "Array") &&
      !(args.length > 1 && last.type === "Array" && this.isConciselyPrintedArray(last));
    if (shouldExpandLast) {
      const head = printed.slice(0, -1);
      if (head.some((d) => willBreak(d))) return allArgsBrokenOut();
      const lastDoc = last.type === "Arrow" ? this.leading(last.comments, this.arrowFunction(last, true)) : this.expr(last, "argument");
      if (willBreak(lastDoc)) return [breakParent, conditionalGroup([["(", ...head, group(lastDoc, { shouldBreak: true }), ")"], allArgsBrokenOut()])];
      return conditionalGroup([["(", ...head, lastDoc, ")"], ["(", ...head, group(lastDoc, { shouldBreak: true }), ")"], allArgsBrokenOut()]);
    }
    return group(["(", indent([softline, ...printed]), ifBreak(","), softline, ")"], { shouldBreak: printed.some((d) => willBreak(d)) });
  }

  private isConciselyPrintedArray(a: Expr & { type: "Array" }): boolean {
    return a.elements.length > 1 && a.elements.every((x) => (x.type === "Number" || (x.type === "Unary" && (x.operator === "-" || x.operator === "+") && x.argument.type === "Number")) && !x.comments);
  }

  private arrayLiteral(a: Expr & { type: "Array" }): Doc {
    if (a.elements.length === 0) {
      return this.emptyBrackets(a, "[]");
    }
    if (this.isConciselyPrintedArray(a)) throw new Unsupported("array of numbers");
    const shouldBreak =
      a.elements.length > 1 &&
      a.elements.every(
        (x, i, all) =>
          (x.type === "Object" || x.type === "Array") &&
          (x.type === "Object" ? x.properties.length > 1 : x.elements.length > 1) &&
          (i === all.length - 1 || all[i + 1]!.type === x.type),
      );
    const parts: Doc[] = [];
    a.elements.forEach((x, i) => {
      parts.push(group(this.expr(x, "other")));
      if (i < a.elements.length - 1) {
        parts.push(",", line);
        if (isNextLineEmpty(this.text, x.end)) parts.push(softline);
      }
    });
    return group(["[", indent([softline, ...parts]), ifBreak(","), softline, "]"], { shouldBreak });
  }

  private objectLiteral(o: Expr & { type: "Object" }): Doc {
    if (o.properties.length === 0) {
      return this.emptyBrackets(o, "{}");
    }
    const shouldBreak = this.text.slice(o.start, o.properties[0]!.start).includes("\n");
    const parts: Doc[] = [];
    o.properties.forEach((p, i) => {
      parts.push(this.objectMember(p));
      if (i < o.properties.length - 1) {
        parts.push(",", line);
        if (isNextLineEmpty(this.text, p.end)) parts.push(hardline);
      }
    });
    return group(["{", indent([line, ...parts]), ifBreak(","), line, "}"], { shouldBreak });
  }

  private objectMember(p: ObjectMember): Doc {
    if (p.comments) throw new Unsupported("comment in an object");
    if (p.type === "Spread") return ["...", this.expr(p.argument, "other")];
    if (p.shorthand) return this.key(p.key);
    if (p.key.kind === "string" || p.key.kind === "number") {
      // prettier unquotes nothing under quoteProps "preserve", but it may quote numbers
      if (p.key.kind === "number") throw new Unsupported("numeric key");
    }
    return this.assignment(this.key(p.key), ":", p.value, { property: true, shortKey: this.isShortKey(p.key) });
  }

  /** prettier's isObjectPropertyWithShortKey: a key narrower than tabWidth + 3 never has its value moved to the next line. */
  private isShortKey(k: Key): boolean {
    if (k.kind === "computed") return false;
    const text = k.kind === "string" ? printString(k.text) : k.text;
    return text.length < TIDY_LAYOUT.tabWidth + 3;
  }

  /** prettier's printArrowFunction for an arrow that is not a chain; expandLastArg: as a call's last argument, expanded. */
  private arrowFunction(a: Extract<Expr, { type: "Arrow" }>, expandLastArg: boolean): Doc {
    const body = a.body;
    if (body.comments) throw new Unsupported("comment before an arrow's body");
    if (body.type === "Arrow" || body.type === "Conditional" || body.type === "Assign") throw new Unsupported("arrow body");
    const params = this.params(a.params);
    const sig: Doc = [a.async ? "async " : "", group([expandLastArg ? utils.removeLines(params) : params, a.returnType ? [": ", this.type(a.returnType, "return")] : ""])];
    const sameLine = body.type === "Block" || body.type === "Object" || body.type === "Array";
    const bodyDoc = body.type === "Block" ? this.unsettled(() => this.block(body)) : body.type === "Object" ? ["(", this.expr(body, "arrow-body"), ")"] : this.expr(body, "arrow-body");
    const rest: Doc = sameLine ? [" ", bodyDoc] : [indent([line, bodyDoc]), expandLastArg ? ifBreak(",") : "", expandLastArg ? softline : ""];
    return group([group(sig), " =>", group(rest)]);
  }

}
