// A body without the documented shape must throw `MalformedResponseError`: read as "no match"
// it would silently hide a caller's contact.
import { HttpError } from '@/platform/worker/http/client';
import { MalformedResponseError } from '@/platform/worker/http/errors';
import { isRecord } from '@/platform/is-record';
import type { Contact } from '@/features/lookup/model/contact';
export { isRecord } from '@/platform/is-record';

export type JsonRecord = Record<string, unknown>;

export function requireRecord(value: unknown, what: string): JsonRecord {
  if (!isRecord(value)) {
    throw new MalformedResponseError(`${what} is not the expected JSON object.`);
  }
  return value;
}

export function requireArray(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new MalformedResponseError(`${what} is not the expected list.`);
  return value;
}

/** A record id: a non-empty string or a finite number. */
export function requireId(value: unknown, what: string): string | number {
  if (typeof value === 'string' ? value !== '' : Number.isFinite(value)) {
    return value as string | number;
  }
  throw new MalformedResponseError(`${what} has no id.`);
}

/** A trimmed non-empty string, or undefined. */
export function optionalText(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text === '' ? undefined : text;
}

/** The fields that have a value: an unknown one is left out, never stored or sent empty. */
export const defined = <T extends object>(fields: T) =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };

/** A found contact with only the facts the CRM gave. */
export const contactOf = (fields: Contact) => ({ ...defined(fields), additionalInfo: null });

/** A 404 or 410 from the CRM: the record is already gone. */
export function isGone(error: unknown): boolean {
  const status = error instanceof HttpError ? error.response?.status : undefined;
  return status === 404 || status === 410;
}

/** One of `types` as named in `value`, in any letter case; a plain-words refusal otherwise. */
export function typeNamed<T extends string>(
  types: Record<string, T>,
  value: string | undefined,
  refusal: string,
): T {
  const wanted = value?.trim().toLowerCase();
  const type = Object.values(types).find((t) => t.toLowerCase() === wanted);
  if (!type) throw new Error(refusal);
  return type;
}
