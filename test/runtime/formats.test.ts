/** The format checks of the assertFormats option (templates/runtime/formats.ts). */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it, vi } from "vitest";
import { planPattern } from "../../generator/regex/safety.js";
import {
  FORMAT_CHECKS,
  isDate,
  isDateTime,
  isDuration,
  isEmail,
  isHostname,
  isIdnEmail,
  isIpv4,
  isIpv6,
  isIri,
  isIriReference,
  isJsonPointer,
  isRegex,
  isRelativeJsonPointer,
  isTime,
  isUri,
  isUriReference,
  isUriTemplate,
  isUuid,
} from "../../templates/runtime/formats.js";

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

// The other formats of draft 2020-12, with this project's own examples (the
// JSON Schema Test Suite itself runs through test/shared/jsts.test.ts).

describe("isDuration", () => {
  it.each([
    ["P3Y6M4DT12H30M5S", true],
    ["P7W", true],
    ["PT45M", true],
    ["PT2H15S", false],
    ["P3Y4D", false],
    ["P0010M", true],
    ["P5D6Y", false],
    ["P3W1D", false],
    ["PT", false],
    ["P", false],
    ["P1DT", false],
    ["P1.5D", false],
    ["p1d", false],
    ["P٣D", false],
    ["P1H", false],
  ])("%j → %s", (value, want) => expect(isDuration(value)).toBe(want));
});

describe("isUuid", () => {
  it.each([
    ["f81d4fae-7dec-11d0-a765-00a0c91e6bf6", true],
    ["F81D4FAE-7DEC-11D0-A765-00A0C91E6BF6", true],
    ["ffffffff-ffff-ffff-ffff-ffffffffffff", true],
    ["{f81d4fae-7dec-11d0-a765-00a0c91e6bf6}", false],
    ["f81d4fae7dec11d0a76500a0c91e6bf6", false],
    ["f81d4fae-7dec-11d0-a765-00a0c91e6bfz", false],
    ["f81d4fae-7dec-11d0-a765-00a0c91e6bf", false],
    ["f81d4fae-7dec-11d0-a76500-a0c91e6bf6", false],
  ])("%j → %s", (value, want) => expect(isUuid(value)).toBe(want));
});

describe("isJsonPointer and isRelativeJsonPointer", () => {
  it.each([
    ["", true],
    ["/", true],
    ["/users/0/name", true],
    ["/a~0b~1c", true],
    ["//", true],
    ["/ü/日本", true],
    ["users/0", false],
    ["/a~", false],
    ["/a~b", false],
    ["#/a", false],
  ])("pointer %j → %s", (value, want) => expect(isJsonPointer(value)).toBe(want));
  it.each([
    ["0", true],
    ["3", true],
    ["42/items/0", true],
    ["7#", true],
    ["0/", true],
    ["/a", false],
    ["007", false],
    ["1#/a", false],
    ["1a", false],
    ["1~", false],
    ["1/~3", false],
    ["-0", false],
  ])("relative %j → %s", (value, want) => expect(isRelativeJsonPointer(value)).toBe(want));
});

describe("isRegex (ECMA-262 with the u flag)", () => {
  it.each([
    ["^[a-z]+(?:-[a-z]+)*$", true],
    ["(?<year>\\d{4})-\\k<year>", true],
    ["(?<!x)y", true],
    ["\\p{Lu}", true],
    ["[^]", true],
    ["", true],
    ["a{2,1}", false],
    ["(a", false],
    ["a)", false],
    ["\\q", false],
    ["{", false],
    ["\\p{NoSuchProperty}", false],
    ["(?x)a", false],
    ["(?P<n>a)", false],
  ])("%j → %s", (value, want) => expect(isRegex(value)).toBe(want));
});

describe("isIpv4 and isIpv6", () => {
  it.each([
    ["10.0.0.255", true],
    ["1.22.133.249", true],
    ["10.0.0", false],
    ["10.0.0.01", false],
    ["10.0.0.260", false],
    ["10.0.0.1.", false],
    ["10.0.0.1/8", false],
    ["10.0.0.٤", false],
    ["0xa.0.0.1", false],
  ])("ipv4 %j → %s", (value, want) => expect(isIpv4(value)).toBe(want));
  it.each([
    ["2001:db8::ff00:42:8329", true],
    ["2001:0DB8:0000:0000:0000:FF00:0042:8329", true],
    ["fe80::", true],
    ["::10.0.0.1", true],
    ["64:ff9b::10.0.0.1", true],
    ["1:2:3:4:5:6:7::", true],
    ["::2:3:4:5:6:7:8", true],
    ["1:2:3:4:5:6:10.0.0.1", true],
    ["1:2:3:4:5:6:7:10.0.0.1", false],
    ["1:2:3:4:5:6:7:8:9", false],
    ["1::2::3", false],
    ["1:::2", false],
    ["::10.0.0.1:1", false],
    ["2001:db8::ff00:42:83290", false],
    ["2001:db8::g", false],
    ["fe80::1%25eth0", false],
    [":1::", false],
    ["", false],
  ])("ipv6 %j → %s", (value, want) => expect(isIpv6(value)).toBe(want));
});

