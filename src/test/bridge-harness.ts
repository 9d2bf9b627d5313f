/**
 * The softphone bridge's unit tests' fake worker (`harness`), sample contacts and widget requests: shared
 * by src/entrypoints/softphone/bridge.test.ts (registration, contact pages, calls) and widget-match.test.ts.
 */
import type { ConnectionSummary } from '@/features/connection/model/connection';
import {
  MAX_LOOKUP_BATCH,
  type CallEventReply,
  type ContactView,
  type Payload,
  type RequestName,
} from '@/platform/messages';
import { RequestFailed } from '@/platform/ui/messaging';
import { DEFAULT_SETTINGS } from '@/features/settings/model/settings';
import { aLookupResult } from '@/test/calls';
import type { BridgeDeps, Requester } from '@/entrypoints/softphone/bridge';

const connection: ConnectionSummary = {
  platform: 'pipedrive',
  displayName: 'Pipedrive',
  hostname: 'http://127.0.0.1:1',
  userName: 'Dana',
  connectedAt: 1,
};

const lookup = (phoneNumber: string, contacts: ContactView[]) =>
  aLookupResult(contacts, phoneNumber);

export const alice: ContactView = {
  id: 1,
  name: 'Alice Johnson',
  type: 'person',
  pageUrl: 'http://127.0.0.1:1/person/1',
};

/** Enough of the engine's normalising for these tests: US numbers in any spelling. */
function toE164(input: string): string {
  const digits = input.replace(/\D/g, '');
  return digits.length === 10 ? `+1${digits}` : `+${digits}`;
}

const CHANNEL_CLOSED =
  'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received';

/** A fake worker: records every request and answers from a small table. */
export function harness(
  overrides: {
    connected?: boolean;
    lookupFails?: boolean;
    pageUrl?: string;
    /** The lookup answers only once this settles. */
    lookupGate?: Promise<void>;
    /** Numbers the CRM could not answer (source 'none'). */
    unanswered?: string[];
    /** contact.lookup answers unanswered (source 'none'), with this CRM message. */
    lookupProblem?: string;
    /** The worker's answer to call.event. */
    callReply?: CallEventReply;
    /** The match deadline: by default it never comes. */
    wait?: (ms: number) => Promise<void>;
    /** While true, the CRM fails every search (the engine marks the numbers crmFailed). */
    crmDown?: () => boolean;
    /** The CRM refuses every search with this reason (credentials): nothing to ask again. */
    crmRefuses?: string;
    /** call.event fails this many times as Chrome does when the worker is being stopped. */
    callTransportFailures?: number;
    /** contact.lookupMany and contact.lookup fail this many times the same way. */
    lookupTransportFailures?: number;
    /** call.event fails with the worker's own words. */
    callRefused?: string;
  } = {},
) {
  let transportFailures = overrides.callTransportFailures ?? 0;
  let lookupTransportFailures = overrides.lookupTransportFailures ?? 0;
  // What shared/messaging.ts `request` throws when Chrome drops the message.
  const channelClosed = () =>
    new RequestFailed('internal', `CallPop could not be reached: ${CHANNEL_CLOSED}`);
  const calls: { name: RequestName; payload: unknown }[] = [];
  const posted: unknown[] = [];
  const opened: string[] = [];
  const reports: string[] = [];
  const answer = (name: RequestName, payload: unknown): unknown => {
    switch (name) {
      case 'connection.get':
        return overrides.connected === false ? null : connection;
      case 'contact.lookupMany': {
        if (overrides.lookupFails) throw new RequestFailed('crm_error', 'Pipedrive is down.');
        if (lookupTransportFailures > 0) {
          lookupTransportFailures -= 1;
          throw channelClosed();
        }
        const { phoneNumbers } = payload as Payload<'contact.lookupMany'>;
        // As the engine does (engine/lookup-many.ts).
        if (phoneNumbers.length > MAX_LOOKUP_BATCH) {
          throw new RequestFailed('bad_request', 'Too many.');
        }
        // Keyed by each number as requested, the result carrying its E.164 form.
        return Object.fromEntries(
          phoneNumbers.map((n) => {
            const e164 = toE164(n);
            if (overrides.crmRefuses) {
              return [
                n,
                {
                  ...lookup(e164, []),
                  source: 'none' as const,
                  crmFailure: 'refused' as const,
                  returnMessage: { message: overrides.crmRefuses, messageType: 'danger' },
                },
              ];
            }
            if (overrides.crmDown?.()) {
              return [
                n,
                {
                  ...lookup(e164, []),
                  source: 'none' as const,
                  crmFailed: true as const,
                  returnMessage: { message: 'Pipedrive is unavailable', messageType: 'danger' },
                },
              ];
            }
            return [
              n,
              overrides.unanswered?.includes(n)
                ? { ...lookup(e164, []), source: 'none' as const }
                : lookup(e164, e164 === '+14155550101' ? [alice] : []),
            ];
          }),
        );
      }
      case 'contact.lookup':
        if (lookupTransportFailures > 0) {
          lookupTransportFailures -= 1;
          throw channelClosed();
        }
        // The engine answers a CRM failure as source 'none' with the reason, not by throwing.
        if (overrides.lookupProblem) {
          return {
            ...lookup('+14155550101', []),
            source: 'none' as const,
            returnMessage: { message: overrides.lookupProblem, messageType: 'danger' as const },
          };
        }
        return lookup('+14155550101', [{ ...alice, pageUrl: overrides.pageUrl ?? alice.pageUrl }]);
      case 'call.event':
        if (transportFailures > 0) {
          transportFailures -= 1;
          throw channelClosed();
        }
        if (overrides.callRefused) throw new RequestFailed('internal', overrides.callRefused);
        return overrides.callReply ?? { action: 'popped', reason: 'test' };
      default:
        throw new Error(`unexpected ${name}`);
    }
  };
  const request = (async (name: RequestName, payload: unknown) => {
    calls.push({ name, payload });
    if (name === 'contact.lookupMany') await overrides.lookupGate;
    return answer(name, payload);
  }) as Requester;
  const deps: BridgeDeps = {
    request,
    settings: async () => DEFAULT_SETTINGS,
    post: (message) => posted.push(message),
    openUrl: async (url) => {
      opened.push(url);
    },
    report: (message) => reports.push(message),
    wait: overrides.wait ?? (() => new Promise<void>(() => undefined)),
  };
  return { deps, calls, posted, opened, reports };
}

export const matchRequest = (phoneNumbers: string[], extra: object = {}) =>
  ({
    type: 'rc-post-message-request',
    requestId: 'req-1',
    path: '/contacts/match',
    body: { phoneNumbers, ...extra },
  }) as const;
