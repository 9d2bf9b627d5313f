// Test support: each emulator fault and the kind `classifyError` must report, run by both
// connectors' tests.
import { http } from '@/platform/worker/http/client';
import type { CrmFailureKind } from '@/platform/worker/http/errors';
import type { FaultSpec } from '../../e2e/emulators/faults.ts';

interface FaultCase {
  name: string;
  fault: Omit<FaultSpec, 'path' | 'method'>;
  kind: CrmFailureKind;
  /** Client timeout for this case (ms); the default otherwise. */
  timeoutMs?: number;
}

export const FAULT_CASES: FaultCase[] = [
  { name: '401', fault: { kind: 'status', status: 401 }, kind: 'auth' },
  { name: '403', fault: { kind: 'status', status: 403 }, kind: 'forbidden' },
  { name: '404', fault: { kind: 'status', status: 404 }, kind: 'notFound' },
  { name: '429', fault: { kind: 'rateLimit', retryAfterSec: 2 }, kind: 'rateLimited' },
  { name: '500', fault: { kind: 'status', status: 500 }, kind: 'unavailable' },
  { name: '502', fault: { kind: 'status', status: 502 }, kind: 'unavailable' },
  { name: '503', fault: { kind: 'status', status: 503 }, kind: 'unavailable' },
  { name: 'timeout', fault: { kind: 'delay', delayMs: 1500 }, kind: 'timeout', timeoutMs: 150 },
  { name: 'hang', fault: { kind: 'hang' }, kind: 'timeout', timeoutMs: 150 },
  { name: 'dropped connection', fault: { kind: 'drop' }, kind: 'network' },
  { name: 'invalid JSON', fault: { kind: 'malformed' }, kind: 'malformed' },
  { name: 'HTML body', fault: { kind: 'html' }, kind: 'malformed' },
  { name: 'empty body', fault: { kind: 'empty' }, kind: 'malformed' },
];

/** Runs `fn` with the shared HTTP client's timeout set to `ms`, then restores it. */
export async function withTimeout<T>(ms: number | undefined, fn: () => Promise<T>): Promise<T> {
  if (ms === undefined) return fn();
  const previous = http.defaults.timeout;
  http.defaults.timeout = ms;
  try {
    return await fn();
  } finally {
    http.defaults.timeout = previous;
  }
}
