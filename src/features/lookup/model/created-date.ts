// Anything ambiguous is null: a wrong guess picks the wrong earliest contact. No `Date.parse`: it
// takes slash dates and reads zone-less text as local.

const MIN_MS = Date.UTC(1970, 0, 1);
const MAX_MS = Date.UTC(2201, 0, 1); // Exclusive: the year 2200 is the last one accepted.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** RFC 2822 zone names, in minutes east of UTC. */
// prettier-ignore
const ZONE_NAMES: Record<string, number> = {
  z: 0, ut: 0, utc: 0, gmt: 0,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
};

function inRange(ms: number): number | null {
  return Number.isFinite(ms) && ms >= MIN_MS && ms < MAX_MS ? ms : null;
}

/** UTC epoch ms from [year, month, day, hour, minute, second] (absent = 0), or null if invalid. */
function fromParts(fields: (string | number | undefined)[], ms = 0, offsetMinutes = 0) {
  const n = (i: number) => Number(fields[i] ?? 0);
  const [year, month, day, hour, minute, second] = [n(0), n(1), n(2), n(3), n(4), n(5)];
  if (year < 1970 || year > 2200 || month < 1 || month > 12) return null;
  // Day 0 of the next month is the last day of `month`.
  if (day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  if (hour > 23 || minute > 59 || second > 59) return null; // No 24:00, no leap seconds.
  return inRange(Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000);
}

/** "+02:00", "+0200", "-05", "Z", "GMT", "GMT+0100" → minutes east of UTC; undefined = no zone. */
function parseZone(zone: string | undefined): number | null | undefined {
  if (zone === undefined || zone === '') return undefined;
  const named = ZONE_NAMES[zone.toLowerCase()];
  if (named !== undefined) return named;
  const m = /^(?:gmt|utc)?([+-])(\d{2}):?(\d{2})?$/i.exec(zone);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? 0);
  if (hours > 14 || minutes > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/** Up to 9 fraction digits → whole milliseconds. */
function fractionMs(fraction: string | undefined): number {
  return fraction ? Number(fraction.slice(0, 3).padEnd(3, '0')) : 0;
}

// Unit by integer digits: ≤11 s, 12–14 ms, 15–17 µs, 18–19 ns (room either side of today's 10, 13,
// 16, 19). Zero is rejected: CRMs use it for "not set".
function fromTimestamp(integerDigits: string, fraction = ''): number | null {
  const digits = integerDigits.replace(/^0+(?=\d)/, '');
  if (digits === '0') return null;
  const n = digits.length;
  // Shift the decimal point in the string so 19-digit nanoseconds keep their precision.
  const shift = n <= 11 ? 3 : n <= 14 ? 0 : n <= 17 ? -3 : n <= 19 ? -6 : null;
  if (shift === null) return null;
  const all = digits + fraction;
  const point = n + shift;
  return inRange(Number(all.slice(0, point).padEnd(point, '0')));
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2}))?$/;
const DOTNET = /^\/Date\((\d+)(?:[+-]\d{4})?\)\/$/;
const TIMESTAMP = /^(\d+)(?:\.(\d+))?$/;

const WEEKDAY =
  '(?:(?<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\\.?,?\\s+)?';
const MONTH =
  '(?<month>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\\.?';
const TIME =
  '(?:,?\\s+(?<hour>\\d{1,2}):(?<minute>\\d{2})(?::(?<second>\\d{2})(?:\\.(?<fraction>\\d{1,9}))?)?(?:\\s*(?<meridiem>[ap])\\.?m\\.?)?)?';
