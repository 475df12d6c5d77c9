/** Pagination (templates/runtime/paginate.ts): follows tokens like the AWS SDK's paginators, without changing the input. */
import { describe, expect, expectTypeOf, it } from "vitest";
import { paginate, type InputTokenMember, type OutputTokenMember } from "../../templates/runtime/paginate.js";

interface ListUsersRequest {
  readonly UserPoolId: string;
  readonly Limit?: number;
  readonly PaginationToken?: string;
}
interface ListUsersResponse {
  readonly Users?: readonly string[];
  readonly PaginationToken?: string;
}

/** A fake service: pages keyed by the token sent ("" for the first), recording every input. */
function service(pages: Readonly<Record<string, ListUsersResponse>>) {
  const inputs: ListUsersRequest[] = [];
  const send = async (input: ListUsersRequest): Promise<ListUsersResponse> => {
    inputs.push(input);
    const page = pages[input.PaginationToken ?? ""];
    if (page === undefined) throw new Error(`no page for ${String(input.PaginationToken)}`);
    return page;
  };
  return { inputs, send };
}

async function all<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(page);
  return out;
}

describe("paginate", () => {
  it("asks the first page with the caller's input, then follows the token until there is none", async () => {
    const { inputs, send } = service({ "": { Users: ["a"], PaginationToken: "t1" }, t1: { Users: ["b"], PaginationToken: "t2" }, t2: { Users: ["c"] } });
    const input: ListUsersRequest = { UserPoolId: "pool", Limit: 1 };
    const pages = await all(paginate(send, input, "PaginationToken", "PaginationToken"));
    expect(pages.map((p) => p.Users)).toEqual([["a"], ["b"], ["c"]]);
    expect(inputs[0]).toBe(input);
    expect(inputs.slice(1)).toEqual([
      { UserPoolId: "pool", Limit: 1, PaginationToken: "t1" },
      { UserPoolId: "pool", Limit: 1, PaginationToken: "t2" },
    ]);
    expect(input).toEqual({ UserPoolId: "pool", Limit: 1 });
  });

  it("starts from the caller's token", async () => {
    const { inputs, send } = service({ t1: { Users: ["b"] } });
    expect(await all(paginate(send, { UserPoolId: "pool", PaginationToken: "t1" }, "PaginationToken", "PaginationToken"))).toHaveLength(1);
    expect(inputs).toEqual([{ UserPoolId: "pool", PaginationToken: "t1" }]);
  });

  it('stops on an empty token "" as on a missing one', async () => {
    const { send } = service({ "": { Users: ["a"], PaginationToken: "" } });
    expect(await all(paginate(send, { UserPoolId: "pool" }, "PaginationToken", "PaginationToken"))).toHaveLength(1);
  });

  it("reads the output token from another member than the input's", async () => {
    const inputs: { NextToken?: string }[] = [];
    const send = async (input: { NextToken?: string }): Promise<{ Next?: string }> => {
      inputs.push(input);
      return input.NextToken === undefined ? { Next: "n1" } : {};
    };
    await all(paginate(send, {}, "NextToken", "Next"));
    expect(inputs).toEqual([{}, { NextToken: "n1" }]);
  });

  it("throws, naming the member, when the same token comes back (instead of looping forever)", async () => {
    const { inputs, send } = service({ "": { PaginationToken: "t1" }, t1: { PaginationToken: "t1" } });
    const pages: ListUsersResponse[] = [];
    await expect(async () => {
      for await (const page of paginate(send, { UserPoolId: "pool" }, "PaginationToken", "PaginationToken")) pages.push(page);
    }).rejects.toThrow(/same PaginationToken/);
    expect(pages).toHaveLength(2);
    expect(inputs).toHaveLength(2);
  });

  it("throws when the first page gives back the caller's own token", async () => {
    const { send } = service({ t1: { PaginationToken: "t1" } });
    await expect(all(paginate(send, { UserPoolId: "pool", PaginationToken: "t1" }, "PaginationToken", "PaginationToken"))).rejects.toThrow(/PaginationToken/);
  });

  it("a token seen before but not on the page before is followed (A, B, A is the service's business)", async () => {
    let n = 0;
    const tokens = ["A", "B", "A", undefined];
    const send = async (_: { T?: string }): Promise<{ T?: string }> => {
      const t = tokens[n++];
      return t === undefined ? {} : { T: t };
    };
    expect(await all(paginate(send, {}, "T", "T"))).toHaveLength(4);
  });

  it("is lazy: asks a page only when the caller asks for it, and stops when the caller stops", async () => {
    const { inputs, send } = service({ "": { PaginationToken: "t1" }, t1: { PaginationToken: "t2" }, t2: {} });
    for await (const page of paginate(send, { UserPoolId: "pool" }, "PaginationToken", "PaginationToken")) {
      expect(page.PaginationToken).toBe("t1");
      break;
    }
    expect(inputs).toHaveLength(1);
  });

  it("passes the error of a page on", async () => {
    const failure = new Error("throttled");
    const send = async (_: { T?: string }): Promise<{ T?: string }> => {
      throw failure;
    };
    await expect(all(paginate(send, {}, "T", "T"))).rejects.toBe(failure);
  });

  it("takes only string members as token members", () => {
    expectTypeOf<InputTokenMember<ListUsersRequest>>().toEqualTypeOf<"UserPoolId" | "PaginationToken">();
    expectTypeOf<OutputTokenMember<ListUsersResponse>>().toEqualTypeOf<"PaginationToken">();
    const { send } = service({});
    // @ts-expect-error Limit is a number: no token can go there
    void paginate(send, { UserPoolId: "pool" }, "Limit", "PaginationToken");
    // @ts-expect-error Users is a list: no token in it
    void paginate(send, { UserPoolId: "pool" }, "PaginationToken", "Users");
  });
});
