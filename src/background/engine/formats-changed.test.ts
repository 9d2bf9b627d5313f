import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/shared/settings';
import { connectionItem, matchCache, settingsItem } from '@/shared/storage/keys';
import { countEntries } from './cache';
import { forgetMatchesOnNewFormats } from './formats-changed';

const change = (before: string[], after: string[]) => ({
  [settingsItem.key]: {
    oldValue: { ...DEFAULT_SETTINGS, overridingFormats: before },
    newValue: { ...DEFAULT_SETTINGS, overridingFormats: after },
  },
});

describe('new phone formats', () => {
  it('empty the match cache: the next lookup asks the CRM with them', async () => {
    await matchCache.set('acct1:pipedrive:+14155550199', { v: 1, t: 1, c: [] } as never);
    expect(await countEntries()).toBe(1);
    await expect(forgetMatchesOnNewFormats(change([], ['###.###.####']), 'local')).resolves.toBe(
      true,
    );
    expect(await countEntries()).toBe(0);
  });

  it('leave it alone when the formats stay the same or another area changed', async () => {
    await matchCache.set('acct1:pipedrive:+14155550199', { v: 1, t: 1, c: [] } as never);
    const same = change(['(###) ###-####'], ['(###) ###-####']);
    await expect(forgetMatchesOnNewFormats(same, 'local')).resolves.toBe(false);
    await expect(forgetMatchesOnNewFormats(change([], ['#']), 'session')).resolves.toBe(false);
    await expect(forgetMatchesOnNewFormats({}, 'local')).resolves.toBe(false);
    expect(await countEntries()).toBe(1);
  });

  it('leave it alone for a CRM that does not search by the formats (Pipedrive)', async () => {
    await connectionItem.set({
      platform: 'pipedrive',
      hostname: 'acme.pipedrive.com',
      credentials: { kind: 'apiToken', token: 't' },
      accountId: 'acct1',
      userId: '1',
      userName: 'Dana',
      connectedAt: 1,
    });
    await matchCache.set('acct1:pipedrive:+14155550199', { v: 1, t: 1, c: [] } as never);
    await expect(forgetMatchesOnNewFormats(change([], ['#']), 'local')).resolves.toBe(false);
    expect(await countEntries()).toBe(1);
  });
});
