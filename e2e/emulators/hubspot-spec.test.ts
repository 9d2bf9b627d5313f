/** The HubSpot emulator's routes and the document check itself, against the official documents. */
import { describe, expect, it } from 'vitest';
import { HubSpotData } from './hubspot-data.ts';
import { hubspotRouter } from './hubspot-routes.ts';
import { documented, requestProblems, responseProblems } from './hubspot-spec.ts';

describe('HubSpot against its official documents', () => {
  it('every emulator route is a documented operation', () => {
    const routes = hubspotRouter(new HubSpotData()).list();
    const undocumented = routes
      .filter((r) => !documented(r.method, r.pattern))
      .map((r) => `${r.method} ${r.pattern}`);
    expect(routes.length).toBeGreaterThan(8);
    expect(undocumented).toEqual([]);
  });

  it('refuses requests the documents do not allow', () => {
    expect(
      requestProblems({
        method: 'POST',
        path: '/crm/v3/objects/contacts/search',
        query: { hapikey: 'x' },
        body: {
          filterGroups: [{ filters: [{ propertyName: 'phone', operator: 'LIKE', value: 1 }] }],
          limit: '10',
          properties: [],
          sorts: [],
          term: 'x',
        },
      }),
    ).toEqual([
      'query hapikey is not documented',
      'body.after is required',
      'body.filterGroups[0].filters[0].operator is not one of its enum',
      'body.filterGroups[0].filters[0].value is number, documented as string',
      'body.limit is string, documented as integer',
      'body.term is not documented',
    ]);
    expect(
      requestProblems({ method: 'PUT', path: '/crm/v3/objects/contacts/1', query: {}, body: {} }),
    ).toEqual(['PUT /crm/v3/objects/contacts/1 is not documented']);
  });

  it("allows the name search's query, a record read by properties and a partial update", () => {
    const search = { filterGroups: [], properties: [], limit: 200, after: '0', sorts: [] };
    const contact = '/crm/v3/objects/contacts/1';
    expect(
      [
        {
          method: 'POST',
          path: '/crm/v3/objects/contacts/search',
          body: { ...search, query: 'sam' },
        },
        { method: 'GET', path: contact, query: { properties: 'phone' }, body: undefined },
        { method: 'PATCH', path: contact, body: { properties: { phone: '+14155550100' } } },
      ].flatMap((r) => requestProblems({ query: {}, ...r })),
    ).toEqual([]);
    expect(
      requestProblems({ method: 'PATCH', path: contact, query: {}, body: { phone: '+1' } }),
    ).toEqual(['body.properties is required', 'body.phone is not documented']);
  });

  it('refuses answers the documents do not allow', () => {
    const search = { method: 'POST', path: '/crm/v3/objects/calls/search' };
    expect(responseProblems(search, 200, { total: 1, results: [{ id: 7 }] })).toEqual([
      'HTTP 200.results[0].archived is required',
      'HTTP 200.results[0].createdAt is required',
      'HTTP 200.results[0].properties is required',
      'HTTP 200.results[0].updatedAt is required',
      'HTTP 200.results[0].id is number, documented as string',
    ]);
    expect(responseProblems(search, 401, { message: 'no' })).toEqual([
      'HTTP 401.category is required',
      'HTTP 401.correlationId is required',
    ]);
  });
});
