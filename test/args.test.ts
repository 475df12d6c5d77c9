/** args.ts: the values of checked arguments, as the CLI reads them (yargs only prints --help). */
import { describe, expect, it } from "vitest";
import { checkArguments } from "../generator/args.js";

describe("checkArguments: the values", () => {
  it("reads strings, switches, --no- switches, =values, camelCase spellings and repeated options", () => {
    const args = ["generate", "--schemas", "in", "--out=o", "--no-cache", "--quiet", "--strictResponses", "--assert-formats=false", "--operations", "SignUp,GetUser", "--operations=ConfirmSignUp", "-v"];
    expect(checkArguments(args)).toEqual({
      schemas: "in",
      out: "o",
      cache: false,
      quiet: true,
      strictResponses: true,
      assertFormats: false,
      operations: ["SignUp,GetUser", "ConfirmSignUp"],
      version: true,
    });
  });

  it("stops at --, and takes a value that starts with a dash when it is joined with =", () => {
    expect(checkArguments(["generate", "--out=-weird", "--", "--quiet"])).toEqual({ out: "-weird" });
  });
});
