import { randomUUID } from 'node:crypto';
import type { EmulatorRequest, EmulatorResponse } from './harness.ts';
import { withCalculated, type HubSpotData } from './hubspot-data.ts';
import { HUBSPOT_OWNER, HUBSPOT_PORTAL, type HsObjectType, type HsRecord } from './hubspot-seed.ts';
import { Router } from './router.ts';
import { isRecord, toInt } from './util.ts';

const CATEGORIES: Record<number, [string, string]> = {
  400: ['VALIDATION_ERROR', 'Invalid input JSON on line 1'],
  401: [
    'INVALID_AUTHENTICATION',
    'Authentication credentials not found. This API supports OAuth 2.0 authentication.',
  ],
  403: [
    'MISSING_SCOPES',
    "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
  ],
  404: ['OBJECT_NOT_FOUND', 'resource not found'],
  429: ['RATE_LIMITS', 'You have reached your secondly limit.'],
  500: ['INTERNAL_ERROR', 'internal error'],
};

/** HubSpot's error body: { status, message, correlationId, category }. */
export function hsErrorBody(status: number, message?: string): Record<string, unknown> {
  const [category, text] = CATEGORIES[status] ?? ['INTERNAL_ERROR', 'error'];
  return { status: 'error', message: message ?? text, correlationId: randomUUID(), category };
}

export const hsError = (status: number, message?: string): EmulatorResponse => ({
  status,
  body: hsErrorBody(status, message),
});

export const OBJECT_TYPES: readonly HsObjectType[] = ['contacts', 'companies', 'calls'];
/** Always in a read's properties, as HubSpot sends them. */
const ALWAYS = ['hs_object_id', 'createdate', 'lastmodifieddate'];
/** Search limits (HubSpot's documented caps). */
const MAX_LIMIT = 200;
const MAX_GROUPS = 5;
const MAX_FILTERS = 6;

function view(record: HsRecord, wanted: unknown): Record<string, unknown> {
  const all = withCalculated(record);
  const names = [...ALWAYS, ...(Array.isArray(wanted) ? wanted.map(String) : [])];
  return {
    id: record.id,
    properties: Object.fromEntries(names.map((n) => [n, all[n] ?? null])),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    archived: false,
  };
}

function instant(value: string | null | undefined): number {
  if (value === null || value === undefined) return NaN;
  return /^\d+$/.test(value) ? Number(value) : Date.parse(value);
}

function matches(record: HsRecord, filter: Record<string, unknown>): boolean {
  const value = withCalculated(record)[String(filter.propertyName)] ?? null;
  const wanted = typeof filter.value === 'string' ? filter.value : '';
  const lower = (v: string | null) => (v === null ? null : v.toLowerCase());
  switch (filter.operator) {
    case 'EQ':
      return lower(value) === wanted.toLowerCase();
    case 'IN':
      return Array.isArray(filter.values) && filter.values.map(String).includes(value ?? '');
    case 'GTE':
      return instant(value) >= instant(wanted);
    case 'HAS_PROPERTY':
      return value !== null && value !== '';
    default:
      throw new Error(`operator ${String(filter.operator)} is not emulated`);
  }
}

// The properties `query` searches (HubSpot's guide: "default searchable properties").
const QUERIED: Partial<Record<HsObjectType, string[]>> = {
  contacts: ['firstname', 'lastname', 'email', 'phone', 'mobilephone', 'company', 'fax'],
  companies: ['name', 'domain', 'website', 'phone'],
};

// Each word of the query starts a word of those properties (or a whole value, such as an email),
// in any letter case; accents count, as they do on HubSpot.
function queried(record: HsRecord, type: HsObjectType, query: string): boolean {
  const p = record.properties;
  const values = (QUERIED[type] ?? []).flatMap((name) => p[name]?.toLocaleLowerCase() ?? []);
  const words = values.flatMap((v) => [v, ...v.split(/[\s@.-]+/)]);
  const wanted = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  return wanted.every((w) => words.some((word) => word.startsWith(w)));
}

function search(req: EmulatorRequest, data: HubSpotData, type: HsObjectType): EmulatorResponse {
  const body = isRecord(req.body) ? req.body : {};
  const groups = Array.isArray(body.filterGroups) ? body.filterGroups.filter(isRecord) : [];
  const limit = toInt(body.limit, 10);
  if (groups.length > MAX_GROUPS || limit > MAX_LIMIT) {
    return hsError(400, `At most ${MAX_GROUPS} filter groups and a limit of ${MAX_LIMIT}.`);
  }
  const filtersOf = (g: Record<string, unknown>) =>
    (Array.isArray(g.filters) ? g.filters : []).filter(isRecord);
  if (groups.some((g) => filtersOf(g).length > MAX_FILTERS)) {
    return hsError(400, `At most ${MAX_FILTERS} filters in a group.`);
  }
  // Groups are ORed, the filters of a group ANDed; a query narrows them further.
  const query = typeof body.query === 'string' ? body.query : '';
  const hits = data
    .searchable(type)
    .filter(
      (r) => groups.length === 0 || groups.some((g) => filtersOf(g).every((f) => matches(r, f))),
    )
    .filter((r) => query.trim() === '' || queried(r, type, query));
  const start = toInt(body.after, 0);
  const page = hits.slice(start, start + limit);
  const next = start + limit < hits.length ? String(start + limit) : null;
  return {
    status: 200,
    body: {
      total: hits.length,
      results: page.map((r) => view(r, body.properties)),
      ...(next ? { paging: { next: { after: next, link: `?after=${next}` } } } : {}),
    },
  };
}

