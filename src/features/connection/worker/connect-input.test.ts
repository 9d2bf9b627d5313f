import { describe, expect, it } from 'vitest';
import { pipedrive } from '@/connectors/pipedrive';
import type { ConnectionDraft } from '../model/connection';
import { connectionItem } from '@/platform/storage/keys';
import { chromeFake } from '@/test/chrome-fake';
import { saveConnection, testConnection } from './connect';
import { fakeConnector, testDeps } from '@/test/engine';

const draft = (credentials: unknown) =>
  ({ platform: 'pipedrive', hostname: 'acme.pipedrive.com', credentials }) as ConnectionDraft;

describe('connection drafts with unreadable credentials', () => {
  it.each([
    ['missing', undefined],
    ['not an object', 'tok-1'],
    ['with a secret that is not text', { kind: 'apiToken', token: 42 }],
  ])('%s: plain words, no CRM call', async (_, credentials) => {
    const deps = testDeps(pipedrive);
    await expect(testConnection(draft(credentials), deps)).rejects.toMatchObject({
      code: 'bad_request',
      message: 'Enter your Pipedrive API token.',
    });
  });

  it('a kind the connector does not take is refused in its own words', async () => {
    const deps = testDeps(pipedrive);
    await expect(
      testConnection(draft({ kind: 'apiKey', apiKey: 'k' }), deps),
    ).rejects.toMatchObject({ code: 'bad_request', message: /not with an API key/ });
  });

  it('stores only the fields of the credential kind', async () => {
    const deps = testDeps(fakeConnector());
    chromeFake().grantedOrigins.add('https://acme.pipedrive.com/*');
    await saveConnection(draft({ kind: 'apiToken', token: 'tok-1', note: 'x'.repeat(50) }), deps);
    expect((await connectionItem.get())?.credentials).toEqual({ kind: 'apiToken', token: 'tok-1' });
  });
});
