// The one HTTP client connectors use (over fetch: axios alone took 22 KB of the worker's 60 KB gzip).
// Bad JSON in a success throws: a proxy's HTML page reads as a malformed answer, never "no match".

// Real answers are a few hundred kB at most; reading a bigger one to the end could get the
// worker killed for its memory (and every call would stop popping).
export const MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

import { messageOf } from '../../message-of';

type Headers = Record<string, string>;
type Options = { headers?: Headers };

export interface HttpResponse {
  status: number;
  /** Header names in lower case. */
  headers: Headers;
  /** The parsed JSON, or the text of a body that is not JSON (error statuses only). */
  data: unknown;
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

async function send(method: string, url: string, body: unknown, own?: Headers) {
  const timeoutMs = http.defaults.timeout;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  const headers: Headers = { Accept: 'application/json', ...own };
  if (body !== undefined) headers['Content-Type'] ??= 'application/json';
  try {
    const res = await fetch(url, {
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
    throw new HttpError('network', messageOf(error));
  } finally {
    clearTimeout(timer);
  }
}

export const http = {
  defaults: { timeout: 15_000 }, // the settings' timeout once they are read
  get: (url: string, { headers }: Options = {}) => send('GET', url, undefined, headers),
  delete: (url: string, { headers }: Options = {}) => send('DELETE', url, undefined, headers),
  post: (url: string, body: unknown, { headers }: Options = {}) => send('POST', url, body, headers),
  put: (url: string, body: unknown, { headers }: Options = {}) => send('PUT', url, body, headers),
  patch: (url: string, body: unknown, { headers }: Options = {}) =>
    send('PATCH', url, body, headers),
};