const ASSOCIATED_TYPE: Record<number, HsObjectType> = { 194: 'contacts', 182: 'companies' };

function create(req: EmulatorRequest, data: HubSpotData, type: HsObjectType): EmulatorResponse {
  const body = isRecord(req.body) ? req.body : {};
  if (!isRecord(body.properties)) return hsError(400, 'properties is required');
  const properties: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(body.properties)) {
    properties[k] = typeof v === 'string' || typeof v === 'number' ? String(v) : null;
  }
  const links: string[] = [];
  for (const a of Array.isArray(body.associations) ? body.associations.filter(isRecord) : []) {
    const typeId =
      Array.isArray(a.types) && isRecord(a.types[0]) ? a.types[0].associationTypeId : 0;
    const toType = ASSOCIATED_TYPE[Number(typeId)];
    const toId = isRecord(a.to) ? String(a.to.id) : '';
    if (!toType || !data.get(toType, toId)) {
      return hsError(400, `No ${toType ?? 'record'} with ID ${toId} to associate.`);
    }
    links.push(`${toType}:${toId}`);
  }
  return { status: 201, body: view(data.create(type, properties, links), Object.keys(properties)) };
}

/** HubSpot's paths are case-sensitive. Each object type's routes are listed for the spec check. */
export function hubspotRouter(data: HubSpotData): Router {
  const router = new Router(false)
    .get('/crm/owners/2026-09', () => ({ status: 200, body: { results: [HUBSPOT_OWNER] } }))
    .get('/account-info/v3/details', () => ({
      status: 200,
      body: {
        accountType: 'STANDARD',
        additionalCurrencies: [],
        companyCurrency: 'USD',
        dataHostingLocation: 'na1',
        portalId: HUBSPOT_PORTAL.portalId,
        timeZone: 'US/Eastern',
        uiDomain: data.uiDomain,
        utcOffset: '-05:00',
        utcOffsetMilliseconds: -18_000_000,
      },
    }));
  for (const type of OBJECT_TYPES) {
    router
      .post(`/crm/v3/objects/${type}/search`, (req) => search(req, data, type))
      .post(`/crm/v3/objects/${type}`, (req) => create(req, data, type))
      .get(`/crm/v3/objects/${type}/:id`, (req, { id }) => {
        const record = data.get(type, String(id));
        const wanted = req.params.getAll('properties').flatMap((p) => p.split(','));
        return record ? { status: 200, body: view(record, wanted) } : hsError(404);
      })
      .on('PATCH', `/crm/v3/objects/${type}/:id`, (req, { id }) => {
        const body = isRecord(req.body) ? req.body : {};
        if (!isRecord(body.properties)) return hsError(400, 'properties is required');
        const properties = Object.fromEntries(
          Object.entries(body.properties).map(([k, v]) => [k, typeof v === 'string' ? v : null]),
        );
        const record = data.update(type, String(id), properties);
        return record ? { status: 200, body: view(record, Object.keys(properties)) } : hsError(404);
      })
      .delete(`/crm/v3/objects/${type}/:id`, (_req, { id }) =>
        data.remove(type, String(id)) ? { status: 204 } : hsError(404),
      );
  }
  return router
    .post('/crm/v3/objects/calls/batch/read', (req) => {
      const body = isRecord(req.body) ? req.body : {};
      const ids = (Array.isArray(body.inputs) ? body.inputs.filter(isRecord) : []).map((i) =>
        String(i.id),
      );
      const found = ids.flatMap((id) => data.get('calls', id) ?? []);
      const at = new Date(data.now()).toISOString();
      return {
        status: 200,
        body: {
          status: 'COMPLETE',
          results: found.map((r) => view(r, body.properties)),
          startedAt: at,
          completedAt: at,
        },
      };
    })
    .get('/crm/v4/objects/:objectType/:objectId/associations/:toObjectType', (req, params) => {
      const from = data.get(params.objectType as HsObjectType, String(params.objectId));
      if (!from) return hsError(404);
      const prefix = `${params.toObjectType}:`;
      const ids = from.associations.filter((a) => a.startsWith(prefix));
      const limit = toInt(req.params.get('limit'), 500);
      return {
        status: 200,
        body: {
          results: ids.slice(0, limit).map((a) => ({
            toObjectId: a.slice(prefix.length),
            associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 1 }],
          })),
        },
      };
    });
}
