/** Call facts shared by the connectors' call-log writers. */
import type { Contact, FindContactResult, ReturnMessage } from '@/features/lookup/model/contact';
import { normalizePhone } from '@/features/lookup/model/phone';
import type { CreateCallLogArgs } from '../types';

const done = (message: string): ReturnMessage => ({ message, messageType: 'success', ttl: 2000 });
const warning = (message: string) => ({ message, messageType: 'warning' as const, ttl: 5000 });
export const CONTACT_CREATED = done('Contact created.');
export const CALL_LOGGED = done('Call logged.');

/** Tells the person only the CRM's first `shown` matches are shown, not all of them. */
export function moreMatchesThanShown(
  crmName: string,
  shown: number,
  matching = 'have this number',
) {
  return warning(`More than ${shown} ${crmName} contacts ${matching}; showing the first ${shown}.`);
}

/** Unsuccessful, with a reason the engine shows instead of a generic CRM error. */
export function extensionNotSearched(crmName: string): FindContactResult {
  const returnMessage = warning(`${crmName} cannot look up internal extension numbers`);
  return { successful: false, matchedContactInfo: [], returnMessage };
}

/** A name search's answer (never the placeholder); App Connect's warning when nothing matched. */
export const nameSearchResult = (name: string, contacts: Contact[], more?: ReturnMessage) => ({
  successful: true,
  matchedContactInfo: contacts,
  returnMessage: contacts.length > 0 ? more : warning(`No contact found with name ${name}`),
});

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

export const RESULT_LABELS: Record<CreateCallLogArgs['call']['result'], string> = {
  connected: 'Connected',
  missed: 'Missed',
  voicemail: 'Voicemail',
  busy: 'Busy',
};

/** "1 min 05 s" style duration for note bodies. */
export function describeDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(total / 60);
  const rest = total % 60;
  return minutes > 0 ? `${minutes} min ${String(rest).padStart(2, '0')} s` : `${rest} s`;
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
