/**
 * `format` as an assertion (the `assertFormats` option; draft 2020-12 makes
 * it an annotation by default): the formats of draft 2020-12 as the JSON
 * Schema Test Suite reads them (all but `idn-hostname`: its Bidi rule and
 * joining types need Unicode tables no regular expression property gives).
 * Written into the output as `runtime/formats.ts` when a validator asserts
 * a format. Each check is a pure function of a string; every regular
 * expression runs in linear time (anchored and deterministic, or a search
 * of bounded width), and the Unicode-aware checks bound the length first.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:([zZ])|([+-])(\d{2}):(\d{2}))$/;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `2023-02-28`: a full-date of RFC 3339 that is a real day. */
export function isDate(value: string): boolean {
  const m = DATE.exec(value);
  if (m === null) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && leap ? 29 : DAYS[month - 1]!);
}

/** `23:59:60.5-08:00`: a full-time of RFC 3339; second 60 only where it is 23:59 in UTC. */
export function isTime(value: string): boolean {
  const m = TIME.exec(value);
  if (m === null) return false;
  const [hour, minute, second] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const sign = m[5] === "-" ? -1 : 1;
  const offsetHours = m[6] === undefined ? 0 : Number(m[6]);
  const offsetMinutes = m[7] === undefined ? 0 : Number(m[7]);
  if (hour > 23 || minute > 59 || second > 60 || offsetHours > 23 || offsetMinutes > 59) return false;
  if (second < 60) return true;
  // the leap second: 23:59:60 in UTC, whatever the offset it is written in
  const utcMinutes = (((hour * 60 + minute - sign * (offsetHours * 60 + offsetMinutes)) % 1440) + 1440) % 1440;
  return utcMinutes === 23 * 60 + 59;
}

/** `1963-06-19T08:30:06.283185Z`: a date-time of RFC 3339. */
export function isDateTime(value: string): boolean {
  const t = value.indexOf("T") >= 0 ? value.indexOf("T") : value.indexOf("t");
  return t === 10 && isDate(value.slice(0, 10)) && isTime(value.slice(11));
}

/* ---------------------------------------------------------------------------
 * Durations, UUIDs, JSON Pointers, regular expressions
 * ------------------------------------------------------------------------- */

/** Every number written `9`: the shapes of RFC 3339's grammar (appendix A), units in order, weeks alone. */
const DURATION_SHAPE =
  /^P(?:9W|(?:9Y9M9D|9Y9M|9M9D|9Y|9M|9D)(?:T(?:9H9M9S|9H9M|9M9S|9H|9M|9S))?|T(?:9H9M9S|9H9M|9M9S|9H|9M|9S))$/;

/** `P1Y2M3DT4H5M6S`, `P2W`: a duration of RFC 3339 (appendix A): whole numbers of ASCII digits, units in order, weeks alone. */
export function isDuration(value: string): boolean {
  return DURATION_SHAPE.test(value.replace(/[0-9]+/g, "9"));
}

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** `2eb8aa08-aa98-11ea-b4aa-73b441d16380`: a UUID of RFC 9562 in its string form, any version and variant, either case. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** A `~` that does not start `~0` or `~1`. */
const BAD_POINTER_ESCAPE = /~(?![01])/;

/** `/a~1b/0`: a JSON Pointer of RFC 6901 (empty, or `/`-prefixed reference tokens with `~0`/`~1` escapes). */
export function isJsonPointer(value: string): boolean {
  return value === "" || (value.charCodeAt(0) === 0x2f && !BAD_POINTER_ESCAPE.test(value));
}

const RJP_PREFIX = /^(?:0|[1-9][0-9]*)/;

/** `1/a`, `0#`: a Relative JSON Pointer (a non-negative integer, then `#` or a JSON Pointer). */
export function isRelativeJsonPointer(value: string): boolean {
  const m = RJP_PREFIX.exec(value);
  if (m === null) return false;
  const rest = value.slice(m[0].length);
  return rest === "#" || rest === "" || (rest.charCodeAt(0) === 0x2f && !BAD_POINTER_ESCAPE.test(rest));
}

