/** Small helpers shared by the emulators (node builtins only). */

/** 'YYYY-MM-DD HH:mm:ss' in UTC: Pipedrive v1 and Insightly both use this form. */
export function sqlTime(date: Date = new Date()): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/** 'YYYY-MM-DDTHH:mm:ssZ' in UTC: the ISO 8601 form Pipedrive v2 returns. */
export function isoTime(date: Date = new Date()): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** Convert an ISO time (as stored) to the v1/Insightly form; null stays null. */
export function isoToSql(iso: string | null): string | null {
  return iso === null ? null : sqlTime(new Date(iso));
}

export const SQL_TIME_RE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

export function digits(value: string): string {
  return value.replace(/\D/g, '');
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Text of a scalar JSON value; null for objects/arrays/absent values. */
export function scalarText(value: unknown): string | null {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : null;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a query/body number; NaN and absent values fall back. */
export function toInt(value: unknown, fallback: number): number {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string'
        ? Number.parseInt(value, 10)
        : NaN;
  return Number.isFinite(n) ? n : fallback;
}

/** Opaque pagination cursor, like the base64 cursors Pipedrive v2 hands out. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): number | null {
  if (!cursor) return 0;
  const m = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return m ? Number(m[1]) : null;
}
