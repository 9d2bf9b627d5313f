import { beforeEach, describe, expect, it } from 'vitest';
import { chromeFake } from '@/test/chrome-fake';
import type { ConnectionDraft } from '../model/connection';
import {
  callSessions,
  connectionItem,
  credentialsRejected,
  matchCache,
  popupDraft,
  saveRequests,
} from '@/platform/storage/keys';
import { aCall, aLookupResult } from '@/test/calls';
import {
  connectorInfo,
  disconnect,
  getConnection,
  saveConnection,
  testConnection,
} from './connect';
import {
  CONNECTION,
  connect,
  fakeConnector,
  httpError,
  testDeps,
  type FakeConnector,
  type TestDeps,
} from '@/test/engine';
import { HttpError } from '@/platform/worker/http/client';

const DRAFT: ConnectionDraft = {
  platform: 'pipedrive',
  hostname: 'acme.pipedrive.com',
  credentials: { kind: 'apiToken', token: 'tok-1' },
};

let connector: FakeConnector;
let deps: TestDeps;

beforeEach(() => {
  connector = fakeConnector();
  deps = testDeps(connector);
});

describe('connection', () => {
  it('tests with the built user and the connector auth header', async () => {
    let seen: unknown[] = [];
    connector.checkConnection = async (user, authHeader) => {
      seen = [user, authHeader];
      return { accountId: 'acct9', userId: 'u9', userName: 'Grace' };
    };
    expect(await testConnection(DRAFT, deps)).toEqual({
      userName: 'Grace',
      message: 'Test passed: Pipedrive accepts this API token as Grace. Press Connect to save it.',
    });
    expect(seen).toEqual([
      {
        id: '',
        hostname: 'acme.pipedrive.com',
        platform: 'pipedrive',
        platformAdditionalInfo: { apiUrl: 'https://acme.pipedrive.com' },
      },
      'Bearer tok-1',
    ]);
  });

  it('maps failures to plain words', async () => {
    const cases: [Error, RegExp][] = [
      [httpError(401), /The API token was rejected by Pipedrive/],
      [httpError(404), /No Pipedrive company at acme\.pipedrive\.com/],
      [new HttpError('network', 'x'), /Could not reach acme\.pipedrive\.com/],
      [httpError(503), /Pipedrive is unavailable/],
    ];
    for (const [error, message] of cases) {
      connector.checkConnection = () => Promise.reject(error);
      await expect(testConnection(DRAFT, deps)).rejects.toThrow(message);
    }
    await expect(testConnection({ ...DRAFT, hostname: ' ' }, deps)).rejects.toThrow(
      /Enter the address/,
    );
    await expect(testConnection({ ...DRAFT, hostname: 'ftp://x' }, deps)).rejects.toThrow(
      /Use an https:\/\/ address/,
    );
  });

  it('says an address typed without a scheme was tried over https', async () => {
    connector.checkConnection = () => Promise.reject(new HttpError('network', 'x'));
    await expect(testConnection({ ...DRAFT, hostname: 'localhost:4010' }, deps)).rejects.toThrow(
      'CallPop tried https://localhost:4010: if the address starts with http://, type it in full.',
    );
    await expect(
      testConnection({ ...DRAFT, hostname: 'https://acme.pipedrive.com' }, deps),
    ).rejects.toThrow(/online\.$/);
  });

  it("gives the chosen CRM's own address example, and no Refresh the options page lacks", async () => {
    connector.manifest = {
      ...connector.manifest,
      name: 'insightly',
      displayName: 'Insightly',
      settings: [
        {
          id: 'hostname',
          label: 'API URL',
          type: 'url',
          required: true,
          placeholder: 'https://api.na1.insightly.com',
        },
      ],
    };
    const draft: ConnectionDraft = { ...DRAFT, platform: 'insightly', hostname: 'acme.test' };
    connector.checkConnection = () => Promise.reject(httpError(404));
    await expect(testConnection(draft, deps)).rejects.toThrow(
      'No Insightly company at acme.test. Check the address, for example https://api.na1.insightly.com.',
    );
    connector.checkConnection = () => Promise.reject(httpError(503));
    await expect(testConnection(draft, deps)).rejects.toThrow(
      'Insightly is unavailable: it had a server error. Test again in a moment.',
    );
    connector.checkConnection = () => Promise.reject(httpError(429));
    await expect(testConnection(draft, deps)).rejects.toThrow(
      'Insightly is rate limiting CallPop. Wait a minute, then test again.',
    );
    chromeFake().grantedOrigins.add('https://acme.test/*');
    await expect(saveConnection(draft, deps)).rejects.toThrow(
      'Insightly is rate limiting CallPop. Wait a minute, then connect again.',
    );
    connector.checkConnection = () => Promise.reject(httpError(500));
    await expect(saveConnection(draft, deps)).rejects.toThrow(
      'Insightly is unavailable: it had a server error. Connect again in a moment.',
    );
  });

  it('refuses to save without the host permission, then saves with the checked ids', async () => {
    await expect(saveConnection(DRAFT, deps)).rejects.toThrow(
      /needs permission to reach acme\.pipedrive\.com/,
    );
    expect(await connectionItem.get()).toBeNull();
    chromeFake().grantedOrigins.add('https://acme.pipedrive.com/*');
    const saved = await saveConnection(DRAFT, deps);
    expect(saved).toEqual({
      platform: 'pipedrive',
      displayName: 'Pipedrive',
      hostname: 'acme.pipedrive.com',
      userName: 'Ada',
      connectedAt: deps.clock.now,
    });
    expect(await connectionItem.get()).toMatchObject({
      accountId: 'acct1',
      userId: 'u1',
      credentials: DRAFT.credentials,
    });
    expect(await getConnection(deps)).toEqual(saved);
    expect(JSON.stringify(saved)).not.toContain('tok-1');
  });

  it('new credentials for the same account forget that the old ones were rejected', async () => {
    chromeFake().grantedOrigins.add('https://acme.pipedrive.com/*');
    const first = await saveConnection(DRAFT, deps);
    await credentialsRejected.set({
      platform: 'pipedrive',
      accountId: 'acct1',
      connectedAt: first.connectedAt,
      at: deps.clock.now,
    });
    expect((await getConnection(deps))?.rejectedAt).toBe(deps.clock.now);
    deps.clock.now += 1000;
    expect((await saveConnection(DRAFT, deps)).rejectedAt).toBeUndefined();
    expect(await credentialsRejected.get()).toBeNull();
    expect((await getConnection(deps))?.rejectedAt).toBeUndefined();
  });

  it('accepts an API URL with its version, as Insightly shows it, and stores it without', async () => {
    connector.manifest = { ...connector.manifest, name: 'insightly', displayName: 'Insightly' };
    let checked = '';
    connector.checkConnection = async (user) => {
      checked = user.hostname;
      return { accountId: 'acct9', userId: 'u9', userName: 'Grace' };
    };
    const draft: ConnectionDraft = {
      platform: 'insightly',
      hostname: ' https://api.na1.insightly.com/v3.1/ ',
      credentials: { kind: 'apiKey', apiKey: 'key-1' },
    };
    chromeFake().grantedOrigins.add('https://api.na1.insightly.com/*');
    const saved = await saveConnection(draft, testDeps(connector));
    expect(checked).toBe('https://api.na1.insightly.com');
    expect(saved.hostname).toBe('https://api.na1.insightly.com');
    expect((await connectionItem.get())?.hostname).toBe('https://api.na1.insightly.com');
  });

  it('says what to enter when the address has more than an origin', async () => {
    connector.manifest = {
      ...connector.manifest,
      settings: [
        {
          id: 'hostname',
          label: 'Company domain',
          type: 'text',
          required: true,
          placeholder: 'acme.pipedrive.com',
        },
      ],
    };
    // An empty query or fragment, or a backslash, reads as no path at all to the URL parser,
    // but would turn every API path after it into a fragment, a query or another path.
    for (const hostname of [
      'https://acme.pipedrive.com/persons',
      'acme.pipedrive.com/?x=1',
      'acme.pipedrive.com#',
      'acme.pipedrive.com?',
      'acme.pipedrive.com\\',
    ]) {
      await expect(testConnection({ ...DRAFT, hostname }, deps), hostname).rejects.toThrow(
        /^(Enter only the address of the CRM, like https:\/\/acme\.pipedrive\.com, without a path or anything after it|That company domain has characters an address cannot have\. Enter it like acme\.pipedrive\.com)\.$/,
      );
    }
  });

  it('refuses a wildcard host, whose permission would cover every site or subdomain', async () => {
    chromeFake().grantedOrigins.add('https://*/*');
    for (const hostname of ['https://*', '*.example.com', 'https://*.example.com']) {
      await expect(saveConnection({ ...DRAFT, hostname }, deps), hostname).rejects.toThrow(
        'That address has characters an address cannot have. Enter it like acme.pipedrive.com.',
      );
    }
    expect(await connectionItem.get()).toBeNull();
  });

  it('never repeats a pasted address back: it can carry a token', async () => {
    for (const hostname of [
      'https://u:tok-SECRET@acme.pipedrive.com',
      'acme.pipedrive.com/?api_token=tok-SECRET',
      'ftp://tok-SECRET',
    ]) {
      const error: unknown = await testConnection({ ...DRAFT, hostname }, deps).catch(
        (e: unknown) => e,
      );
      expect(String((error as Error).message)).not.toContain('tok-SECRET');
    }
  });

  it('sends credentials over plain http only to this machine', async () => {
    let checks = 0;
    connector.checkConnection = async () => {
      checks += 1;
      return { accountId: 'acct1', userId: 'u1', userName: 'Ada' };
    };
    await expect(
      testConnection({ ...DRAFT, hostname: 'http://acme.pipedrive.com' }, deps),
    ).rejects.toThrow(
      'Use https://acme.pipedrive.com. Plain http:// would send your credentials unencrypted, so it works only for a CRM on this machine (localhost or 127.0.0.1).',
    );
    expect(checks).toBe(0);
    for (const hostname of ['http://127.0.0.1:8080', 'http://localhost:3000']) {
      await expect(testConnection({ ...DRAFT, hostname }, deps)).resolves.toBeDefined();
    }
    expect(checks).toBe(2);
  });

  it("disconnect forgets the session's calls and Saves, and gives back the CRM host", async () => {
    await connect();
    chromeFake().grantedOrigins.add('https://acme.pipedrive.com/*');
    await callSessions.set('s1', aCall());
    await saveRequests.set('contact:req-0001', { kind: 'contact', startedAt: 1, status: 'done' });
    await popupDraft.set({
      view: 'create',
      number: '+14155550102',
      result: aLookupResult(),
      create: { requestId: 'req-0002', name: 'Ann', type: 'person' },
    });
    await disconnect();
    expect(await popupDraft.get()).toBeNull();
    expect(await callSessions.ids()).toEqual([]);
    expect(await saveRequests.ids()).toEqual([]);
    expect(chromeFake().grantedOrigins.has('https://acme.pipedrive.com/*')).toBe(false);
  });

  it('connecting to another CRM host gives back the old one', async () => {
    chromeFake().grantedOrigins.add('https://acme.pipedrive.com/*');
    await saveConnection(DRAFT, deps);
    chromeFake().grantedOrigins.add('https://globex.pipedrive.com/*');
    await saveConnection({ ...DRAFT, hostname: 'globex.pipedrive.com' }, deps);
    expect(chromeFake().grantedOrigins.has('https://acme.pipedrive.com/*')).toBe(false);
    expect(chromeFake().grantedOrigins.has('https://globex.pipedrive.com/*')).toBe(true);
  });

  it('disconnect removes the credentials and every cached contact of every account', async () => {
    await connect();
    await matchCache.set('acct1:pipedrive:+14155550102', { c: [{ i: 1 }], f: 1 });
    await matchCache.set('other:insightly:+14155550103', { f: 1 });
    expect(await disconnect()).toEqual({ removedContacts: 2 });
    expect(await connectionItem.get()).toBeNull();
    expect(await matchCache.ids()).toEqual([]);
    expect(CONNECTION.accountId).toBe('acct1');
  });

  it('lists connector manifests as plain data', () => {
    expect(connectorInfo(connector)).toEqual({
      name: 'pipedrive',
      displayName: 'Pipedrive',
      contactTypes: connector.manifest.contactTypes,
      authKinds: ['apiToken'],
      settings: [],
      usesOverridingFormats: false,
      logFields: [],
    });
  });
});
