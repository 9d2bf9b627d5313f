import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { depsFor } from '@/test/engine-crms';
import { DEFAULT_SETTINGS } from '@/features/settings/model/settings';
import { connectionItem, settingsItem } from '@/platform/storage/keys';
import { classifyError } from '@/platform/worker/http/errors';
import { lookupContact } from '@/features/lookup/worker/lookup';
import { createCallLog } from '@/features/saves/worker/call-log';
import {
  HUBSPOT_NUMBERS,
  HUBSPOT_PORTAL,
  HUBSPOT_RECORDS,
  HUBSPOT_TOKEN,
  type HubSpotEmulator,
} from '../../../e2e/emulators/hubspot.ts';
import type { CreateCallLogArgs, CreateContactArgs } from '../types';
import { hubspot } from './index';
import { clock, startTestHubSpot, TOKEN_AUTH, userFor } from './test-support';

let hs: HubSpotEmulator;
beforeAll(async () => {
  hs = await startTestHubSpot();
});
afterAll(() => hs.close());
beforeEach(() => {
  hs.reset();
  hs.data.indexLagMs = 0;
  clock.ahead = 0;
});
afterEach(() => expect(hs.specProblems).toEqual([]));

const { alice, acme } = HUBSPOT_RECORDS;
const START = Date.UTC(2026, 0, 5, 9, 30, 0);

const createArgs = (name: string, type: string): CreateContactArgs => ({
  user: userFor(hs),
  authHeader: TOKEN_AUTH,
  phoneNumber: '+14155550777',
  newContactName: name,
  newContactType: type,
});

const logArgs = (type: string, id: string): CreateCallLogArgs => ({
  user: userFor(hs),
  authHeader: TOKEN_AUTH,
  contact: { id, type, name: 'x' },
  call: {
    direction: 'Inbound',
    phoneNumber: HUBSPOT_NUMBERS.punctuated,
    ownNumber: '+14155550000',
    startTime: START,
    durationSeconds: 125,
    result: 'connected',
  },
  subject: 'Inbound call',
  note: 'Wants a quote\na < b',
  additionalSubmission: {},
});

describe('hubspot createContact', () => {
  it('makes a contact with first and last name and the E.164 number', async () => {
    const made = await hubspot.createContact(createArgs('Ada King Lovelace', 'Contact'));
    expect(made.contactInfo).toMatchObject({ name: 'Ada King Lovelace', type: 'Contact' });
    const record = hs.data.get('contacts', String(made.contactInfo?.id));
    expect(record?.properties).toMatchObject({
      firstname: 'Ada King',
      lastname: 'Lovelace',
      phone: '+14155550777',
    });
  });

  it('makes a company with its name, and explains an unknown type', async () => {
    const made = await hubspot.createContact(createArgs('Walk-in Ltd', 'company'));
    expect(made.contactInfo).toMatchObject({ name: 'Walk-in Ltd', type: 'Company' });
    expect(hs.data.get('companies', String(made.contactInfo?.id))?.properties.name).toBe(
      'Walk-in Ltd',
    );
    await expect(hubspot.createContact(createArgs('X', 'Deal'))).rejects.toThrow(/Contact or a/);
  });
});

describe('a created contact during HubSpot indexing lag, through the engine', () => {
  it('is found right after it is made, and after a Refresh, before search indexes it', async () => {
    hs.data.indexLagMs = 10_000;
    await connectionItem.set({
      platform: 'hubspot',
      hostname: hs.url,
      credentials: { kind: 'apiToken', token: HUBSPOT_TOKEN },
      accountId: String(HUBSPOT_PORTAL.portalId),
      userId: String(HUBSPOT_PORTAL.portalId),
      userName: 'HubSpot account',
      connectedAt: 1,
      pageHost: HUBSPOT_PORTAL.uiDomain,
    });
    await settingsItem.set(DEFAULT_SETTINGS);
    const deps = depsFor(hubspot);
    const number = HUBSPOT_NUMBERS.nobody;
    const saved = await createCallLog(
      {
        requestId: 'hs-create-01',
        phoneNumber: number,
        contact: { kind: 'new', name: 'Placeholder Co', type: 'Company' },
        direction: 'Inbound',
        startTime: START,
        durationSeconds: 30,
        result: 'connected',
        subject: 'Inbound call',
        note: '',
        additionalSubmission: {},
      },
      deps,
    );
    const id = String(saved.contact.id);
    expect(saved.contact.pageUrl).toBe(
      `https://${HUBSPOT_PORTAL.uiDomain}/contacts/${HUBSPOT_PORTAL.portalId}/record/0-2/${id}`,
    );
    // HubSpot's search does not see it yet…
    const direct = await hubspot.findContact({ ...findNow(number) });
    expect(direct.matchedContactInfo?.map((c) => c.id)).not.toContain(id);
    // …but CallPop shows it, from the cache and after a Refresh that asks HubSpot again.
    const cached = await lookupContact({ phoneNumber: number }, deps);
    expect(cached.contacts.map((c) => [c.id, c.name])).toEqual([[id, 'Placeholder Co']]);
    const searches = () => hs.log.count({ path: '/crm/v3/objects/companies/search' });
    const before = searches();
    const refreshed = await lookupContact({ phoneNumber: number, force: true }, deps);
    expect(searches()).toBe(before + 1); // HubSpot was asked, and did not find it
    expect(refreshed.contacts.map((c) => c.id)).toEqual([id]);
    // Once indexed, HubSpot finds it itself.
    clock.ahead = 10_000;
    const later = await hubspot.findContact(findNow(number));
    expect(later.matchedContactInfo?.[0]).toMatchObject({ id, type: 'Company' });
  });
});

