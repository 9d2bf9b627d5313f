import { describe, expect, it } from 'vitest';
import type { ContactView, LookupResult } from '@/platform/messages';
import { DEFAULT_SETTINGS, type Settings } from '@/features/settings/model/settings';
import { aLookupResult } from '@/test/calls';
import { MAX_OPENED_PAGES, planPop, windowIsCertain } from './pop-rules';

const contact = (id: number): ContactView => ({
  id,
  name: `Person ${id}`,
  pageUrl: `https://acme.example/person/${id}`,
});

const result = (count: number) =>
  aLookupResult(Array.from({ length: count }, (_, i) => contact(i + 1)));

describe('windowIsCertain', () => {
  const outcomes: [string, LookupResult | null][] = [
    ['lookup failed', null],
    ['no match', result(0)],
    ['one match', result(1)],
    ['several matches', result(3)],
  ];

  for (const multiple of ['choose', 'openAll', 'nothing'] as const) {
    for (const openCrmPage of [false, true]) {
      const callPop: Settings['callPop'] = { ...DEFAULT_SETTINGS.callPop, multiple, openCrmPage };
      it(`agrees with planPop for multiple=${multiple}, openCrmPage=${openCrmPage}`, () => {
        const windows = outcomes.map(([, r]) => planPop(r, 'down', callPop, '+1').window);
        // Certain means every outcome shows the window; otherwise at least one does not.
        expect(windows.every(Boolean)).toBe(windowIsCertain(callPop));
      });
    }
  }
});

describe('planPop: a lookup that could not ask the CRM', () => {
  // The engine does not throw on a CRM failure: it answers with source 'none' and the reason.
  const failed: LookupResult = {
    ...result(0),
    canCreate: false,
    source: 'none',
    fetchedAt: null,
    returnMessage: { message: 'Pipedrive is unavailable', messageType: 'danger', ttl: 8000 },
  };
  const callPop: Settings['callPop'] = {
    ...DEFAULT_SETTINGS.callPop,
    fallbackUrl: 'https://crm.example/new?phone={phoneNumber}',
  };

  it('is not reported as "no match" and opens no fallback page', () => {
    const plan = planPop(failed, null, callPop, '+14155550102');
    expect(plan).toEqual({
      window: true,
      tabs: [],
      reason: 'Could not look up the caller (Pipedrive is unavailable); showing the call window.',
    });
  });

  it('still opens the fallback page for a real no match', () => {
    const plan = planPop(result(0), null, callPop, '+14155550102');
    expect(plan.tabs).toEqual(['https://crm.example/new?phone=%2B14155550102']);
  });
});

describe('planPop: "open each CRM page"', () => {
  const callPop: Settings['callPop'] = { ...DEFAULT_SETTINGS.callPop, multiple: 'openAll' };

  it(`opens each page for up to ${MAX_OPENED_PAGES} matches`, () => {
    const plan = planPop(result(MAX_OPENED_PAGES), null, callPop, '+1');
    expect(plan.window).toBe(false);
    expect(plan.tabs).toHaveLength(MAX_OPENED_PAGES);
  });

  it('shows the window to choose from when more match, opening no tab', () => {
    const plan = planPop(result(MAX_OPENED_PAGES + 1), null, callPop, '+1');
    expect(plan).toEqual({
      window: true,
      tabs: [],
      reason: `${MAX_OPENED_PAGES + 1} contacts match, more than the ${MAX_OPENED_PAGES} pages call pop opens at once; showing them to choose from.`,
    });
  });
});
