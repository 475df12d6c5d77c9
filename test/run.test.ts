import { describe, expect, it } from "vitest";
import { checkArguments, parseOperations, UsageError } from "../generator/args.js";
import { parseConfig } from "../generator/config.js";
import { CodegenError, error } from "../generator/diagnostics.js";
import { EXIT } from "../generator/exit-codes.js";
import { failure, fixCommand, Printer, regenerateCommand, shellQuote, useColor, type Settings } from "../generator/run.js";
import { OutputError } from "../generator/write.js";

const settings = (args: string[], extra: Partial<Settings> = {}): Settings => ({ cwd: "/w", flags: {}, program: "npx cognito-codegen", args, ...extra });

describe("the command that fixes a --check", () => {
  it("is the same command line without --check, quoted for a POSIX shell", () => {
    expect(fixCommand(settings(["generate", "--check", "--out", "src/my out", "--operations=SignUp,GetUser"]), false)).toBe("npx cognito-codegen generate --out 'src/my out' --operations=SignUp,GetUser");
    expect(fixCommand(settings(["generate", "--check=true", "--schemas", "it's"]), false)).toBe("npx cognito-codegen generate --schemas 'it'\\''s'");
    // a check the config asks for is turned off on the command line
    expect(fixCommand(settings(["generate"]), true)).toBe("npx cognito-codegen generate --no-check");
  });

  it.each([
    ["plain", "plain"],
    ["", "''"],
    ["a b", "'a b'"],
    ["$HOME", "'$HOME'"],
    ["ünï", "'ünï'"],
  ])("shellQuote(%j) = %s", (arg, quoted) => {
    expect(shellQuote(arg)).toBe(quoted);
  });
});

describe("the command that regenerates a job", () => {
  it("names the config job and the flags that shaped it, not --check or --verbose", () => {
    const config = parseConfig(JSON.stringify({ jobs: [{ name: "idp" }, { name: "identity" }] }), "c.json", "/w/c.json");
    const s = settings(["generate", "--config", "c.json", "--check", "--verbose", "--out", "src/x", "--operations", "SignUp"], { config: "c.json" });
    expect(regenerateCommand(s, { name: "idp", schemas: "/w/s", out: "/w/src/x", strictResponses: false }, config)).toBe("npx cognito-codegen generate --config c.json --job idp --out src/x --operations SignUp");
    expect(regenerateCommand(settings(["generate", "--strict-responses"]), { schemas: "/w/s", out: "/w/o", strictResponses: true }, undefined)).toBe("npx cognito-codegen generate --strict-responses");
  });
});

describe("colors", () => {
  it("only on a terminal or with FORCE_COLOR; never with NO_COLOR or color: false", () => {
    expect(useColor({ isTTY: true }, undefined, {})).toBe(true);
    expect(useColor({ isTTY: false }, undefined, {})).toBe(false);
    expect(useColor({}, undefined, { FORCE_COLOR: "1" })).toBe(true);
    expect(useColor({}, undefined, { FORCE_COLOR: "0" })).toBe(false);
    expect(useColor({ isTTY: true }, undefined, { NO_COLOR: "1" })).toBe(false);
    expect(useColor({ isTTY: true }, undefined, { NO_COLOR: "" })).toBe(true);
    expect(useColor({ isTTY: true }, undefined, { FORCE_COLOR: "1", NO_COLOR: "x" })).toBe(false);
    expect(useColor({ isTTY: true }, false, {})).toBe(false);
  });
});

describe("exit codes", () => {
  const quiet = new Printer({ write: () => true }, false);
  it.each<[string, unknown, number]>([
    ["bad input", new CodegenError([error({ file: "x" }, "bad")]), EXIT.input],
    ["a file in the way", new OutputError("in the way"), EXIT.fileSystem],
    ["a file-system refusal", Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" }), EXIT.fileSystem],
    ["anything else", new TypeError("x is undefined"), EXIT.internal],
  ])("%s", (_name, e, code) => {
    expect(failure(e, quiet)).toBe(code);
  });
  it("the documented values", () => {
    expect(EXIT).toEqual({ ok: 0, drift: 1, input: 2, fileSystem: 3, internal: 4 });
  });
});

describe("arguments", () => {
  it("accepts what the options take", () => {
    expect(() => checkArguments(["generate", "--out=o", "--schemas", "s", "--no-color", "--strict-responses=false", "--strictResponses", "-h"])).not.toThrow();
    expect(() => checkArguments(["--version"])).not.toThrow();
  });
  it("refuses a switch given a value", () => {
    expect(() => checkArguments(["generate", "--check=yes"])).toThrow(UsageError);
    expect(() => checkArguments(["generate", "--no-out"])).toThrow("--no-out: --out is not a switch");
  });
  it("splits operation lists on commas, however given", () => {
    expect(parseOperations(["SignUp, InitiateAuth", "GetUser"])).toEqual(["SignUp", "InitiateAuth", "GetUser"]);
    expect(parseOperations(",")).toEqual([]);
  });
});
