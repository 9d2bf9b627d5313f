import type { FaultKind } from './faults.ts';

export type PathMatcher = string | RegExp;

export interface LogEntry {
  method: string;
  /** Path as received, without the query string. */
  path: string;
  query: Record<string, string>;
  /** Header names lowercased (node does this). */
  headers: Record<string, string>;
  /** Parsed JSON (or form) body, raw text when unparsable, null when empty. */
  body: unknown;
  /** HTTP status answered; 0 while pending or when the socket was dropped/hung. */
  status: number;
  /** The injected fault that shaped the answer, if any. */
  fault?: FaultKind;
  /** Epoch ms when the request arrived. */
  at: number;
}

export interface LogFilter {
  method?: string;
  path?: PathMatcher;
}

/** String matchers are exact; caseInsensitive mirrors APIs that ignore path case. */
export function matchesPath(
  matcher: PathMatcher | undefined,
  path: string,
  caseInsensitive: boolean,
): boolean {
  if (matcher === undefined) return true;
  if (typeof matcher !== 'string') {
    matcher.lastIndex = 0; // a /g RegExp would otherwise keep state between calls
    return matcher.test(path);
  }
  return caseInsensitive ? matcher.toLowerCase() === path.toLowerCase() : matcher === path;
}

export function matchesMethod(method: string | undefined, actual: string): boolean {
  return method === undefined || method.toUpperCase() === actual.toUpperCase();
}

export class RequestLog {
  readonly entries: LogEntry[] = [];

  constructor(private readonly caseInsensitive = false) {}

  add(entry: LogEntry): void {
    this.entries.push(entry);
  }

  clear(): void {
    this.entries.length = 0;
  }

  find(filter: LogFilter = {}): LogEntry[] {
    return this.entries.filter(
      (e) =>
        matchesMethod(filter.method, e.method) &&
        matchesPath(filter.path, e.path, this.caseInsensitive),
    );
  }

  count(filter: LogFilter = {}): number {
    return this.find(filter).length;
  }

  last(filter: LogFilter = {}): LogEntry | undefined {
    return this.find(filter).at(-1);
  }
}
