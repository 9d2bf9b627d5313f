// Pure translations between Embeddable's shapes and CallPop's message contract (no DOM).
import type { ConnectionSummary } from '@/features/connection/model/connection';
import type { CallDirection, CallEvent, CallStatus, LookupResult } from '@/platform/messages';
import type { Settings } from '@/features/settings/model/settings';
import { MATCH_PATH, VIEW_PATH, type EmbeddableCall } from './protocol';
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
      contactNoMatchTtl: settings.cache.noMatchTtlMinutes * MINUTE_MS,
    },
  } as const;
}

export interface EmbeddableContact {
  id: string | number;
  type: string;
  name: string;
  phoneNumbers: { phoneNumber: string; phoneType: 'direct' }[];
  entityType: string;
  contactType: string;
  additionalInfo: Record<string, unknown> | null;
}

/** Real matches only: the engine never returns the "Create new contact..." placeholder. */
export function toEmbeddableContacts(
  requested: string,
  result: LookupResult | undefined,
  serviceName: string,
): EmbeddableContact[] {
  if (!result) return [];
  return result.contacts
    .filter((contact) => contact.isNewContact !== true)
    .map((contact) => ({
      id: contact.id,
      type: serviceName,
      name: contact.name,
      phoneNumbers: [{ phoneNumber: requested, phoneType: 'direct' }],
      entityType: serviceName,
      contactType: contact.type ?? '',
      additionalInfo: contact.additionalInfo ?? null,
    }));
}

/** Every requested number gets a list, keyed exactly as asked, so the widget never waits on one. */
export function matchData(
  requested: readonly string[],
  results: Record<string, LookupResult>,
  serviceName: string,
): Record<string, EmbeddableContact[]> {
  const resultOf = resultsByRequest(results);
  // No prototype: a requested "__proto__" is a key like any other.
  const data = Object.create(null) as Record<string, EmbeddableContact[]>;
  for (const number of requested) {
    data[number] = toEmbeddableContacts(number, resultOf(number), serviceName);
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
  if (typeof party !== 'object') return null;
  const { phoneNumber, extensionNumber } = party as Record<string, unknown>;
  if (typeof phoneNumber === 'string' && phoneNumber !== '') return phoneNumber;
  if (typeof extensionNumber === 'string' && extensionNumber !== '') return extensionNumber;
  const sent = [phoneNumber, extensionNumber].filter((n) => n !== undefined && n !== null);
  return sent.some((n) => typeof n !== 'string') ? null : '';
}

function partyName(name: unknown, userName: unknown, party: unknown): string | undefined {
  for (const candidate of [name, userName, (party as { name?: unknown } | null)?.name]) {
    if (typeof candidate === 'string' && candidate !== '') return candidate;
  }
  return undefined;
}

function toTime(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') {
    const parsed = Date.parse(value);
    if (Number.isFinite(parsed)) return parsed;
  }
  return undefined;
}

// A call event for the worker, or why it is ignored. A ring notice only counts with the legacy
// `sessionId` the active-call notice uses: another id would look like a second call, popped twice.
export function toCallEvent(
  call: EmbeddableCall,
  ringNotice = false,
): { event: CallEvent } | { ignored: string; tell?: true } {
  // A ring notice is an extra: the active-call notice of the same call follows, so one we cannot
  // use is dropped quietly. A broken active-call notice is the call itself: the person is told.
  const broken = (ignored: string, told: string) =>
    ringNotice ? { ignored } : { ignored: `No call pop: ${told}`, tell: true as const };
  const sessionId = sessionIdOf(call);
  if (sessionId === '') {
    return broken('The call has no sessionId.', 'the softphone sent a call without its sessionId.');
  }
  const direction = call.direction;
  if (direction !== 'Inbound' && direction !== 'Outbound') {
    // Shown in the status line: a runaway value is cut.
    const sent = (JSON.stringify(direction) ?? 'missing').slice(0, 40);
    return broken(
      `Unknown call direction ${sent}.`,
      `the softphone sent a call whose direction is ${sent}, not Inbound or Outbound.`,
    );
  }
  const status = ringNotice ? 'Ringing' : STATUS[String(call.telephonyStatus)];
  if (!status) return { ignored: `Call status ${String(call.telephonyStatus)} is not used.` };
  const inbound = direction === 'Inbound';
  const from = partyNumber(call.from);
  const to = partyNumber(call.to);
  if ((inbound ? from : to) === null) {
    const whose = inbound ? "caller's number" : 'called number';
    return broken(`The ${whose} is not text.`, `the ${whose} from the softphone is not text.`);
  }
  const event: CallEvent = {
    sessionId,
    direction: direction satisfies CallDirection,
    status,
    from: from ?? '',
    to: to ?? '',
  };
  if (isWithheld(inbound ? event.from : event.to)) {
    // Nothing to look up or pop, and the person should know why.
    return { ignored: withheldReason(direction), tell: true };
  }
  return { event: { ...event, ...namesAndStart(call) } };
}

function sessionIdOf(call: EmbeddableCall): string {
  const id = call.sessionId;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : '';
}

function namesAndStart(call: EmbeddableCall): Pick<CallEvent, 'fromName' | 'toName' | 'startTime'> {
  const fields: Pick<CallEvent, 'fromName' | 'toName' | 'startTime'> = {};
  const fromName = partyName(call.fromName, call.fromUserName, call.from);
  const toName = partyName(call.toName, call.toUserName, call.to);
  const startTime = toTime(call.startTime);
  if (fromName !== undefined) fields.fromName = fromName;
  if (toName !== undefined) fields.toName = toName;
  if (startTime !== undefined) fields.startTime = startTime;
  return fields;
}
