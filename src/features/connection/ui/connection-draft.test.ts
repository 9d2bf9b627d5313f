import { describe, expect, it } from 'vitest';
import type { ConnectorInfo } from '@/platform/messages';
import { checkHostname, originPattern } from '../model/connection';
import { buildDraft } from './connection-draft';

const pipedrive: ConnectorInfo = {
  name: 'pipedrive',
  displayName: 'Pipedrive',
  contactTypes: [],
  authKinds: ['apiToken'],
  settings: [
    { id: 'hostname', label: 'Company domain', type: 'text', required: true },
    { id: 'apiToken', label: 'API token', type: 'password', required: true },
  ],
  usesOverridingFormats: false,
  logFields: [],
};

describe('buildDraft', () => {
  it("names an empty field with the CRM's name as written", () => {
    const named = {
      ...pipedrive,
      settings: [{ ...pipedrive.settings[0]!, label: 'Pipedrive domain' }],
    };
    expect(buildDraft(named, {})).toMatchObject({
      errors: { hostname: 'Enter the Pipedrive domain.' },
    });
    expect(buildDraft(pipedrive, {})).toMatchObject({
      errors: { hostname: 'Enter the company domain.' },
    });
  });

  it('maps the address and secret fields to hostname and credentials', () => {
    expect(buildDraft(pipedrive, { hostname: ' Acme.Pipedrive.com ', apiToken: ' t0k ' })).toEqual({
      ok: true,
      draft: {
        platform: 'pipedrive',
        hostname: 'acme.pipedrive.com',
        credentials: { kind: 'apiToken', token: 't0k' },
      },
    });
  });

  it('uses apiKey credentials for a connector that only takes keys', () => {
    const insightly = { ...pipedrive, name: 'insightly' as const, authKinds: ['apiKey' as const] };
    const result = buildDraft(insightly, { hostname: 'http://127.0.0.1:4020/', apiToken: 'k' });
    expect(result).toEqual({
      ok: true,
      draft: {
        platform: 'insightly',
        hostname: 'http://127.0.0.1:4020',
        credentials: { kind: 'apiKey', apiKey: 'k' },
      },
    });
  });

  it('reads an optional address left blank as the one its placeholder shows (HubSpot)', () => {
    const hubspot: ConnectorInfo = {
      ...pipedrive,
      name: 'hubspot',
      settings: [
        { id: 'apiToken', label: 'Private app access token', type: 'password', required: true },
        {
          id: 'hostname',
          label: 'API address',
          type: 'url',
          required: false,
          placeholder: 'https://api.hubapi.com',
        },
      ],
    };
    const draft = (hostname: string) => buildDraft(hubspot, { apiToken: 'pat', hostname });
    expect(draft('  ')).toMatchObject({ ok: true, draft: { hostname: 'https://api.hubapi.com' } });
    expect(draft('http://127.0.0.1:4030')).toMatchObject({
      draft: { hostname: 'http://127.0.0.1:4030' },
    });
    expect(buildDraft(pipedrive, { hostname: '', apiToken: 't' })).toMatchObject({ ok: false });
  });

  it('names every missing or bad field next to it', () => {
    expect(buildDraft(pipedrive, { hostname: 'acme pipedrive', apiToken: '' })).toEqual({
      ok: false,
      errors: {
        hostname: expect.stringContaining('characters an address cannot have') as string,
        apiToken: 'Enter the API token.',
      },
    });
  });
});

const insightly: ConnectorInfo = {
  ...pipedrive,
  name: 'insightly',
  displayName: 'Insightly',
  authKinds: ['apiKey'],
  settings: [
    {
      id: 'hostname',
      label: 'API URL',
      type: 'url',
      required: true,
      placeholder: 'https://api.na1.insightly.com',
    },
    { id: 'apiKey', label: 'API key', type: 'password', required: true },
  ],
};