/**
 * `^(a|b)+$`: a regular expression of ECMA-262, read with the `u` flag (as
 * patterns are): no Annex B leniency (`\a`, a lone `{`), no other dialect
 * (`(?P<name>…)`, `(?i)`). Compiling does not run the expression.
 */
export function isRegex(value: string): boolean {
  try {
    new RegExp(value, "u");
    return true;
  } catch {
    return false;
  }
}

/* ---------------------------------------------------------------------------
 * IP addresses
 * ------------------------------------------------------------------------- */

const IPV4 =
  /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$/;

/** `192.168.0.1`: a dotted-quad IPv4 address (RFC 2673), ASCII digits, no leading zero, no shorthand. */
export function isIpv4(value: string): boolean {
  return IPV4.test(value);
}

const H16 = /^[0-9a-fA-F]{1,4}$/;

/** `::ffff:192.168.0.1`: an IPv6 address of RFC 4291 (section 2.2), no zone, no prefix length, no brackets. */
export function isIpv6(value: string): boolean {
  if (value.length > 45) return false;
  const halves = value.split("::");
  if (halves.length > 2) return false;
  let units = 0;
  for (let h = 0; h < halves.length; h++) {
    const half = halves[h]!;
    if (half === "") continue;
    const groups = half.split(":");
    for (let g = 0; g < groups.length; g++) {
      const group = groups[g]!;
      if (H16.test(group)) units += 1;
      // the dotted IPv4 form: the last 32 bits only
      else if (h === halves.length - 1 && g === groups.length - 1 && IPV4.test(group)) units += 2;
      else return false;
    }
  }
  // `::` stands for one group of zeros or more
  return halves.length === 2 ? units <= 7 : units === 8;
}

/* ---------------------------------------------------------------------------
 * Host names (RFC 1123, with the A-labels of IDNA 2008)
 * ------------------------------------------------------------------------- */

const LDH_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/**
 * `www.example.com`, `xn--9n2bp8q.xn--9t4b11yi5a`: a host name of RFC 1123
 * (labels of letters, digits and inner hyphens, 63 characters at most, 253
 * in all, no trailing dot). A label starting `xn--` is an A-label: it must
 * decode (Punycode, RFC 3492) to a U-label that encodes back to it and that
 * IDNA 2008 allows (RFC 5891 and 5892: NFC, only PVALID code points, the
 * contextual rules); the Bidi rule (RFC 5893) is not checked.
 */
export function isHostname(value: string): boolean {
  if (value.length === 0 || value.length > 253) return false;
  for (const label of value.split(".")) {
    if (!LDH_LABEL.test(label)) return false;
    if (/^xn--/i.test(label) && !isALabel(label)) return false;
  }
  return true;
}

/** An LDH label starting `xn--` (any case) that is a valid A-label. */
function isALabel(label: string): boolean {
  const encoded = label.slice(4).toLowerCase();
  const decoded = punycodeDecode(encoded);
  return (
    decoded !== undefined && !/^[\x00-\x7f]*$/.test(decoded) && punycodeEncode(decoded) === encoded && isULabel(decoded)
  );
}

/** Exceptions of RFC 5892 (section 2.6) that are PVALID. */
const IDNA_PVALID_EXCEPTION = /[\u00df\u03c2\u06fd\u06fe\u0f0b\u3007]/;
/** Exceptions of RFC 5892 (section 2.6) that are DISALLOWED. */
const IDNA_DISALLOWED_EXCEPTION = /[\u0640\u07fa\u302e\u302f\u3031-\u3035\u303b]/;
/**
 * DISALLOWED or UNASSIGNED by the derivation of RFC 5892 (section 3):
 * Unassigned, Unstable (changes under NFKC case folding: upper case, compatibility
 * forms), IgnorableProperties, IgnorableBlocks, OldHangulJamo.
 */
