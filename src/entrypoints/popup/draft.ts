// The popup form's draft carries its Save's request id, so a draft brought back after the popup
// closed mid-Save saves as the same Save: one contact, one log.
import { popupDraft, saveRequests, type PopupDraft } from '@/platform/storage/keys';
import { logDraftHasContent } from '@/features/saves/model/log-draft';
import type { ReturnMessage } from '@/features/lookup/model/contact';

// Writes go out one after another, so a late edit never lands after the clear that ended the form.
let queue: Promise<unknown> = Promise.resolve();

function enqueue<T>(write: () => Promise<T>): Promise<T> {
  const next = queue.then(write, write);
  queue = next.catch(() => undefined);
  return next;
}

export const saveDraft = (draft: PopupDraft) => enqueue(() => popupDraft.set(draft));
export const clearDraft = () => enqueue(() => popupDraft.remove());

/** The draft to bring back; one whose Save finished meanwhile is dropped, returned as `saved`. */
export function loadDraft(): Promise<{ draft: PopupDraft | null; saved: PopupDraft | null }> {
  return enqueue(async () => {
    const draft = await popupDraft.get();
    if (!draft) return { draft: null, saved: null };
    const id =
      draft.view === 'log' ? `callLog:${draft.log.requestId}` : `contact:${draft.create.requestId}`;
    if ((await saveRequests.get(id))?.status !== 'done') return { draft, saved: null };
    await popupDraft.remove();
    return { draft: null, saved: draft };
  });
}

export function hasContent(draft: PopupDraft | null): boolean {
  if (draft?.view === 'create') return draft.create.name.trim() !== '';
  return draft ? logDraftHasContent(draft.log) : false;
}

/** A form left open when the popup closed: brought back with what was typed, or saved meanwhile. */
export function draftMessage(draft: PopupDraft, saved: boolean): ReturnMessage {
  const what = `${draft.view === 'log' ? 'call log' : 'new contact'} for ${draft.result.displayNumber}`;
  const message = saved
    ? `The ${what} was saved after the popup closed.`
    : `Your unsaved ${what} is back.`;
  return { message, messageType: saved ? 'success' : 'warning', ttl: 6000 };
}
