// Pure translations between Embeddable's shapes and CallPop's message contract (no DOM).
import type { ConnectionSummary } from '@/features/connection/model/connection';
import type { CallEvent, CallStatus, LookupResult } from '@/platform/messages';
import type { Settings } from '@/features/settings/model/settings';
import { MATCH_PATH, VIEW_PATH, type CallNotice } from './protocol';
import { isRecord } from '@/platform/is-record';
import { isWithheld, withheldReason } from '@/features/calls/model/withheld';

const MINUTE_MS = 60_000;

/** Registers CallPop with the widget; TTLs mirror our own cache so both forget together. */
export function registrationMessage(connection: ConnectionSummary, settings: Settings) {
  return {
    type: 'rc-adapter-register-third-party-service',
    service: {
      name: connection.platform,
      displayName: connection.displayName,
      contactMatchPath: MATCH_PATH,
      viewMatchedContactPath: VIEW_PATH,
      contactMatchTtl: settings.cache.matchTtlMinutes * MINUTE_MS,
      // The widget ignores 0 and keeps its 5 minutes: a minute is the least it honours of ours.
      contactNoMatchTtl: Math.max(settings.cache.noMatchTtlMinutes, 1) * MINUTE_MS,
    },
  } as const;
}

/** Every requested number gets a list, keyed exactly as asked, so the widget never waits on one;
 * real matches only (the engine never returns the "Create new contact..." placeholder). */
export function matchData(
  requested: readonly string[],
  results: Record<string, LookupResult>,
  serviceName: string,
): Record<string, unknown[]> {
  const resultOf = resultsByRequest(results);
  // No prototype: a requested "__proto__" is a key like any other.
  const data = Object.create(null) as Record<string, unknown[]>;
  for (const number of requested) {
    const contacts = resultOf(number)?.contacts.filter((c) => c.isNewContact !== true) ?? [];
    data[number] = contacts.map((contact) => ({
      id: contact.id,
      type: serviceName,
      name: contact.name,
      phoneNumbers: [{ phoneNumber: number, phoneType: 'direct' }],
      entityType: serviceName,
      contactType: contact.type ?? '',
      additionalInfo: contact.additionalInfo ?? null,
    }));
  }
  return data;
}

/** lookupMany keys its answer by each number exactly as sent, so no normalising is needed. */
export function resultsByRequest<R extends LookupResult>(
  results: Record<string, R>,
): (requested: string) => R | undefined {
  return (requested) => (Object.hasOwn(results, requested) ? results[requested] : undefined);
}

const STATUS: Record<string, CallStatus> = {
  Ringing: 'Ringing',
  CallConnected: 'CallConnected',
  // A held or parked call is still answered: call pop treats it as connected.
  OnHold: 'CallConnected',
  ParkedCall: 'CallConnected',
  NoCall: 'NoCall',
};

/** The party's number; '' when it has none (withheld); null when it is there but not text. */
function partyNumber(party: unknown): string | null {
  if (party === undefined || party === null) return '';
  if (typeof party === 'string') return party;
  if (!isRecord(party)) return null;
  const number = party.phoneNumber || party.extensionNumber;
  if (number === undefined || number === null || number === '') return '';
  return typeof number === 'string' ? number : null;
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** A party of the session, once every party has hung up: a call switched to another device, or
 * answered by one agent of a queue while the others' legs drop, still has one talking. */
function endedParty(session: Record<string, unknown>): Record<string, unknown> | undefined {
  const parties = (Array.isArray(session.parties) ? (session.parties as unknown[]) : []).filter(
    isRecord,
  );
  const gone = (party: Record<string, unknown>) =>
    isRecord(party.status) && ['Disconnected', 'Gone'].includes(String(party.status.code));
  return parties.every(gone) ? parties[0] : undefined;
}

/** Every notice in presence's shape, keyed by the telephony session id: one call, one key. */
function asPresence(type: CallNotice, call: Record<string, unknown>): Record<string, unknown> {
  if (type === 'rc-active-call-notify') return { ...call, sessionId: call.telephonySessionId };
  if (type === 'rc-telephony-session-notify') {
    const party = endedParty(call);
    return { ...party, sessionId: call.id, telephonyStatus: party ? 'NoCall' : undefined };
  }
  // The webphone session: its own id is the SIP one; partyData holds the telephony session's.
  const { partyData, fromUserName, toUserName } = call;
  return {
    ...call,
    sessionId: isRecord(partyData) ? partyData.sessionId : undefined,
    fromName: fromUserName,
    toName: toUserName,
    telephonyStatus: type === 'rc-call-ring-notify' ? 'Ringing' : 'NoCall',
  };
}

/** Shown in the status line: a runaway value is cut. */
function unknownDirection(direction: unknown): string {
  const sent = (JSON.stringify(direction) ?? 'missing').slice(0, 40);
  return `the softphone sent a call whose direction is ${sent}, not Inbound or Outbound.`;
}

export type Translated = { event: CallEvent } | { ignored: string; tell: boolean };

/** A call event for the worker, or why a notice is not one (told unless it only ends a call). */
export function toCallEvent(type: CallNotice, notice: Record<string, unknown>): Translated {
  const call = asPresence(type, notice);
  const status = STATUS[String(call.telephonyStatus)];
  if (!status) {
    return { ignored: `Call status ${String(call.telephonyStatus)} is not used.`, tell: false };
  }
  const broken = (told: string) => ({ ignored: `No call pop: ${told}`, tell: status !== 'NoCall' });
  const { sessionId, direction } = call;
  if (typeof sessionId !== 'string' || sessionId === '') {
    return broken('the softphone sent a call without its telephony session id.');
  }
  if (direction !== 'Inbound' && direction !== 'Outbound') {
    return broken(unknownDirection(direction));
  }
  const inbound = direction === 'Inbound';
  const from = partyNumber(call.from) ?? '\0';
  const to = partyNumber(call.to) ?? '\0';
  const other = inbound ? from : to;
  if (other === '\0') {
    return broken(
      `the ${inbound ? "caller's number" : 'called number'} from the softphone is not text.`,
    );
  }
  if (isWithheld(other)) {
    // Nothing to look up or pop, and the person should know why.
    return { ignored: withheldReason(direction), tell: status !== 'NoCall' };
  }
  // Our own end, when not text, is left out (only the log's from/to use it).
  const own = (inbound ? to : from).replace('\0', '');
  const event: CallEvent = {
    sessionId,
    direction,
    status,
    from: inbound ? from : own,
    to: inbound ? own : to,
  };
  return { event: { ...event, ...namesAndStart(call) } };
}

function namesAndStart(call: Record<string, unknown>): Partial<CallEvent> {
  const fields = {
    fromName: text(call.fromName),
    toName: text(call.toName),
    // Milliseconds in every notice of the widget.
    startTime: Number.isFinite(call.startTime) ? (call.startTime as number) : undefined,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}