describe("isHostname", () => {
  it.each([
    ["example.org", true],
    ["EXAMPLE.Org", true],
    ["a", true],
    ["0.1", true],
    ["r3---sn-5hne6nsr.googlevideo.com", true],
    [`${"x".repeat(63)}.org`, true],
    [`${"x".repeat(64)}.org`, false],
    [Array(64).fill("abc").join("."), false],
    [Array(63).fill("abc").join(".") + ".a", true],
    ["exa_mple.org", false],
    ["example..org", false],
    ["example.org.", false],
    ["-example.org", false],
    ["example-.org", false],
    ["ex ample.org", false],
    ["bücher.example", false],
  ])("%j → %s", (value, want) => expect(isHostname(value)).toBe(want));

  // A-labels: the decoded label must be a U-label of IDNA 2008 that encodes back to the same A-label
  it.each([
    ["xn--bcher-kva.example", true], // bücher
    ["XN--BCHER-KVA.example", true], // DNS is case-insensitive
    ["xn--e1afmkfd", true], // пример
    ["xn--bcher-kvb", false], // not a code point a label may hold after b, c, h, e, r
    ["xn--bcher-", false], // decodes to ASCII only
    ["xn--", false],
    ["xn--bcher-kv", false], // truncated
    ["xn--ac-fz3n", false], // aｂc: a fullwidth letter is not stable under NFKC
    ["xn--iu-t0x", false], // i♥u: a symbol is DISALLOWED
    ["xn--ab-7tb", false], // starts with a combining mark
    ["xn----dha", false], // ü- ends with a hyphen
    ["xn----eha", false], // -ü starts with a hyphen
    ["xn--ab---3ra", false], // ab--ü: hyphens in the third and fourth positions
    ["xn--collecci-ioa91d", true], // col·lecció: MIDDLE DOT between two l
    ["xn--cola-6ha", false], // co·la
    ["xn--6dbc9g", true], // ג׳ד: GERESH after a Hebrew letter
    ["xn--a-6hc9g", false], // a׳ד
    ["xn--wva9je", true], // δ͵ε: KERAIA before a Greek letter
    ["xn--e-jib2q", false], // δ͵e
    ["xn--lcke7u", true], // カ・キ: KATAKANA MIDDLE DOT with Katakana
    ["xn--xy-3n4a", false], // x・y
    ["xn--cibc", true], // ٣٤: Arabic-Indic digits only
    ["xn--cib40a", false], // ٣۴: mixed with Extended Arabic-Indic ones
    ["xn--l2b8a5cw70k", true], // न्‍ह: ZWJ after a virama
    ["xn--l2b8a546j", false], // न‍ह: ZWJ after a letter
    ["xn--mgbn2ecje63gr19l", true], // می‌خواهم: ZWNJ between two joining letters
    ["xn--abcd-176a", false], // ab‌cd: ZWNJ in Latin
  ])("%j → %s", (value, want) => expect(isHostname(value)).toBe(want));

  it("takes joining types by script: ZWNJ after a right-joining letter passes (known leniency)", () => {
    // ا‌ب: ALEF joins on the right only, so RFC 5892's rule would refuse this ZWNJ
    expect(isHostname("xn--mgbc799q")).toBe(true);
  });
});

