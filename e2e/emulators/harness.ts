import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleControl } from './control.ts';
import { FaultQueue, type FaultSpec } from './faults.ts';
import { RequestLog, type LogEntry } from './log.ts';
import { sleep } from './util.ts';

export interface EmulatorRequest {
  method: string;
  path: string;
  /** URLSearchParams semantics: '+' decodes to a space, as on a real server. */
  params: URLSearchParams;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  rawBody: string;
}

export interface EmulatorResponse {
  status: number;
  /** Strings are sent as-is; anything else is sent as JSON; undefined = empty body. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface EmulatorOptions<D> {
  name: string;
  port?: number;
  caseInsensitivePaths?: boolean;
  data: D;
  handle: (req: EmulatorRequest) => EmulatorResponse | Promise<EmulatorResponse>;
  /** The CRM's own error body for a status (used by 'status' faults and crashes). */
  errorBody: (status: number) => unknown;
  /** The CRM's 429 answer (used by 'rateLimit' faults). */
  rateLimitAnswer: (retryAfterSec: number) => EmulatorResponse;
  /** Headers on every API answer, e.g. Pipedrive's x-ratelimit-*. */
  commonHeaders?: () => Record<string, string>;
  /** Restores data and any emulator-specific state. */
  onReset?: () => void;
}

export interface Emulator<D> {
  name: string;
  url: string;
  port: number;
  log: RequestLog;
  faults: FaultQueue;
  data: D;
  setLatency(ms: number): void;
  latency(): number;
  /**
   * Lets the requests a 'hold' fault keeps go on: each is handled (a write stored) and answered,
   * if its client still listens. Answers how many were held.
   */
  release(): number;
  /** How many requests a 'hold' fault keeps now. */
  held(): number;
  /** Seed data back, log and faults cleared, latency 0, held requests let go. */
  reset(): void;
  close(): Promise<void>;
}

const MAINTENANCE_HTML =
  '<!DOCTYPE html><html><head><title>503 Service Temporarily Unavailable</title></head>' +
  '<body><h1>Service Temporarily Unavailable</h1><p>We are performing scheduled maintenance.' +
  ' Please try again shortly.</p></body></html>';

