/**
 * The syntax tree of tidy's subset of TypeScript: what the templates write.
 * Parentheses are not kept (the printer puts back those prettier prints);
 * comments are kept only where the templates put them: before a statement, a
 * member, or an expression (`/* @__PURE__ *\/`).
 */
import type { Comment } from "./lex.js";

interface Base {
  start: number;
  end: number;
  comments?: Comment[];
}

export interface Specifier {
  readonly name: string;
  readonly alias?: string;
  readonly typeOnly: boolean;
}

export type Statement =
  | (Base & { type: "Import"; typeOnly: boolean; defaultName?: string; namespace?: string; specifiers?: Specifier[]; source: string })
  | (Base & { type: "ExportFrom"; typeOnly: boolean; namespace?: string; star?: boolean; specifiers?: Specifier[]; source?: string })
  | (Base & { type: "Export"; declaration: Statement })
  | (Base & { type: "Var"; kind: string; declare: boolean; id: string; typeAnnotation?: Type; init?: Expr })
  | FunctionNode
  | (Base & { type: "Class"; name: string; typeParams?: TypeParam[]; extends?: Expr; superTypeArgs?: Type[]; implements?: Type[]; members: Member[] })
  | (Base & { type: "Interface"; name: string; typeParams?: TypeParam[]; extends?: Type[]; members: Member[] })
  | (Base & { type: "TypeAlias"; declare: boolean; name: string; typeParams?: TypeParam[]; value: Type })
  | (Base & { type: "If"; test: Expr; consequent: Statement; alternate?: Statement })
  | (Base & { type: "For"; init?: Statement; test?: Expr; update?: Expr; body: Statement })
  | (Base & { type: "ForIn"; of: boolean; left: Statement; right: Expr; body: Statement })
  | (Base & { type: "Return" | "Throw"; argument?: Expr })
  | (Base & { type: "Continue" | "Break" })
  | (Base & { type: "ExprStmt"; expression: Expr })
  | Block;

export type Block = Base & { type: "Block"; body: Statement[] };

export type FunctionNode = Base & {
  type: "Function";
  async: boolean;
  generator: boolean;
  declare: boolean;
  name: string;
  typeParams?: TypeParam[];
  params: Param[];
  returnType?: Type;
  body?: Block;
};

export type Param = Base & { type: "Param"; name: string; optional: boolean; rest: boolean; typeAnnotation?: Type; init?: Expr };

export interface TypeParam {
  readonly name: string;
  readonly constraint?: Type;
  readonly default?: Type;
}

export type Member =
  | (Base & { type: "Property"; modifiers: string[]; key: Key; optional: boolean; definite: boolean; typeAnnotation?: Type; init?: Expr })
  | (Base & { type: "Method"; modifiers: string[]; key: Key; optional: boolean; typeParams?: TypeParam[]; params: Param[]; returnType?: Type; body?: Block })
  | (Base & { type: "IndexSignature"; modifiers: string[]; param: string; keyType: Type; typeAnnotation: Type });

/** A property's key: an identifier, a string literal, or a computed key. */
export type Key = { kind: "name"; text: string } | { kind: "string"; text: string } | { kind: "number"; text: string } | { kind: "computed"; expr: Expr };

export type Expr =
  | (Base & { type: "Ident"; name: string })
  | (Base & { type: "String"; raw: string })
  | (Base & { type: "Number"; raw: string })
  | (Base & { type: "Regex"; raw: string })
  | (Base & { type: "Array"; elements: Expr[] })
  | (Base & { type: "Object"; properties: ObjectMember[] })
  | (Base & { type: "Call" | "New"; callee: Expr; typeArgs?: Type[]; args: Expr[]; optional: boolean })
  | (Base & { type: "Member"; object: Expr; property: string; optional: boolean })
  | (Base & { type: "Index"; object: Expr; index: Expr; optional: boolean })
  | (Base & { type: "NonNull"; expression: Expr })
  | (Base & { type: "Unary"; operator: string; argument: Expr })
  | (Base & { type: "Update"; operator: string; prefix: boolean; argument: Expr })
  | (Base & { type: "Binary"; operator: string; left: Expr; right: Expr })
  | (Base & { type: "Assign"; operator: string; left: Expr; right: Expr })
  | (Base & { type: "Conditional"; test: Expr; consequent: Expr; alternate: Expr })
  | (Base & { type: "Arrow"; async: boolean; params: Param[]; returnType?: Type; body: Expr | Block })
  | (Base & { type: "As" | "Satisfies"; expression: Expr; typeAnnotation: Type })
  | (Base & { type: "Spread"; argument: Expr })
  | (Base & { type: "Await"; argument: Expr });

export type ObjectMember =
  | (Base & { type: "Prop"; key: Key; value: Expr; shorthand: boolean })
  | (Base & { type: "Spread"; argument: Expr });

export type Type =
  | (Base & { type: "TRef"; name: string; args?: Type[] })
  | (Base & { type: "TKeyword"; name: string })
  | (Base & { type: "TLiteral"; raw: string; kind: "string" | "number" })
  | (Base & { type: "TUnion"; types: Type[] })
  | (Base & { type: "TIntersection"; types: Type[] })
  | (Base & { type: "TArray"; element: Type })
  | (Base & { type: "TObject"; members: Member[] })
  | (Base & { type: "TMapped"; readonly?: string; param: string; constraint: Type; optional?: string; typeAnnotation?: Type })
  | (Base & { type: "TFunction"; params: Param[]; returnType: Type })
  | (Base & { type: "TPredicate"; asserts: boolean; param: string; typeAnnotation?: Type })
  | (Base & { type: "TIndexed"; object: Type; index: Type })
  | (Base & { type: "TOperator"; operator: string; typeAnnotation: Type })
  | (Base & { type: "TQuery"; name: string })
  | (Base & { type: "TTuple"; elements: Type[] });
