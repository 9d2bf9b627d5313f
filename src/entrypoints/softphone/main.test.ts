/**
 * The softphone window's glue (main.ts) on a minimal fake DOM: the status line, "Show call
 * window", and what a settings change does. The worker is a fake `request`; the bridge is real.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settle } from '@/test/settle';
import type { ConnectionSummary } from '@/features/connection/model/connection';
import type { CallEvent, CallEventReply, ContactView } from '@/platform/messages';
import { DEFAULT_SETTINGS } from '@/features/settings/model/settings';
import { settingsItem } from '@/platform/storage/keys';
import { aLookupResult } from '@/test/calls';

const worker = vi.hoisted(() => ({
  answer: (name: string, payload: unknown): unknown => {
    throw new Error(`No fake answer for ${name} ${JSON.stringify(payload)}`);
  },
}));

vi.mock('@/platform/ui/messaging', () => ({
  request: async (name: string, payload: unknown) => {
    await Promise.resolve();
    return worker.answer(name, payload);
  },
  send: async () => ({ ok: true, value: null }),
}));
// No timers left running between tests.
vi.mock('./keep-worker-awake', () => ({ keepWorkerAwake: () => () => undefined }));

const SOFTPHONE = 'https://phone.example.test/app.html';
const ORIGIN = 'https://phone.example.test';
const NORMAL = 'Matching callers in Pipedrive.';
const ALICE = '+14155550101';

const connection: ConnectionSummary = {
  platform: 'pipedrive',
  displayName: 'Pipedrive',
  hostname: 'http://127.0.0.1:1',
  userName: 'Dana',
  connectedAt: 1,
};
const alice: ContactView = {
  id: 1,
  name: 'Alice Johnson',
  type: 'person',
  pageUrl: 'http://127.0.0.1:1/person/1',
};

type Listener = (event: unknown) => void;

/** Just the element surface main.ts touches. */
class FakeElement {
  textContent = '';
  hidden = false;
  title = '';
  allow = '';
  dataset: Record<string, string> = {};
  readonly attributes: Record<string, string> = {};
  /** The sandbox the frame had when its address was set (it applies from that navigation). */
  sandboxWhenLoaded: string | undefined;
  private address = '';
  get src(): string {
    return this.address;
  }
  set src(value: string) {
    this.address = value;
    this.sandboxWhenLoaded = this.attributes.sandbox;
  }
  readonly children: FakeElement[] = [];
  readonly contentWindow = { postMessage: vi.fn() };
  private parent: FakeElement | null = null;
  private readonly listeners: Listener[] = [];

  setAttribute(name: string, value: string): void {
    this.attributes[name] = value;
  }
  addEventListener(_type: string, listener: Listener): void {
    this.listeners.push(listener);
  }
  click(): void {
    for (const listener of this.listeners) listener({});
  }
  prepend(child: FakeElement): void {
    child.parent = this;
    this.children.unshift(child);
  }
  append(child: FakeElement): void {
    child.parent = this;
    this.children.push(child);
  }
  remove(): void {
    this.parent?.children.splice(this.parent.children.indexOf(this), 1);
    this.parent = null;
  }
}

interface Page {
  status: FakeElement;
  held: FakeElement;
  showCall: FakeElement;
  frameHost: FakeElement;
  /** Posts a message from the framed softphone, as the widget does. */
  fromWidget: (data: unknown) => void;
  /** The call.event and call.show requests the worker got. */
  calls: CallEvent[];
  shown: string[];
}

