/**
 * Safe-by-construction code fragments for templates (function bodies).
 *
 * In `code\`…\``, an interpolated `Code` is spliced as it is; anything else is
 * data and becomes a literal through escape.ts (a string is quoted, an object
 * is a JSON literal). A `Name` is checked to be an identifier. So a string from
 * a schema cannot become code by mistake.
 */
import { isIdentifier, jsonLiteral, type JsonValue } from "./escape.js";

export class Code {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type Interpolation = Code | JsonValue;

export function code(strings: TemplateStringsArray, ...values: readonly Interpolation[]): Code {
  let text = strings[0]!;
  values.forEach((v, i) => {
    text += (v instanceof Code ? v.text : jsonLiteral(v)) + strings[i + 1]!;
  });
  return new Code(text);
}

/** An identifier as code; throws on anything else. */
export function name(identifier: string): Code {
  if (!isIdentifier(identifier)) throw new Error(`internal: ${JSON.stringify(identifier)} is not an identifier`);
  return new Code(identifier);
}

export function join(parts: readonly Code[], separator = "\n"): Code {
  return new Code(parts.map((p) => p.text).join(separator));
}

/** Hands out fresh local names within one generated function. */
export class Scope {
  private counts = new Map<string, number>();
  fresh(prefix: string): Code {
    const n = this.counts.get(prefix) ?? 0;
    this.counts.set(prefix, n + 1);
    return name(`${prefix}${n}`);
  }
}
