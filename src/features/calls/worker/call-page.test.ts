import { describe, expect, it, vi } from 'vitest';
import type { LookupResult } from '@/platform/messages';
import { callSessions, type CallSession } from '@/platform/storage/keys';
import { aCall } from '@/test/calls';
import {
  callPageResponse,
  LOOKUP_WAIT_MS,
  onFetch,
  ROOT_MARKUP,
  SERVE_DEADLINE_MS,
} from './call-page';
import { beginPop, endPop, sharedLookup } from './in-flight';

const PAGE = `<!doctype html><html><head><link rel="stylesheet" crossorigin href="/assets/callpop.css"></head><body>${ROOT_MARKUP}<script src="/assets/callpop-first-paint.js"></script></body></html>`;
const CSS = '.card { padding: 8px; }';
const URL_FOR = (session: string) =>
  `chrome-extension://abc/src/entrypoints/callpop/index.html?session=${encodeURIComponent(session)}`;

function packaged(files: Record<string, string> = {}) {
  const all: Record<string, string> = {
    'src/entrypoints/callpop/index.html': PAGE,
    'assets/callpop.css': CSS,
    ...files,
  };
  return async (path: string) => {
    const file = all[path];
    if (file === undefined) throw new Error(`no ${path}`);
    return file;
  };
}

function result(name: string): LookupResult {
  return {
    phoneNumber: '+14155550102',
    displayNumber: '+1 415 555 0102',
    contacts: [{ id: 2, name, type: 'person', pageUrl: null }],
    canCreate: true,
    contactTypes: [],
    source: 'cache',
    fetchedAt: 1,
    stale: false,
    resolution: null,
    returnMessage: null,
  };
}

const call = (sessionId: string, lookup: CallSession['lookup']) =>
  aCall({ sessionId, lookup, pop: { state: 'claimed', at: 1 } });

