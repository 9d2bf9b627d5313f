/**
 * The draft of the popup's open Log or Create form, so closing the popup (a click outside it
 * closes it) loses nothing typed. Kept in session storage: gone with the browser session, never
 * written to disk. Only the popup uses it, so it is declared here rather than in
 * src/shared/storage/keys.ts; the name is still unique among all keys (the keys test lists them).
 * The form's draft carries its Save's request id, so saving a draft brought back after the
 * popup closed mid-Save is recognised as the same Save: one contact, one log.
 */
import type { LookupResult } from '@/shared/messages';
import { defineItem } from '@/shared/storage/define';
import type { ContactDraft } from '@/shared/ui/create-contact-form';
import { logDraftHasContent, type LogDraft } from '@/shared/ui/log-form';

export type PopupDraft = {
  /** What the number field held. */
  number: string;
  /** The lookup the form was opened from, so it reopens with the same contacts. */
  result: LookupResult;
} & ({ view: 'log'; log: LogDraft } | { view: 'create'; create: ContactDraft });

export const popupDraft = defineItem<PopupDraft | null>({
  area: 'session',
  name: 'popupDraft',
  version: 1,
  defaultValue: null,
});

// Writes go out one after another, so a late edit never lands after the clear that ended the form.
let queue: Promise<unknown> = Promise.resolve();

function enqueue<T>(write: () => Promise<T>): Promise<T> {
  const next = queue.then(write, write);
  queue = next.catch(() => undefined);
  return next;
}

export function saveDraft(draft: PopupDraft): Promise<void> {
  return enqueue(() => popupDraft.set(draft));
}

export function clearDraft(): Promise<void> {
  return enqueue(() => popupDraft.remove());
}

export function loadDraft(): Promise<PopupDraft | null> {
  return enqueue(() => popupDraft.get());
}

/** Whether losing the draft would lose something the person typed or chose. */
export function hasContent(draft: PopupDraft | null): boolean {
  if (!draft) return false;
  return draft.view === 'log' ? logDraftHasContent(draft.log) : draft.create.name.trim() !== '';
}