const ZONE = '(?:\\s+(?<zone>(?:gmt|utc)?[+-]\\d{2}:?\\d{2}|[a-z]{1,3}))?(?:\\s+\\([^()]*\\))?';
const [DAY, YEAR] = ['(?<day>\\d{1,2})', '(?<year>\\d{4})'];
/** "Mon, 01 Jan 2024 00:00:00 GMT", "1 January 2024 10:00 +0000". */
const DAY_FIRST = new RegExp(`^${WEEKDAY}${DAY}\\s+${MONTH}\\s+${YEAR}${TIME}${ZONE}$`, 'i');
/** "January 5, 2024", "Mon Jan 01 2024 10:00:00 GMT+0100 (Central European Time)". */
const MONTH_FIRST = new RegExp(`^${WEEKDAY}${MONTH}\\s+${DAY},?\\s+${YEAR}${TIME}${ZONE}$`, 'i');

/** The hour on a 24-hour clock; null for "13 pm" or "0 am". */
function hour24(hour: string | undefined, meridiem: string | undefined): number | null {
  const h = Number(hour ?? 0);
  if (!meridiem) return h;
  if (h < 1 || h > 12) return null;
  return (h % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
}

function fromNamedDate(text: string): number | null {
  // Optional groups are undefined at run time, whatever the type of `groups` says.
  const groups: Partial<Record<string, string>> | undefined = (
    DAY_FIRST.exec(text) ?? MONTH_FIRST.exec(text)
  )?.groups;
  if (!groups) return null;
  const { weekday, day, month, year, hour, minute, second, fraction, meridiem, zone } = groups;
  const h = hour24(hour, meridiem);
  const offset = parseZone(zone);
  if (h === null || offset === null) return null;
  const monthIndex = MONTHS.indexOf(String(month).slice(0, 3).toLowerCase());
  // No zone: UTC, like ISO without a zone.
  const ms = fromParts(
    [year, monthIndex + 1, day, h, minute, second],
    fractionMs(fraction),
    offset,
  );
  // A weekday that contradicts the date means the string is wrong somewhere: refuse to guess.
  if (ms === null || weekday === undefined) return ms;
  const written = new Date(Date.UTC(Number(year), monthIndex, Number(day))).getUTCDay();
  return WEEKDAYS[written] === weekday.slice(0, 3).toLowerCase() ? ms : null;
}

function fromString(text: string): number | null {
  let m: RegExpExecArray | null;
  if ((m = ISO.exec(text))) {
    const [, y, mo, d, h, mi, s, frac, zone] = m;
    const offset = parseZone(zone);
    if (offset === null) return null;
    return fromParts([y, mo, d, h, mi, s], fractionMs(frac), offset);
  }
  // 8 and 14 digit strings are dates, never timestamps: 8-digit seconds only reach 1973 and
  // 14-digit milliseconds start in 2286, both outside the accepted years anyway.
  if ((m = COMPACT.exec(text))) return fromParts(m.slice(1));
  if ((m = TIMESTAMP.exec(text))) return fromTimestamp(m[1]!, m[2]);
  // .NET JSON dates: the number is already UTC ms; the optional offset only records the
  // sender's zone, so it does not move the instant.
  if ((m = DOTNET.exec(text))) return inRange(Number(m[1]));
  return fromNamedDate(text);
}

// Zone-less values are UTC. Slash dates (even `2024/01/02`) are always rejected: the contract says
// so, and a rule with exceptions is harder to explain to connector developers.
export function parseCreatedDate(value: unknown): number | null {
  if (typeof value === 'number') {
    // ≥ 1e20 has more than 19 digits, and toFixed would switch to exponent notation.
    if (!Number.isFinite(value) || value < 0 || value >= 1e20) return null;
    const [integer, fraction] = value.toFixed(6).split('.');
    return fromTimestamp(integer!, fraction?.replace(/0+$/, ''));
  }
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return text === '' ? null : fromString(text);
}

// In UTC: the same text for every user, whatever their time zone or ICU data.
export function formatDay(ms: number): string {
  const d = new Date(ms);
  const month = MONTHS[d.getUTCMonth()] ?? '';
  return `${d.getUTCDate()} ${month.charAt(0).toUpperCase()}${month.slice(1)} ${d.getUTCFullYear()}`;
}