const IDNA_DISALLOWED = /* @__PURE__ */ new RegExp(
  "[\\p{Cn}\\p{Changes_When_NFKC_Casefolded}\\p{Default_Ignorable_Code_Point}\\p{White_Space}\\p{Noncharacter_Code_Point}" +
    "\\u20d0-\\u20ff\\u{1d100}-\\u{1d24f}\\u1100-\\u11ff\\ua960-\\ua97f\\ud7b0-\\ud7ff]",
  "u",
);
/** LetterDigits of RFC 5892: PVALID unless DISALLOWED above. */
const IDNA_LETTER_DIGIT = /* @__PURE__ */ new RegExp("[\\p{Ll}\\p{Lu}\\p{Lo}\\p{Nd}\\p{Lm}\\p{Mn}\\p{Mc}]", "u");
/** Joining type T (transparent), as ArabicShaping.txt derives it: Mn, Me, Cf (ZWJ and ZWNJ are not). */
const JOINING_TRANSPARENT = /* @__PURE__ */ new RegExp("^(?![\\u200c\\u200d])[\\p{Mn}\\p{Me}\\p{Cf}]$", "u");
/**
 * A letter of a script with cursive joining (the scripts of ArabicShaping.txt):
 * a superset of joining types L, R and D, which no property escape gives.
 */
const JOINING_LETTER = /* @__PURE__ */ new RegExp(
  "^(?=\\p{L})[\\p{sc=Arabic}\\p{sc=Syriac}\\p{sc=Nko}\\p{sc=Mandaic}\\p{sc=Mongolian}\\p{sc=Phags_Pa}\\p{sc=Manichaean}" +
    "\\p{sc=Psalter_Pahlavi}\\p{sc=Hanifi_Rohingya}\\p{sc=Sogdian}\\p{sc=Old_Uyghur}\\p{sc=Adlam}\\p{sc=Chorasmian}]$",
  "u",
);

/** Canonical_Combining_Class 9 (Virama), read off canonical reordering: it sorts between class 8 (U+3099) and class 10 (U+05B0). */
function isVirama(c: string | undefined): boolean {
  return (
    c !== undefined &&
    c !== "\u05b0" &&
    c !== "\u3099" &&
    c.normalize("NFD") === c &&
    ("\u05b0" + c + "\u3099").normalize("NFD") === "\u3099" + c + "\u05b0"
  );
}

/** The first code point from `from` going by `step` that is not of joining type T. */
function joiningNeighbour(cps: readonly string[], from: number, step: number): string | undefined {
  let i = from;
  while (cps[i] !== undefined && JOINING_TRANSPARENT.test(cps[i]!)) i += step;
  return cps[i];
}

/** A U-label of IDNA 2008 (RFC 5891 section 4.2, RFC 5892 with its appendix A), but for the Bidi rule. */
function isULabel(label: string): boolean {
  if (label.normalize("NFC") !== label || label.startsWith("-") || label.endsWith("-") || label.slice(2, 4) === "--")
    return false;
  if (/^\p{M}/u.test(label)) return false;
  const cps = Array.from(label);
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i]!;
    if (IDNA_PVALID_EXCEPTION.test(c)) continue;
    if (IDNA_DISALLOWED_EXCEPTION.test(c)) return false;
    const before = cps[i - 1];
    const after = cps[i + 1];
    let ok: boolean;
    if (c === "\u00b7") ok = before === "l" && after === "l";
    else if (c === "\u0375") ok = after !== undefined && /\p{sc=Greek}/u.test(after);
    else if (c === "\u05f3" || c === "\u05f4") ok = before !== undefined && /\p{sc=Hebrew}/u.test(before);
    else if (c === "\u30fb") ok = /[\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Han}]/u.test(label);
    else if (c >= "\u0660" && c <= "\u0669") ok = !/[\u06f0-\u06f9]/.test(label);
    else if (c >= "\u06f0" && c <= "\u06f9") ok = !/[\u0660-\u0669]/.test(label);
    else if (c === "\u200d") ok = isVirama(before);
    else if (c === "\u200c") {
      const left = joiningNeighbour(cps, i - 1, -1);
      const right = joiningNeighbour(cps, i + 1, 1);
      ok =
        isVirama(before) ||
        (left !== undefined && right !== undefined && JOINING_LETTER.test(left) && JOINING_LETTER.test(right));
    } else ok = (c.length === 1 && /[a-z0-9-]/.test(c)) || (!IDNA_DISALLOWED.test(c) && IDNA_LETTER_DIGIT.test(c));
    if (!ok) return false;
  }
  return true;
}

