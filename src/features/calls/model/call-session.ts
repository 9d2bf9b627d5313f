/** A call's record as one event leaves it, and the bounded lookup it keeps for its window. */
import { formatForDisplay } from '@/features/lookup/model/phone';
import type { CallEvent } from '@/platform/messages';
import type { CallLookup, CallSession } from '@/platform/storage/keys';

/** The other party: the caller on an inbound call, the callee on an outbound one. */
export function otherParty(event: CallEvent): { number: string; name?: string } {
  const inbound = event.direction === 'Inbound';
  const name = inbound ? event.fromName : event.toName;
  return { number: inbound ? event.from : event.to, ...(name ? { name } : {}) };
}

/** Session storage (10 MB) holds every recent call, and a main line can match hundreds. */
export const MAX_CALL_CONTACTS = 20;

/** The lookup as the call keeps it: the first MAX_CALL_CONTACTS contacts, `more` counting the rest. */
export function summarize(result: CallLookup): CallLookup {
  const { contacts } = result;
  if (contacts.length <= MAX_CALL_CONTACTS) return result;
  const more = (result.more ?? 0) + contacts.length - MAX_CALL_CONTACTS;
  return { ...result, contacts: contacts.slice(0, MAX_CALL_CONTACTS), more };
}

/** The lookup has not ended: nothing yet, or only the CRM's first (provisional) answer. */
export const lookingUp = ({ lookup }: CallSession): boolean =>
  lookup.state === 'pending' || (lookup.state === 'done' && lookup.result.provisional === true);

/** How many contacts matched, including those the record left out. */
export function matchCount(result: CallLookup): number {
  return result.contacts.length + (result.more ?? 0);
}

/** A start time days off would make the call impossible to log, or log it on the wrong day. */
export const MAX_START_BEFORE_MS = 24 * 60 * 60_000;
export const MAX_START_AFTER_MS = 5 * 60_000;

function startTime(sent: number | undefined, now: number): number {
  if (sent === undefined || !(sent > 0)) return now;
  return sent >= now - MAX_START_BEFORE_MS && sent <= now + MAX_START_AFTER_MS ? sent : now;
}

function firstRecord(event: CallEvent, now: number): CallSession {
  const party = otherParty(event);
  return {
    sessionId: event.sessionId,
    direction: event.direction,
    status: event.status,
    phoneNumber: party.number,
    displayNumber: formatForDisplay(party.number),
    ...(party.name ? { callerName: party.name } : {}),
    startTime: startTime(event.startTime, now),
    firstEventAt: now,
    updatedAt: now,
    lookup: { state: 'pending', startedAt: now },
    pop: { state: 'none' },
    windowId: null,
  };
}

/** The call as this event leaves it. */
export function recorded(
  existing: CallSession | undefined,
  event: CallEvent,
  now: number,
): CallSession {
  const base = existing ?? firstRecord(event, now);
  const party = otherParty(event);
  // Our own end of the call, for the log's from/to numbers; the first event that gives it.
  const own = base.direction === 'Inbound' ? event.to : event.from;
  return {
    ...base,
    ownNumber: base.ownNumber || own || undefined,
    status: event.status,
    updatedAt: now,
    // Kept from the first event saying so: once ended, the status cannot tell missed from answered.
    answeredAt: base.answeredAt ?? (event.status === 'CallConnected' ? now : undefined),
    endedAt: base.endedAt ?? (event.status === 'NoCall' ? now : undefined),
    // After a transfer the other party can be someone else: that name is not this caller's.
    ...(party.name && party.number === base.phoneNumber ? { callerName: party.name } : {}),
  };
}

const digits = (number: string) => number.replace(/\D/g, '');

/** What to tell when an event names another party (a transfer): the call keeps its caller, window.
 * The same number spelled otherwise is not another party; an ended call has none. */
export function partyChange(session: CallSession, event: CallEvent): string | null {
  if (event.status === 'NoCall') return null;
  // The call's own direction: a later event's may differ, and would name our own line.
  const { number } = otherParty({ ...event, direction: session.direction });
  const now = digits(number);
  const first = digits(session.phoneNumber);
  if (now === '' || now === first) return null;
  // Same number with or without country code; an extension ending a long number is someone else.
  const [short, long] = now.length < first.length ? [now, first] : [first, now];
  if (short.length >= 7 && long.endsWith(short)) return null;
  const who = session.direction === 'Inbound' ? 'caller' : 'number';
  const shown = session.displayNumber ?? session.phoneNumber;
  return `This call is now with ${formatForDisplay(number)}; CallPop still shows ${shown}, the ${who} it popped for.`;
}

/** A CRM that failed in passing (down, slow, rate-limited) is asked again, as the softphone does:
 * after as long as the call has been failing (30 s to 4 min), for 8 minutes at most. */
const RETRY_MIN_MS = 30_000;
const RETRY_MAX_MS = 240_000;
const RETRY_FOR_MS = 8 * 60_000;

/** When to ask the CRM again for this call, or null: it answered, refused, or no one is watching. */
export function retryAt(session: CallSession, now: number): number | null {
  const { lookup } = session;
  const failed =
    lookup.state === 'failed' ||
    (lookup.state === 'done' && lookup.result.crmFailure === 'passing');
  const watched = session.endedAt === undefined || session.windowId !== null;
  const failing = now - session.firstEventAt;
  if (!failed || !watched || failing > RETRY_FOR_MS) return null;
  return now + Math.min(Math.max(failing, RETRY_MIN_MS), RETRY_MAX_MS);
}
