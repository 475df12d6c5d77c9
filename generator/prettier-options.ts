/**
 * The formatting of the output when no prettier config of the consumer's
 * applies (emit.ts), fixed so that no user configuration changes it. A module
 * of its own, which no declaration of the package's API reaches: prettier's
 * types name `URL`, which a consumer without Node's types does not have.
 */
import type * as prettier from "prettier";

export const PRETTIER: prettier.Options = {
  // babel-ts prints the same as the typescript parser here, a quarter faster
  parser: "babel-ts",
  printWidth: 120,
  tabWidth: 2,
  useTabs: false,
  semi: true,
  singleQuote: false,
  trailingComma: "all",
  bracketSpacing: true,
  // never unquote a key: `"__proto__": x` in an object literal would become a prototype assignment
  quoteProps: "preserve",
  arrowParens: "always",
  endOfLine: "lf",
  proseWrap: "preserve",
};