describe('the call-pop page served with the call in it', () => {
  it('puts the call view into #root, inlines the stylesheet and keeps the page policy', async () => {
    await callSessions.set('s1', call('s1', { state: 'done', result: result('Bob Smith') }));
    const response = await callPageResponse(URL_FOR('s1'), { packaged: packaged() });
    const html = await response!.text();
    expect(html).toMatch(/<div id="root" data-served="\d+:done"><main class="callpop stack"/);
    expect(html).toContain('<h3>Bob Smith</h3>');
    expect(html).toContain(`<style>${CSS}</style>`);
    expect(html).not.toContain('rel="stylesheet"');
    expect(html).toContain('<script src="/assets/callpop-first-paint.js"></script>');
    expect(response!.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response!.headers.get('content-security-policy')).toBe(
      "script-src 'self'; object-src 'self'",
    );
  });

  it("keeps a caller's name as text even when it reads like a replacement pattern", async () => {
    const name = "Pay $` $& $' Co";
    await callSessions.set('s1', call('s1', { state: 'done', result: result(name) }));
    const html = await (await callPageResponse(URL_FOR('s1'), { packaged: packaged() }))!.text();
    expect(html).toContain(`<h3>Pay $\` $&amp; $&#39; Co</h3>`);
    expect(html.match(/<div id="root"/g)).toHaveLength(1);
    expect(html.match(/<!doctype/gi)).toHaveLength(1);
  });

  it('serves a call being popped from memory, and the built page without package reads', async () => {
    // Stored: still looking up; in memory: the record this worker has just written.
    await callSessions.set('s1', call('s1', { state: 'pending', startedAt: 1 }));
    const current = call('s1', { state: 'done', result: result('Ann Lee') });
    const reads = vi.fn(packaged());
    const built = PAGE.replace(/<link[^>]*>/, `<style>${CSS}</style>`);
    beginPop(current);
    const html = await (await callPageResponse(URL_FOR('s1'), {
      page: built,
      packaged: reads,
    }))!.text();
    endPop('s1');
    expect(html).toContain('<h3>Ann Lee</h3>');
    expect(html).toContain(`<style>${CSS}</style>`);
    expect(reads).not.toHaveBeenCalled();
    // Once the pop is over, the stored record is what is served.
    const later = await (await callPageResponse(URL_FOR('s1'), { packaged: packaged() }))!.text();
    expect(later).toContain('Looking up');
  });

  it('escapes whatever the CRM calls the contact', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    await callSessions.set('s1', call('s1', { state: 'done', result: result(hostile) }));
    const html = await (await callPageResponse(URL_FOR('s1'), { packaged: packaged() }))!.text();
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('waits briefly for a lookup this worker is running, then shows its answer', async () => {
    await callSessions.set('s1', call('s1', { state: 'pending', startedAt: 1 }));
    let finish: () => void = () => undefined;
    void sharedLookup('s1', async () => {
      await new Promise<void>((resolve) => (finish = resolve));
      await callSessions.set('s1', call('s1', { state: 'done', result: result('Carol Diaz') }));
      return result('Carol Diaz');
    });
    const wait = vi.fn(() => new Promise<void>(() => undefined)); // never the one that ends it
    const serving = callPageResponse(URL_FOR('s1'), { packaged: packaged(), wait });
    await Promise.resolve();
    finish();
    const html = await (await serving)!.text();
    expect(html).toContain('<h3>Carol Diaz</h3>');
    expect(wait).toHaveBeenCalledWith(LOOKUP_WAIT_MS);
  });

  it('shows the stored reason when the running lookup fails', async () => {
    await callSessions.set('s1', call('s1', { state: 'pending', startedAt: 1 }));
    void sharedLookup('s1', async () => {
      await callSessions.set('s1', call('s1', { state: 'failed', message: 'Pipedrive is down' }));
      return null;
    });
    const html = await (await callPageResponse(URL_FOR('s1'), {
      packaged: packaged(),
      wait: () => new Promise(() => undefined),
    }))!.text();
    expect(html).toContain('Could not look up this number: Pipedrive is down');
  });

  it('stops waiting after the limit and shows the lookup as under way', async () => {
    await callSessions.set('s1', call('s1', { state: 'pending', startedAt: 1 }));
    void sharedLookup('s1', () => new Promise(() => undefined));
    const html = await (await callPageResponse(URL_FOR('s1'), {
      packaged: packaged(),
      wait: async () => undefined,
    }))!.text();
    expect(html).toContain('Looking up +1 415 555 0102…');
  });

  it('serves a waiting view for a call not recorded yet', async () => {
    const html = await (await callPageResponse(URL_FOR('later'), { packaged: packaged() }))!.text();
    expect(html).toContain('Opening the call…');
  });

  it('leaves the page to the package when it has no session or no root to fill', async () => {
    const noSession = 'chrome-extension://abc/src/entrypoints/callpop/index.html';
    await expect(callPageResponse(noSession, { packaged: packaged() })).resolves.toBeNull();
    const bare = packaged({ 'src/entrypoints/callpop/index.html': '<html><body></body></html>' });
    await expect(callPageResponse(URL_FOR('s1'), { packaged: bare })).resolves.toBeNull();
  });

  it('keeps a stylesheet linked when its text could end the style element', async () => {
    const css = 'a::after { content: "</style>"; }';
    const html = await (await callPageResponse(URL_FOR('s1'), {
      packaged: packaged({ 'assets/callpop.css': css }),
    }))!.text();
    expect(html).toContain('rel="stylesheet"');
    expect(html).not.toContain(css);
  });
});

describe('onFetch', () => {
  const event = (url: string, mode: RequestMode) => {
    const respondWith = vi.fn();
    return { event: { request: { url, mode }, respondWith } as unknown as FetchEvent, respondWith };
  };

  it('answers only the call-pop page navigation', async () => {
    const other = event('chrome-extension://abc/src/entrypoints/popup/index.html', 'navigate');
    onFetch(other.event);
    expect(other.respondWith).not.toHaveBeenCalled();
    const asset = event(
      'chrome-extension://abc/src/entrypoints/callpop/index.html?session=1',
      'cors',
    );
    onFetch(asset.event);
    expect(asset.respondWith).not.toHaveBeenCalled();
    const page = event(
      'chrome-extension://abc/src/entrypoints/callpop/index.html?session=1',
      'navigate',
    );
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(PAGE)),
    );
    onFetch(page.event);
    expect(page.respondWith).toHaveBeenCalledTimes(1);
    const served = (await page.respondWith.mock.calls[0]![0]) as Response;
    expect(await served.text()).toContain('data-served');
    vi.unstubAllGlobals();
  });

  it('loads the packaged page when serving hangs, so the window is never blank', async () => {
    // A storage read that never answers.
    const never = new Promise<never>(() => undefined);
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the typings pick get's callback overload
    vi.spyOn(chrome.storage.session, 'get').mockImplementation(() => never);
    const packagedPage = new Response('<html>packaged</html>');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => packagedPage),
    );
    const page = event(
      'chrome-extension://abc/src/entrypoints/callpop/index.html?session=s1',
      'navigate',
    );
    const started = Date.now();
    onFetch(page.event);
    const served = (await page.respondWith.mock.calls[0]![0]) as Response;
    expect(served).toBe(packagedPage);
    expect(Date.now() - started).toBeGreaterThanOrEqual(SERVE_DEADLINE_MS - 50);
    vi.unstubAllGlobals();
  });
});
