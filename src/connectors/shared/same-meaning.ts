// Compares a CRM's answer with what a Save sent by meaning: it may give a time in another
// format, a number with other punctuation, a note as HTML.

/** Epoch ms of an ISO 8601 instant or of a zone-less `YYYY-MM-DD HH:MM:SS` (UTC); null if neither. */
function instantOf(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  // Zone-less text is UTC for the CRMs; Date.parse would read it as local time.
  const utc = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)
    ? `${text.replace(' ', 'T')}Z`
    : text;
  const ms = Date.parse(utc);
  return Number.isNaN(ms) ? null : ms;
}

/** Same instant, to the second (CRMs store seconds). */
export function sameInstant(a: unknown, b: unknown): boolean {
  const x = instantOf(a);
  const y = instantOf(b);
  return x !== null && y !== null && Math.floor(x / 1000) === Math.floor(y / 1000);
}

/** The CRM's clock and this computer's may disagree by a little. */
const CLOCK_SLACK_MS = 2 * 60_000;

/** A record the CRM made at `created` (any time format) was made since `since` (epoch ms). */
export function madeSince(created: unknown, since: number): boolean {
  const at = instantOf(created);
  return at !== null && at >= since - CLOCK_SLACK_MS;
}

const digitsOf = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' ? String(value).replace(/\D/g, '') : '';

/** Same digits: phone numbers, ids and durations whatever their punctuation or type. */
export function sameDigits(a: unknown, b: unknown): boolean {
  return digitsOf(a) === digitsOf(b);
}

/** Text as typed, with line endings made alike and surrounding space set aside. */
function plainText(value: unknown): string {
  return typeof value === 'string'
    ? value
        .replace(/\r\n?/g, '\n')
        .replace(/[ \t]+\n/g, '\n')
        .trim()
    : '';
}

const ENTITIES: Record<string, string> = { nbsp: ' ', lt: '<', gt: '>', quot: '"', amp: '&' };

/** The plain text of an HTML fragment: breaks and paragraphs as new lines, entities decoded. */
function htmlText(value: unknown): string {
  if (typeof value !== 'string') return '';
  return plainText(
    value
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/p>\s*<p[^>]*>/gi, '\n')
      .replace(/<\/?(p|div|span|b|i|strong|em)(\s[^>]*)?>/gi, '')
      .replace(/&(nbsp|lt|gt|quot|amp|#0*39);/g, (_, name: string) => ENTITIES[name] ?? "'"),
  );
}

/** The CRM's text says what was typed, whether it kept it as plain text or as HTML. */
export function sameText(stored: unknown, typed: string): boolean {
  const want = plainText(typed);
  return plainText(stored) === want || htmlText(stored) === want;
}
