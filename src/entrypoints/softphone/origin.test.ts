import { describe, expect, it } from 'vitest';
import { DEFAULT_SOFTPHONE_URL } from '@/features/settings/model/settings';
import { softphoneTarget } from './origin';

describe('softphoneTarget', () => {
  it('accepts the published Embeddable URL and keeps its origin', () => {
    expect(softphoneTarget(DEFAULT_SOFTPHONE_URL)).toEqual({
      ok: true,
      url: DEFAULT_SOFTPHONE_URL,
      origin: 'https://apps.ringcentral.com',
    });
  });

  it('accepts plain http only on loopback', () => {
    expect(softphoneTarget('http://127.0.0.1:4020/softphone.html')).toMatchObject({
      ok: true,
      origin: 'http://127.0.0.1:4020',
    });
    expect(softphoneTarget('http://localhost:9/x')).toMatchObject({ ok: true });
    expect(softphoneTarget('http://phone.example.com/app.html')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('https://') as unknown,
    });
  });

  it('refuses other schemes, credentials and junk with a plain reason', () => {
    for (const bad of ['javascript:alert(1)', 'data:text/html,hi', 'ftp://x.test/']) {
      expect(softphoneTarget(bad)).toMatchObject({ ok: false });
    }
    expect(softphoneTarget('https://u:p@x.test/')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('password') as unknown,
    });
    expect(softphoneTarget('not a url')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not a valid web address') as unknown,
    });
    expect(softphoneTarget('')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('No softphone URL') as unknown,
    });
    expect(softphoneTarget(undefined)).toMatchObject({ ok: false });
  });

  it("puts CallPop's own RingCentral app in the widget URL, so the widget is no demo", () => {
    const app = { clientId: 'my id', appServer: 'https://platform.devtest.ringcentral.com' };
    expect(softphoneTarget('https://apps.example.test/app.html?x=1', app)).toEqual({
      ok: true,
      url: 'https://apps.example.test/app.html?x=1&clientId=my+id&appServer=https%3A%2F%2Fplatform.devtest.ringcentral.com',
      origin: 'https://apps.example.test',
    });
    expect(softphoneTarget('https://apps.example.test/app.html', { clientId: '' })).toMatchObject({
      url: 'https://apps.example.test/app.html',
    });
  });
});
