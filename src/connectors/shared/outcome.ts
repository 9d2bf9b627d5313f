/** Answers and call facts the connectors share. */
import { CREATE_NEW_CONTACT, type Contact } from '@/features/lookup/model/contact';
import { normalizePhone } from '@/features/lookup/model/phone';
import type { CreateCallLogArgs } from '../types';

const done = (message: string) => ({ message, messageType: 'success' as const, ttl: 2000 });
const warning = (message: string) => ({ message, messageType: 'warning' as const, ttl: 5000 });
export const CONTACT_CREATED = done('Contact created.');
export const CALL_LOGGED = done('Call logged.');

/** Unsuccessful, with a reason the engine shows instead of a generic CRM error. */
export function extensionNotSearched(crmName: string) {
  const returnMessage = warning(`${crmName} cannot look up internal extension numbers`);
  return { successful: false, matchedContactInfo: [], returnMessage };
}

// Only the CRM's first `cut` matches are kept: the person is told when there were more.
const cutWarning = (crm: string, cut: number, matching: string) =>
  warning(`More than ${cut} ${crm} contacts ${matching}; showing the first ${cut}.`);

/** A number lookup's answer: the matches, then the placeholder. */
export const phoneSearchResult = (crm: string, hits: Contact[], cut: number | false) => ({
  successful: true,
  matchedContactInfo: [...hits, { ...CREATE_NEW_CONTACT }],
  ...(cut ? { returnMessage: cutWarning(crm, cut, 'have this number') } : {}),
});

/** A name search's answer (never the placeholder); App Connect's warning when nothing matched. */
export function nameSearchResult(crm: string, name: string, hits: Contact[], cut: number | false) {
  const more = cut ? cutWarning(crm, cut, 'match this name') : undefined;
  const returnMessage = hits.length > 0 ? more : warning(`No contact found with name ${name}`);
  return { successful: true, matchedContactInfo: hits, returnMessage };
}

/** The E.164 a new contact (or a contact's added number) gets; a plain-words error otherwise. */
export function requireE164(phoneNumber: string, who = 'The new contact'): string {
  const parsed = normalizePhone(phoneNumber);
  if (!parsed.ok || parsed.isExtension) {
    throw new Error(`${who} needs a full phone number, for example +1 415 555 0100.`);
  }
  return parsed.e164;
}

/** Start and end of a call in epoch ms (the saves worker has checked both). */
export function callSpan({ startTime, durationSeconds }: CreateCallLogArgs['call']) {
  return { start: startTime, end: startTime + Math.round(durationSeconds) * 1000 };
}

// Pipedrive's note and HubSpot's call body are HTML: sent raw, `a < b` or `<Friday>` would be
// read as markup and line breaks would collapse.
export function noteHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r\n?|\n/g, '<br>');
}
