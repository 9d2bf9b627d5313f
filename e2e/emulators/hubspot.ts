import {
  startEmulator,
  type Emulator,
  type EmulatorRequest,
  type EmulatorResponse,
} from './harness.ts';
import { HubSpotData, type HubSpotDataOptions } from './hubspot-data.ts';
import { hsError, hsErrorBody, hubspotRouter } from './hubspot-routes.ts';
import { HUBSPOT_TOKEN } from './hubspot-seed.ts';
import { requestProblems, responseProblems } from './hubspot-spec.ts';
import { RateWindow } from './rate-window.ts';

export * from './hubspot-seed.ts';
export type { HubSpotData } from './hubspot-data.ts';

/** The scopes a private app needs for CallPop; a token granted fewer gets 403 MISSING_SCOPES. */
export const HUBSPOT_SCOPES = [
  'crm.objects.contacts.read',
  'crm.objects.contacts.write',
  'crm.objects.companies.read',
  'crm.objects.companies.write',
] as const;

/** Optional: without it the owners list is refused (403) and cards name no owner. */
export const HUBSPOT_OWNERS_SCOPE = 'crm.objects.owners.read';

export interface HubSpotOptions extends HubSpotDataOptions {
  port?: number;
  token?: string;
  /** The token's scopes (default: all of HUBSPOT_SCOPES and the owners scope). */
  scopes?: readonly string[];
  /** Search requests a second per token (HubSpot: 4). */
  searchPerSecond?: number;
}

export type HubSpotEmulator = Emulator<HubSpotData> & {
  /** What requests and answers broke of HubSpot's official documents, as they happened. */
  specProblems: string[];
  scopes: string[];
  /** The search API's per-second window (tests may give it their own clock). */
  searchLimit: RateWindow;
};

// Calls are engagements: HubSpot asks for the contacts scopes to read and write them.
function scopeFor(req: EmulatorRequest): string | null {
  if (req.path.startsWith('/crm/owners/')) return HUBSPOT_OWNERS_SCOPE;
  const m = /^\/crm\/v[34]\/objects\/(contacts|companies|calls)\b/.exec(req.path);
  if (!m) return null;
  const object = m[1] === 'calls' ? 'contacts' : m[1];
  const reads = req.method === 'GET' || /\/(search|batch\/read)$/.test(req.path);
  return `crm.objects.${object}.${reads ? 'read' : 'write'}`;
}

const recordPage = (req: EmulatorRequest): EmulatorResponse | null =>
  /^\/contacts\/\d+\/record\/0-[12]\/\d+$/.test(req.path)
    ? { status: 200, body: `<!DOCTYPE html><title>HubSpot record ${req.path}</title>` }
    : null;

export async function startHubSpot(opts: HubSpotOptions = {}): Promise<HubSpotEmulator> {
  const token = opts.token ?? HUBSPOT_TOKEN;
  const data = new HubSpotData(opts);
  const router = hubspotRouter(data);
  const searches = new RateWindow(opts.searchPerSecond ?? 4, 1000);
  const general = new RateWindow(100, 10_000);
  const specProblems: string[] = [];
  const scopes = [...(opts.scopes ?? [...HUBSPOT_SCOPES, HUBSPOT_OWNERS_SCOPE])];

  const rateLimitAnswer = (retryAfterSec: number): EmulatorResponse => ({
    status: 429,
    body: hsErrorBody(429),
    headers: { 'retry-after': String(retryAfterSec) },
  });

  const route = (req: EmulatorRequest): EmulatorResponse | Promise<EmulatorResponse> => {
    const page = req.method === 'GET' ? recordPage(req) : null;
    if (page) return page;
    if (req.headers.authorization !== `Bearer ${token}`) return hsError(401);
    const scope = scopeFor(req);
    if (scope && !scopes.includes(scope)) return hsError(403);
    const isSearch = req.path.endsWith('/search');
    if (!general.consume() || (isSearch && !searches.consume())) {
      return rateLimitAnswer(1);
    }
    const match = router.match(req.method, req.path);
    if (!match) return hsError(404);
    return match.handler(req, match.params);
  };

  const emulator = await startEmulator({
    name: 'hubspot',
    port: opts.port,
    data,
    errorBody: (status) => hsErrorBody(status),
    rateLimitAnswer,
    onReset: () => {
      data.reset();
      searches.reset();
      general.reset();
      specProblems.length = 0;
    },
    handle: async (req) => {
      const answer = await route(req);
      // API paths only: the record pages (and a browser's favicon) are HubSpot's web app.
      if (/^\/(crm|account-info)\//.test(req.path)) {
        const where = `${req.method} ${req.path}`;
        const found = [
          ...requestProblems(req),
          ...responseProblems(req, answer.status, answer.body),
        ];
        specProblems.push(...found.map((problem) => `${where}: ${problem}`));
      }
      return answer;
    },
  });
  return Object.assign(emulator, { specProblems, scopes, searchLimit: searches });
}
