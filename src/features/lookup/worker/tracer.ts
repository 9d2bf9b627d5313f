/**
 * Debug traces of lookups (settings.debug): each step with its time, the CRM requests seen by
 * the axios interceptors (method, path, status, ms), secrets redacted. The last 20 traces are
 * kept in chrome.storage.session for the options page.
 */
import type { AxiosInstance, InternalAxiosRequestConfig } from 'axios';
import type { Tracer } from '@/connectors/types';
import { lookupTraces, type LookupTrace, type TraceStep } from '@/platform/storage/keys';

export const MAX_TRACES = 20;
const REDACTED = '[REDACTED]';
/** Same rule as App Connect's debug tracer: a key containing any of these is redacted. */
const SECRET_KEY = /token|auth|key|password|secret|credential|cookie|session/i;

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[…]';
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        SECRET_KEY.test(key) ? REDACTED : redact(item, depth + 1),
      ]),
    );
  }
  return value;
}

/** Path and query of a request URL, with the values of secret-looking parameters redacted. */
export function redactedPath(url: string | undefined, baseURL?: string, params?: unknown): string {
  let parsed: URL;
  try {
    parsed = new URL(url ?? '', baseURL ?? 'http://unknown.invalid');
  } catch {
    return '(unreadable URL)';
  }
  if (params && typeof params === 'object') {
    for (const [key, value] of Object.entries(params)) {
      if (value !== undefined && value !== null) parsed.searchParams.set(key, String(value));
    }
  }
  for (const key of [...parsed.searchParams.keys()]) {
    if (SECRET_KEY.test(key)) parsed.searchParams.set(key, REDACTED);
  }
  return `${parsed.pathname}${parsed.search}`;
}

export interface LookupTracer extends Tracer {
  readonly steps: TraceStep[];
  /** Writes the trace to session storage (newest first, at most MAX_TRACES). */
  finish(): Promise<void>;
}

// Debug-only and in memory by design: the tracers of lookups in flight, so the axios
// interceptors can attribute CRM requests. Losing them with the worker only loses a trace.
const activeTracers = new Set<LookupTracer>();

export function createTracer(phoneNumber: string, now: () => number = Date.now): LookupTracer {
  const startedAt = now();
  const steps: TraceStep[] = [];
  const push = (step: string, level: TraceStep['level'], data?: Record<string, unknown>) => {
    steps.push({
      ms: now() - startedAt,
      step,
      level,
      ...(data ? { data: redact(data) as Record<string, unknown> } : {}),
    });
  };
  const tracer: LookupTracer = {
    steps,
    trace: (step, data) => push(step, 'info', data),
    traceError: (step, error, data) =>
      push(step, 'error', {
        ...data,
        error: error instanceof Error ? error.message : String(error),
      }),
    async finish() {
      activeTracers.delete(tracer);
      const trace: LookupTrace = {
        id: `${startedAt.toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
        startedAt,
        phoneNumber,
        totalMs: now() - startedAt,
        steps,
      };
      await lookupTraces.update((list) => [trace, ...list].slice(0, MAX_TRACES));
    },
  };
  activeTracers.add(tracer);
  return tracer;
}

const startTimes = new WeakMap<InternalAxiosRequestConfig, number>();

function traceRequest(config: InternalAxiosRequestConfig | undefined, status: number | string) {
  if (!config || activeTracers.size === 0) return;
  const started = startTimes.get(config);
  const data = {
    method: (config.method ?? 'get').toUpperCase(),
    path: redactedPath(config.url, config.baseURL, config.params),
    status,
    ms: started === undefined ? null : Math.round(performance.now() - started),
    // Several lookups in flight at once cannot be told apart from inside axios.
    ...(activeTracers.size > 1 ? { sharedWith: activeTracers.size - 1 } : {}),
  };
  for (const tracer of activeTracers) tracer.trace('crm.request', data);
}

/** Hooks the shared axios instance once per worker start; a no-op when no lookup is traced. */
export function installHttpTracing(instance: AxiosInstance): void {
  instance.interceptors.request.use((config) => {
    if (activeTracers.size > 0) startTimes.set(config, performance.now());
    return config;
  });
  instance.interceptors.response.use(
    (response) => {
      traceRequest(response.config, response.status);
      return response;
    },
    (error: unknown) => {
      const failure = error as {
        config?: InternalAxiosRequestConfig;
        response?: { status: number };
        code?: string;
      };
      traceRequest(failure.config, failure.response?.status ?? failure.code ?? 'error');
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    },
  );
}
