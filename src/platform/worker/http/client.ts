/**
 * The one axios instance CallPop uses. A service worker has no XMLHttpRequest, so the fetch
 * adapter is pinned. JSON that does not parse throws instead of arriving as a string, so a
 * proxy's HTML page or a truncated body is reported as a malformed answer, never as "no match".
 */
import axios from 'axios';

export const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * The most bytes of one CRM answer CallPop reads. The largest real answers (500 search results,
 * a page of records) are a few hundred kB; a CRM or proxy sending more would otherwise be read
 * to the end into the worker's memory, which Chrome kills (and every call stops popping).
 */
export const MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

export const http = axios.create({
  adapter: 'fetch',
  timeout: DEFAULT_TIMEOUT_MS,
  headers: { Accept: 'application/json' },
  transitional: { silentJSONParsing: false, forcedJSONParsing: true, clarifyTimeoutError: true },
  // Credentials go in headers only; redirects to another origin would drop them anyway.
  maxRedirects: 0,
  // Counted as the body streams in, so an answer with no Content-Length is cut off too.
  maxContentLength: MAX_RESPONSE_BYTES,
  // Past the browser's HTTP cache: Chrome lets one request for a URL through it at a time, so
  // an identical GET (a Refresh of a search that hangs) would wait out the first one's timeout.
  // CRM answers are never taken from that cache anyway.
  fetchOptions: { cache: 'no-store' },
});