/** Loads main.ts on a fresh fake page; `reply` decides the worker's answer to each call event. */
async function openWindow(reply: (event: CallEvent) => CallEventReply): Promise<Page> {
  const elements = {
    status: new FakeElement(),
    'show-call': Object.assign(new FakeElement(), { hidden: true }),
    'frame-host': new FakeElement(),
    held: Object.assign(new FakeElement(), { hidden: true }),
  };
  let onMessage: Listener = () => undefined;
  vi.stubGlobal('document', {
    getElementById: (id: keyof typeof elements) => elements[id],
    createElement: () => new FakeElement(),
    documentElement: { dataset: {} },
  });
  vi.stubGlobal('window', {
    addEventListener: (_type: string, listener: Listener) => (onMessage = listener),
  });
  const calls: CallEvent[] = [];
  const shown: string[] = [];
  worker.answer = (name, payload) => {
    if (name === 'connection.get') return connection;
    if (name === 'contact.lookupMany') return {};
    if (name === 'call.show') {
      shown.push((payload as { sessionId: string }).sessionId);
      return { shown: 'opened' };
    }
    if (name === 'call.event') {
      calls.push(payload as CallEvent);
      return reply(payload as CallEvent);
    }
    throw new Error(`Unexpected request ${name}`);
  };
  await settingsItem.set({
    ...DEFAULT_SETTINGS,
    softphone: { ...DEFAULT_SETTINGS.softphone, url: SOFTPHONE },
  });
  vi.resetModules();
  await import('./main');
  await settle();
  const frameHost = elements['frame-host'];
  const fromWidget = (data: unknown) =>
    onMessage({ source: frameHost.children[0]?.contentWindow, origin: ORIGIN, data });
  fromWidget({ type: 'rc-adapter-pushAdapterState' });
  await settle();
  expect(elements.status.textContent).toBe(NORMAL);
  return {
    status: elements.status,
    held: elements.held,
    showCall: elements['show-call'],
    frameHost,
    fromWidget,
    calls,
    shown,
  };
}

const popped = (): CallEventReply => ({ action: 'popped', reason: 'Popped.' });

describe('softphone window: the frame', () => {
  it('is sandboxed before it loads, with what a web phone needs and no top navigation', async () => {
    const page = await openWindow(popped);
    const frame = page.frameHost.children[0]!;
    expect(frame.src).toBe(SOFTPHONE);
    const sandbox = frame.sandboxWhenLoaded?.split(' ') ?? [];
    expect(sandbox).toEqual(
      expect.arrayContaining([
        'allow-scripts',
        'allow-same-origin',
        'allow-forms',
        'allow-popups',
        'allow-popups-to-escape-sandbox',
      ]),
    );
    expect(sandbox.filter((token) => token.startsWith('allow-top-navigation'))).toEqual([]);
    expect(frame.allow).toContain('microphone');
  });
});