/** Punycode (RFC 3492) bias adaptation. */
function punycodeAdapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / 700) : delta >> 1;
  d += Math.floor(d / points);
  let k = 0;
  for (; d > 455; k += 36) d = Math.floor(d / 35);
  return k + Math.floor((36 * d) / (d + 38));
}

/** The code points a Punycode string (without `xn--`) stands for, or undefined if it is not one. */
function punycodeDecode(input: string): string | undefined {
  const out: number[] = [];
  const delimiter = input.lastIndexOf("-");
  for (let j = 0; j < delimiter; j++) {
    const c = input.charCodeAt(j);
    if (c >= 0x80) return undefined;
    out.push(c);
  }
  let n = 128;
  let i = 0;
  let bias = 72;
  for (let p = delimiter > 0 ? delimiter + 1 : 0; p < input.length;) {
    const old = i;
    let w = 1;
    for (let k = 36; ; k += 36) {
      if (p >= input.length) return undefined;
      const c = input.charCodeAt(p++);
      const digit =
        c >= 0x61 && c <= 0x7a ? c - 0x61 : c >= 0x41 && c <= 0x5a ? c - 0x41 : c >= 0x30 && c <= 0x39 ? c - 22 : -1;
      if (digit < 0) return undefined;
      i += digit * w;
      const t = k <= bias ? 1 : k >= bias + 26 ? 26 : k - bias;
      if (digit < t) break;
      w *= 36 - t;
      // past any code point: stop before the arithmetic loses exactness
      if (i > 0x7fffffff || w > 0x7fffffff) return undefined;
    }
    bias = punycodeAdapt(i - old, out.length + 1, old === 0);
    n += Math.floor(i / (out.length + 1));
    i %= out.length + 1;
    if (n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return undefined;
    out.splice(i++, 0, n);
  }
  return String.fromCodePoint(...out);
}

/** The Punycode (RFC 3492) of a string, without `xn--`. */
function punycodeEncode(input: string): string {
  const cps = Array.from(input, (c) => c.codePointAt(0)!);
  let out = "";
  for (const c of cps) if (c < 0x80) out += String.fromCharCode(c);
  const basic = out.length;
  if (basic > 0) out += "-";
  const digit = (d: number): string => String.fromCharCode(d < 26 ? 0x61 + d : 22 + d);
  let n = 128;
  let delta = 0;
  let bias = 72;
  for (let h = basic; h < cps.length; n++, delta++) {
    let m = 0x110000;
    for (const c of cps) if (c >= n && c < m) m = c;
    delta += (m - n) * (h + 1);
    n = m;
    for (const c of cps) {
      if (c < n) delta++;
      if (c !== n) continue;
      let q = delta;
      for (let k = 36; ; k += 36) {
        const t = k <= bias ? 1 : k >= bias + 26 ? 26 : k - bias;
        if (q < t) break;
        out += digit(t + ((q - t) % (36 - t)));
        q = Math.floor((q - t) / (36 - t));
      }
      out += digit(q);
      bias = punycodeAdapt(delta, h + 1, h === basic);
      delta = 0;
      h++;
    }
  }
  return out;
}

/* ---------------------------------------------------------------------------
 * E-mail addresses (RFC 5321 section 4.1.2, RFC 6531 for idn-email)
 * ------------------------------------------------------------------------- */

const EMAIL_ATEXT_DOTS = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~.]+$/;
/** A dot-string's dots: one between two atoms, never first or last. */
const EMAIL_BAD_DOTS = /^\.|\.\.|\.$/;
const EMAIL_QUOTED = /^"(?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\[\x20-\x7e])*"$/;
const IDN_EMAIL_ATEXT_DOTS = /* @__PURE__ */ new RegExp(
  "^[A-Za-z0-9!#$%&'*+\\-/=?^_`{|}~.\\u0080-\\ud7ff\\ue000-\\u{10ffff}]+$",
  "u",
);
const IDN_EMAIL_QUOTED = /* @__PURE__ */ new RegExp(
  '^"(?:[\\x20\\x21\\x23-\\x5b\\x5d-\\x7e\\u0080-\\ud7ff\\ue000-\\u{10ffff}]|\\\\[\\x20-\\x7e])*"$',
  "u",
);
const IDN_DOMAIN_LABEL = /* @__PURE__ */ new RegExp("^(?!-)[A-Za-z0-9\\-\\p{L}\\p{M}\\p{N}]+(?<!-)$", "u");

