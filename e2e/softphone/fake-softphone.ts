/**
 * A stand-in for RingCentral Embeddable that posts to the parent page exactly what the real
 * widget posts (ringcentral/ringcentral-embeddable src/modules/Adapter, read in
 * /work/shared/reference/embeddable-real.md): its adapter state and login status on load,
 * /contacts/match with callerIds, the webphone ring and end notices (no top-level sessionId;
 * partyData.sessionId is the telephony session), presence's rc-active-call-notify and the
 * telephony session's rc-telephony-session-notify. Served (transpiled) by server.ts for the demo
 * and the e2e tests, which drive it through `window.fakeSoftphone`.
 */
export {};

type Direction = 'Inbound' | 'Outbound';
type Status = 'Ringing' | 'CallConnected' | 'OnHold' | 'NoCall';
interface MatchContact {
  name: string;
}

/** A call as the widget knows it: one telephony session, its presence and (browser calls) SIP. */
export interface FakeCall {
  /** The telephony session id (`s-…`): partyData.sessionId and telephonySessionId. */
  telephonySessionId: string;
  direction: Direction;
  number: string;
  /** The carrier's caller name (inbound), as SIP, presence and callerIds carry it. */
  callerName?: string;
  status: Status;
  /** Rung in this browser (webphone): it has a ring notice and an end notice. */
  webphone: boolean;
  startTime: number;
}

const params = new URLSearchParams(location.search);
const ownNumber = '+16505550100';
const pending = new Map<string, (response: unknown) => void>();
const state = {
  registrations: [] as unknown[],
  responses: [] as unknown[],
  /** The numbers of each rc-adapter-trigger-contact-match the host sent. */
  triggers: [] as string[][],
  /** performance.timeOrigin + performance.now() when each call notice was posted. */
  eventTimes: [] as number[],
  /** The same, for ring notices only (the bench measures a pop from the ring). */
  ringTimes: [] as number[],
  call: null as FakeCall | null,
};

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const testId = (id: string) => document.querySelector(`[data-testid="${id}"]`) as HTMLElement;
const randomDigits = () => String(Math.floor(Math.random() * 1e12));

function post(message: unknown): void {
  // Embeddable posts to its parent with target origin '*'; the host checks ours.
  window.parent.postMessage(message, '*');
}

window.addEventListener('message', (event: MessageEvent) => {
  if (event.source !== window.parent) return;
  const data = event.data as { type?: string; responseId?: string; response?: unknown };
  if (data.type === 'rc-adapter-register-third-party-service') {
    state.registrations.push(data);
    const service = (data as { service?: { displayName?: string } }).service;
    testId('service').textContent = `Contacts from ${service?.displayName ?? '?'}`;
  } else if (data.type === 'rc-adapter-trigger-contact-match') {
    // As Embeddable does: match those numbers again (the host has their names by now).
    const { phoneNumbers } = data as { phoneNumbers?: unknown };
    const numbers = Array.isArray(phoneNumbers) ? phoneNumbers.map(String) : [];
    state.triggers.push(numbers);
    if (state.call && numbers.includes(state.call.number)) void showName(state.call);
  } else if (data.type === 'rc-post-message-response' && data.responseId) {
    // Matched on type and responseId only, as the widget does.
    state.responses.push(data);
    pending.get(data.responseId)?.(data.response);
    pending.delete(data.responseId);
  }
});

/** A /contacts/match request: all numbers in one, the carrier's names in callerIds. */
function match(
  phoneNumbers: string[],
  triggerFrom?: 'manual',
  callerIds: Record<string, string> = {},
): Promise<unknown> {
  const requestId = crypto.randomUUID();
  return new Promise((resolve) => {
    pending.set(requestId, resolve);
    post({
      type: 'rc-post-message-request',
      requestId,
      path: '/contacts/match',
      body: { phoneNumbers, callerIds, ...(triggerFrom ? { triggerFrom } : {}) },
    });
  });
}

