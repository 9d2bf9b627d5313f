import { describe, expect, it, vi } from 'vitest';
import { settle } from '@/test/settle';
import { popupDraft, saveRequests, type PopupDraft } from '@/platform/storage/keys';
import type { LogDraft } from '@/features/saves/model/log-draft';
import { aContact, aLookupResult } from '@/test/calls';
import { clearDraft, hasContent, loadDraft, saveDraft } from './draft';

const log: LogDraft = {
  requestId: 'req-0001-popup',
  openedAt: 1,
  choice: '0',
  newName: '',
  newType: 'person',
  direction: 'Inbound',
  subjectEdited: null,
  note: 'Wants a quote.',
  fieldValues: {},
};

const draft: PopupDraft = {
  view: 'log',
  number: '415 555 0102',
  result: aLookupResult([aContact(1, 'Bob Smith')]),
  log,
};

describe('popup draft', () => {
  it('lives in session storage under its own versioned key', async () => {
    await saveDraft(draft);
    await expect(chrome.storage.session.get('popupDraft@v1')).resolves.toEqual({
      'popupDraft@v1': draft,
    });
    await expect(loadDraft()).resolves.toEqual({ draft, saved: null });
  });

  it('drops a draft whose Save went through after the popup closed, and says so', async () => {
    await saveDraft(draft);
    await saveRequests.set(`callLog:${log.requestId}`, {
      kind: 'callLog',
      startedAt: 1,
      status: 'done',
    });
    await expect(loadDraft()).resolves.toEqual({ draft: null, saved: draft });
    await expect(popupDraft.get()).resolves.toBeNull();
  });

  it('writes in order: a clear right after a slow save leaves no draft', async () => {
    const session = chrome.storage.session;
    const set = session.set.bind(session);
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the typings pick set's callback overload
    vi.spyOn(session, 'set').mockImplementationOnce(async (items) => {
      await settle();
      await set(items);
    });
    const saving = saveDraft(draft);
    await clearDraft();
    await saving;
    await expect(loadDraft()).resolves.toEqual({ draft: null, saved: null });
  });

  it('counts only what the person typed or chose as content', () => {
    expect(hasContent(null)).toBe(false);
    expect(hasContent({ ...draft, log: { ...log, note: '  ' } })).toBe(false);
    expect(hasContent(draft)).toBe(true);
    expect(hasContent({ ...draft, log: { ...log, note: '', fieldValues: { deal: '3' } } })).toBe(
      true,
    );
    const create = {
      ...draft,
      view: 'create' as const,
      create: { requestId: 'r', name: '', type: '' },
    };
    expect(hasContent(create)).toBe(false);
    expect(hasContent({ ...create, create: { ...create.create, name: 'Ann' } })).toBe(true);
  });
});