/** The local part and the domain of an address: the domain after the last `@` (a quoted local part may hold one). */
function emailParts(value: string, atextDots: RegExp, quoted: RegExp): [string, string] | undefined {
  const at = value.lastIndexOf("@");
  if (at <= 0) return undefined;
  const local = value.slice(0, at);
  const dotString = atextDots.test(local) && !EMAIL_BAD_DOTS.test(local);
  return dotString || quoted.test(local) ? [local, value.slice(at + 1)] : undefined;
}

/** `[127.0.0.1]`, `[IPv6:::1]`: an address literal of RFC 5321 (section 4.1.3). */
function isAddressLiteral(domain: string): boolean {
  if (domain.charCodeAt(0) !== 0x5b || domain.charCodeAt(domain.length - 1) !== 0x5d) return false;
  const inner = domain.slice(1, -1);
  return inner.slice(0, 5).toLowerCase() === "ipv6:" ? isIpv6(inner.slice(5)) : isIpv4(inner);
}

/** `joe.bloggs@example.com`, `"joe bloggs"@[IPv6:::1]`: a mailbox of RFC 5321 (64 octets of local part, 254 in all). */
export function isEmail(value: string): boolean {
  if (value.length > 254) return false;
  const parts = emailParts(value, EMAIL_ATEXT_DOTS, EMAIL_QUOTED);
  return parts !== undefined && parts[0].length <= 64 && (isAddressLiteral(parts[1]) || isHostname(parts[1]));
}

/**
 * `실례@실례.테스트`: a mailbox of RFC 6531: as `email`, and any non-ASCII
 * character in the local part; a domain label may be non-ASCII (letters,
 * marks and digits, hyphens inside, at most 63 octets as an A-label; not
 * checked against IDNA 2008, see `idn-hostname`).
 */
export function isIdnEmail(value: string): boolean {
  if (value.length > 254) return false;
  const parts = emailParts(value, IDN_EMAIL_ATEXT_DOTS, IDN_EMAIL_QUOTED);
  if (parts === undefined) return false;
  const [local, domain] = parts;
  let octets = 0;
  for (const c of local) octets += c.charCodeAt(0) < 0x80 ? 1 : c.charCodeAt(0) < 0x800 ? 2 : c.length === 1 ? 3 : 4;
  if (octets > 64) return false;
  if (isAddressLiteral(domain)) return true;
  if (/^[\x00-\x7f]*$/.test(domain)) return isHostname(domain);
  let length = -1;
  for (const label of domain.split(".")) {
    const ascii = /^[\x00-\x7f]*$/.test(label);
    if (ascii ? !isHostname(label) : !IDN_DOMAIN_LABEL.test(label) || punycodeEncode(label).length > 59) return false;
    length += 1 + (ascii ? label.length : 4 + punycodeEncode(label).length);
  }
  return length <= 253;
}

/* ---------------------------------------------------------------------------
 * URIs (RFC 3986), IRIs (RFC 3987), URI templates (RFC 6570)
 * ------------------------------------------------------------------------- */

