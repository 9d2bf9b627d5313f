import { describe, expect, it } from 'vitest';
import type { CallEvent } from '@/platform/messages';
import { handleWidgetMessage } from './bridge';
import { RESEND_DELAYS_MS as CALL_RESEND_DELAYS_MS } from './resend';
import { alice, harness } from '@/test/bridge-harness';

describe('handleWidgetMessage', () => {
  it('registers the connected CRM when the widget pushes its state', async () => {
    const h = harness();
    await handleWidgetMessage(h.deps, { type: 'rc-adapter-pushAdapterState' });
    expect(h.posted).toMatchObject([
      { type: 'rc-adapter-register-third-party-service', service: { name: 'pipedrive' } },
    ]);
  });

  it('does not register without a connection and says why', async () => {
    const h = harness({ connected: false });
    await handleWidgetMessage(h.deps, { type: 'rc-adapter-pushAdapterState' });
    expect(h.posted).toEqual([]);
    expect(h.reports.at(-1)).toMatch(/Connect a CRM/);
  });

  it('answers /contacts/view before opening the page: the widget waits 3 s for it', async () => {
    const h = harness();
    const order: string[] = [];
    h.deps.post = () => order.push('answered');
    h.deps.openUrl = async () => {
      order.push('opened');
    };
    await handleWidgetMessage(h.deps, {
      type: 'rc-post-message-request',
      requestId: 'v',
      path: '/contacts/view',
      body: { id: 1, phoneNumbers: [{ phoneNumber: '+14155550101' }] },
    });
    expect(order).toEqual(['answered', 'opened']);
  });

  it('opens the CRM page for /contacts/view and answers ok', async () => {
    const h = harness();
    await handleWidgetMessage(h.deps, {
      type: 'rc-post-message-request',
      requestId: 'v1',
      path: '/contacts/view',
      body: { id: 1, phoneNumbers: [{ phoneNumber: '+14155550101' }] },
    });
    expect(h.opened).toEqual([alice.pageUrl]);
    expect(h.posted).toEqual([
      { type: 'rc-post-message-response', responseId: 'v1', response: { data: 'ok' } },
    ]);
  });

  it('opens the CRM page when its lookup met a worker being stopped', async () => {
    const h = harness({ lookupTransportFailures: 1, wait: async () => undefined });
    await handleWidgetMessage(h.deps, {
      type: 'rc-post-message-request',
      requestId: 'view-1',
      path: '/contacts/view',
      body: { id: 1, phoneNumbers: [{ phoneNumber: '+14155550101' }] },
    });
    expect(h.opened).toEqual([alice.pageUrl]);
    expect(h.reports).toEqual([]);
  });

  it('says why a contact cannot be opened when the CRM did not answer, not that it is gone', async () => {
    const h = harness({ lookupProblem: 'Pipedrive is not answering (503).' });
    await handleWidgetMessage(h.deps, {
      type: 'rc-post-message-request',
      requestId: 'v3',
      path: '/contacts/view',
      body: { id: 1, phoneNumbers: [{ phoneNumber: '+14155550101' }] },
    });
    expect(h.opened).toEqual([]);
    expect(h.reports.at(-1)).toBe(
      'The contact page could not be opened: Pipedrive is not answering (503).',
    );
  });

  it('never opens a non-http(s) page URL', async () => {
    const h = harness({ pageUrl: 'javascript:alert(1)' });
    await handleWidgetMessage(h.deps, {
      type: 'rc-post-message-request',
      requestId: 'v2',
      path: '/contacts/view',
      body: { id: 1, phoneNumbers: [{ phoneNumber: '+14155550101' }] },
    });
    expect(h.opened).toEqual([]);
    expect(h.reports.at(-1)).toMatch(/no CRM page/);
  });

  it('answers unknown paths with ok so the widget does not wait', async () => {
    const h = harness();
    await handleWidgetMessage(h.deps, {
      type: 'rc-post-message-request',
      requestId: 'x',
      path: '/callLogger',
      body: {},
    });
    expect(h.posted).toEqual([
      { type: 'rc-post-message-response', responseId: 'x', response: { data: 'ok' } },
    ]);
  });

  it('forwards call notices as call.event and drops unusable ones', async () => {
    const h = harness();
    const call = {
      telephonySessionId: 'S1',
      direction: 'Inbound',
      telephonyStatus: 'Ringing',
      from: { phoneNumber: '+14155550101' },
      to: { phoneNumber: '+16505550000' },
    };
    await handleWidgetMessage(h.deps, { type: 'rc-active-call-notify', call });
    await handleWidgetMessage(h.deps, {
      type: 'rc-active-call-notify',
      call: { ...call, telephonySessionId: undefined },
    });
    const events = h.calls.filter((c) => c.name === 'call.event').map((c) => c.payload);
    expect(events).toEqual([
      {
        sessionId: 'S1',
        direction: 'Inbound',
        status: 'Ringing',
        from: '+14155550101',
        to: '+16505550000',
      } satisfies CallEvent,
    ]);
  });

  const ringing = {
    telephonySessionId: 'S4',
    direction: 'Inbound',
    telephonyStatus: 'Ringing',
    from: { phoneNumber: '+14155550101' },
    to: { phoneNumber: '+16505550000' },
  };

  it('sends a call event again when Chrome could not deliver it (a worker being stopped)', async () => {
    const waits: number[] = [];
    const h = harness({
      callTransportFailures: 1,
      wait: async (ms) => {
        waits.push(ms);
      },
    });
    await handleWidgetMessage(h.deps, { type: 'rc-active-call-notify', call: ringing });
    expect(h.calls.filter((c) => c.name === 'call.event')).toHaveLength(2);
    expect(waits).toEqual([CALL_RESEND_DELAYS_MS[0]]);
    expect(h.reports).toEqual([]);
  });

  it("says in plain words, without Chrome's message, when the event still cannot be delivered", async () => {
    const h = harness({ callTransportFailures: 10, wait: async () => undefined });
    await handleWidgetMessage(h.deps, { type: 'rc-active-call-notify', call: ringing });
    const tries = 1 + CALL_RESEND_DELAYS_MS.length;
    expect(tries).toBeLessThanOrEqual(3);
    expect(h.calls.filter((c) => c.name === 'call.event')).toHaveLength(tries);
    expect(h.reports).toEqual([
      `Call pop failed: CallPop did not answer, even after ${tries} tries; it tries again on the call's next event.`,
    ]);
  });

  it('does not send again what the worker itself refused', async () => {
    const h = harness({ callRefused: 'The call could not be saved.', wait: async () => undefined });
    await handleWidgetMessage(h.deps, { type: 'rc-active-call-notify', call: ringing });
    expect(h.calls.filter((c) => c.name === 'call.event')).toHaveLength(1);
    expect(h.reports).toEqual(['Call pop failed: The call could not be saved.']);
  });

  it('says so, and asks nothing of the worker, when the caller withheld their number', async () => {
    const h = harness();
    await handleWidgetMessage(h.deps, {
      type: 'rc-active-call-notify',
      call: {
        telephonySessionId: 'S9',
        direction: 'Inbound',
        telephonyStatus: 'Ringing',
        from: {},
      },
    });
    expect(h.calls.filter((c) => c.name === 'call.event')).toEqual([]);
    expect(h.reports.at(-1)).toBe('No call pop: the caller withheld their number.');
  });

  it("shows the worker's reason when it says it is for the person, and only then", async () => {
    const reason = 'No call pop: "sip:101@pbx.example" is not a phone number CallPop can look up.';
    const call = {
      telephonySessionId: 'S3',
      direction: 'Inbound',
      telephonyStatus: 'Ringing',
      from: { phoneNumber: 'sip:101@pbx.example' },
    };
    const told = harness({ callReply: { action: 'ignored', reason, tell: true } });
    await handleWidgetMessage(told.deps, { type: 'rc-active-call-notify', call });
    expect(told.reports).toEqual([reason]);
    const quiet = harness({ callReply: { action: 'updated', reason: 'Call updated.' } });
    await handleWidgetMessage(quiet.deps, { type: 'rc-active-call-notify', call });
    expect(quiet.reports).toEqual([]);
  });
});