describe("isEmail and isIdnEmail", () => {
  it.each([
    ["alice@example.org", true],
    ["alice.b.carol+tag@mail.example.org", true],
    ["a!#$%&'*+-/=?^_`{|}~@example.org", true],
    ['"alice carol"@example.org', true],
    ['"a\\"b"@example.org', true],
    ['"a@b"@example.org', true],
    ["alice@[10.0.0.1]", true],
    ["alice@[ipv6:2001:db8::1]", true],
    ["alice@xn--bcher-kva.example", true],
    [`${"a".repeat(64)}@example.org`, true],
    [`${"a".repeat(65)}@example.org`, false],
    ["alice@[10.0.0.1", false],
    ["alice@[2001:db8::1]", false],
    ["alice@[IPv6:10.0.0.1]", false],
    ["alice.@example.org", false],
    [".alice@example.org", false],
    ["al..ice@example.org", false],
    ["al ice@example.org", false],
    ['"alice@example.org', false],
    ['"a"b"@example.org', false],
    ["alice@example.org.", false],
    ["alice@exam_ple.org", false],
    ["alice", false],
    ["alice@", false],
    ["@example.org", false],
    ["alice@@example.org", false],
    ["älice@example.org", false],
    ["alice@bücher.example", false],
  ])("email %j → %s", (value, want) => expect(isEmail(value)).toBe(want));
  it.each([
    ["alice@example.org", true],
    ["älice@example.org", true],
    ["алиса@пример.рф", true],
    ["用户@例子.广告", true],
    ['"алиса б"@example.org', true],
    ["alice@bücher.example", true],
    ["alice@xn--bcher-kva.example", true],
    [`${"é".repeat(32)}@example.org`, true], // 64 octets
    [`${"é".repeat(33)}@example.org`, false], // 66 octets
    ["алиса@пример-.рф", false],
    ["алиса@при мер.рф", false],
    ["алиса@♥.рф", false],
    ["алиса.@example.org", false],
    ["алиса＠example.org", false],
    ["\ud800@example.org", false],
  ])("idn-email %j → %s", (value, want) => expect(isIdnEmail(value)).toBe(want));
});

describe("isUri, isUriReference, isIri, isIriReference", () => {
  // [value, uri, uri-reference, iri, iri-reference]
  it.each([
    ["https://user:pw@example.org:8443/a/b;c?d=e&f#g", true, true, true, true],
    ["https://example.org:/", true, true, true, true],
    ["https://[2001:db8::1]:80/", true, true, true, true],
    ["https://[v7.x:y]/", true, true, true, true],
    ["https://[2001:db8::1/", false, false, false, false],
    ["https://[10.0.0.1]/", false, false, false, false],
    ["https://example.org:8a/", false, false, false, false],
    ["https://ex ample.org/", false, false, false, false],
    ["https://exa^mple.org/", false, false, false, false],
    ["https://a@b@example.org/", false, false, false, false],
    ["file:///etc/passwd", true, true, true, true],
    ["urn:isbn:0451450523", true, true, true, true],
    ["a+b-c.d:x", true, true, true, true],
    ["https://example.org/%7Euser", true, true, true, true],
    ["https://example.org/%7", false, false, false, false],
    ["https://example.org/a#b#c", false, false, false, false],
    ["https://example.org/a|b", false, false, false, false],
    ["../a/b?c", false, true, false, true],
    ["a/b:c", false, true, false, true],
    ["a:b", true, true, true, true],
    ["-a:b", false, false, false, false],
    ["//example.org", false, true, false, true],
    ["#", false, true, false, true],
    ["?", false, true, false, true],
    ["", false, true, false, true],
    ["https://bücher.example/", false, false, true, true],
    ["https://example.org/日本?q=é#ü", false, false, true, true],
    ["/日本", false, false, false, true],
    ["https://example.org/\ue000", false, false, false, false], // private use: a query only
    ["https://example.org/?\ue000", false, false, true, true],
    ["https://example.org/#\ue000", false, false, false, false],
    ["https://example.org/\ufffe", false, false, false, false],
    ["https://example.org/\ud800", false, false, false, false],
    ["https://example.org/\u00a0", false, false, true, true],
    ["https://example.org/\u0080", false, false, false, false],
  ])("%j → uri %s, uri-reference %s, iri %s, iri-reference %s", (value, uri, uriRef, iri, iriRef) => {
    expect([isUri(value), isUriReference(value), isIri(value), isIriReference(value)]).toEqual([uri, uriRef, iri, iriRef]);
  });
});

describe("isUriTemplate", () => {
  it.each([
    ["https://example.org/users/{id}{?fields*,limit}", true],
    ["{/path*}{#frag}{;x,y}{.ext}{&q}", true],
    ["{user.name}/{%C3%A9t%C3%A9:3}", true],
    ["{x:9999}", true],
    ["/caf%C3%A9/日本", true],
    ["it's", true],
    ["{=reserved}", true],
    ["", true],
    ["{x:0}", false],
    ["{x:12345}", false],
    ["{x*:3}", false],
    ["{x.}", false],
    ["{.x.}", false],
    ["{x y}", false],
    ["{x-y}", false],
    ["{x}}", false],
    ["{{x}", false],
    ["{x", false],
    ["a<b", false],
    ['a"b', false],
    ["a%2", false],
    ["a^b", false],
    ["a\\b", false],
    ["{%2}", false],
  ])("%j → %s", (value, want) => expect(isUriTemplate(value)).toBe(want));
});

