/**
 * `format` as an assertion (the `assertFormats` option; draft 2020-12 makes
 * it an annotation by default): RFC 3339 dates and times, as the JSON Schema
 * Test Suite reads them. ASCII digits only, `T`/`Z` in either case, a leap
 * second only at 23:59:60 UTC. Written into the output as
 * `runtime/formats.ts` when a validator asserts a format.
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

/** The formats asserted, by name. */
export const FORMAT_CHECKS = { date: "isDate", time: "isTime", "date-time": "isDateTime" } as const;
