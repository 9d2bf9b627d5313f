import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/features/settings/model/settings';
import {
  cacheFormatsItem,
  connectionItem,
  matchCache,
  settingsItem,
} from '@/platform/storage/keys';
import { countEntries } from './cache';
import { forgetMatchesOnNewFormats } from './formats-changed';
import { lookupContact } from './lookup';
import { connectedEngine, found, NUMBER } from '@/test/engine';

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

describe('new phone formats the listener missed (a stopped worker Chrome did not start)', () => {
  const answer = found([{ id: 5, name: 'Old Spelling', phone: NUMBER }]);

  it('are noticed on the next lookup, which empties the cache and asks the CRM', async () => {
    const { connector, deps } = await connectedEngine();
    connector.manifest = { ...connector.manifest, usesOverridingFormats: true };
    connector.find = () => Promise.resolve(answer);
    await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(await cacheFormatsItem.get()).toBe('[]');
    await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(connector.findCalls).toHaveLength(1); // the cache answered

    // Written as the options page does; no storage listener runs here.
    await settingsItem.set({ ...DEFAULT_SETTINGS, overridingFormats: ['(###) ###-####'] });
    connector.find = () => Promise.resolve(found([]));
    const after = await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(connector.findCalls).toHaveLength(2);
    expect(connector.findCalls[1]?.overridingFormat).toBe('(###) ###-####');
    expect(after.contacts).toEqual([]);
    expect(await cacheFormatsItem.get()).toBe('["(###) ###-####"]');
  });

  it('keep the cache of a CRM that does not search by them', async () => {
    const { connector, deps } = await connectedEngine();
    connector.find = () => Promise.resolve(answer);
    await lookupContact({ phoneNumber: NUMBER }, deps);
    await settingsItem.set({ ...DEFAULT_SETTINGS, overridingFormats: ['###.###.####'] });
    await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(connector.findCalls).toHaveLength(1);
  });
});