function callNotice(sessionId: string, telephonyStatus: string, number = ALICE) {
  return {
    type: 'rc-active-call-notify',
    call: {
      telephonySessionId: sessionId,
      direction: 'Inbound',
      telephonyStatus,
      from: { phoneNumber: number },
      to: { phoneNumber: '+16505550100' },
    },
  };
}

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('a softphone URL changed while the window is open', () => {
  it('to a refused one: the frame goes and the reason stays, not "Matching callers"', async () => {
    const page = await openWindow(popped);
    await settingsItem.set({
      ...DEFAULT_SETTINGS,
      softphone: { ...DEFAULT_SETTINGS.softphone, url: 'http://example.com/app.html' },
    });
    await settle();
    expect(page.frameHost.children).toEqual([]);
    expect(page.status.textContent).toMatch(/must start with https:\/\//);
    expect(page.status.dataset.kind).toBe('error');
  });
});

describe('Show call window', () => {
  it('stays while an earlier call goes on after a later one ends, and shows the newest live one', async () => {
    const page = await openWindow(popped);
    page.fromWidget(callNotice('A', 'Ringing'));
    page.fromWidget(callNotice('A', 'CallConnected'));
    await settle();
    page.fromWidget(callNotice('B', 'Ringing', '+14155550102'));
    await settle();
    expect(page.showCall.hidden).toBe(false);
    page.showCall.click();
    await settle();
    expect(page.shown).toEqual(['B']);

    page.fromWidget(callNotice('B', 'NoCall', '+14155550102'));
    await settle();
    expect(page.showCall.hidden).toBe(false);
    page.showCall.click();
    await settle();
    expect(page.shown).toEqual(['B', 'A']);

    page.fromWidget(callNotice('A', 'NoCall'));
    await settle();
    expect(page.showCall.hidden).toBe(true);
  });

  it('shows the call the person swapped back to, not the one now on hold', async () => {
    const page = await openWindow(popped);
    const BOB = '+14155550102';
    page.fromWidget(callNotice('A', 'Ringing'));
    page.fromWidget(callNotice('A', 'CallConnected'));
    await settle();
    // Call waiting: B rings, A goes on hold, B is answered; then the person swaps back to A.
    page.fromWidget(callNotice('B', 'Ringing', BOB));
    page.fromWidget(callNotice('A', 'OnHold'));
    page.fromWidget(callNotice('B', 'CallConnected', BOB));
    await settle();
    page.showCall.click();
    await settle();
    page.fromWidget(callNotice('B', 'OnHold', BOB));
    page.fromWidget(callNotice('A', 'CallConnected'));
    await settle();
    page.showCall.click();
    await settle();
    expect(page.shown).toEqual(['B', 'A']);
  });

  it('is not offered for a call the worker refused', async () => {
    const refused = 'No call pop: "12" is not a phone number.';
    const page = await openWindow((event) =>
      event.from === '12'
        ? { action: 'ignored', reason: refused, tell: true }
        : { action: 'popped', reason: 'Popped.' },
    );
    page.fromWidget(callNotice('R', 'Ringing', '12'));
    await settle();
    expect(page.calls.map((c) => c.sessionId)).toEqual(['R']);
    expect(page.showCall.hidden).toBe(true);
    expect(page.status.textContent).toBe(refused);

    // With a call going on, a refused one does not take its place either.
    page.fromWidget(callNotice('A', 'Ringing'));
    await settle();
    page.fromWidget(callNotice('R2', 'Ringing', '12'));
    page.fromWidget(callNotice('R', 'CallConnected', '12'));
    await settle();
    page.showCall.click();
    await settle();
    expect(page.shown).toEqual(['A']);
  });

  it('is not brought back by a late answer to an ended call', async () => {
    let answerRing: (reply: CallEventReply) => void = () => undefined;
    const page = await openWindow(popped);
    worker.answer = ((base) => (name: string, payload: unknown) => {
      const event = payload as CallEvent;
      if (name === 'call.event' && event.status === 'Ringing') {
        return new Promise((resolve) => (answerRing = resolve));
      }
      return base(name, payload);
    })(worker.answer);
    page.fromWidget(callNotice('A', 'Ringing'));
    await settle();
    page.fromWidget(callNotice('A', 'NoCall'));
    await settle();
    answerRing(popped());
    await settle();
    expect(page.showCall.hidden).toBe(true);
  });
});

describe('a flood of new calls', () => {
  it('pops at most 5 new calls a minute and lists the others, whose later events stay held', async () => {
    const now = vi.spyOn(Date, 'now').mockReturnValue(10_000_000);
    const page = await openWindow(popped);
    for (let i = 0; i < 7; i += 1) {
      page.fromWidget(callNotice(`C${i}`, 'Ringing', `+1415555020${i}`));
    }
    await settle();
    page.fromWidget(callNotice('C6', 'CallConnected', '+14155550206'));
    page.fromWidget(callNotice('C0', 'CallConnected', '+14155550200'));
    await settle();
    expect(page.calls.map((c) => `${c.sessionId} ${c.status}`)).toEqual([
      ...['C0', 'C1', 'C2', 'C3', 'C4'].map((id) => `${id} Ringing`),
      'C0 CallConnected',
    ]);
    expect(page.held.hidden).toBe(false);
    expect(page.held.children.map((item) => item.textContent.split(' ').at(-1))).toEqual([
      '+14155550206',
      '+14155550205',
    ]);
    expect(page.status.textContent).toBe(
      'More than 5 new calls in a minute: CallPop did not pop the others, listed below.',
    );
    // A minute after the first ones, a new call pops again.
    now.mockReturnValue(10_000_000 + 60_000);
    page.fromWidget(callNotice('C7', 'Ringing', '+14155550207'));
    await settle();
    expect(page.calls.at(-1)?.sessionId).toBe('C7');
    now.mockRestore();
  });
});

describe("the softphone account's country", () => {
  it('is kept from the login status, for numbers without a country code', async () => {
    const page = await openWindow(popped);
    page.fromWidget({
      type: 'rc-login-status-notify',
      loggedIn: true,
      contractedCountryCode: 'GB',
    });
    await settle();
    expect((await settingsItem.get()).softphone.accountCountry).toBe('GB');
    // Signed out (no country): the last account's stays.
    page.fromWidget({ type: 'rc-login-status-notify', loggedIn: false });
    await settle();
    expect((await settingsItem.get()).softphone.accountCountry).toBe('GB');
  });
});

describe('the status line after a problem', () => {
  it('comes back to normal when a call pops after a withheld one', async () => {
    const page = await openWindow(popped);
    page.fromWidget(callNotice('W', 'Ringing', 'anonymous'));
    await settle();
    expect(page.status.textContent).toBe('No call pop: the caller withheld their number.');
    page.fromWidget(callNotice('A', 'Ringing'));
    await settle();
    expect(page.status.textContent).toBe(NORMAL);
    expect(page.status.dataset.kind).toBe('info');
  });

  it('comes back to normal when a contact page opens after one that could not', async () => {
    const page = await openWindow(popped);
    let crmDown = true;
    worker.answer = ((base) => (name: string, payload: unknown) => {
      if (name !== 'contact.lookup') return base(name, payload);
      return crmDown
        ? {
            ...aLookupResult([], ALICE),
            source: 'none',
            returnMessage: { messageType: 'danger', message: 'Pipedrive is down.' },
          }
        : aLookupResult([alice], ALICE);
    })(worker.answer);
    const view = (requestId: string) => ({
      type: 'rc-post-message-request',
      requestId,
      path: '/contacts/view',
      body: { id: '1', phoneNumbers: [{ phoneNumber: ALICE }] },
    });
    page.fromWidget(view('v1'));
    await settle();
    expect(page.status.textContent).toMatch(/could not be opened: Pipedrive is down/);
    // A request CallPop does not answer from the CRM says nothing about the CRM: no change.
    page.fromWidget({
      type: 'rc-post-message-request',
      requestId: 'x',
      path: '/settings',
      body: {},
    });
    await settle();
    expect(page.status.textContent).toMatch(/could not be opened/);
    crmDown = false;
    page.fromWidget(view('v2'));
    await settle();
    expect(page.status.textContent).toBe(NORMAL);
  });

  it('comes back to normal when a match works after a rejected one', async () => {
    const page = await openWindow(popped);
    const match = (requestId: string, phoneNumbers: unknown) => ({
      type: 'rc-post-message-request',
      requestId,
      path: '/contacts/match',
      body: { phoneNumbers },
    });
    page.fromWidget(match('m1', 'not a list'));
    await settle();
    expect(page.status.dataset.kind).toBe('error');
    page.fromWidget(match('m2', [ALICE]));
    await settle();
    expect(page.status.textContent).toBe(NORMAL);
  });

  it('keeps the withheld reason through the match the widget makes for that call', async () => {
    const page = await openWindow(popped);
    page.fromWidget(callNotice('W', 'Ringing', 'anonymous'));
    page.fromWidget({
      type: 'rc-post-message-request',
      requestId: 'm',
      path: '/contacts/match',
      body: { phoneNumbers: ['anonymous', ALICE] },
    });
    await settle();
    expect(page.status.textContent).toBe('No call pop: the caller withheld their number.');
  });

  it('keeps why a call was refused when a match works meanwhile', async () => {
    const refused = 'No call pop: "12" is not a phone number.';
    const page = await openWindow(() => ({ action: 'ignored', reason: refused, tell: true }));
    page.fromWidget({
      type: 'rc-post-message-request',
      requestId: 'm',
      path: '/contacts/match',
      body: { phoneNumbers: [ALICE] },
    });
    page.fromWidget(callNotice('R', 'Ringing', '12'));
    await settle();
    expect(page.status.textContent).toBe(refused);
  });
});