export async function startEmulator<D>(opts: EmulatorOptions<D>): Promise<Emulator<D>> {
  const ci = opts.caseInsensitivePaths ?? false;
  const log = new RequestLog(ci);
  const faults = new FaultQueue(ci);
  const hung = new Set<ServerResponse>();
  const holding: (() => void)[] = [];
  let latencyMs = 0;
  const release = () => {
    const count = holding.length;
    for (const go of holding.splice(0)) go();
    return count;
  };

  /** Resets so far: a request remembers the one it arrived in. */
  let lives = 0;
  const emulator: Emulator<D> = {
    name: opts.name,
    url: '',
    port: 0,
    log,
    faults,
    data: opts.data,
    setLatency: (ms) => {
      latencyMs = Math.max(0, ms);
    },
    latency: () => latencyMs,
    release,
    held: () => holding.length,
    reset: () => {
      lives += 1;
      release();
      log.clear();
      faults.clear();
      latencyMs = 0;
      opts.onReset?.();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const res of hung) res.destroy();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };

  const server = createServer((req, res) => {
    void serve(req, res).catch(() => res.destroy());
  });

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator.local');
    const rawBody = await readBody(req);
    const request: EmulatorRequest = {
      method: (req.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      params: url.searchParams,
      query: Object.fromEntries(url.searchParams),
      headers: flattenHeaders(req),
      body: parseBody(rawBody, req.headers['content-type']),
      rawBody,
    };
    // Control requests are neither logged nor subject to faults or latency.
    if (url.pathname.startsWith('/__emulator/')) {
      return write(res, handleControl(emulator, request));
    }
    const entry: LogEntry = {
      method: request.method,
      path: request.path,
      query: request.query,
      headers: request.headers,
      body: request.body,
      status: 0,
      at: Date.now(),
    };
    log.add(entry);
    const life = lives;
    const fault = faults.take(request.method, request.path);
    if (fault) entry.fault = fault.kind;
    if (latencyMs > 0) await sleep(latencyMs);

    if (fault?.kind === 'drop') return void req.socket.destroy();
    if (fault?.kind === 'hang') {
      hung.add(res);
      res.on('close', () => hung.delete(res));
      return;
    }
    if (fault?.kind === 'delay') await sleep(fault.delayMs ?? 1000);
    if (fault?.kind === 'hold') await new Promise<void>((go) => holding.push(go));
    // A request that waited past a reset belongs to the emulator's previous life (an earlier
    // test): it does nothing more, so it cannot land in, or spend the rate limit of, the next one.
    // Without a reset it goes on, as a CRM stores a request its client has given up on.
    if (life !== lives) return void res.destroy();
    const answer = fault ? await faultAnswer(fault, request) : await safeHandle(request);
    answer.headers = { ...opts.commonHeaders?.(), ...answer.headers };
    entry.status = answer.status;
    write(res, answer);
  }

  async function safeHandle(request: EmulatorRequest): Promise<EmulatorResponse> {
    try {
      return await opts.handle(request);
    } catch (err) {
      console.error(`[${opts.name} emulator]`, err);
      return { status: 500, body: opts.errorBody(500) };
    }
  }

  async function faultAnswer(
    fault: FaultSpec,
    request: EmulatorRequest,
  ): Promise<EmulatorResponse> {
    const h = fault.headers ?? {};
    switch (fault.kind) {
      case 'status': {
        const status = fault.status ?? 500;
        return { status, body: fault.body ?? opts.errorBody(status), headers: h };
      }
      case 'rateLimit': {
        const answer = opts.rateLimitAnswer(fault.retryAfterSec ?? 2);
        return { ...answer, body: fault.body ?? answer.body, headers: { ...answer.headers, ...h } };
      }
      case 'malformed': {
        // The real work happens (a POST still creates), only the answer is cut short.
        const normal = await safeHandle(request);
        const text =
          typeof fault.body === 'string' ? fault.body : JSON.stringify(normal.body ?? {});
        const cut = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
        return { status: 200, body: cut, headers: { 'content-type': JSON_TYPE, ...h } };
      }
      case 'html':
        return {
          status: fault.status ?? 200,
          body: typeof fault.body === 'string' ? fault.body : MAINTENANCE_HTML,
          headers: { 'content-type': 'text/html; charset=utf-8', ...h },
        };
      case 'empty':
        return {
          status: fault.status ?? 200,
          body: '',
          headers: { 'content-type': JSON_TYPE, ...h },
        };
      default: // 'delay' and 'hold' (already waited): answer normally
        return safeHandle(request);
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  emulator.port = (server.address() as AddressInfo).port;
  emulator.url = `http://127.0.0.1:${emulator.port}`;
  return emulator;
}

const JSON_TYPE = 'application/json; charset=utf-8';

function write(res: ServerResponse, answer: EmulatorResponse): void {
  const headers = { ...answer.headers };
  let payload = '';
  if (typeof answer.body === 'string') {
    payload = answer.body;
    headers['content-type'] ??= 'text/plain; charset=utf-8';
  } else if (answer.body !== undefined) {
    payload = JSON.stringify(answer.body);
    headers['content-type'] ??= JSON_TYPE;
  }
  headers['content-length'] = String(Buffer.byteLength(payload));
  res.writeHead(answer.status, headers);
  res.end(payload);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseBody(raw: string, contentType: string | undefined): unknown {
  if (raw.length === 0) return null;
  try {
    return JSON.parse(raw) as unknown; // JSON first: `curl -d '{...}'` labels JSON as a form
  } catch {
    if (contentType?.includes('application/x-www-form-urlencoded')) {
      return Object.fromEntries(new URLSearchParams(raw));
    }
    return raw;
  }
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
