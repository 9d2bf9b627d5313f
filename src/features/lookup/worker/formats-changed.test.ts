import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/features/settings/model/settings';
import { cacheFormatsItem, settingsItem } from '@/platform/storage/keys';
import { lookupContact } from './lookup';
import { connectedEngine, found, NUMBER } from '@/test/engine';

describe('new phone formats', () => {
  const answer = found([{ id: 5, name: 'Old Spelling', phone: NUMBER }]);

  it('are noticed on the next lookup, which empties the cache and asks the CRM', async () => {
    const { connector, deps } = await connectedEngine();
    connector.manifest = { ...connector.manifest, usesOverridingFormats: true };
    connector.find = () => Promise.resolve(answer);
    await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(await cacheFormatsItem.get()).toBe('');
    await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(connector.findCalls).toHaveLength(1); // the cache answered

    // Written as the options page does; no storage listener runs here.
    await settingsItem.set({ ...DEFAULT_SETTINGS, overridingFormats: ['(###) ###-####'] });
    connector.find = () => Promise.resolve(found([]));
    const after = await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(connector.findCalls).toHaveLength(2);
    expect(connector.findCalls[1]?.overridingFormat).toBe('(###) ###-####');
    expect(after.contacts).toEqual([]);
    expect(await cacheFormatsItem.get()).toBe('(###) ###-####');

    // The same formats in other fields, with a blank one, search the same: the cache stays.
    await settingsItem.set({ ...DEFAULT_SETTINGS, overridingFormats: ['', '(###) ###-####'] });
    await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(connector.findCalls).toHaveLength(2);
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
