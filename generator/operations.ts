/**
 * A service's operation table: what each operation takes, returns and
 * raises, and its `X-Amz-Target`.
 *
 * An OpenAPI document, where there is one, says it all (openapi.ts reads
 * it). Without one, the naming rule of a known service stands in: a component
 * `<Op>Request` (or `<Op>Input`) whose type is an object is an operation's
 * input, `<Op>Response` its output; which errors each operation raises is not
 * known then, so every `…Exception` component is an error of the service.
 */
import type { SourceLocation } from "./diagnostics.js";
import type { ServiceConvention } from "./services.js";

export interface OperationSpec {
  readonly name: string;
  readonly target: string;
  /** Titles of the components. */
  readonly input: string;
  readonly output?: string;
  readonly errors: readonly string[];
  /** Raw (HTML) description. */
  readonly doc?: string;
  /** Where the document declares it, for errors. */
  readonly location?: SourceLocation;
}

/** The operations the naming rule finds among root titles; `isObject` tells an input from a component that only ends like one. */
export function operationsByConvention(convention: ServiceConvention, titles: readonly string[], isObject: (title: string) => boolean): OperationSpec[] {
  const known = new Set(titles);
  const ops: OperationSpec[] = [];
  for (const title of titles) {
    if (!title.endsWith(convention.requestSuffix) || title === convention.requestSuffix || !isObject(title)) continue;
    const name = title.slice(0, -convention.requestSuffix.length);
    const output = name + convention.responseSuffix;
    ops.push({ name, target: `${convention.targetPrefix}.${name}`, input: title, ...(known.has(output) ? { output } : {}), errors: [] });
  }
  return ops;
}

/** Titles that are errors when no document lists them: AWS names every error shape `…Exception`. */
export function errorTitlesByConvention(titles: readonly string[]): string[] {
  return titles.filter((t) => /Exception$/.test(t));
}
