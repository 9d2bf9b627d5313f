// The one HTTP client connectors use: fetch, JSON in and out, a timeout, and a cap on what is read.
// Bad JSON in a success throws, so a proxy's HTML page or a truncated body reads as a malformed
// answer, never as "no match". (Hand-written over fetch rather than axios: the worker's whole
// budget is 60 KB gzip, and axios alone took 22 KB of it for the few calls below.)

const DEFAULT_TIMEOUT_MS = 15_000;

// Real answers are a few hundred kB at most; reading a bigger one to the end could get the
// worker killed for its memory (and every call would stop popping).
export const MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

export interface RequestOptions {
  headers?: Record<string, string>;
  /** Query parameters, encoded and appended to the URL. */
  params?: Record<string, string | number | boolean | undefined>;
  /** Milliseconds; the client's default otherwise. */
  timeout?: number;
}

export interface HttpResponse<T = unknown> {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** The parsed JSON, or the text of a body that is not JSON (error statuses only). */
  data: T;
}

export type HttpFailure = 'status' | 'timeout' | 'network' | 'tooLarge' | 'notJson';

export class HttpError extends Error {
  constructor(
    readonly failure: HttpFailure,
    message: string,
    /** The answer, when there was one (always for 'status'). */
    readonly response?: HttpResponse,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

function withParams(url: string, params: RequestOptions['params']): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value !== undefined) query.append(key, String(value));
  }
  const text = query.toString();
  return text ? `${url}${url.includes('?') ? '&' : '?'}${text}` : url;
}

/** The body, read as it streams in and cut off past MAX_RESPONSE_BYTES. */
async function readText(res: Response): Promise<string> {
  const reader = res.body?.getReader();
  if (!reader) return '';
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    size += part.value.byteLength;
    if (size > MAX_RESPONSE_BYTES) {
      await reader.cancel();
      throw new HttpError('tooLarge', 'The answer is larger than CallPop reads.');
    }
    text += decoder.decode(part.value, { stream: true });
  }
  return text + decoder.decode();
}

function parse(text: string, ok: boolean): unknown {
  if (text === '') return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    if (ok) throw new HttpError('notJson', 'The answer is not JSON.');
    return text;
  }
}

async function send(
  method: string,
  url: string,
  body: unknown,
  opts: RequestOptions,
): Promise<HttpResponse> {
  const timeoutMs = opts.timeout ?? http.defaults.timeout;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
  if (body !== undefined) headers['Content-Type'] ??= 'application/json';
  try {
    const res = await fetch(withParams(url, opts.params), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: abort.signal,
      // Chrome lets one request per URL through its HTTP cache at a time: a Refresh of a hanging
      // search would wait out the first one's timeout.
      cache: 'no-store',
    });
    const answer: HttpResponse = {
      status: res.status,
      headers: Object.fromEntries(res.headers),
      data: parse(await readText(res), res.ok),
    };
    if (!res.ok) throw new HttpError('status', `The CRM answered HTTP ${res.status}.`, answer);
    return answer;
  } catch (error) {
    if (error instanceof HttpError) throw error;
    if (abort.signal.aborted) throw new HttpError('timeout', `No answer in ${timeoutMs} ms.`);
    throw new HttpError('network', error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(timer);
  }
}

export const http = {
  defaults: { timeout: DEFAULT_TIMEOUT_MS },
  get: (url: string, opts: RequestOptions = {}) => send('GET', url, undefined, opts),
  delete: (url: string, opts: RequestOptions = {}) => send('DELETE', url, undefined, opts),
  post: (url: string, body: unknown, opts: RequestOptions = {}) => send('POST', url, body, opts),
};
