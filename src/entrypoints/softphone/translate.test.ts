import { describe, expect, it } from 'vitest';
import type { ConnectionSummary } from '@/features/connection/model/connection';
import type { ContactView, LookupResult } from '@/platform/messages';
import { DEFAULT_SETTINGS } from '@/features/settings/model/settings';
import { aLookupResult } from '@/test/calls';
import { matchData, registrationMessage, toCallEvent } from './translate';

const connection: ConnectionSummary = {
  platform: 'pipedrive',
  displayName: 'Pipedrive',
  hostname: 'acme.pipedrive.com',
  userName: 'Dana',
  connectedAt: 1,
};

function contact(id: number, name: string, extra: Partial<ContactView> = {}): ContactView {
  return { id, name, type: 'person', pageUrl: `https://acme.test/person/${id}`, ...extra };
}

const result = (phoneNumber: string, contacts: ContactView[]) =>
  aLookupResult(contacts, phoneNumber);

describe('registrationMessage', () => {
  it('names the connected CRM and converts our cache TTLs to milliseconds', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      cache: { ...DEFAULT_SETTINGS.cache, matchTtlMinutes: 90, noMatchTtlMinutes: 2 },
    };
    expect(registrationMessage(connection, settings)).toEqual({
      type: 'rc-adapter-register-third-party-service',
      service: {
        name: 'pipedrive',
        displayName: 'Pipedrive',
        contactMatchPath: '/contacts/match',
        viewMatchedContactPath: '/contacts/view',
        contactMatchTtl: 90 * 60_000,
        contactNoMatchTtl: 2 * 60_000,
      },
    });
  });

  it('never registers a no-match lifetime of 0, which the widget ignores (keeping 5 minutes)', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      cache: { ...DEFAULT_SETTINGS.cache, noMatchTtlMinutes: 0 },
    };
    expect(registrationMessage(connection, settings).service.contactNoMatchTtl).toBe(60_000);
  });
});