describe("FORMAT_CHECKS", () => {
  it("names an exported check for each format of draft 2020-12 but idn-hostname", async () => {
    const module = (await import("../../templates/runtime/formats.js")) as unknown as Record<string, unknown>;
    expect(Object.keys(FORMAT_CHECKS).sort()).toEqual(
      ["date", "date-time", "duration", "email", "hostname", "idn-email", "ipv4", "ipv6", "iri", "iri-reference", "json-pointer", "regex", "relative-json-pointer", "time", "uri", "uri-reference", "uri-template", "uuid"].sort(),
    );
    for (const fn of Object.values(FORMAT_CHECKS)) expect(typeof module[fn], fn).toBe("function");
  });
});

describe("linear time", () => {
  const N = 100_000;
  const long = (unit: string): string => unit.repeat(Math.ceil(N / unit.length)).slice(0, N);
  const hostile: Record<keyof typeof CHECKS, string[]> = {
    isDate: [long("1"), `${long("1")}-01-01`],
    isTime: [long("1"), `00:00:00.${long("1")}`],
    isDateTime: [long("1"), `2020-01-01T00:00:00.${long("1")}x`],
    isDuration: [`P${long("1")}`, `P${long("1")}Y${long("1")}`, `PT${long("1")}H${long("1")}X`, long("P1")],
    isUuid: [long("a"), long("a-")],
    isJsonPointer: [`/${long("~")}`, `/${long("a~0")}~`, long("/")],
    isRelativeJsonPointer: [long("1"), `1${long("/~")}`, `${long("1")}##`],
    isRegex: [long("("), long("a*"), long("(?:a|a)*"), `(${long("a|")}`, long("\\")],
    isIpv4: [long("1"), long("1."), long("255.")],
    isIpv6: [long(":"), long("1:"), long("::1"), long("ffff:")],
    isHostname: [long("a"), long("a."), long("a-"), `xn--${long("a")}`],
    isEmail: [long("a"), `${long("a.")}@x`, long("a@"), `"${long("a")}`, `"${long("\\a")}`, long("@"), long(".")],
    isIdnEmail: [long("é"), `${long("é.")}@x`, `"${long("é")}`, `a@${long("é.")}`],
    isUri: [long("a"), `http://${long("a")}`, `http:${long("%")}`, `http://${long("[")}`, `a:${long("%4")}`, `http://[${long(":")}]`, long("a:"), `//${long("@")}`],
    isUriReference: [long("a"), long("/"), long(":"), `?${long("%")}`, `#${long("%a")}`],
    isIri: [long("é"), `http://${long("é")}`, `http://[v1.${long("a")}]`],
    isIriReference: [long("é"), long("\ud800")],
    isUriTemplate: [long("{"), long("{a"), `{${long("a.")}}`, `{${long("a,")}}`, long("}"), long("%"), `{${long("a")}:1}`, long("{a}"), `{${long("a")}:1`],
  };
  const CHECKS = { isDate, isTime, isDateTime, isDuration, isUuid, isJsonPointer, isRelativeJsonPointer, isRegex, isIpv4, isIpv6, isHostname, isEmail, isIdnEmail, isUri, isUriReference, isIri, isIriReference, isUriTemplate };

  it.each(Object.keys(hostile) as (keyof typeof CHECKS)[])("%s answers at once on 100,000-character values", (fn) => {
    for (const value of hostile[fn]) {
      const start = performance.now();
      CHECKS[fn](value);
      // a super-linear expression takes seconds to hours here; a shared machine takes milliseconds
      expect(performance.now() - start, `${fn}(${JSON.stringify(value.slice(0, 12))}…)`).toBeLessThan(1000);
    }
  });

  it("every regular expression of the module is one generator/regex/safety.ts proves linear", async () => {
    const file = fileURLToPath(new URL("../../templates/runtime/formats.ts", import.meta.url));
    const sources: string[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isRegularExpressionLiteral(node)) sources.push(node.text.slice(1, node.text.lastIndexOf("/")));
      ts.forEachChild(node, visit);
    };
    visit(ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true));
    // the RegExps built from strings: the module evaluated again with the constructor watched
    const Original = globalThis.RegExp;
    globalThis.RegExp = new Proxy(Original, {
      construct(target, args: [string, string?]) {
        if (new Error().stack?.includes("formats.ts")) sources.push(String(args[0]));
        return Reflect.construct(target, args) as object;
      },
    });
    try {
      vi.resetModules();
      await import("../../templates/runtime/formats.js");
    } finally {
      globalThis.RegExp = Original;
    }
    expect(sources.length).toBeGreaterThan(40);
    // `[0-9]+` is used in a global replace (every run of digits, each scanned once), not a search
    const unproven = sources.filter((s) => s !== "[0-9]+" && planPattern(s).kind !== "regex");
    expect(unproven).toEqual([]);
  });
});