describe("the chosen CRM's address", () => {
  it("explains a bad address with that CRM's own example", () => {
    expect(buildDraft(insightly, { hostname: 'api na1.insightly.com', apiKey: 'k' })).toEqual({
      ok: false,
      errors: {
        hostname:
          'That API URL has characters an address cannot have. Enter it like https://api.na1.insightly.com.',
      },
    });
    const withExample = { ...pipedrive, settings: pipedrive.settings.map((f) => ({ ...f })) };
    withExample.settings[0]!.placeholder = 'acme.pipedrive.com';
    expect(buildDraft(withExample, { hostname: 'acme pipedrive', apiToken: 't' })).toMatchObject({
      errors: { hostname: expect.stringContaining('Enter it like acme.pipedrive.com.') as string },
    });
  });

  it('refuses a port no address can have', () => {
    expect(checkHostname('crm.example.com:70000', 'CRM address')).toMatchObject({ ok: false });
    expect(checkHostname('crm.example.com:8443', 'CRM address')).toMatchObject({ ok: true });
  });

  it('accepts an Insightly API URL pasted with its /v3.1, as the service worker does', () => {
    for (const pasted of [
      'https://api.na1.insightly.com/v3.1',
      'https://api.na1.insightly.com/v3.1/',
      'https://API.na1.insightly.com/V3.1',
    ]) {
      expect(buildDraft(insightly, { hostname: pasted, apiKey: 'k' })).toEqual({
        ok: true,
        draft: {
          platform: 'insightly',
          hostname: 'https://api.na1.insightly.com',
          credentials: { kind: 'apiKey', apiKey: 'k' },
        },
      });
    }
    expect(checkHostname('api.na1.insightly.com/v3.1', 'API URL')).toEqual({
      ok: true,
      value: 'api.na1.insightly.com',
    });
    // Any other path is still refused.
    expect(checkHostname('https://api.na1.insightly.com/v3.1/Contacts', 'API URL')).toMatchObject({
      ok: false,
    });
  });
});

describe('checkHostname', () => {
  it('refuses paths, queries and other schemes', () => {
    expect(checkHostname('https://acme.test/v1?x=1', 'API URL')).toMatchObject({ ok: false });
    expect(checkHostname('ftp://acme.test', 'API URL')).toMatchObject({ ok: false });
    expect(checkHostname('', 'API URL')).toEqual({ ok: false, message: 'Enter the API URL.' });
  });

  it('refuses a wildcard host, which would ask Chrome for every site or subdomain', () => {
    for (const address of ['https://*', 'https://*.example.com', '*.example.com']) {
      expect(checkHostname(address, 'API URL'), address).toMatchObject({ ok: false });
      expect(originPattern(address), address).toBeNull();
    }
  });
});

describe('originPattern', () => {
  it('asks for the scheme and host, any port', () => {
    expect(originPattern('acme.pipedrive.com')).toBe('https://acme.pipedrive.com/*');
    expect(originPattern('http://127.0.0.1:4010')).toBe('http://127.0.0.1/*');
  });
});

describe('checkHostname over plain http', () => {
  it('refuses http:// for a CRM on another machine, which would send the token unencrypted', () => {
    const checked = checkHostname('http://acme.pipedrive.com', 'Company domain');
    expect(checked).toEqual({
      ok: false,
      message:
        'Use https://acme.pipedrive.com. Plain http:// would send your credentials unencrypted, so it works only for a CRM on this machine (localhost or 127.0.0.1).',
    });
    expect(checkHostname('http://10.0.0.5:8080', 'API URL')).toMatchObject({ ok: false });
    expect(checkHostname('http://127.0.0.1.example.com', 'API URL')).toMatchObject({ ok: false });
    expect(buildDraft(pipedrive, { hostname: 'http://acme.pipedrive.com', apiToken: 't' })).toEqual(
      {
        ok: false,
        errors: { hostname: expect.stringContaining('Use https://acme.pipedrive.com.') as string },
      },
    );
  });

  it('accepts http:// on loopback and https:// anywhere', () => {
    for (const address of [
      'http://127.0.0.1:4010',
      'http://localhost:4010',
      'http://LOCALHOST:4010',
      'https://acme.pipedrive.com',
    ]) {
      expect(checkHostname(address, 'API URL')).toEqual({
        ok: true,
        value: new URL(address).origin,
      });
    }
  });
});
