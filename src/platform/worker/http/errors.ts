// Every CRM failure reduced to a few kinds the engine explains in plain words. Connectors throw
// `MalformedResponseError` when an answer does not have the documented shape.
import { HttpError, type HttpFailure } from './client';
import { messageOf } from '../../message-of';

export type CrmFailureKind =
  | 'auth' // 401: credentials rejected or expired
  | 'forbidden' // 403
  | 'notFound' // 404: usually a wrong domain or API URL
  | 'badRequest' // other 4xx
  | 'rateLimited' // 429
  | 'unavailable' // 5xx
  | 'timeout'
  | 'network' // refused, reset, DNS, offline
  | 'malformed' // not JSON, HTML, empty, or not the documented shape
  | 'tooLarge' // longer than MAX_RESPONSE_BYTES: not read to the end
  | 'refused'; // the connector would not send the request; its plain-words message says why

export class MalformedResponseError extends Error {
  override name = 'MalformedResponseError';
}

export class CrmError extends Error {
  constructor(
    readonly kind: CrmFailureKind,
    message: string,
    /** From Retry-After on a 429, in milliseconds. */
    readonly retryAfterMs?: number,
    /** The CRM's own error text from the response body, cleaned by `crmErrorText`. */
    readonly crmText?: string,
  ) {
    super(message);
    this.name = 'CrmError';
  }
}

/** Retry-After is either delta-seconds or an HTTP date. */
function parseRetryAfter(value: unknown, now = Date.now()): number | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The most of a CRM's error text shown to the person. */
export const CRM_TEXT_MAX = 200;

// Credentials a CRM might echo back (a URL with api_token=…, an Authorization value) and long
// opaque strings such as API tokens and keys: the text is shown and may be copied into a ticket.
const SECRET_PATTERNS = [
  /\b(api[_-]?token|access[_-]?token|api[_-]?key|token|key|password|secret)\s*[=:]\s*[^\s&"',;]+/gi,
  /\b(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]+/g,
  /[A-Za-z0-9_+/=-]{24,}/g,
];

/** Removes anything that looks like a credential, and the given secrets verbatim. */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join('[hidden]');
  }
  for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, '[hidden]');
  return out;
}

// The CRM's own words (Pipedrive `error`, Insightly `Message`): one line, no credentials, at most
// CRM_TEXT_MAX characters; undefined for HTML pages and empty bodies.
export function crmErrorText(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const record = body as Record<string, unknown>;
  const raw = [record.error, record.Message, record.message].find(
    (v): v is string => typeof v === 'string' && v.trim() !== '',
  );
  if (raw === undefined) return undefined;
  const line = redactSecrets(
    raw
      .replace(/\p{Cc}+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  return line.length > CRM_TEXT_MAX ? `${line.slice(0, CRM_TEXT_MAX - 1).trimEnd()}…` : line;
}

function kindForStatus(status: number): CrmFailureKind {
  if (status === 401) return 'auth';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status === 429) return 'rateLimited';
  if (status >= 500) return 'unavailable';
  if (status >= 400) return 'badRequest';
  return 'malformed'; // a 2xx/3xx that still failed: redirects, unreadable bodies
}

const NO_STATUS: Record<Exclude<HttpFailure, 'status'>, [CrmFailureKind, string]> = {
  timeout: ['timeout', 'The CRM did not answer in time.'],
  network: ['network', 'The CRM could not be reached.'],
  tooLarge: ['tooLarge', 'The CRM answer was too large to read.'],
  notJson: ['malformed', 'The CRM answered with something that is not JSON.'],
};

function classifyHttp({ failure, response }: HttpError): CrmError {
  if (failure !== 'status') return new CrmError(...NO_STATUS[failure]);
  const { status, headers, data } = response!;
  const retryAfter = status === 429 ? parseRetryAfter(headers['retry-after']) : undefined;
  return new CrmError(
    kindForStatus(status),
    `The CRM answered HTTP ${status}.`,
    retryAfter,
    crmErrorText(data),
  );
}

export function classifyError(error: unknown): CrmError {
  if (error instanceof CrmError) return error;
  if (error instanceof MalformedResponseError) return new CrmError('malformed', error.message);
  if (error instanceof HttpError) return classifyHttp(error);
  // Connectors refuse input they cannot send (no name, unreadable credentials) with a plain
  // Error; its subclasses (TypeError…) are bugs, whose text is not for the person.
  if (error instanceof Error && error.name === 'Error') {
    return new CrmError('refused', error.message);
  }
  return new CrmError('network', messageOf(error));
}