/** ucschar of RFC 3987: what an IRI allows beyond a URI. */
const UCSCHAR =
  "\\u00a0-\\ud7ff\\uf900-\\ufdcf\\ufdf0-\\uffef\\u{10000}-\\u{1fffd}\\u{20000}-\\u{2fffd}\\u{30000}-\\u{3fffd}\\u{40000}-\\u{4fffd}" +
  "\\u{50000}-\\u{5fffd}\\u{60000}-\\u{6fffd}\\u{70000}-\\u{7fffd}\\u{80000}-\\u{8fffd}\\u{90000}-\\u{9fffd}\\u{a0000}-\\u{afffd}" +
  "\\u{b0000}-\\u{bfffd}\\u{c0000}-\\u{cfffd}\\u{d0000}-\\u{dfffd}\\u{e1000}-\\u{efffd}";
/** iprivate of RFC 3987: in a query only. */
const IPRIVATE = "\\ue000-\\uf8ff\\u{f0000}-\\u{ffffd}\\u{100000}-\\u{10fffd}";

/**
 * A character outside `ascii` (and ucschar, iprivate), or a `%` not followed
 * by two hex digits. Called with literals only, so that a bundler drops the
 * expressions of the checks it drops.
 */
function badChar(ascii: string, ucschar: boolean, iprivate: boolean): RegExp {
  return new RegExp(`[^${ascii}${ucschar ? UCSCHAR : ""}${iprivate ? IPRIVATE : ""}%]|%(?![0-9A-Fa-f]{2})`, "u");
}

