// A service worker has no XMLHttpRequest, hence the fetch adapter. Bad JSON throws, so a proxy's
// HTML page or a truncated body reads as a malformed answer, never as "no match".
import axios from 'axios';

const DEFAULT_TIMEOUT_MS = 15_000;

// Real answers are a few hundred kB at most; reading a bigger one to the end could get the
// worker killed for its memory (and every call would stop popping).
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
  // Chrome lets one request per URL through its HTTP cache at a time: a Refresh of a hanging
  // search would wait out the first one's timeout.
  fetchOptions: { cache: 'no-store' },
});
