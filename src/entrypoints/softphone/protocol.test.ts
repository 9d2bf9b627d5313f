import { describe, expect, it } from 'vitest';
import { parseMatchBody, parseViewBody, parseWidgetMessage } from './protocol';

describe('parseWidgetMessage', () => {
  it('keeps the messages the bridge handles', () => {
    expect(parseWidgetMessage({ type: 'rc-adapter-pushAdapterState', extra: 1 })).toEqual({
      type: 'rc-adapter-pushAdapterState',
    });
    expect(
      parseWidgetMessage({
        type: 'rc-post-message-request',
        requestId: 'r1',
        path: '/contacts/match',
        body: { phoneNumbers: [] },
      }),
    ).toEqual({
      type: 'rc-post-message-request',
      requestId: 'r1',
      path: '/contacts/match',
      body: { phoneNumbers: [] },
    });
    expect(parseWidgetMessage({ type: 'rc-active-call-notify', call: { sessionId: 'x' } })).toEqual(
      { type: 'rc-active-call-notify', call: { sessionId: 'x' } },
    );
  });

  it("keeps the login status's account country, only when it is a country code", () => {
    const login = (contractedCountryCode: unknown) =>
      parseWidgetMessage({ type: 'rc-login-status-notify', loggedIn: true, contractedCountryCode });
    expect(login('GB')).toEqual({ type: 'rc-login-status-notify', country: 'GB' });
    expect(login(undefined)).toEqual({ type: 'rc-login-status-notify', country: '' });
    expect(login('<b>')).toEqual({ type: 'rc-login-status-notify', country: '' });
  });

  it('reads the telephony session notice as a call notice', () => {
    expect(
      parseWidgetMessage({ type: 'rc-telephony-session-notify', telephonySession: { id: 's-1' } }),
    ).toEqual({ type: 'rc-telephony-session-notify', call: { id: 's-1' } });
  });

  it('drops malformed and unrelated messages', () => {
    for (const junk of [
      null,
      'rc-adapter-pushAdapterState',
      [],
      { type: 'rc-route-changed-notify', path: '/' },
      { type: 'rc-post-message-request', path: '/contacts/match' },
      { type: 'rc-post-message-request', requestId: 'r', path: 7 },
      { type: 'rc-active-call-notify', call: 'S1' },
    ]) {
      expect(parseWidgetMessage(junk)).toBeNull();
    }
  });
});

describe('parseMatchBody', () => {
  it('dedupes numbers and treats triggerFrom manual as a forced refresh', () => {
    expect(
      parseMatchBody({ phoneNumbers: ['+1', '+1', '', 5, '+2'], triggerFrom: 'manual' }),
    ).toEqual({ phoneNumbers: ['+1', '+2'], force: true, skipped: 0 });
    expect(parseMatchBody({ phoneNumbers: ['+1'] })).toEqual({
      phoneNumbers: ['+1'],
      force: false,
      skipped: 0,
    });
  });

  it('leaves out a number no phone number is as long as, and keeps the others', () => {
    const huge = '1'.repeat(1_000_000);
    expect(parseMatchBody({ phoneNumbers: ['+14155550102', huge] })).toEqual({
      phoneNumbers: ['+14155550102'],
      force: false,
      skipped: 1,
    });
    // Padded with a megabyte of spaces: left out whole (a failure here prints no megabyte).
    const padded = parseMatchBody({ phoneNumbers: [`+14155550102${' '.repeat(1_000_000)}`] });
    expect(typeof padded !== 'string' && [padded.phoneNumbers.length, padded.skipped]).toEqual([
      0, 1,
    ]);
    // Counted as the engine counts it, without surrounding spaces.
    expect(parseMatchBody({ phoneNumbers: [` ${'1'.repeat(64)} `] })).toEqual({
      phoneNumbers: [` ${'1'.repeat(64)} `],
      force: false,
      skipped: 0,
    });
  });

  it('explains a body without a list', () => {
    expect(parseMatchBody({})).toBe('The contact match request has no phoneNumbers list.');
  });
});

describe('parseViewBody', () => {
  it('takes the id and the first phone number', () => {
    expect(
      parseViewBody({ id: 7, phoneNumbers: [{ phoneType: 'x' }, { phoneNumber: '+1415' }] }),
    ).toEqual({ id: '7', phoneNumber: '+1415' });
  });

  it('explains what is missing', () => {
    expect(parseViewBody({ phoneNumbers: [] })).toBe('The contact to view has no id.');
    expect(parseViewBody({ id: 'a', phoneNumbers: [] })).toBe(
      'The contact to view has no phone number.',
    );
  });
});
