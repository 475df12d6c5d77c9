/**
 * Pages of a paginated operation as an async iterator, the AWS SDK's
 * `paginateX` without a client: `send` is any function that sends one page.
 * As the SDK's `createPaginator` (@smithy/core, legacy-root-exports/pagination/createPaginator.js):
 * the first page is asked with the caller's input, each next one with the
 * token of the page before, until a page has no token (or ""). Unlike it,
 * the caller's input is never changed (each page gets a new object), and a
 * token that comes back unchanged is an error: the SDK loops on it forever
 * unless told to stop silently (`stopOnSameToken`), which would hide a
 * truncated listing.
 */

/** Members of an input that take any string: where a token can be put. */
export type InputTokenMember<I> = { [K in keyof I & string]-?: string extends NonNullable<I[K]> ? K : never }[keyof I &
  string];

/** Members of an output that hold a string: where a token can be read. */
export type OutputTokenMember<O> = { [K in keyof O & string]-?: NonNullable<O[K]> extends string ? K : never }[keyof O &
  string];

/** `T`, but not a place to infer `T` from (TypeScript's `NoInfer`, which needs 5.4): `I` comes from `send`. */
type FromElsewhere<T> = [T][T extends unknown ? 0 : never];

export async function* paginate<I extends object, O extends object>(
  send: (input: I) => Promise<O>,
  input: FromElsewhere<I>,
  inputToken: InputTokenMember<I>,
  outputToken: OutputTokenMember<O>,
): AsyncGenerator<O, void, undefined> {
  let page = input;
  let sent: unknown = (input as Readonly<Record<string, unknown>>)[inputToken];
  for (;;) {
    const output = await send(page);
    yield output;
    const token: unknown = (output as Readonly<Record<string, unknown>>)[outputToken];
    if (!token) return;
    if (token === sent)
      throw new Error(
        `paginate: the service sent back the same ${outputToken} as it was given; stopping, as the next page would be this one again`,
      );
    sent = token;
    page = { ...input, [inputToken]: token };
  }
}