const findNow = (phoneNumber: string) => ({
  user: userFor(hs),
  authHeader: TOKEN_AUTH,
  phoneNumber,
  overridingFormat: '',
  isExtension: false,
  proxyConfig: null,
  tracer: null,
  isForceRefreshAccountData: false,
});

describe('hubspot createCallLog', () => {
  it('logs a call on the chosen contact, in milliseconds, with both numbers', async () => {
    const logged = await hubspot.createCallLog(logArgs('Contact', alice.id));
    const call = hs.data.get('calls', logged.logId);
    expect(call?.properties).toEqual({
      hs_timestamp: new Date(START).toISOString(),
      hs_call_title: 'Inbound call',
      hs_call_body: 'Wants a quote<br>a &lt; b',
      hs_call_duration: '125000',
      hs_call_direction: 'INBOUND',
      hs_call_status: 'COMPLETED',
      hs_call_from_number: HUBSPOT_NUMBERS.punctuated,
      hs_call_to_number: '+14155550000',
      createdate: call?.createdAt,
    });
    expect(call?.associations).toEqual([`contacts:${alice.id}`]);
    expect(hs.data.get('contacts', alice.id)?.associations).toContain(`calls:${logged.logId}`);
  });

  it('associates a call with a company', async () => {
    const logged = await hubspot.createCallLog(logArgs('Company', acme.id));
    expect(hs.data.get('calls', logged.logId)?.associations).toEqual([`companies:${acme.id}`]);
  });

  it('throws when HubSpot refuses (401, 429)', async () => {
    hs.faults.add({ kind: 'status', status: 401, path: '/crm/v3/objects/calls' });
    const denied: unknown = await hubspot
      .createCallLog(logArgs('Contact', alice.id))
      .catch((e: unknown) => e);
    expect(classifyError(denied).kind).toBe('auth');
    hs.faults.add({ kind: 'rateLimit', path: '/crm/v3/objects/calls' });
    const limited: unknown = await hubspot
      .createCallLog(logArgs('Contact', alice.id))
      .catch((e: unknown) => e);
    expect(classifyError(limited).kind).toBe('rateLimited');
    hs.specProblems.length = 0; // the faults' answers are the test's, not HubSpot's
  });
});

describe('hubspot saveCheck', () => {
  const check = hubspot.saveCheck!;

  it("finds an earlier attempt's call by meaning, not another call, and removes it", async () => {
    const args = logArgs('Contact', alice.id);
    const first = await hubspot.createCallLog(args);
    await hubspot.createCallLog({ ...args, note: 'Another note' });
    expect(await check.find({ kind: 'callLog', args }, 0)).toEqual([first.logId]);
    await check.remove({ kind: 'callLog', args }, first.logId);
    expect(hs.data.get('calls', first.logId)).toBeUndefined();
    await check.remove({ kind: 'callLog', args }, first.logId); // already gone is fine
  });

  it('finds a contact made since the first attempt, with its name and number', async () => {
    const args = createArgs('Ann  Lee', 'Contact');
    const made = String((await hubspot.createContact(args)).contactInfo?.id);
    const save = { kind: 'contact' as const, args };
    expect(await check.find(save, Date.now())).toEqual([made]);
    expect(await check.find(save, Date.now() + 3_600_000)).toEqual([]);
    await check.remove(save, made);
    expect(hs.data.get('contacts', made)).toBeUndefined();
  });
});

describe('hubspot connection', () => {
  it('reports the portal and where its record pages are', async () => {
    await expect(hubspot.checkConnection(userFor(hs), TOKEN_AUTH)).resolves.toEqual({
      accountId: String(HUBSPOT_PORTAL.portalId),
      userId: String(HUBSPOT_PORTAL.portalId),
      userName: `HubSpot account ${HUBSPOT_PORTAL.portalId}`,
      pageHost: HUBSPOT_PORTAL.uiDomain,
    });
  });

  it('explains a token without the scopes CallPop needs, in plain words', async () => {
    hs.scopes.splice(hs.scopes.indexOf('crm.objects.companies.read'), 1);
    try {
      await expect(hubspot.checkConnection(userFor(hs), TOKEN_AUTH)).rejects.toThrow(
        /lacks the scopes CallPop needs/,
      );
    } finally {
      hs.scopes.push('crm.objects.companies.read');
    }
  });

  it('sends the token as a Bearer header and refuses other credentials', () => {
    expect(hubspot.authHeader({ kind: 'apiToken', token: ` ${HUBSPOT_TOKEN} ` })).toBe(
      `Bearer ${HUBSPOT_TOKEN}`,
    );
    expect(() => hubspot.authHeader({ kind: 'apiKey', apiKey: 'x' })).toThrow(/private app/);
    expect(() => hubspot.authHeader({ kind: 'apiToken', token: 'a b' })).toThrow(/without spaces/);
  });
});