// unreserved and sub-delims, then what each component adds
const URI_BAD = {
  userinfo: /* @__PURE__ */ badChar("A-Za-z0-9\\-._~!$&'()*+,;=:", false, false),
  host: /* @__PURE__ */ badChar("A-Za-z0-9\\-._~!$&'()*+,;=", false, false),
  path: /* @__PURE__ */ badChar("A-Za-z0-9\\-._~!$&'()*+,;=:@/", false, false),
  query: /* @__PURE__ */ badChar("A-Za-z0-9\\-._~!$&'()*+,;=:@/?", false, false),
  fragment: /* @__PURE__ */ badChar("A-Za-z0-9\\-._~!$&'()*+,;=:@/?", false, false),
};
const IRI_BAD = {
  userinfo: /* @__PURE__ */ badChar("A-Za-z0-9\\-._~!$&'()*+,;=:", true, false),
  host: /* @__PURE__ */ badChar("A-Za-z0-9\\-._~!$&'()*+,;=", true, false),
  path: /* @__PURE__ */ badChar("A-Za-z0-9\\-._~!$&'()*+,;=:@/", true, false),
  query: /* @__PURE__ */ badChar("A-Za-z0-9\\-._~!$&'()*+,;=:@/?", true, true),
  fragment: /* @__PURE__ */ badChar("A-Za-z0-9\\-._~!$&'()*+,;=:@/?", true, false),
};
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const IP_FUTURE = /^[vV][0-9A-Fa-f]+\.[A-Za-z0-9\-._~!$&'()*+,;=:]+$/;
const PORT = /^[0-9]*$/;

/** The grammar of RFC 3986 (section 3 and 4.2), or of RFC 3987 with the IRI characters. */
function isUriLike(value: string, bad: typeof IRI_BAD, reference: boolean): boolean {
  let rest = value;
  const hash = rest.indexOf("#");
  if (hash >= 0) {
    if (bad.fragment.test(rest.slice(hash + 1))) return false;
    rest = rest.slice(0, hash);
  }
  const question = rest.indexOf("?");
  if (question >= 0) {
    if (bad.query.test(rest.slice(question + 1))) return false;
    rest = rest.slice(0, question);
  }
  const scheme = SCHEME.exec(rest);
  if (scheme !== null) rest = rest.slice(scheme[0].length);
  else if (!reference) return false;
  if (rest.startsWith("//")) {
    const slash = rest.indexOf("/", 2);
    const authority = slash < 0 ? rest.slice(2) : rest.slice(2, slash);
    rest = slash < 0 ? "" : rest.slice(slash);
    const at = authority.indexOf("@");
    if (at >= 0 && bad.userinfo.test(authority.slice(0, at))) return false;
    const hostPort = authority.slice(at + 1);
    let port: string;
    if (hostPort.startsWith("[")) {
      const close = hostPort.indexOf("]");
      if (close < 0) return false;
      const literal = hostPort.slice(1, close);
      if (!isIpv6(literal) && !IP_FUTURE.test(literal)) return false;
      port = hostPort.slice(close + 1);
      if (port !== "" && !port.startsWith(":")) return false;
      port = port.slice(1);
    } else {
      const colon = hostPort.indexOf(":");
      if (bad.host.test(colon < 0 ? hostPort : hostPort.slice(0, colon))) return false;
      port = colon < 0 ? "" : hostPort.slice(colon + 1);
    }
    if (!PORT.test(port)) return false;
  } else if (scheme === null) {
    // path-noscheme: no colon in the first segment (it would read as a scheme)
    const slash = rest.indexOf("/");
    if ((slash < 0 ? rest : rest.slice(0, slash)).includes(":")) return false;
  }
  return !bad.path.test(rest);
}

/** `http://example.com/a?b#c`, `urn:isbn:0451450523`: an absolute URI of RFC 3986 (a scheme, ASCII only). */
export function isUri(value: string): boolean {
  return isUriLike(value, URI_BAD, false);
}

/** `../a?b`, `#c`, `""`: a URI or a relative reference of RFC 3986. */
export function isUriReference(value: string): boolean {
  return isUriLike(value, URI_BAD, true);
}

/** `http://ƒøø.ßår/?π`: an IRI of RFC 3987 (a URI that may hold non-ASCII characters). */
export function isIri(value: string): boolean {
  return isUriLike(value, IRI_BAD, false);
}

/** `/âππ`: an IRI or a relative IRI reference of RFC 3987. */
export function isIriReference(value: string): boolean {
  return isUriLike(value, IRI_BAD, true);
}

const TEMPLATE_LITERAL_BAD = /* @__PURE__ */ badChar(
  "\\x21\\x23\\x24\\x26-\\x3b\\x3d\\x3f-\\x5b\\x5d\\x5f\\x61-\\x7a\\x7e",
  true,
  true,
);
const TEMPLATE_OPERATOR = /^[+#./;?&=,!@|]/;
const TEMPLATE_MODIFIER = /(?::[1-9][0-9]{0,3}|\*)$/;
const TEMPLATE_VARNAME_BAD = /[^A-Za-z0-9_.%]|%(?![0-9A-Fa-f]{2})|\.\./;

/**
 * `http://example.com/{term:1}/{term}`: a URI Template of RFC 6570, level 4
 * (literals as the errata have them, with `'`): operators, variable lists,
 * prefixes of 1 to 9999, explode.
 */
export function isUriTemplate(value: string): boolean {
  let at = 0;
  while (at <= value.length) {
    const open = value.indexOf("{", at);
    const literal = open < 0 ? value.slice(at) : value.slice(at, open);
    if (literal.includes("}") || TEMPLATE_LITERAL_BAD.test(literal)) return false;
    if (open < 0) return true;
    const close = value.indexOf("}", open);
    if (close < 0) return false;
    let body = value.slice(open + 1, close);
    if (TEMPLATE_OPERATOR.test(body)) body = body.slice(1);
    for (const spec of body.split(",")) {
      const modifier = TEMPLATE_MODIFIER.exec(spec);
      const name = modifier === null ? spec : spec.slice(0, modifier.index);
      if (name === "" || name.startsWith(".") || name.endsWith(".") || TEMPLATE_VARNAME_BAD.test(name)) return false;
    }
    at = close + 1;
  }
  return true;
}

/** The formats asserted, by name. */
export const FORMAT_CHECKS = {
  date: "isDate",
  time: "isTime",
  "date-time": "isDateTime",
  duration: "isDuration",
  email: "isEmail",
  "idn-email": "isIdnEmail",
  hostname: "isHostname",
  ipv4: "isIpv4",
  ipv6: "isIpv6",
  uri: "isUri",
  "uri-reference": "isUriReference",
  iri: "isIri",
  "iri-reference": "isIriReference",
  "uri-template": "isUriTemplate",
  uuid: "isUuid",
  "json-pointer": "isJsonPointer",
  "relative-json-pointer": "isRelativeJsonPointer",
  regex: "isRegex",
} as const;
