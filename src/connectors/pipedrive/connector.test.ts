import { describe, expect, it } from 'vitest';
import {
  PIPEDRIVE_DEALS,
  PIPEDRIVE_LEADS,
  PIPEDRIVE_PERSONS,
  PIPEDRIVE_USER,
} from '../../../e2e/emulators/pipedrive.ts';
import { pipedrive } from './index';
import { TOKEN_AUTH, userFor, usePipedrive } from './test-support';

const pd = usePipedrive();

const { bob } = PIPEDRIVE_PERSONS;

describe('pipedrive log form and connection', () => {
  it('lists the open deals and the leads of a person in two parallel requests', async () => {
    const options = await pipedrive.fetchLogFieldOptions?.(userFor(pd), TOKEN_AUTH, {
      id: bob.id,
      name: bob.name,
    });

    expect(options).toEqual({
      deals: [{ const: PIPEDRIVE_DEALS.bobOpen.id, title: PIPEDRIVE_DEALS.bobOpen.title }],
      leads: [{ const: PIPEDRIVE_LEADS.bob.id, title: PIPEDRIVE_LEADS.bob.title }],
    });
    expect(pd.log.last({ path: '/api/v2/deals' })?.query).toMatchObject({
      person_id: String(bob.id),
      status: 'open',
    });
  });

  it('reports the account, user id and name', async () => {
    await expect(pipedrive.checkConnection(userFor(pd), TOKEN_AUTH)).resolves.toEqual({
      accountId: String(PIPEDRIVE_USER.company_id),
      userId: String(PIPEDRIVE_USER.id),
      userName: PIPEDRIVE_USER.name,
    });
  });

  it('builds headers only from Pipedrive credential kinds', () => {
    expect(pipedrive.authHeader({ kind: 'oauth', accessToken: 'abc' })).toBe('Bearer abc');
    expect(() => pipedrive.authHeader({ kind: 'apiKey', apiKey: 'k' })).toThrow(/API token/);
    expect(() => pipedrive.authHeader({ kind: 'apiToken', token: ' ' })).toThrow(/Enter/);
  });
});