function stamp(times: number[] = state.eventTimes): number {
  const at = performance.timeOrigin + performance.now();
  times.push(at);
  return at;
}

/** The webphone session (commons webphoneHelper normalizeSession) with its contact match. */
function webphoneSession(call: FakeCall) {
  const inbound = call.direction === 'Inbound';
  const [from, to] = inbound ? [call.number, ownNumber] : [ownNumber, call.number];
  return {
    id: `sip-${call.telephonySessionId}`,
    callId: `call-id-${call.telephonySessionId}`,
    direction: call.direction,
    callStatus: 'webphone-session-connecting',
    to,
    toUserName: inbound ? 'Dana Demo' : undefined,
    from,
    fromUserName: inbound ? call.callerName : 'Dana Demo',
    startTime: call.startTime,
    creationTime: call.startTime,
    lastActiveTime: Date.now(),
    isOnHold: false,
    isOnMute: false,
    recordStatus: 'idle',
    partyData: { partyId: `p-${call.telephonySessionId}-1`, sessionId: call.telephonySessionId },
    contactMatch: undefined,
  };
}

/** rc-call-ring-notify: browser calling, inbound only. */
function ringNotice(call: FakeCall): number {
  stamp();
  const at = stamp(state.ringTimes);
  post({ type: 'rc-call-ring-notify', call: webphoneSession(call) });
  return at;
}

/** rc-active-call-notify: presence's active call minus id and sipData. */
function presenceNotice(call: FakeCall): number {
  const at = stamp();
  const inbound = call.direction === 'Inbound';
  const [from, to] = inbound ? [call.number, ownNumber] : [ownNumber, call.number];
  post({
    type: 'rc-active-call-notify',
    call: {
      direction: call.direction,
      from: { phoneNumber: from },
      fromName: inbound ? call.callerName : 'Dana Demo',
      to: { phoneNumber: to },
      toName: inbound ? 'Dana Demo' : undefined,
      startTime: call.startTime,
      telephonyStatus: call.status,
      sessionId: randomDigits(),
      telephonySessionId: call.telephonySessionId,
      partyId: `p-${call.telephonySessionId}-1`,
      terminationType: call.status === 'NoCall' ? 'final' : 'intermediate',
    },
  });
  return at;
}

/** rc-call-end-notify: the webphone session, with its end time. */
function endNotice(call: FakeCall): number {
  const at = stamp();
  post({ type: 'rc-call-end-notify', call: { ...webphoneSession(call), endTime: Date.now() } });
  return at;
}

/** rc-telephony-session-notify: the session (call-control Session data), our party hung up. */
function telephonyEnd(call: FakeCall): number {
  const at = stamp();
  const inbound = call.direction === 'Inbound';
  const [from, to] = inbound ? [call.number, ownNumber] : [ownNumber, call.number];
  post({
    type: 'rc-telephony-session-notify',
    telephonySession: {
      id: call.telephonySessionId,
      sessionId: randomDigits(),
      origin: { type: 'Call' },
      parties: [
        {
          id: `p-${call.telephonySessionId}-1`,
          direction: call.direction,
          from: { phoneNumber: from, name: inbound ? call.callerName : undefined },
          to: { phoneNumber: to },
          status: { code: 'Disconnected', reason: 'CallerInputRedirect' },
          missedCall: false,
          standAlone: false,
          muted: false,
        },
      ],
    },
  });
  return at;
}

function render(): void {
  const call = state.call;
  testId('call-state').textContent = call
    ? `${call.direction} ${call.number}: ${call.status}`
    : 'no call';
  byId<HTMLButtonElement>('answer').disabled = !call || call.status !== 'Ringing';
  byId<HTMLButtonElement>('hangup').disabled = !call || call.status === 'NoCall';
}

