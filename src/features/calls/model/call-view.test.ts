import { describe, expect, it } from 'vitest';
import { callView, lagsBehind, movedOnFrom, viewedState, type ViewNode } from './call-view';
import type { ContactView, LookupResult } from '@/platform/messages';
import { aCall } from '@/test/calls';
import type { CallSession } from '@/platform/storage/keys';

const text = (node: ViewNode): string =>
  (node.text ?? '') + (node.children ?? []).map((child) => ` ${text(child)}`).join('');

function result(contacts: ContactView[], source: LookupResult['source'] = 'cache'): LookupResult {
  return {
    phoneNumber: '+14155550102',
    displayNumber: '+1 415 555 0102',
    contacts,
    canCreate: true,
    contactTypes: [],
    source,
    fetchedAt: 1,
    stale: false,
    resolution: null,
    returnMessage:
      source === 'none' ? { messageType: 'danger', message: 'Pipedrive is down', ttl: 0 } : null,
  };
}

const call = (lookup: CallSession['lookup']) => aCall({ lookup });

const bob: ContactView = { id: 2, name: 'Bob Smith', type: 'person', pageUrl: null };

describe('callView', () => {
  it('shows the heading and one card per match', () => {
    const view = callView(call({ state: 'done', result: result([bob]) }));
    expect(text(view)).toContain('Incoming call · ringing');
    expect(text(view)).toContain('+1 415 555 0102');
    expect(view.children?.filter((c) => c.tag === 'article')).toEqual([
      { tag: 'article', className: 'card', children: [{ tag: 'h3', text: 'Bob Smith' }] },
    ]);
  });

  it('says what the lookup is doing, and never calls a failure "no match"', () => {
    expect(text(callView(call({ state: 'pending', startedAt: 1 })))).toContain(
      'Looking up +1 415 555 0102…',
    );
    expect(text(callView(call({ state: 'failed', message: 'timed out' })))).toContain(
      'Could not look up this number: timed out',
    );
    const down = text(callView(call({ state: 'done', result: result([], 'none') })));
    expect(down).toContain('Pipedrive is down');
    expect(down).not.toContain('No contact matches');
    expect(text(callView(call({ state: 'done', result: result([]) })))).toContain(
      'No contact matches this number.',
    );
  });

  it('waits in plain words before the call is recorded, and is marked busy', () => {
    const view = callView(undefined);
    expect(text(view)).toContain('Opening the call…');
    expect(view.attrs).toEqual({ 'aria-busy': 'true' });
  });
});

describe('movedOnFrom: is the stored call newer than the served view?', () => {
  const done = call({ state: 'done', result: result([bob]) });
  const pending = call({ state: 'pending', startedAt: 1 });

  it('a stored "pending" is older than a served answer of the same event', () => {
    expect(movedOnFrom(viewedState(done), pending)).toBe(false);
    expect(movedOnFrom(viewedState(done), done)).toBe(false);
  });

  it('an answer stored after a "looking up" view, or a later event, is newer', () => {
    expect(movedOnFrom(viewedState(pending), done)).toBe(true);
    expect(movedOnFrom(viewedState(done), { ...done, updatedAt: done.updatedAt + 1 })).toBe(true);
    expect(movedOnFrom(viewedState(done), { ...done, updatedAt: done.updatedAt - 1 })).toBe(false);
  });

  it('any record is newer than a page served before the call was recorded', () => {
    expect(movedOnFrom(viewedState(undefined), pending)).toBe(true);
    expect(movedOnFrom(viewedState(done), undefined)).toBe(false);
  });
});

describe('lagsBehind: is the stored call older than the served view?', () => {
  const done = call({ state: 'done', result: result([bob]) });
  const pending = call({ state: 'pending', startedAt: 1 });

  it('a stored "pending" lags behind a served answer of the same event', () => {
    expect(lagsBehind(viewedState(done), pending)).toBe(true);
    expect(lagsBehind(viewedState(done), { ...done, updatedAt: done.updatedAt - 1 })).toBe(true);
  });

  it('the same state, an answer, or a later event does not', () => {
    expect(lagsBehind(viewedState(done), done)).toBe(false);
    expect(lagsBehind(viewedState(pending), pending)).toBe(false);
    expect(lagsBehind(viewedState(pending), done)).toBe(false);
    expect(lagsBehind(viewedState(done), { ...pending, updatedAt: done.updatedAt + 1 })).toBe(
      false,
    );
  });

  it('nothing lags behind a page served before the call was recorded', () => {
    expect(lagsBehind(viewedState(undefined), pending)).toBe(false);
    expect(lagsBehind(viewedState(done), undefined)).toBe(false);
  });
});
