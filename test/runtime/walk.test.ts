/** The table-driven walk (templates/runtime/walk.ts): timestamps to Dates, sensitive values masked. */
import { parseEpochTimestamp } from "@smithy/core/serde";
import { describe, expect, it } from "vitest";
import { epochSecondsToDate, mapLeaves, REDACTED, redact, type WalkShape } from "../../templates/runtime/walk.js";

const mark = (v: unknown): unknown => ["leaf", v];

describe("mapLeaves", () => {
  it("changes the leaves the shape names, in structures, lists and maps, and copies the rest as it is", () => {
    const inner: WalkShape = { at: true };
    const shape: WalkShape = { top: true, one: () => inner, list: { items: () => inner }, map: { values: true }, lists: { values: { items: true } } };
    const value = { top: 1, other: { at: 2 }, one: { at: 3, x: 4 }, list: [{ at: 5 }, { y: 6 }], map: { a: 7, b: 8 }, lists: { k: [9, 10] } };
    expect(mapLeaves(value, shape, mark)).toEqual({
      top: ["leaf", 1],
      other: { at: 2 },
      one: { at: ["leaf", 3], x: 4 },
      list: [{ at: ["leaf", 5] }, { y: 6 }],
      map: { a: ["leaf", 7], b: ["leaf", 8] },
      lists: { k: [["leaf", 9], ["leaf", 10]] },
    });
  });

  it("does not change its input, and shares unvisited members", () => {
    const untouched = { deep: [1, 2] };
    const value = { a: 1, b: { a: 2 }, untouched };
    const snapshot = structuredClone(value);
    const out = mapLeaves(value, { a: true, b: () => ({ a: true }) }, mark) as Record<string, unknown>;
    expect(value).toEqual(snapshot);
    expect(out).not.toBe(value);
    expect(out["b"]).not.toBe(value.b);
    expect(out["untouched"]).toBe(untouched);
  });

  it("follows recursive shapes through thunks", () => {
    const node: WalkShape = { at: true, children: { items: () => node } };
    const value = { at: 1, children: [{ at: 2, children: [{ at: 3 }] }] };
    expect(mapLeaves(value, node, mark)).toEqual({ at: ["leaf", 1], children: [{ at: ["leaf", 2], children: [{ at: ["leaf", 3] }] }] });
  });

  it("calls leaf for every present member, null included, and not for absent ones", () => {
    const seen: unknown[] = [];
    mapLeaves({ a: null, c: 0 }, { a: true, b: true, c: true }, (v) => seen.push(v));
    expect(seen).toEqual([null, 0]);
  });

  it.each<[string, unknown, WalkShape]>([
    ["null for the value", null, { a: true }],
    ["a string for the value", "text", { a: true }],
    ["an array for the value", [{ a: 1 }], { a: true }],
    ["null for a structure", { s: null }, { s: () => ({ a: true }) }],
    ["a number for a structure", { s: 5 }, { s: () => ({ a: true }) }],
    ["a structure for a list", { l: { a: 1 } }, { l: { items: true } }],
    ["a list for a map", { m: [1, 2] }, { m: { values: true } }],
    ["null for a map", { m: null }, { m: { values: true } }],
  ])("leaves what is not of the expected kind as it is: %s", (_, value, shape) => {
    expect(mapLeaves(value, shape, mark)).toEqual(value);
  });

  it("keeps a member named __proto__ a member, and walks into it when the shape names it", () => {
    const value = JSON.parse('{"__proto__": {"at": 1}, "b": 2}') as unknown;
    const out = mapLeaves(value, JSON.parse('{"__proto__": {"items": true}}') as WalkShape, mark) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(["__proto__", "b"]);
    expect(JSON.stringify(out)).toBe('{"__proto__":{"at":1},"b":2}');
    const walked = mapLeaves(value, { ["__proto__"]: () => ({ at: true }) }, mark);
    expect(JSON.stringify(walked)).toBe('{"__proto__":{"at":["leaf",1]},"b":2}');
  });

  it("reads own members of the value and of the shape only", () => {
    const inherited = Object.create({ a: 1 }) as Record<string, unknown>;
    inherited["b"] = 2;
    expect(mapLeaves(inherited, { a: true, b: true }, mark)).toEqual({ b: ["leaf", 2] });
    // a member named like an Object.prototype property is not a rule
    expect(mapLeaves({ toString: 1, constructor: 2 }, {}, mark)).toEqual({ toString: 1, constructor: 2 });
  });

  it("keeps the order of members and map keys", () => {
    const out = mapLeaves({ z: 1, a: { y: 2, b: 3 } }, { a: { values: true } }, mark);
    expect(JSON.stringify(out)).toBe('{"z":1,"a":{"y":["leaf",2],"b":["leaf",3]}}');
  });
});

