// Every value is URL-encoded and only http(s) results are returned, so a template or a CRM value
// can never produce a `javascript:` or `data:` link.
import { onlyHost, webUrl } from '@/features/connection/model/connection';

type TemplateValues = Record<string, string | number | undefined | null>;

/** `{hostname}` is an origin (a bare host gets https://); other tokens are encodeURIComponent'ed. */
export function renderUrlTemplate(template: string, values: TemplateValues): string | null {
  if (typeof template !== 'string' || template.trim() === '') return null;
  let missing = false;
  // `https://{hostname}/…` (App Connect style) and `{hostname}/…` both mean "the CRM's origin".
  const normalized = template.trim().replace(/^https?:\/\/(?=\{hostname\})/i, '');
  const rendered = normalized.replace(/\{(\w+)\}/g, (token, name: string) => {
    const value = values[name];
    if (value === undefined || value === null || value === '') {
      missing = true;
      return token;
    }
    if (name === 'hostname') return hostnameOrigin(String(value)) ?? ((missing = true), token);
    // encodeURIComponent leaves dots, and URLs read `.`/`..` (even as %2E) as steps up the
    // path: such a value has no page of its own.
    const text = String(value);
    if (text === '.' || text === '..') return ((missing = true), token);
    return encodeURIComponent(text);
  });
  if (missing) return null;
  return httpUrl(rendered);
}

// Null unless a plain host or http(s) origin: anything after the host (`/`, `?`, `#`, `\`, `@`)
// would turn the template's own path into a query, a fragment or a user name.
function hostnameOrigin(hostname: string): string | null {
  const url = webUrl(hostname);
  return url && onlyHost(url, hostname) ? url.origin : null;
}

/** The URL if it parses and is http(s), else null. */
export function httpUrl(text: string): string | null {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
