/** URL building, time formatting and header reading both connectors share. */
import { apiOrigin, isSafeCrmUrl } from '@/features/connection/model/connection';
import { http } from '@/platform/worker/http/client';
import { classifyError } from '@/platform/worker/http/errors';
import { defined, isGone } from './guards';

export type Query = Record<string, string | number | boolean | undefined>;

// Query values go through URLSearchParams so a `+` cannot turn into a space; path segments must
// come encoded. Only https (or local http) origins: credentials travel encrypted.
export function buildUrl(hostname: string, path: string, query: Query = {}): string {
  if (!path.startsWith('/') || path.startsWith('//')) throw new Error(`Bad API path: ${path}`);
  const url = new URL(`${apiOrigin(hostname)}${path}`);
  if (!isSafeCrmUrl(url)) {
    throw new Error(
      'The CRM address must start with https:// (http:// only for a CRM on this machine).',
    );
  }
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url.toString();
}

/** 'YYYY-MM-DD HH:mm:ss' in UTC, the form Pipedrive v1 and Insightly expect. */
export function sqlUtc(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ');
}

/** The CRM's x-ratelimit-* headers of one answer, named as App Connect's analytics name them. */
export function rateLimitTracking(headers: Record<string, string> = {}): Record<string, string> {
  const header = (name: string) => headers[`x-ratelimit-${name}`];
  return defined({
    ratelimitRemaining: header('remaining'),
    ratelimitAmount: header('limit'),
    ratelimitReset: header('reset'),
  });
}

/** Deletes a record; resolves when it is gone (404 and 410 included), throws when refused. */
export async function deleteIfThere(url: string, headers: Record<string, string>): Promise<void> {
  try {
    await http.delete(url, { headers });
  } catch (error) {
    if (!isGone(error)) throw error;
  }
}

// Waits for every request, so none outlives the lookup; then throws the first failure that is not
// a 429 (it says more; the engine retries a rate-limited lookup whole).
export async function allAnswered<T>(requests: Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(requests);
  const failures = settled.flatMap((s): unknown[] => (s.status === 'rejected' ? [s.reason] : []));
  if (failures.length > 0) {
    throw failures.find((e) => classifyError(e).kind !== 'rateLimited') ?? failures[0];
  }
  return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
}