describe("epochSecondsToDate", () => {
  // What the SDK's parseEpochTimestamp (the one its JSON codec calls) makes of each value; our function must agree
  // where it returns a Date, and return the value unchanged where the SDK throws.
  const sdk = (v: unknown): Date | "throws" => {
    try {
      return parseEpochTimestamp(v) as Date;
    } catch {
      return "throws";
    }
  };

  it.each([0, 1, -1, 1700000000, 1700000000.123, 1700000000.1234, 1700000000.0005, 0.0004, -0.0005, 1.5e9, 8.64e12, 8.64e12 + 1, 1e300])("the number %d as the SDK reads it", (v) => {
    const expected = sdk(v);
    const got = epochSecondsToDate(v);
    expect(got).toBeInstanceOf(Date);
    expect((got as Date).getTime()).toEqual((expected as Date).getTime()); // NaN for both out of range
  });

  it.each(["0", "1700000000", "1700000000.5", "-12.25", "1.7e9", "1E3", "-0"])("the numeric string %j as the SDK reads it", (v) => {
    const expected = sdk(v);
    expect(expected).toBeInstanceOf(Date);
    expect((epochSecondsToDate(v) as Date).getTime()).toBe((expected as Date).getTime());
  });

  it.each<unknown>([NaN, Infinity, -Infinity, "", "abc", "12abc", " 12", "0x10", "1.", ".5", "01", "+1", "Infinity", "NaN", "1e400", true, {}, [1]])(
    "leaves %j as it is, where the SDK throws",
    (v) => {
      expect(sdk(v)).toBe("throws");
      expect(epochSecondsToDate(v)).toBe(v);
    },
  );

  it.each([null, undefined])("leaves %j as it is (the SDK returns undefined: no member)", (v) => {
    expect(epochSecondsToDate(v)).toBe(v);
  });

  it("turns the timestamps of a response into Dates, through the walk", () => {
    const shape: WalkShape = { UserCreateDate: true, Users: { items: () => ({ UserLastModifiedDate: true }) } };
    const out = mapLeaves({ UserCreateDate: 1700000000.5, Users: [{ UserLastModifiedDate: 1 }] }, shape, epochSecondsToDate);
    expect(out).toEqual({ UserCreateDate: new Date(1700000000500), Users: [{ UserLastModifiedDate: new Date(1000) }] });
  });
});

describe("REDACTED and redact", () => {
  it("is the AWS SDK's SENSITIVE_STRING", async () => {
    const { SENSITIVE_STRING } = await import("@smithy/core/client");
    expect(REDACTED).toBe(SENSITIVE_STRING);
  });

  it("masks present values, and leaves null and undefined as the SDK's log filter does", () => {
    const shape: WalkShape = { Password: true, SecretHash: true, UserAttributes: { items: () => ({ Value: true }) } };
    const input = { Username: "alice", Password: "hunter2", SecretHash: null, UserAttributes: [{ Name: "email", Value: "a@example.com" }] };
    expect(mapLeaves(input, shape, redact)).toEqual({
      Username: "alice",
      Password: REDACTED,
      SecretHash: null,
      UserAttributes: [{ Name: "email", Value: REDACTED }],
    });
    expect(input.Password).toBe("hunter2");
  });
});
