import { describe, expect, it } from "vitest";
import { nameDeclarations, nameOperations } from "../generator/naming.js";

describe("nameDeclarations", () => {
  it("derives names from titles; collisions get a suffix in a fixed order, file roots first", () => {
    const decls = [
      { id: "b.json#", title: "sms-mfa", isRoot: true },
      { id: "a.json#", title: "SmsMfa", isRoot: true },
      { id: "a.json#/$defs/SmsMfa", title: "SmsMfa", isRoot: false },
      { id: "c.json#", title: "ValidationError", isRoot: true },
      { id: "d.json#", title: "string", isRoot: true },
    ];
    const names = nameDeclarations(decls);
    expect(Object.fromEntries([...names].map(([id, n]) => [id, n.type]))).toEqual({
      "a.json#": "SmsMfa",
      "b.json#": "SmsMfa2",
      "a.json#/$defs/SmsMfa": "SmsMfa3",
      "c.json#": "ValidationError2", // a name the generated runtime declares
      "d.json#": "String_",
    });
    expect(names.get("a.json#")).toEqual({ type: "SmsMfa", validate: "validateSmsMfa", is: "isSmsMfa", assert: "assertSmsMfa", check: "checkSmsMfa", wire: "wireSmsMfa" });
    // the order the declarations come in does not matter
    expect(nameDeclarations([...decls].reverse())).toEqual(names);
  });
});

describe("nameOperations", () => {
  it("gives setters member names, never a builder method's, and never two alike", () => {
    const ops = nameOperations([{ name: "GetUser", members: ["AccessToken", "build", "Build", "toHttpRequest", "delete", "__proto__", "1st"] }], ["GetUserRequest"], ["assertGetUserRequest"]);
    const op = ops.get("GetUser")!;
    expect(op.builder).toBe("GetUserBuilder");
    expect(op.start).toBe("getUser");
    expect(op.toHttp).toBe("getUserHttpRequest");
    expect([...op.setters]).toEqual([
      ["AccessToken", "accessToken"],
      ["build", "build2"],
      ["Build", "build3"],
      ["toHttpRequest", "toHttpRequest2"],
      ["delete", "delete"],
      ["__proto__", "proto"],
      ["1st", "_1st"],
    ]);
  });

  it("keeps builder names clear of the types and functions the builders file imports", () => {
    const ops = nameOperations([{ name: "Foo", members: [] }], ["FooBuilder"], ["foo"]);
    expect(ops.get("Foo")).toMatchObject({ builder: "FooBuilder2", start: "foo2" });
  });
});
