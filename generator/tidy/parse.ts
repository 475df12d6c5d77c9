/**
 * A recursive-descent parser for tidy's subset of TypeScript. It is strict on
 * purpose: whatever it does not know throws `Unsupported` (the chunk then
 * goes to prettier), so it never guesses at code it cannot print exactly.
 */
import type { Block, Expr, FunctionNode, Key, Member, ObjectMember, Param, Specifier, Statement, Type, TypeParam } from "./ast.js";
import { tokenize, Unsupported, type Comment, type Token } from "./lex.js";

/** Binary operators by precedence (higher binds tighter), as in the ECMAScript grammar. */
export const PRECEDENCE: Readonly<Record<string, number>> = {
  "??": 1,
  "||": 2,
  "&&": 3,
  "|": 4,
  "^": 5,
  "&": 6,
  "==": 7,
  "!=": 7,
  "===": 7,
  "!==": 7,
  "<": 8,
  ">": 8,
  "<=": 8,
  ">=": 8,
  instanceof: 8,
  in: 8,
  "<<": 9,
  ">>": 9,
  ">>>": 9,
  "+": 10,
  "-": 10,
  "*": 11,
  "/": 11,
  "%": 11,
  "**": 12,
};

const ASSIGN = new Set(["=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "??=", "||=", "&&="]);
const TYPE_KEYWORDS = new Set(["string", "number", "boolean", "unknown", "never", "void", "undefined", "null", "object", "any", "bigint", "symbol", "true", "false", "this"]);
/** Words that are never a name in an expression (a name there means tidy misread the code). */
const RESERVED = new Set(["break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum", "export", "extends", "finally", "for", "function", "if", "import", "in", "instanceof", "let", "new", "return", "super", "switch", "throw", "try", "typeof", "var", "void", "while", "with", "yield", "await", "static", "implements", "interface", "package", "private", "protected", "public", "type", "as", "satisfies", "is", "keyof", "readonly", "declare", "of"]);
const RELATIONAL = new Set(["<", ">", "<=", ">="]);
const CONTEXTUAL = new Set(["type", "interface", "declare", "abstract", "async", "namespace", "module", "let"]);
const MODIFIERS = new Set(["declare", "private", "protected", "public", "readonly", "static", "abstract", "override"]);

class Parser {
  private readonly tokens: Token[];
  private at = 0;

  constructor(readonly text: string) {
    this.tokens = tokenize(text);
  }

  // ---- tokens ----

  private get tok(): Token {
    return this.tokens[this.at]!;
  }
  private peek(k = 1): Token {
    return this.tokens[Math.min(this.at + k, this.tokens.length - 1)]!;
  }
  private is(text: string): boolean {
    const t = this.tok;
    return (t.kind === "punct" || t.kind === "name") && t.text === text;
  }
  /**
   * Moves past the current token. Its comments must have been taken for a node (takeComments), or
   * they would be lost: a comment anywhere else makes tidy refuse the chunk.
   */
  private advance(): Token {
    const t = this.tok;
    if (t.comments.length > 0 && this.takenAt !== this.at) throw new Unsupported("a comment in an unsupported place");
    this.at++;
    return t;
  }
  private next(): Token {
    if (this.tok.kind === "eof") throw new Unsupported("unexpected end");
    return this.advance();
  }
  private eat(text: string): boolean {
    if (!this.is(text)) return false;
    this.advance();
    return true;
  }
  private expect(text: string): Token {
    if (!this.is(text)) throw new Unsupported(`expected ${text} at ${this.tok.start}, found ${JSON.stringify(this.tok.text)}`);
    return this.next();
  }
  private ident(): string {
    const t = this.tok;
    if (t.kind !== "name") throw new Unsupported(`expected a name at ${t.start}`);
    this.advance();
    return t.text;
  }
  /** The end of the last token taken. */
  private get last(): number {
    return this.tokens[this.at - 1]!.end;
  }
  /** No comment may sit before the current token (where tidy would not place one as prettier does). */
  private noComments(): void {
    if (this.tok.comments.length > 0 && this.takenAt !== this.at) throw new Unsupported("a comment in an unsupported place");
  }
  /** The index of the token whose comments a node has taken. */
  private takenAt = -1;
  /** The comments before the current token, taken (once) for the node that starts there. */
  private takeComments(): Comment[] | undefined {
    const c = this.tok.comments;
    if (c.length === 0 || this.takenAt === this.at) return undefined;
    if (c.some((x) => x.trailing)) throw new Unsupported("a trailing comment");
    this.takenAt = this.at;
    return [...c];
  }

  /** Items separated by commas (a trailing one allowed) up to `close`, taken too; the opening token is the caller's. */
  private list<T>(close: string, item: () => T): T[] {
    const out: T[] = [];
    while (!this.is(close)) {
      out.push(item());
      if (!this.eat(",")) break;
    }
    this.noComments();
    this.expect(close);
    return out;
  }

  // ---- program ----

  program(): { statements: Statement[]; dangling: readonly Comment[] } {
    const statements: Statement[] = [];
    while (this.tok.kind !== "eof") statements.push(this.statement());
    return { statements, dangling: this.tok.comments };
  }

  statement(): Statement {
    const comments = this.takeComments();
    const start = this.tok.start;
    const s = this.statementBody();
    s.start = start;
    if (comments) s.comments = comments;
    return s;
  }

  private statementBody(): Statement {
    const start = this.tok.start;
    const t = this.tok;
    // contextual keywords then a line break are names (a semicolon is inserted): not tidy's to read
    if (t.kind === "name" && CONTEXTUAL.has(t.text) && this.peek().newlineBefore) throw new Unsupported(`a line break after ${t.text}`);
    if (t.kind === "name") {
      switch (t.text) {
        case "import":
          return this.importDecl();
        case "export":
          return this.exportDecl();
        case "const":
        case "let":
        case "var": {
          const v = this.varDecl(false);
          this.semicolon();
          v.end = this.last;
          return v;
        }
        case "function":
        case "async":
          if (t.text === "async" && this.peek().text !== "function") break;
          return this.functionDecl(false);
        case "declare":
          if (this.peek().text === "const" || this.peek().text === "let") {
            this.next();
            const v = this.varDecl(true);
            this.semicolon();
            v.end = this.last;
            return v;
          }
          if (this.peek().text === "function") {
            this.next();
            return this.functionDecl(true);
          }
          if (this.peek().text === "type") {
            this.next();
            return this.typeAlias(true);
          }
          break;
        case "class":
          return this.classDecl();
        case "interface":
          return this.interfaceDecl();
        case "type":
          if (this.peek().kind === "name") return this.typeAlias(false);
          break;
        case "if":
          return this.ifStatement();
        case "for":
          return this.forStatement();
        case "return":
        case "throw": {
          this.next();
          // `return` then a line break ends the statement there (a semicolon is inserted)
          if (this.tok.newlineBefore) throw new Unsupported(`a line break after ${t.text}`);
          const argument = this.is(";") ? undefined : this.expression();
          this.semicolon();
          return argument ? { type: t.text === "return" ? "Return" : "Throw", argument, start, end: this.last } : { type: "Return", start, end: this.last };
        }
        case "continue":
        case "break":
          this.next();
          this.semicolon();
          return { type: t.text === "continue" ? "Continue" : "Break", start, end: this.last };
        case "while":
        case "do":
        case "switch":
        case "try":
        case "enum":
        case "namespace":
        case "module":
        case "label":
          throw new Unsupported(`statement ${t.text}`);
      }
    }
    if (this.is("{")) return this.block();
    if (this.is(";")) throw new Unsupported("empty statement");
    const expression = this.expression();
    this.semicolon();
    return { type: "ExprStmt", expression, start, end: this.last };
  }

  private semicolon(): void {
    // the templates end every statement with one; anything else is not tidy's to print
    this.expect(";");
  }

  block(): Block {
    const start = this.tok.start;
    this.noComments();
    this.expect("{");
    const body: Statement[] = [];
    while (!this.is("}")) body.push(this.statement());
    this.noComments();
    this.expect("}");
    return { type: "Block", body, start, end: this.last };
  }

  private source(): string {
    const t = this.next();
    if (t.kind !== "string") throw new Unsupported("module specifier");
    return t.text;
  }

  private specifiers(): Specifier[] {
    this.expect("{");
    return this.list("}", () => {
      this.noComments();
      let typeOnly = false;
      if (this.is("type") && this.peek().kind === "name" && this.peek().text !== "as") {
        this.next();
        typeOnly = true;
      }
      const name = this.ident();
      let alias: string | undefined;
      if (this.eat("as")) alias = this.ident();
      return alias !== undefined ? { name, alias, typeOnly } : { name, typeOnly };
    });
  }

  private importDecl(): Statement {
    const start = this.tok.start;
    this.expect("import");
    const typeOnly = this.is("type") && this.peek().text !== "from" && this.peek().text !== ",";
    if (typeOnly) this.next();
    let defaultName: string | undefined;
    let namespace: string | undefined;
    let specifiers: Specifier[] | undefined;
    if (this.tok.kind === "string") throw new Unsupported("side-effect import");
    if (this.tok.kind === "name" && !this.is("from")) {
      defaultName = this.ident();
      if (!this.eat(",")) {
        this.expect("from");
        return this.finishImport(start, typeOnly, defaultName, namespace, specifiers);
      }
    }
    if (this.eat("*")) {
      this.expect("as");
      namespace = this.ident();
    } else specifiers = this.specifiers();
    this.expect("from");
    return this.finishImport(start, typeOnly, defaultName, namespace, specifiers);
  }

  private finishImport(start: number, typeOnly: boolean, defaultName?: string, namespace?: string, specifiers?: Specifier[]): Statement {
    const source = this.source();
    this.semicolon();
    return {
      type: "Import",
      typeOnly,
      ...(defaultName !== undefined ? { defaultName } : {}),
      ...(namespace !== undefined ? { namespace } : {}),
      ...(specifiers ? { specifiers } : {}),
      source,
      start,
      end: this.last,
    };
  }

  private exportDecl(): Statement {
    const start = this.tok.start;
    this.expect("export");
    if (this.is("default") || this.is("=")) throw new Unsupported("export default");
    const typeOnly = this.is("type") && (this.peek().text === "{" || this.peek().text === "*");
    if (typeOnly) this.next();
    if (this.is("{") || this.is("*")) {
      let star = false;
      let namespace: string | undefined;
      let specifiers: Specifier[] | undefined;
      if (this.eat("*")) {
        star = true;
        if (this.eat("as")) namespace = this.ident();
      } else specifiers = this.specifiers();
      let source: string | undefined;
      if (this.eat("from")) source = this.source();
      this.semicolon();
      return {
        type: "ExportFrom",
        typeOnly,
        ...(star ? { star } : {}),
        ...(namespace !== undefined ? { namespace } : {}),
        ...(specifiers ? { specifiers } : {}),
        ...(source !== undefined ? { source } : {}),
        start,
        end: this.last,
      };
    }
    this.noComments();
    const declaration = this.statementBody();
    if (!["Var", "Function", "Class", "Interface", "TypeAlias"].includes(declaration.type)) throw new Unsupported("export of this statement");
    return { type: "Export", declaration, start, end: declaration.end };
  }

  private varDecl(declare: boolean): Statement & { type: "Var" } {
    const start = this.tok.start;
    const kind = this.next().text;
    const id = this.ident();
    let typeAnnotation: Type | undefined;
    let init: Expr | undefined;
    if (this.eat(":")) typeAnnotation = this.type();
    if (this.eat("=")) init = this.assignment();
    if (this.is(",")) throw new Unsupported("several declarators");
    return { type: "Var", kind, declare, id, ...(typeAnnotation ? { typeAnnotation } : {}), ...(init ? { init } : {}), start, end: this.last };
  }

  private functionDecl(declare: boolean): FunctionNode {
    const start = this.tok.start;
    const async = this.eat("async");
    this.expect("function");
    const generator = this.eat("*");
    const name = this.ident();
    const typeParams = this.typeParams();
    const params = this.params();
    let returnType: Type | undefined;
    if (this.eat(":")) returnType = this.returnType();
    let body: Block | undefined;
    if (this.is("{")) body = this.block();
    else this.semicolon();
    return {
      type: "Function",
      async,
      generator,
      declare,
      name,
      ...(typeParams ? { typeParams } : {}),
      params,
      ...(returnType ? { returnType } : {}),
      ...(body ? { body } : {}),
      start,
      end: this.last,
    };
  }

  private typeParams(): TypeParam[] | undefined {
    if (!this.eat("<")) return undefined;
    return this.list(">", (): TypeParam => {
      this.noComments();
      const name = this.ident();
      let constraint: Type | undefined;
      let dflt: Type | undefined;
      if (this.eat("extends")) constraint = this.type();
      if (this.eat("=")) dflt = this.type();
      return { name, ...(constraint ? { constraint } : {}), ...(dflt ? { default: dflt } : {}) };
    });
  }

  params(): Param[] {
    this.expect("(");
    return this.list(")", (): Param => {
      this.noComments();
      const start = this.tok.start;
      const rest = this.eat("...");
      if (this.is("{") || this.is("[")) throw new Unsupported("destructuring parameter");
      const name = this.ident();
      const optional = this.eat("?");
      let typeAnnotation: Type | undefined;
      let init: Expr | undefined;
      if (this.eat(":")) typeAnnotation = this.type();
      if (this.eat("=")) init = this.assignment();
      return { type: "Param", name, optional, rest, ...(typeAnnotation ? { typeAnnotation } : {}), ...(init ? { init } : {}), start, end: this.last };
    });
  }

  private returnType(): Type {
    const start = this.tok.start;
    if (this.is("asserts") && this.peek().kind === "name") {
      this.next();
      const param = this.ident();
      let typeAnnotation: Type | undefined;
      if (this.eat("is")) typeAnnotation = this.type();
      return { type: "TPredicate", asserts: true, param, ...(typeAnnotation ? { typeAnnotation } : {}), start, end: this.last };
    }
    if (this.tok.kind === "name" && this.peek().text === "is") {
      const param = this.ident();
      this.next();
      const typeAnnotation = this.type();
      return { type: "TPredicate", asserts: false, param, typeAnnotation, start, end: this.last };
    }
    return this.type();
  }

  private classDecl(): Statement {
    const start = this.tok.start;
    this.expect("class");
    const name = this.ident();
    const typeParams = this.typeParams();
    let ext: Expr | undefined;
    let superTypeArgs: Type[] | undefined;
    let impl: Type[] | undefined;
    if (this.eat("extends")) {
      ext = this.primaryWithMembers();
      if (this.is("<")) superTypeArgs = this.typeArgs();
    }
    if (this.eat("implements")) {
      impl = [this.type()];
      while (this.eat(",")) impl.push(this.type());
    }
    this.noComments();
    this.expect("{");
    const members: Member[] = [];
    while (!this.is("}")) members.push(this.classMember());
    this.noComments();
    this.expect("}");
    return {
      type: "Class",
      name,
      ...(typeParams ? { typeParams } : {}),
      ...(ext ? { extends: ext } : {}),
      ...(superTypeArgs ? { superTypeArgs } : {}),
      ...(impl ? { implements: impl } : {}),
      members,
      start,
      end: this.last,
    };
  }

  private modifiers(): string[] {
    const out: string[] = [];
    // a modifier then a line break is a member of that name (a semicolon is inserted)
    if (this.tok.kind === "name" && MODIFIERS.has(this.tok.text) && this.peek().newlineBefore) throw new Unsupported("a line break after a modifier");
    while (this.tok.kind === "name" && MODIFIERS.has(this.tok.text) && this.peek().kind === "name") {
      if (this.peek().newlineBefore) throw new Unsupported("a line break after a modifier");
      out.push(this.next().text);
    }
    // `readonly [key: string]: T`
    while (this.tok.kind === "name" && MODIFIERS.has(this.tok.text) && this.peek().text === "[" && this.isIndexSignatureAt(1)) out.push(this.next().text);
    return out;
  }

  private isIndexSignatureAt(k: number): boolean {
    return this.peek(k).text === "[" && this.peek(k + 1).kind === "name" && this.peek(k + 2).text === ":";
  }

  private key(): Key {
    const t = this.tok;
    if (t.kind === "name") {
      this.next();
      return { kind: "name", text: t.text };
    }
    if (t.kind === "string") {
      this.next();
      return { kind: "string", text: t.text };
    }
    if (t.kind === "number") {
      this.next();
      return { kind: "number", text: t.text };
    }
    if (this.eat("[")) {
      const expr = this.assignment();
      this.expect("]");
      return { kind: "computed", expr };
    }
    throw new Unsupported(`a key at ${t.start}`);
  }

  private classMember(): Member {
    const comments = this.takeComments();
    const start = this.tok.start;
    if (this.is("get") || this.is("set") || this.is("async") || this.is("*")) {
      if (this.peek().kind === "name" || this.peek().text === "[") throw new Unsupported("accessor or async method");
    }
    const modifiers = this.modifiers();
    let m: Member;
    if (this.isIndexSignatureAt(0)) m = this.indexSignature(modifiers, start);
    else {
      const key = this.key();
      const optional = this.eat("?");
      const definite = !optional && this.eat("!");
      if (this.is("(") || this.is("<")) {
        const typeParams = this.typeParams();
        const params = this.params();
        let returnType: Type | undefined;
        if (this.eat(":")) returnType = this.returnType();
        let body: Block | undefined;
        if (this.is("{")) body = this.block();
        else this.semicolon();
        m = { type: "Method", modifiers, key, optional, ...(typeParams ? { typeParams } : {}), params, ...(returnType ? { returnType } : {}), ...(body ? { body } : {}), start, end: this.last };
      } else {
        let typeAnnotation: Type | undefined;
        let init: Expr | undefined;
        if (this.eat(":")) typeAnnotation = this.type();
        if (this.eat("=")) init = this.assignment();
        this.semicolon();
        m = { type: "Property", modifiers, key, optional, definite, ...(typeAnnotation ? { typeAnnotation } : {}), ...(init ? { init } : {}), start, end: this.last };
      }
    }
    if (comments) m.comments = comments;
    return m;
  }

  private indexSignature(modifiers: string[], start: number): Member {
    this.expect("[");
    const param = this.ident();
    this.expect(":");
    const keyType = this.type();
    this.expect("]");
    this.expect(":");
    const typeAnnotation = this.type();
    return { type: "IndexSignature", modifiers, param, keyType, typeAnnotation, start, end: this.last };
  }

  private interfaceDecl(): Statement {
    const start = this.tok.start;
    this.expect("interface");
    const name = this.ident();
    const typeParams = this.typeParams();
    let ext: Type[] | undefined;
    if (this.eat("extends")) {
      ext = [this.type()];
      while (this.eat(",")) ext.push(this.type());
    }
    const members = this.typeMembers();
    return { type: "Interface", name, ...(typeParams ? { typeParams } : {}), ...(ext ? { extends: ext } : {}), members, start, end: this.last };
  }

  /** `{ member; … }` of an interface or an object type: members end with `;` (the templates' style). */
  private typeMembers(): Member[] {
    this.noComments();
    this.expect("{");
    const members: Member[] = [];
    while (!this.is("}")) {
      const comments = this.takeComments();
      const start = this.tok.start;
      const modifiers = this.modifiers();
      if (modifiers.some((m) => m !== "readonly")) throw new Unsupported("modifier in a type");
      let m: Member;
      if (this.isIndexSignatureAt(0)) m = this.indexSignature(modifiers, start);
      else {
        const key = this.key();
        const optional = this.eat("?");
        if (this.is("(") || this.is("<")) throw new Unsupported("method signature");
        this.expect(":");
        const typeAnnotation = this.type();
        m = { type: "Property", modifiers, key, optional, definite: false, typeAnnotation, start, end: this.last };
      }
      if (!this.eat(";")) {
        if (!this.is("}")) throw new Unsupported("member separator");
      } else m.end = this.last;
      if (comments) m.comments = comments;
      members.push(m);
    }
    this.noComments();
    this.expect("}");
    return members;
  }

  private typeAlias(declare: boolean): Statement {
    const start = this.tok.start;
    this.expect("type");
    const name = this.ident();
    const typeParams = this.typeParams();
    this.expect("=");
    const value = this.type();
    this.semicolon();
    return { type: "TypeAlias", declare, name, ...(typeParams ? { typeParams } : {}), value, start, end: this.last };
  }

  private ifStatement(): Statement {
    const start = this.tok.start;
    this.expect("if");
    this.expect("(");
    const test = this.expression();
    this.expect(")");
    const consequent = this.statement();
    let alternate: Statement | undefined;
    if (this.is("else")) {
      this.noComments();
      this.next();
      alternate = this.statement();
    }
    return { type: "If", test, consequent, ...(alternate ? { alternate } : {}), start, end: this.last };
  }

  private forStatement(): Statement {
    const start = this.tok.start;
    this.expect("for");
    if (this.is("await")) throw new Unsupported("for await");
    this.expect("(");
    let init: Statement | undefined;
    if (this.is("const") || this.is("let") || this.is("var")) {
      const kind = this.next().text;
      const id = this.ident();
      if (this.is("in") || this.is("of")) {
        const of = this.next().text === "of";
        const right = this.expression();
        this.expect(")");
        const body = this.statement();
        const left: Statement = { type: "Var", kind, declare: false, id, start, end: start };
        return { type: "ForIn", of, left, right, body, start, end: this.last };
      }
      let typeAnnotation: Type | undefined;
      let initExpr: Expr | undefined;
      if (this.eat(":")) typeAnnotation = this.type();
      if (this.eat("=")) initExpr = this.assignment();
      init = { type: "Var", kind, declare: false, id, ...(typeAnnotation ? { typeAnnotation } : {}), ...(initExpr ? { init: initExpr } : {}), start, end: this.last };
    } else if (!this.is(";")) throw new Unsupported("for without a declaration");
    this.expect(";");
    const test = this.is(";") ? undefined : this.expression();
    this.expect(";");
    const update = this.is(")") ? undefined : this.expression();
    this.expect(")");
    const body = this.statement();
    return { type: "For", ...(init ? { init } : {}), ...(test ? { test } : {}), ...(update ? { update } : {}), body, start, end: this.last };
  }

  // ---- expressions ----

  expression(): Expr {
    const e = this.assignment();
    if (this.is(",")) throw new Unsupported("sequence expression");
    return e;
  }

  assignment(): Expr {
    if (this.isArrowAhead()) return this.arrow();
    const start = this.tok.start;
    const left = this.conditional();
    if (this.tok.kind === "punct" && ASSIGN.has(this.tok.text)) {
      this.noComments();
      const operator = this.next().text;
      const right = this.assignment();
      return this.lift({ type: "Assign", operator, left, right, start, end: this.last }, left);
    }
    return left;
  }

  /** Moves the leading comments of a node's first child to the node (prettier attaches them to the outermost node starting there). */
  private lift<T extends Expr>(node: T, first: Expr): T {
    if (first.comments) {
      node.comments = first.comments;
      delete first.comments;
    }
    return node;
  }

  private isArrowAhead(): boolean {
    let k = 0;
    if (this.peek(k).text === "async" && this.peek(k + 1).text === "(") k++;
    if (this.peek(k).text !== "(") return false;
    // find the matching parenthesis
    let depth = 0;
    for (let j = this.at + k; j < this.tokens.length; j++) {
      const t = this.tokens[j]!;
      if (t.kind !== "punct") continue;
      if (t.text === "(" || t.text === "[" || t.text === "{") depth++;
      else if (t.text === ")" || t.text === "]" || t.text === "}") {
        depth--;
        if (depth === 0) {
          const after = this.tokens[j + 1]!;
          return after.text === "=>" || after.text === ":";
        }
      }
    }
    return false;
  }

  private arrow(): Expr {
    const comments = this.takeComments();
    const start = this.tok.start;
    const async = this.eat("async");
    const params = this.params();
    let returnType: Type | undefined;
    if (this.eat(":")) returnType = this.returnType();
    this.noComments();
    if (this.tok.newlineBefore) throw new Unsupported("a line break before =>");
    this.expect("=>");
    const body = this.is("{") ? this.block() : this.assignment();
    if (body.comments) throw new Unsupported("arrow body");
    const node: Expr = { type: "Arrow", async, params, ...(returnType ? { returnType } : {}), body, start, end: this.last };
    if (comments) node.comments = comments;
    return node;
  }

  private conditional(): Expr {
    const start = this.tok.start;
    const test = this.binary(0);
    if (!this.is("?")) return test;
    this.noComments();
    this.next();
    const consequent = this.assignment();
    this.noComments();
    this.expect(":");
    const alternate = this.assignment();
    return this.lift({ type: "Conditional", test, consequent, alternate, start, end: this.last }, test);
  }

  private binaryOperator(): string | undefined {
    const t = this.tok;
    if (t.kind === "punct" || (t.kind === "name" && (t.text === "in" || t.text === "instanceof"))) {
      const p = PRECEDENCE[t.text];
      if (p !== undefined) return t.text;
      if (t.text === ">" && this.peek().text === ">") throw new Unsupported("shift");
    }
    if (t.kind === "name" && (t.text === "as" || t.text === "satisfies")) return t.text;
    return undefined;
  }

  private binary(min: number): Expr {
    const start = this.tok.start;
    let left = this.unary();
    for (;;) {
      const op = this.binaryOperator();
      if (op === undefined) return left;
      if (op === "as" || op === "satisfies") {
        // binds like a relational operator
        if (8 <= min) return left;
        this.noComments();
        this.next();
        if (this.is("const")) throw new Unsupported("as const");
        const typeAnnotation = this.type();
        left = this.lift({ type: op === "as" ? "As" : "Satisfies", expression: left, typeAnnotation, start, end: this.last }, left);
        continue;
      }
      const p = PRECEDENCE[op]!;
      if (p <= min) return left;
      // bitwise operators: never in the templates' code, and prettier's parentheses around them are its own
      if (op === "|" || op === "&" || op === "^" || op === "<<" || op === ">>" || op === ">>>") throw new Unsupported("a bitwise operator");
      // `a < b > c` reads as type arguments or as comparisons depending on the parser: not tidy's to decide
      if (RELATIONAL.has(op) && left.type === "Binary" && RELATIONAL.has(left.operator)) throw new Unsupported("a chain of comparisons");
      this.noComments();
      this.next();
      const right = this.binary(op === "**" ? p - 1 : p);
      left = this.lift({ type: "Binary", operator: op, left, right, start, end: this.last }, left);
    }
  }

  private unary(): Expr {
    const comments = this.takeComments();
    const start = this.tok.start;
    const t = this.tok;
    let node: Expr;
    if ((t.kind === "punct" && (t.text === "!" || t.text === "-" || t.text === "+" || t.text === "~")) || (t.kind === "name" && (t.text === "typeof" || t.text === "void" || t.text === "delete"))) {
      this.next();
      const argument = this.unary();
      node = { type: "Unary", operator: t.text, argument, start, end: this.last };
    } else if (t.kind === "punct" && (t.text === "++" || t.text === "--")) {
      this.next();
      const argument = this.unary();
      node = { type: "Update", operator: t.text, prefix: true, argument, start, end: this.last };
    } else if (t.kind === "name" && t.text === "await") {
      this.next();
      const argument = this.unary();
      node = { type: "Await", argument, start, end: this.last };
    } else if (t.kind === "punct" && t.text === "<") {
      throw new Unsupported("type assertion");
    } else {
      node = this.postfix();
    }
    if (comments) {
      if (node.comments) throw new Unsupported("comments");
      node.comments = comments;
    }
    return node;
  }

  private postfix(): Expr {
    const start = this.tok.start;
    const e = this.primaryWithMembers();
    if ((this.is("++") || this.is("--")) && this.tok.comments.length === 0) {
      if (this.tok.newlineBefore) throw new Unsupported("a line break before ++ or --");
      const operator = this.next().text;
      return { type: "Update", operator, prefix: false, argument: e, start, end: this.last };
    }
    return e;
  }

  private typeArgs(): Type[] {
    this.expect("<");
    return this.list(">", () => this.type());
  }

  /** Whether `<…>(` follows: type arguments of a call (not a comparison). */
  private typeArgsAhead(): boolean {
    if (!this.is("<")) return false;
    let depth = 0;
    for (let j = this.at; j < this.tokens.length; j++) {
      const t = this.tokens[j]!;
      if (t.kind !== "punct" && t.kind !== "name" && t.kind !== "string" && t.kind !== "number") return false;
      if (t.kind === "punct") {
        if (t.text === "<") depth++;
        else if (t.text === ">") {
          depth--;
          if (depth === 0) return this.tokens[j + 1]!.text === "(";
        } else if (!["[", "]", "{", "}", ",", "|", "&", ".", ":", ";", "?", "(", ")", "=>"].includes(t.text)) return false;
      }
    }
    return false;
  }

  private primaryWithMembers(): Expr {
    const start = this.tok.start;
    let e: Expr;
    if (this.is("new")) {
      this.next();
      const callee = this.memberOnly(this.primary());
      const typeArgs = this.is("<") ? this.typeArgs() : undefined;
      if (!this.is("(")) throw new Unsupported("new without arguments");
      const args = this.args();
      e = { type: "New", callee, ...(typeArgs ? { typeArgs } : {}), args, optional: false, start, end: this.last };
    } else e = this.primary();
    for (;;) {
      if (this.tok.comments.length > 0) return e;
      if (this.is(".") || this.is("?.")) {
        const optional = this.next().text === "?.";
        if (optional && (this.is("(") || this.is("["))) throw new Unsupported("optional call");
        const property = this.ident();
        e = this.lift({ type: "Member", object: e, property, optional, start, end: this.last }, e);
      } else if (this.is("[")) {
        this.next();
        const index = this.expression();
        this.expect("]");
        e = this.lift({ type: "Index", object: e, index, optional: false, start, end: this.last }, e);
      } else if (this.is("!") && this.tokens[this.at - 1]!.end === this.tok.start && !(this.peek().text === "=" && this.peek().start === this.tok.end)) {
        this.next();
        e = this.lift({ type: "NonNull", expression: e, start, end: this.last }, e);
      } else if (this.is("(") || this.typeArgsAhead()) {
        const typeArgs = this.is("<") ? this.typeArgs() : undefined;
        const args = this.args();
        e = this.lift({ type: "Call", callee: e, ...(typeArgs ? { typeArgs } : {}), args, optional: false, start, end: this.last }, e);
      } else return e;
    }
  }

  /** The callee of `new`: a name and its members, no call. */
  private memberOnly(e: Expr): Expr {
    while (this.is(".")) {
      this.next();
      const property = this.ident();
      e = { type: "Member", object: e, property, optional: false, start: e.start, end: this.last };
    }
    return e;
  }

  private args(): Expr[] {
    this.expect("(");
    return this.list(")", () => this.element());
  }

  /** An argument or an array's element: an expression, or `...` and one. */
  private element(): Expr {
    if (!this.is("...")) return this.assignment();
    this.noComments();
    const start = this.next().start;
    const argument = this.assignment();
    return { type: "Spread", argument, start, end: this.last };
  }

  private primary(): Expr {
    const t = this.tok;
    const start = t.start;
    switch (t.kind) {
      case "name":
        if (RESERVED.has(t.text)) throw new Unsupported(`reserved word ${t.text}`);
        this.next();
        return { type: "Ident", name: t.text, start, end: t.end };
      case "string":
        this.next();
        return { type: "String", raw: t.text, start, end: t.end };
      case "number":
        this.next();
        return { type: "Number", raw: t.text, start, end: t.end };
      case "regex":
        this.next();
        return { type: "Regex", raw: t.text, start, end: t.end };
      case "punct":
        if (t.text === "(") {
          this.next();
          const inner = this.expression();
          this.noComments();
          this.expect(")");
          return inner;
        }
        if (t.text === "[") return this.arrayLiteral();
        if (t.text === "{") return this.objectLiteral();
        break;
    }
    throw new Unsupported(`expression at ${t.start}: ${JSON.stringify(t.text)}`);
  }

  private arrayLiteral(): Expr {
    const start = this.tok.start;
    this.expect("[");
    const elements = this.list("]", () => {
      if (this.is(",")) throw new Unsupported("array hole");
      return this.element();
    });
    return { type: "Array", elements, start, end: this.last };
  }

  private objectLiteral(): Expr {
    const start = this.tok.start;
    this.expect("{");
    const properties = this.list("}", (): ObjectMember => {
      this.noComments();
      const s = this.tok.start;
      if (this.eat("...")) {
        const argument = this.assignment();
        return { type: "Spread", argument, start: s, end: this.last };
      }
      if ((this.is("get") || this.is("set") || this.is("async")) && this.peek().text !== ":" && this.peek().text !== "," && this.peek().text !== "}") throw new Unsupported("accessor in an object");
      const key = this.key();
      if (this.is("(")) throw new Unsupported("method in an object");
      if (this.eat(":")) {
        const value = this.assignment();
        return { type: "Prop", key, value, shorthand: false, start: s, end: this.last };
      }
      if (key.kind !== "name") throw new Unsupported("shorthand");
      return { type: "Prop", key, value: { type: "Ident", name: key.text, start: s, end: this.last }, shorthand: true, start: s, end: this.last };
    });
    return { type: "Object", properties, start, end: this.last };
  }

  // ---- types ----

  type(): Type {
    this.noComments();
    const start = this.tok.start;
    if (this.is("(") && this.isArrowAhead()) {
      const params = this.params();
      this.expect("=>");
      const returnType = this.returnType();
      return { type: "TFunction", params, returnType, start, end: this.last };
    }
    if (this.is("|") || this.is("&")) throw new Unsupported("leading | or &");
    if (this.is("infer") || this.is("new")) throw new Unsupported(`type ${this.tok.text}`);
    return this.typeSeries("|", "TUnion", () => this.typeSeries("&", "TIntersection", () => this.postfixType()));
  }

  /** Types joined by an operator (`|` or `&`): the one type when there is no operator. */
  private typeSeries(operator: "|" | "&", type: "TUnion" | "TIntersection", operand: () => Type): Type {
    const start = this.tok.start;
    const first = operand();
    if (!this.is(operator)) return first;
    const types = [first];
    while (this.eat(operator)) types.push(operand());
    return { type, types, start, end: this.last };
  }

  private postfixType(): Type {
    const start = this.tok.start;
    let t = this.primaryType();
    for (;;) {
      if (this.is("[") && this.tok.comments.length === 0) {
        this.next();
        if (this.eat("]")) {
          t = { type: "TArray", element: t, start, end: this.last };
          continue;
        }
        const index = this.type();
        this.expect("]");
        t = { type: "TIndexed", object: t, index, start, end: this.last };
        continue;
      }
      return t;
    }
  }

  private primaryType(): Type {
    this.noComments();
    const t = this.tok;
    const start = t.start;
    if (t.kind === "string") {
      this.next();
      return { type: "TLiteral", raw: t.text, kind: "string", start, end: t.end };
    }
    if (t.kind === "number" || (t.text === "-" && this.peek().kind === "number")) {
      if (t.text === "-") throw new Unsupported("negative literal type");
      this.next();
      return { type: "TLiteral", raw: t.text, kind: "number", start, end: t.end };
    }
    if (t.kind === "name") {
      if (t.text === "keyof") {
        this.next();
        const typeAnnotation = this.postfixType();
        return { type: "TOperator", operator: "keyof", typeAnnotation, start, end: this.last };
      }
      if (t.text === "readonly" && this.peek().kind !== "punct") {
        this.next();
        const typeAnnotation = this.postfixType();
        return { type: "TOperator", operator: "readonly", typeAnnotation, start, end: this.last };
      }
      if (t.text === "typeof") {
        this.next();
        let name = this.ident();
        while (this.eat(".")) name += "." + this.ident();
        return { type: "TQuery", name, start, end: this.last };
      }
      if (TYPE_KEYWORDS.has(t.text) && this.peek().text !== ".") {
        this.next();
        return { type: "TKeyword", name: t.text, start, end: t.end };
      }
      let name = this.ident();
      while (this.is(".")) {
        this.next();
        name += "." + this.ident();
      }
      const args = this.is("<") && this.tok.comments.length === 0 ? this.typeArgs() : undefined;
      return { type: "TRef", name, ...(args ? { args } : {}), start, end: this.last };
    }
    if (t.text === "(") {
      this.next();
      const inner = this.type();
      this.noComments();
      this.expect(")");
      return inner;
    }
    if (t.text === "[") {
      this.next();
      const elements = this.list("]", () => this.type());
      return { type: "TTuple", elements, start, end: this.last };
    }
    if (t.text === "{") {
      // a mapped type: `{ [K in T]?: U }`
      if (this.peek().text === "[" && this.peek(2).kind === "name" && this.peek(3).text === "in") return this.mappedType();
      if ((this.peek().text === "readonly" || this.peek().text === "+" || this.peek().text === "-") && this.peek(2).text === "[") throw new Unsupported("mapped type modifier");
      const members = this.typeMembers();
      return { type: "TObject", members, start, end: this.last };
    }
    throw new Unsupported(`type at ${t.start}: ${JSON.stringify(t.text)}`);
  }

  private mappedType(): Type {
    const start = this.tok.start;
    this.expect("{");
    this.expect("[");
    const param = this.ident();
    this.expect("in");
    const constraint = this.type();
    if (this.is("as")) throw new Unsupported("mapped type as");
    this.expect("]");
    let optional: string | undefined;
    if (this.eat("?")) optional = "?";
    let typeAnnotation: Type | undefined;
    if (this.eat(":")) typeAnnotation = this.type();
    this.eat(";");
    this.noComments();
    this.expect("}");
    return { type: "TMapped", param, constraint, ...(optional ? { optional } : {}), ...(typeAnnotation ? { typeAnnotation } : {}), start, end: this.last };
  }
}

/** The statements of a chunk of the templates' TypeScript (throws `Unsupported` past tidy's subset). */
export function parse(text: string): { statements: Statement[]; dangling: readonly Comment[] } {
  return new Parser(text).program();
}
