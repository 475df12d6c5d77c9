/** RFC 3339 dates and times for the assertFormats option (templates/runtime/formats.ts). */
import { describe, expect, it } from "vitest";
import { isDate, isDateTime, isTime } from "../../templates/runtime/formats.js";

describe("isDate", () => {
  it.each([
    ["2024-02-29", true],
    ["2023-02-29", false],
    ["1900-02-29", false],
    ["2000-02-29", true],
    ["2023-04-31", false],
    ["2023-12-31", true],
    ["2023-13-01", false],
    ["2023-00-10", false],
    ["2023-1-01", false],
    ["２０２３-01-01", false],
    ["2023-01-01\n", false],
  ])("%j → %s", (value, want) => expect(isDate(value)).toBe(want));
});

describe("isTime", () => {
  it.each([
    ["08:30:06Z", true],
    ["08:30:06.283185z", true],
    ["23:59:60Z", true],
    ["15:59:60-08:00", true],
    ["00:59:60+01:00", true],
    ["22:59:60Z", false],
    ["23:59:61Z", false],
    ["24:00:00Z", false],
    ["10:00:00+10:60", false],
    ["10:00:00+24:00", false],
    ["10:00:00+01", false],
    ["10:00:00", false],
  ])("%j → %s", (value, want) => expect(isTime(value)).toBe(want));
});

describe("isDateTime", () => {
  it.each([
    ["1963-06-19T08:30:06.283185Z", true],
    ["1963-06-19t08:30:06z", true],
    ["1963-06-19 08:30:06Z", false],
    ["1990-02-31T15:59:59.123-08:00", false],
    ["+11963-06-19T08:30:06Z", false],
    ["1963-06-19T08:30:06.28123+01:00Z", false],
  ])("%j → %s", (value, want) => expect(isDateTime(value)).toBe(want));
});
