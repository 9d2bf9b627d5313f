/** A refused Save may ask for a Refresh, behind Cancel: so Cancel keeps the typing. The contact is
 * kept by type and id, since a Refresh may reorder the list. */
import { useState } from 'react';
import type { ContactView } from '@/platform/messages';
import {
  choiceKey,
  draftForContacts,
  logDraftHasContent,
  type LogDraft,
} from '@/features/saves/model/log-draft';

interface Kept {
  draft: LogDraft;
  chosen: string | null;
  /** Whether the list it was typed against had contacts (see draftForContacts). */
  hadContacts: boolean;
}

export function useKeptLogDraft() {
  const [kept, setKept] = useState<Kept | null>(null);
  return {
    /** Unsaved typing, though off screen or back in a form not typed into since. */
    hasContent: kept !== null && logDraftHasContent(kept.draft),
    /** The kept draft for the contacts listed now, if any. */
    draftFor: (contacts: readonly ContactView[]): LogDraft | undefined =>
      kept ? draftForContacts(kept.draft, kept.chosen, contacts, kept.hadContacts) : undefined,
    keep: (draft: LogDraft, contacts: readonly ContactView[]) =>
      setKept({
        draft,
        chosen: choiceKey(draft.choice, contacts),
        hadContacts: contacts.length > 0,
      }),
    clear: () => setKept(null),
  };
}