describe('matchData', () => {
  it('answers every requested number in Embeddable contact shape, never the placeholder', () => {
    const alice = '+14155550101';
    const unknown = '+14155550999';
    const missing = '+14155550998';
    const results = {
      [alice]: result(alice, [
        contact(1, 'Alice Johnson', { additionalInfo: { org: 'Acme' } }),
        contact(0, 'Create new contact...', { isNewContact: true }),
      ]),
      [unknown]: result(unknown, []),
    };
    expect(matchData([alice, unknown, missing], results, 'pipedrive')).toEqual({
      [alice]: [
        {
          id: 1,
          type: 'pipedrive',
          name: 'Alice Johnson',
          phoneNumbers: [{ phoneNumber: alice, phoneType: 'direct' }],
          entityType: 'pipedrive',
          contactType: 'person',
          additionalInfo: { org: 'Acme' },
        },
      ],
      [unknown]: [],
      [missing]: [],
    });
  });

  it('answers the other numbers when the widget asks for "__proto__" too', () => {
    const alice = '+14155550101';
    // As lookupMany's answer arrives over messaging: "__proto__" an own key, not the prototype.
    const results = JSON.parse(
      JSON.stringify({ [alice]: result(alice, [contact(1, 'Alice')]) }).replace(
        /^\{/,
        `{"__proto__":${JSON.stringify(result('__proto__', []))},`,
      ),
    ) as Record<string, LookupResult>;
    const data = matchData(['__proto__', alice], results, 'pipedrive');
    expect(data[alice]?.map((c) => (c as { name: string }).name)).toEqual(['Alice']);
    expect(Object.hasOwn(data, '__proto__')).toBe(true);
    expect(data['__proto__']).toEqual([]);
  });

  it('answers every spelling of a number under the key the widget sent', () => {
    // As lookupMany answers: keyed as requested, each result carrying the E.164 form.
    const alice = result('+14155550101', [contact(1, 'Alice')]);
    const bob = result('+14155550102', [contact(2, 'Bob')]);
    const requested = ['4155550101', '(415) 555-0102', '+1 415-555-0101'];
    const results = { '4155550101': alice, '(415) 555-0102': bob, '+1 415-555-0101': alice };
    const data = matchData(requested, results, 'pipedrive');
    expect(Object.keys(data)).toEqual(requested);
    expect(data['4155550101']).toMatchObject([
      { name: 'Alice', phoneNumbers: [{ phoneNumber: '4155550101' }] },
    ]);
    expect(data['(415) 555-0102']?.map((c) => (c as { name: string }).name)).toEqual(['Bob']);
    expect(data['+1 415-555-0101']?.map((c) => (c as { name: string }).name)).toEqual(['Alice']);
  });
});

describe('toCallEvent', () => {
  // Presence's active call, as rc-active-call-notify carries it.
  const call = {
    sessionId: '1234567890',
    telephonySessionId: 's-1',
    direction: 'Inbound',
    telephonyStatus: 'Ringing',
    from: { phoneNumber: '+14155550101' },
    fromName: 'WIRELESS CALLER',
    to: { phoneNumber: '+16505550000' },
    startTime: 1_700_000_000_000,
  };
  const presence = (changed: Record<string, unknown> = {}) =>
    toCallEvent('rc-active-call-notify', { ...call, ...changed });
  // The webphone session, as rc-call-ring-notify and rc-call-end-notify carry it.
  const session = {
    id: 'sip-1',
    callId: 'c-1',
    direction: 'Inbound',
    callStatus: 'webphone-session-connecting',
    from: '+14155550101',
    fromUserName: 'WIRELESS CALLER',
    to: '+16505550000',
    toUserName: 'Dana',
    partyData: { partyId: 'p-1', sessionId: 's-1' },
    startTime: 1_700_000_000_000,
  };
  const event = {
    sessionId: 's-1',
    direction: 'Inbound',
    status: 'Ringing',
    from: '+14155550101',
    to: '+16505550000',
    fromName: 'WIRELESS CALLER',
    startTime: 1_700_000_000_000,
  };

  it('keys presence, the ring notice and the end notice of one call by its telephony session', () => {
    expect(presence()).toEqual({ event });
    expect(toCallEvent('rc-call-ring-notify', session)).toEqual({
      event: { ...event, toName: 'Dana' },
    });
    expect(toCallEvent('rc-call-end-notify', { ...session, endTime: 1 })).toEqual({
      event: { ...event, status: 'NoCall', toName: 'Dana' },
    });
  });

  it('ends a call on a telephony session whose parties all hung up, not on a switch', () => {
    const party = (code: string, reason?: string) => ({
      direction: 'Inbound',
      from: { phoneNumber: '+14155550101' },
      status: { code, ...(reason ? { reason } : {}) },
    });
    const telephony = (...parties: unknown[]) =>
      toCallEvent('rc-telephony-session-notify', { id: 's-1', sessionId: '1', parties });
    expect(telephony(party('Disconnected'))).toEqual({
      event: {
        sessionId: 's-1',
        direction: 'Inbound',
        status: 'NoCall',
        from: '+14155550101',
        to: '',
      },
    });
    // Switched to another device, or answered by another agent of a queue: not ended.
    expect(telephony(party('Disconnected', 'CallSwitch'), party('Answered'))).toMatchObject({
      tell: false,
    });
    expect(telephony(party('Answered'))).toMatchObject({ tell: false });
    expect(telephony()).toMatchObject({ tell: false });
  });

  it('maps answered, held and ended statuses and ignores unknown ones', () => {
    const status = (telephonyStatus: string) => {
      const translated = presence({ telephonyStatus });
      return 'event' in translated ? translated.event.status : translated.ignored;
    };
    expect(status('CallConnected')).toBe('CallConnected');
    expect(status('OnHold')).toBe('CallConnected');
    expect(status('NoCall')).toBe('NoCall');
    expect(status('Voicemail')).toMatch(/not used/);
  });

  it('refuses calls without a telephony session id or a known direction, and says so', () => {
    expect(presence({ telephonySessionId: undefined })).toEqual({
      ignored: 'No call pop: the softphone sent a call without its telephony session id.',
      tell: true,
    });
    expect(presence({ direction: 'inbound' })).toEqual({
      ignored:
        'No call pop: the softphone sent a call whose direction is "inbound", not Inbound or Outbound.',
      tell: true,
    });
    // An end notice that cannot be read is not worth a line: the call ends by another signal.
    expect(toCallEvent('rc-call-end-notify', { ...session, partyData: null })).toMatchObject({
      tell: false,
    });
  });

  it('cuts a runaway direction in what it says', () => {
    const told = presence({ direction: 'x'.repeat(5000) });
    expect('ignored' in told && told.ignored.length).toBeLessThan(140);
  });

  it('says a number that is not text is malformed, not withheld', () => {
    for (const from of [14155550101, { phoneNumber: 14155550101 }, true]) {
      expect(presence({ from })).toEqual({
        ignored: "No call pop: the caller's number from the softphone is not text.",
        tell: true,
      });
    }
    expect(presence({ direction: 'Outbound', to: { phoneNumber: 14155550101 } })).toEqual({
      ignored: 'No call pop: the called number from the softphone is not text.',
      tell: true,
    });
  });

  it('tells, instead of failing, about a call whose other party has no number', () => {
    expect(presence({ from: { name: 'Anonymous' } })).toEqual({
      ignored: 'No call pop: the caller withheld their number.',
      tell: true,
    });
    for (const word of ['anonymous', 'Restricted', 'Private']) {
      expect(toCallEvent('rc-call-ring-notify', { ...session, from: word })).toEqual({
        ignored: 'No call pop: the caller withheld their number.',
        tell: true,
      });
    }
    expect(presence({ direction: 'Outbound', to: {} })).toEqual({
      ignored: 'No call pop: the call has no number.',
      tell: true,
    });
  });

  it('leaves out a start time that is not milliseconds (the worker then uses its own clock)', () => {
    const translated = presence({ startTime: '2024-01-01T00:00:00Z' });
    expect('event' in translated && 'startTime' in translated.event).toBe(false);
  });
});
