/**
 * Serves the call-pop page with the call already in it. The worker has just recorded the call
 * and opened the window, so it answers the window's navigation with the packaged HTML plus the
 * call view (escaped, see shared/view-html.ts): the first frame shows the caller, with no script
 * to load and no storage read in the page first. Every other request bypasses the worker by a
 * static route, so no extension page waits on the worker to load.
 */
import { callView, viewedState } from '../model/call-view';
import { callSessions, type CallSession } from '@/platform/storage/keys';
import { escapeHtml, viewToHtml } from '../model/view-html';
import { sleep } from '@/platform/sleep';
import { CALLPOP_PATH } from './call-window';
import { inlineStylesheets } from './inline-stylesheets';
import { poppingRecord, runningLookup } from './in-flight';

/** The page's pathname as requested (CALLPOP_PATH is relative to the package root). */
export const CALLPOP_PAGE = `/${CALLPOP_PATH}`;
/** Where the call view goes: the packaged page's empty root. */
export const ROOT_MARKUP = '<div id="root"></div>';

/**
 * How long the page waits for a lookup this worker is running. The wait holds the window's
 * first frame, so it is short: enough for a cache hit or a local CRM; a slower answer reaches
 * the open window through storage.
 */
export const LOOKUP_WAIT_MS = 60;

/**
 * The built call-pop page, stylesheets inlined, embedded in the worker by the build
 * (scripts/classic-worker-plugin.ts): serving it reads nothing, while Chrome answers the worker's
 * reads late as the window is being created. Not defined unbuilt (tests, dev server).
 */
declare const __CALLPOP_PAGE__: string | undefined;

export interface CallPageDeps {
  /** The page as built, stylesheets inlined; when absent, it is read with `packaged`. */
  page?: string;
  /** A packaged file's text, by its path in the package (the page, its stylesheets). */
  packaged: (path: string) => Promise<string>;
  wait?: (ms: number) => Promise<void>;
}

async function settledRecord(
  sessionId: string,
  wait: (ms: number) => Promise<void>,
): Promise<CallSession | undefined> {
  // The call being popped is in memory: while its window is being created, Chrome answers
  // storage reads late, and this read holds the window's first frame.
  const session = poppingRecord(sessionId) ?? (await callSessions.get(sessionId));
  const running = session?.lookup.state === 'pending' ? runningLookup(sessionId) : undefined;
  if (!session || !running) return session;
  const answer = await Promise.race([running, wait(LOOKUP_WAIT_MS).then(() => undefined)]);
  if (answer) return { ...session, lookup: { state: 'done', result: answer } };
  // Failed (its reason is stored before the promise settles) or still running.
  return answer === null ? callSessions.get(sessionId) : session;
}

function extensionPagesPolicy(): string | undefined {
  const policy = chrome.runtime.getManifest().content_security_policy;
  return typeof policy === 'object' ? policy?.extension_pages : undefined;
}

/** The page with the call in it; null when it cannot be served that way (then: the package). */
export async function callPageResponse(
  requestUrl: string,
  deps: CallPageDeps,
): Promise<Response | null> {
  const sessionId = new URL(requestUrl).searchParams.get('session');
  if (!sessionId) return null;
  const [template, session] = await Promise.all([
    deps.page ?? deps.packaged(CALLPOP_PATH).then((page) => inlineStylesheets(page, deps.packaged)),
    settledRecord(sessionId, deps.wait ?? sleep),
  ]);
  if (!template.includes(ROOT_MARKUP)) return null;
  const view = viewToHtml(callView(session));
  const state = escapeHtml(viewedState(session));
  // A function, not a string: `$&`, `$'` in a caller's name must stay text, not patterns.
  const html = template.replace(
    ROOT_MARKUP,
    () => `<div id="root" data-served="${state}">${view}</div>`,
  );
  const policy = extensionPagesPolicy();
  return new Response(html, {
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      ...(policy ? { 'content-security-policy': policy } : {}),
    },
  });
}

/**
 * The longest the window's navigation waits for the served page. Serving takes milliseconds;
 * past this (a storage read Chrome never answers), the packaged page loads instead and reads
 * the call itself, so the window is never left blank.
 */
export const SERVE_DEADLINE_MS = 1_500;

/** The worker's fetch listener: serves the call-pop page and leaves every other request. */
export function onFetch(event: FetchEvent): void {
  const { request } = event;
  if (request.mode !== 'navigate' || new URL(request.url).pathname !== CALLPOP_PAGE) return;
  const served = callPageResponse(request.url, {
    ...(typeof __CALLPOP_PAGE__ === 'string' ? { page: __CALLPOP_PAGE__ } : {}),
    packaged: async (path) => {
      const response = await fetch(chrome.runtime.getURL(path));
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      return response.text();
    },
  });
  event.respondWith(
    Promise.race([served, sleep(SERVE_DEADLINE_MS).then(() => null)])
      .then((response) => response ?? fetch(request))
      .catch(() => fetch(request)),
  );
}

/**
 * Install: every request but the call-pop page goes straight to the package (Chrome's static
 * routing; where it is missing, onFetch lets other requests through untouched).
 */
export function routeAroundWorker(event: ExtendableEvent): void {
  const withRoutes = event as ExtendableEvent & {
    addRoutes?: (routes: unknown) => Promise<void>;
  };
  const Pattern = (globalThis as { URLPattern?: new (init: { pathname: string }) => unknown })
    .URLPattern;
  if (typeof withRoutes.addRoutes !== 'function' || !Pattern) return;
  event.waitUntil(
    withRoutes
      .addRoutes([
        {
          condition: { not: { urlPattern: new Pattern({ pathname: CALLPOP_PAGE }) } },
          source: 'network',
        },
      ])
      .catch((error: unknown) => console.warn('CallPop: static routes not added', error)),
  );
}
