import { describe, expect, it } from 'vitest';
import { callSessions, credentialsRejected } from '@/platform/storage/keys';
import { chromeFake } from '@/test/chrome-fake';
import { aCall, aLookupResult } from '@/test/calls';
import { CONNECTION, connect } from '@/test/engine';
import { badgeFor, updateBadge } from './badge';
import { onInstalled } from './install';

const failedLookup = {
  ...aLookupResult(),
  source: 'none' as const,
  crmFailure: 'passing' as const,
};

describe('the toolbar badge', () => {
  it('says when nothing is connected, and clears once connected', async () => {
    await updateBadge();
    expect(chromeFake().badge).toMatchObject({
      text: '!',
      title: 'CallPop: not connected to a CRM',
    });
    await connect();
    await updateBadge();
    expect(chromeFake().badge).toMatchObject({ text: '', title: 'CallPop' });
  });

  it('says the CRM is failing: rejected credentials, or the last lookup failed', async () => {
    await connect();
    expect(await badgeFor(failedLookup)).toMatchObject({
      title: 'CallPop: the last lookup in Pipedrive failed',
    });
    expect(await badgeFor(aLookupResult())).toBeNull();
    // No lookup at hand (a restarted worker): the newest call's, from storage.
    await callSessions.set('old', aCall({ sessionId: 'old', updatedAt: 1 }));
    await callSessions.set('new', aCall({ sessionId: 'new', updatedAt: 2 }));
    expect(await badgeFor()).toBeNull();
    await callSessions.set(
      'new',
      aCall({ updatedAt: 2, lookup: { state: 'failed', message: 'x' } }),
    );
    expect(await badgeFor()).toMatchObject({
      title: 'CallPop: the last lookup in Pipedrive failed',
    });
    const { platform, accountId, connectedAt } = CONNECTION;
    await credentialsRejected.set({ platform, accountId, connectedAt, at: 5 });
    expect(await badgeFor(aLookupResult())).toMatchObject({
      title: 'CallPop: Pipedrive rejected the saved credentials. Reconnect.',
    });
  });
});

describe('install', () => {
  it('opens the setup page on a first install only', async () => {
    const pages = () =>
      [...chromeFake().windows.values()].flatMap((win) => win.tabs.map((tab) => tab.url));
    await onInstalled({ reason: 'update' } as chrome.runtime.InstalledDetails);
    expect(pages()).toEqual([]);
    await onInstalled({ reason: 'install' });
    expect(pages()).toEqual(['src/entrypoints/setup/index.html']);
  });
});
