import { describe, expect, it } from 'vitest';
import { formatDay, parseCreatedDate } from './created-date';

const JAN_1_2024 = Date.UTC(2024, 0, 1); // 1704067200000
const utc = (...parts: [number, number, number, number?, number?, number?, number?]) =>
  Date.UTC(
    parts[0],
    parts[1] - 1,
    parts[2],
    parts[3] ?? 0,
    parts[4] ?? 0,
    parts[5] ?? 0,
    parts[6] ?? 0,
  );

describe('parseCreatedDate accepts', () => {
  it.each<[string, unknown, number]>([
    // ISO 8601 with a zone
    ['ISO Z', '2024-01-01T00:00:00Z', JAN_1_2024],
    ['ISO lower-case z and t', '2024-01-01t00:00:00z', JAN_1_2024],
    ['ISO +02:00 offset', '2024-01-01T02:00:00+02:00', JAN_1_2024],
    ['ISO -05:30 offset', '2023-12-31T18:30:00-05:30', JAN_1_2024],
    ['ISO +0200 offset', '2024-01-01T02:00:00+0200', JAN_1_2024],
    ['ISO +02 offset', '2024-01-01T02:00:00+02', JAN_1_2024],
    ['ISO fractional seconds', '2024-01-01T00:00:00.123Z', JAN_1_2024 + 123],
    ['ISO 1 fraction digit', '2024-01-01T00:00:00.5Z', JAN_1_2024 + 500],
    ['ISO 9 fraction digits', '2024-01-01T00:00:00.123456789Z', JAN_1_2024 + 123],
    ['ISO comma fraction', '2024-01-01T00:00:00,250Z', JAN_1_2024 + 250],
    ['ISO without seconds', '2024-01-01T10:30Z', utc(2024, 1, 1, 10, 30)],
    // ISO without a zone is UTC
    ['ISO without zone', '2024-01-01T10:00:00', utc(2024, 1, 1, 10)],
    ['ISO without zone, fraction', '2024-01-01T10:00:00.750', utc(2024, 1, 1, 10, 0, 0, 750)],
    ['YYYY-MM-DD HH:mm:ss (UTC)', '2024-03-05 13:14:15', utc(2024, 3, 5, 13, 14, 15)],
    ['YYYY-MM-DD HH:mm:ss with offset', '2024-01-01 01:00:00+01:00', JAN_1_2024],
    ['YYYY-MM-DD', '2024-01-01', JAN_1_2024],
    ['leap day', '2024-02-29', utc(2024, 2, 29)],
    ['surrounding whitespace', '  2024-01-01  ', JAN_1_2024],
    ['YYYYMMDD', '20240101', JAN_1_2024],
    ['YYYYMMDDHHmmss', '20240305131415', utc(2024, 3, 5, 13, 14, 15)],
    // Unix timestamps: unit from the digit count
    ['seconds (number)', 1704067200, JAN_1_2024],
    ['seconds (string)', '1704067200', JAN_1_2024],
    ['seconds with fraction', 1704067200.25, JAN_1_2024 + 250],
    ['seconds string with fraction', '1704067200.123', JAN_1_2024 + 123],
    ['9-digit seconds', 999999999, 999999999000],
    ['last second of 2200 in seconds', '7289654399', utc(2200, 12, 31, 23, 59, 59)],
    ['milliseconds (number)', 1704067200000, JAN_1_2024],
    ['milliseconds (string)', '1704067200123', JAN_1_2024 + 123],
    ['12-digit milliseconds', 100000000000, 100000000000],
    ['microseconds (number)', 1704067200000000, JAN_1_2024],
    ['microseconds (string)', '1704067200123456', JAN_1_2024 + 123],
    ['15-digit microseconds', '100000000000000', 100000000000],
    ['nanoseconds (string, full precision)', '1704067200123456789', JAN_1_2024 + 123],
    ['nanoseconds (number)', 1704067200000000000, JAN_1_2024],
    ['18-digit nanoseconds', '100000000000000000', 100000000000],
    ['leading zeros ignored for the unit', '001704067200', JAN_1_2024],
    // RFC-style named dates
    ['RFC 1123', 'Mon, 01 Jan 2024 00:00:00 GMT', JAN_1_2024],
    ['RFC 2822 numeric zone', '1 Jan 2024 10:00:00 +0000', utc(2024, 1, 1, 10)],
    ['RFC 2822 negative zone', 'Sun, 31 Dec 2023 19:00:00 -0500', JAN_1_2024],
    ['RFC 2822 named US zone', 'Sun, 31 Dec 2023 19:00:00 EST', JAN_1_2024],
    ['RFC 2822 UT', '01 Jan 2024 00:00 UT', JAN_1_2024],
    ['US long form', 'January 5, 2024', utc(2024, 1, 5)],
    ['US short month, no comma', 'Jan 5 2024', utc(2024, 1, 5)],
    ['day first, long month', '5 January 2024', utc(2024, 1, 5)],
    ['Sept abbreviation', '3 Sept 2024', utc(2024, 9, 3)],
    ['long weekday', 'Friday, January 5, 2024', utc(2024, 1, 5)],
    ['US form with 12-hour time', 'January 5, 2024 3:04 PM', utc(2024, 1, 5, 15, 4)],
    ['12 AM is midnight', 'January 5, 2024 12:00 am', utc(2024, 1, 5)],
    ['12 PM is noon', 'January 5, 2024 12:00 p.m.', utc(2024, 1, 5, 12)],
    [
      'JavaScript Date#toString',
      'Mon Jan 01 2024 01:00:00 GMT+0100 (Central European Standard Time)',
      JAN_1_2024,
    ],
    ['named date, case-insensitive', 'MON, 01 JAN 2024 00:00:00 gmt', JAN_1_2024],
    // .NET JSON dates
    ['.NET', '/Date(1704067200000)/', JAN_1_2024],
    ['.NET with offset (instant unchanged)', '/Date(1704067200000+0100)/', JAN_1_2024],
    ['.NET with negative offset', '/Date(1704067200000-0500)/', JAN_1_2024],
    // Range limits
    ['first accepted instant', '1970-01-01T00:00:00.001Z', 1],
    ['last accepted year', '2200-12-31T23:59:59Z', utc(2200, 12, 31, 23, 59, 59)],
  ])('%s: %j', (_label, input, expected) => {
    expect(parseCreatedDate(input)).toBe(expected);
  });
});

