import type { ReturnMessage } from '@/features/lookup/model/contact';
import type { PopupDraft } from './draft';

/** A form left open when the popup closed, brought back with what was typed. */
export function restoredMessage(draft: PopupDraft): ReturnMessage {
  const what = draft.view === 'log' ? 'call log' : 'new contact';
  // The draft keeps its Save's request id: saving it again never saves twice.
  const message = `Your unsaved ${what} for ${draft.result.displayNumber} is back.`;
  return { message, messageType: 'warning', ttl: 6000 };
}

/** A form left open when the popup closed, whose Save went through meanwhile. */
export function savedMessage(draft: PopupDraft): ReturnMessage {
  const what = draft.view === 'log' ? 'The call log' : 'The new contact';
  const message = `${what} for ${draft.result.displayNumber} was saved after the popup closed.`;
  return { message, messageType: 'success', ttl: 6000 };
}
