/**
 * tidy: prettier's output for the TypeScript the templates write, without
 * prettier's parser and printer. A chunk is parsed by tidy's own parser (a
 * strict subset of TypeScript), turned into the documents prettier's estree
 * printer makes for those constructs, and laid out by prettier's document
 * printer (`prettier/doc`, which loads in milliseconds). Under the
 * generator's own prettier options only (prettier-options.ts): a consumer's
 * options go to prettier.
 *
 * `tidy` answers undefined for anything outside its subset, and the chunk is
 * formatted by prettier as before. The tests hold its answers to prettier's,
 * byte for byte, on every chunk of the fixtures (test/tidy.test.ts) and of the
 * corpus (test/shared/corpus.test.ts).
 */
import { printer } from "prettier/doc";
import { Unsupported } from "./lex.js";
import { parse } from "./parse.js";
import { Printer, REFUSED, TIDY_LAYOUT } from "./print.js";


/** The chunk laid out, or why tidy refuses it (Unsupported, or a layout it does not mirror). */
function layOut(source: string): string {
  const { statements, dangling } = parse(source);
  const doc = new Printer(source).program(statements, dangling);
  const formatted = printer.printDocToString(doc, TIDY_LAYOUT).formatted;
  if (formatted.includes(REFUSED)) throw new Unsupported("a layout not mirrored");
  return formatted;
}

/** The chunk as prettier formats it under the generator's options, or undefined where tidy cannot tell. */
export function tidy(source: string): string | undefined {
  try {
    return layOut(source);
  } catch (e) {
    // too deep for this thread's stack: the caller runs again on a larger one, as for prettier
    if (e instanceof RangeError) throw e;
    // anything else (Unsupported, or a slip of tidy's own) leaves the chunk to prettier, which is never wrong
    return undefined;
  }
}

/** Why tidy leaves a chunk to prettier (for tests and measurements), or undefined if it does not. */
export function tidyRefusal(source: string): string | undefined {
  try {
    layOut(source);
    return undefined;
  } catch (e) {
    if (e instanceof Unsupported) return e.message;
    return `internal error: ${e instanceof Error ? e.message : String(e)}`;
  }
}
