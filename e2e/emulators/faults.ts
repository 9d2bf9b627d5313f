import { isRecord } from './util.ts';
import { matchesMethod, matchesPath, type PathMatcher } from './log.ts';

export const FAULT_KINDS = [
  'status', // answer with `status`; body defaults to the CRM's own error body for it
  'rateLimit', // 429 + Retry-After + the CRM's rate-limit headers and body
  'delay', // wait delayMs, then answer normally
  'malformed', // 200 application/json with truncated JSON
  'html', // HTML page (proxy/maintenance), 200 unless `status` is given
  'empty', // 200 with an empty body
  'drop', // destroy the socket without answering
  'hang', // never answer (until the emulator closes or the client aborts)
  'hold', // do nothing until released (control API), then store and answer: a late write
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSpec {
  method?: string;
  path?: PathMatcher;
  /** How many matching requests this fault shapes; default 1; Infinity or < 0 = forever. */
  times?: number;
  kind: FaultKind;
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  delayMs?: number;
  /** Retry-After seconds for 'rateLimit' (default 2, Pipedrive's window). */
  retryAfterSec?: number;
}

interface PendingFault extends FaultSpec {
  remaining: number;
}

export class FaultQueue {
  private readonly queue: PendingFault[] = [];

  constructor(private readonly caseInsensitive = false) {}

  add(spec: FaultSpec): void {
    if (!FAULT_KINDS.includes(spec.kind)) throw new Error(`unknown fault kind: ${spec.kind}`);
    const times = spec.times ?? 1;
    this.queue.push({ ...spec, remaining: times < 0 ? Infinity : times });
  }

  clear(): void {
    this.queue.length = 0;
  }

  /** Faults still waiting, in match order. */
  pending(): FaultSpec[] {
    return this.queue.map(({ remaining, ...spec }) => ({ ...spec, times: remaining }));
  }

  /** Consumes the first fault matching this request (faults apply in the order added). */
  take(method: string, path: string): FaultSpec | undefined {
    const index = this.queue.findIndex(
      (f) => matchesMethod(f.method, method) && matchesPath(f.path, path, this.caseInsensitive),
    );
    const fault = this.queue[index];
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.queue.splice(index, 1);
    return fault;
  }
}

/** Builds a fault from control-API JSON, where a RegExp path arrives as { pathRegex }. */
export function faultFromJson(json: unknown): FaultSpec {
  if (!isRecord(json)) throw new Error('fault must be a JSON object');
  const { pathRegex, pathFlags, path, kind, ...rest } = json;
  if (typeof kind !== 'string' || !(FAULT_KINDS as readonly string[]).includes(kind)) {
    throw new Error(`kind must be one of ${FAULT_KINDS.join(', ')}`);
  }
  const spec: FaultSpec = { ...(rest as Omit<FaultSpec, 'kind'>), kind: kind as FaultKind };
  if (typeof pathRegex === 'string') {
    spec.path = new RegExp(pathRegex, typeof pathFlags === 'string' ? pathFlags : '');
  } else if (typeof path === 'string') {
    spec.path = path;
  }
  return spec;
}

/** JSON-safe view of a fault (for GET /__emulator/faults). */
export function faultToJson(spec: FaultSpec): Record<string, unknown> {
  const { path, times, ...rest } = spec;
  const out: Record<string, unknown> = { ...rest, times: times === Infinity ? -1 : times };
  if (path instanceof RegExp) {
    out.pathRegex = path.source;
    out.pathFlags = path.flags;
  } else if (path !== undefined) out.path = path;
  return out;
}
