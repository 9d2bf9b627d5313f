import { describe, expect, it } from 'vitest';
import { checkFallbackUrl, checkSoftphoneUrl, checkWhole } from './validation';

describe('checkFallbackUrl', () => {
  it('accepts nothing, or an http(s) address with {phoneNumber}', () => {
    expect(checkFallbackUrl('  ')).toEqual({ ok: true, value: '' });
    expect(checkFallbackUrl(' https://crm.example.com/search?q={phoneNumber} ')).toEqual({
      ok: true,
      value: 'https://crm.example.com/search?q={phoneNumber}',
    });
    expect(checkFallbackUrl('http://127.0.0.1:8080/new')).toMatchObject({ ok: true });
  });

  it('refuses other schemes, non-addresses and unknown placeholders in plain words', () => {
    expect(checkFallbackUrl('javascript:alert(1)')).toEqual({
      ok: false,
      message: 'Only web addresses starting with https:// or http:// can be opened.',
    });
    expect(checkFallbackUrl('crm.example.com')).toMatchObject({
      ok: false,
      message: expect.stringContaining('not a web address') as string,
    });
    expect(checkFallbackUrl('https://x.test/{contactId}')).toMatchObject({
      ok: false,
      message: expect.stringContaining('{contactId} is not a placeholder') as string,
    });
  });
});

describe('checkSoftphoneUrl', () => {
  it('accepts https anywhere and http only on loopback', () => {
    expect(checkSoftphoneUrl('https://phone.example.com/app.html')).toMatchObject({ ok: true });
    expect(checkSoftphoneUrl('http://localhost:5173/')).toMatchObject({ ok: true });
    expect(checkSoftphoneUrl('http://127.0.0.1:9000/app')).toMatchObject({ ok: true });
  });

  it('refuses http elsewhere, other schemes and empty input', () => {
    expect(checkSoftphoneUrl('http://phone.example.com')).toMatchObject({
      ok: false,
      message: expect.stringContaining('must start with https://') as string,
    });
    expect(checkSoftphoneUrl('ftp://x.test')).toMatchObject({ ok: false });
    expect(checkSoftphoneUrl('')).toEqual({ ok: false, message: 'Enter the softphone address.' });
  });

  it('refuses what the softphone window would refuse: [::1], a user name or password', () => {
    expect(checkSoftphoneUrl('http://[::1]:5173/')).toMatchObject({ ok: false });
    expect(checkSoftphoneUrl('https://me:secret@phone.example.com/')).toEqual({
      ok: false,
      message: 'The softphone URL must not contain a user name or password.',
    });
  });
});

describe('checkWhole: cache minutes', () => {
  it('accepts whole minutes within the limits', () => {
    expect(checkWhole(' 90 ', 'matchTtlMinutes')).toEqual({ ok: true, value: 90 });
    expect(checkWhole('0', 'noMatchTtlMinutes')).toEqual({ ok: true, value: 0 });
  });

  it('explains empty, non-numeric and out-of-range input', () => {
    expect(checkWhole('', 'noMatchTtlMinutes')).toEqual({
      ok: false,
      message: 'Enter a number of minutes between 0 and 60.',
    });
    expect(checkWhole('1.5', 'matchTtlMinutes')).toMatchObject({ ok: false });
    expect(checkWhole('61', 'noMatchTtlMinutes')).toEqual({
      ok: false,
      message: 'Enter a number of minutes between 0 and 60; 61 is out of range.',
    });
    expect(checkWhole('0', 'matchTtlMinutes')).toMatchObject({ ok: false });
  });
});

describe('checkWhole: the CRM request timeout', () => {
  it('takes whole seconds from 3 to 60 and says why otherwise', () => {
    expect(checkWhole(' 20 ', 'requestTimeoutSeconds')).toEqual({ ok: true, value: 20 });
    expect(checkWhole('2', 'requestTimeoutSeconds')).toEqual({
      ok: false,
      message: 'Enter a number of seconds between 3 and 60; 2 is out of range.',
    });
    expect(checkWhole('7.5', 'requestTimeoutSeconds')).toEqual({
      ok: false,
      message: 'Use whole seconds only (digits), between 3 and 60.',
    });
  });
});