async function showName(call: FakeCall): Promise<void> {
  const output = testId('caller-name');
  output.textContent = 'Looking up…';
  const callerIds: Record<string, string> = call.callerName
    ? { [call.number]: call.callerName }
    : {};
  const response = (await match([call.number], undefined, callerIds)) as {
    data?: Record<string, MatchContact[]>;
  };
  const contacts = response.data?.[call.number] ?? [];
  output.textContent = contacts.length ? contacts.map((c) => c.name).join(', ') : 'Unknown caller';
}

interface StartOptions {
  callerName?: string;
  /** Rung in this browser (default for inbound): the ring notice comes first, before presence. */
  webphone?: boolean;
  /** Presence's notice of the ring (the real widget sends it a little after the SIP ring). */
  presence?: boolean;
  telephonySessionId?: string;
}

/** Starts a call; its telephony session id is the same in every notice of it, as in the widget. */
function startCall(direction: Direction, number: string, options: StartOptions = {}): string {
  const telephonySessionId = options.telephonySessionId ?? `s-${crypto.randomUUID()}`;
  const call: FakeCall = {
    telephonySessionId,
    direction,
    number,
    status: 'Ringing',
    webphone: options.webphone ?? direction === 'Inbound',
    startTime: Date.now(),
    ...(options.callerName ? { callerName: options.callerName } : {}),
  };
  state.call = call;
  if (call.webphone && direction === 'Inbound') ringNotice(call);
  if (options.presence ?? true) presenceNotice(call);
  render();
  void showName(call);
  return telephonySessionId;
}

/** The call's next presence status (CallConnected, OnHold, NoCall), or a repeat. */
function setStatus(status: Status): number | null {
  if (!state.call) return null;
  state.call = { ...state.call, status };
  const at = presenceNotice(state.call);
  render();
  return at;
}

/**
 * Ends the call by one signal only: the webphone's end notice, the telephony session's
 * Disconnected, or presence's NoCall (the widget sometimes never sends that one).
 */
function endCall(by: 'webphone' | 'telephony' | 'presence' = 'presence'): number | null {
  if (!state.call) return null;
  if (by === 'presence') return setStatus('NoCall');
  state.call = { ...state.call, status: 'NoCall' };
  const at = by === 'webphone' ? endNotice(state.call) : telephonyEnd(state.call);
  render();
  return at;
}

function hangUp(): void {
  // As the widget does for a browser call: the SIP end first, then presence.
  if (state.call?.webphone) endNotice(state.call);
  setStatus('NoCall');
}

byId('incoming').addEventListener('click', () =>
  startCall('Inbound', byId<HTMLInputElement>('number').value, {
    callerName: byId<HTMLInputElement>('caller-id').value,
  }),
);
byId('outgoing').addEventListener('click', () =>
  startCall('Outbound', byId<HTMLInputElement>('number').value),
);
byId('answer').addEventListener('click', () => setStatus('CallConnected'));
byId('hangup').addEventListener('click', hangUp);

// Without a clientId in its URL the real widget shows this banner and warns in the console.
byId('demo-banner').hidden = params.has('clientId');

Object.assign(window, {
  fakeSoftphone: { state, match, startCall, setStatus, endCall, ringNotice, post },
});
post({
  type: 'rc-adapter-pushAdapterState',
  size: { width: 300, height: 500 },
  minimized: false,
  closed: false,
  position: { translateX: 0, translateY: 0, minTranslateX: 0 },
  telephonyStatus: null,
  userStatus: null,
  dndStatus: null,
});
post({
  type: 'rc-login-status-notify',
  loggedIn: true,
  loginNumber: `${ownNumber}*101`,
  // ?country= sets the account's contracted country; `?country` (empty) leaves it out.
  contractedCountryCode: (params.get('country') ?? 'US') || undefined,
  admin: false,
  features: { sms: true, meeting: false, glip: false, call: true },
  isFreshLogin: false,
});