describe('parseCreatedDate rejects', () => {
  it.each<[string, unknown]>([
    // Absent and wrong types
    ['undefined', undefined],
    ['null', null],
    ['empty string', ''],
    ['whitespace', '   '],
    ['true', true],
    ['false', false],
    ['object', { date: '2024-01-01' }],
    ['array', ['2024-01-01']],
    ['Date object', new Date(JAN_1_2024)],
    ['NaN', NaN],
    ['Infinity', Infinity],
    // Slash-separated numeric dates (day/month order unknowable)
    ['MM/DD/YYYY', '01/02/2024'],
    ['M/D/YY', '1/2/24'],
    ['YYYY/MM/DD', '2024/01/02'],
    ['slash date with time', '01/02/2024 10:00:00'],
    ['DD.MM.YYYY', '02.01.2024'],
    // Out of range
    ['zero timestamp ("not set")', 0],
    ['zero string', '0'],
    ['negative timestamp', -1],
    ['negative timestamp string', '-1704067200'],
    ['before 1970 (ISO)', '1969-12-31T23:59:59Z'],
    ['before 1970 after offset', '1970-01-01T00:30:00+01:00'],
    ['after 2200', '2201-01-01T00:00:00Z'],
    ['after 2200 (seconds)', 7289654400],
    ['11-digit seconds, far future', 99999999999],
    ['year 0001', '0001-01-01'],
    ['14-digit ms lands after 2200', 10000000000000],
    ['20-digit timestamp', '10000000000000000000'],
    ['20-digit number', 1e20],
    ['.NET negative', '/Date(-1000)/'],
    ['.NET before 1970 is rejected, not shifted', '/Date(-1704067200000)/'],
    // Invalid calendar dates and times
    ['Feb 30', '2024-02-30'],
    ['Feb 29 in a non-leap year', '2023-02-29'],
    ['month 13', '2024-13-01'],
    ['day 0', '2024-01-00'],
    ['YYYYMMDD month 13', '20241332'],
    ['YYYYMMDD Feb 30', '20240230'],
    ['YYYYMMDDHHmmss hour 25', '20240101250000'],
    ['hour 24', '2024-01-01T24:00:00Z'],
    ['minute 60', '2024-01-01T10:60:00Z'],
    ['leap second', '2024-01-01T23:59:60Z'],
    ['offset hour 15', '2024-01-01T00:00:00+15:00'],
    ['named date Feb 30', '30 Feb 2024'],
    ['named date, 13 PM', 'January 5, 2024 13:00 PM'],
    ['named date, weekday contradicts date', 'Tue, 01 Jan 2024 00:00:00 GMT'],
    ['named date, unknown zone', 'Mon, 01 Jan 2024 00:00:00 CET'],
    ['misspelt month', '5 Janury 2024'],
    ['month without a year', 'January 5'],
    // Malformed
    ['single-digit ISO month', '2024-1-01'],
    ['two-digit year', '24-01-01'],
    ['words', 'yesterday'],
    ['trailing junk', '2024-01-01T00:00:00Zjunk'],
    ['hex', '0x65920080'],
    ['exponent string', '1.7e9'],
  ])('%s: %j', (_label, input) => {
    expect(parseCreatedDate(input)).toBeNull();
  });

  it('bigint', () => {
    expect(parseCreatedDate(BigInt(1704067200))).toBeNull();
  });
});

describe('formatDay', () => {
  it('names the UTC day, whatever the local zone', () => {
    expect(formatDay(Date.UTC(2022, 4, 3, 23, 59))).toBe('3 May 2022');
    expect(formatDay(Date.UTC(2024, 11, 31, 0, 0))).toBe('31 Dec 2024');
    expect(formatDay(parseCreatedDate('2023-02-14T00:30:00+01:00')!)).toBe('13 Feb 2023');
  });
});
