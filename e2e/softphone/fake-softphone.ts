/**
 * A stand-in for RingCentral Embeddable that speaks its host protocol to the parent page: it
 * pushes its adapter state, asks /contacts/match for numbers it shows and posts
 * rc-active-call-notify for simulated calls. Served (transpiled) by server.ts for the demo and
 * the e2e tests, which drive it through `window.fakeSoftphone`.
 */
export {};

type Direction = 'Inbound' | 'Outbound';
type Status = 'Ringing' | 'CallConnected' | 'NoCall';
interface MatchContact {
  name: string;
}
interface Call {
  sessionId: string;
  direction: Direction;
  number: string;
  status: Status;
}

const ownNumber = '+16505550100';
const pending = new Map<string, (response: unknown) => void>();
const state = {
  registrations: [] as unknown[],
  responses: [] as unknown[],
  /** The numbers of each rc-adapter-trigger-contact-match the host sent. */
  triggers: [] as string[][],
  /** performance.timeOrigin + performance.now() when each call event was posted. */
  eventTimes: [] as number[],
  call: null as Call | null,
};

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const testId = (id: string) => document.querySelector(`[data-testid="${id}"]`) as HTMLElement;

function post(message: unknown): void {
  // Embeddable posts to its parent without knowing the host origin; the host checks ours.
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
    if (state.call && numbers.includes(state.call.number)) void showName(state.call.number);
  } else if (data.type === 'rc-post-message-response' && data.responseId) {
    state.responses.push(data);
    pending.get(data.responseId)?.(data.response);
    pending.delete(data.responseId);
  }
});

function match(phoneNumbers: string[], triggerFrom?: 'manual'): Promise<unknown> {
  const requestId = crypto.randomUUID();
  return new Promise((resolve) => {
    pending.set(requestId, resolve);
    post({
      type: 'rc-post-message-request',
      requestId,
      path: '/contacts/match',
      body: { phoneNumbers, ...(triggerFrom ? { triggerFrom } : {}) },
    });
  });
}

function notify(call: Call): number {
  const at = performance.timeOrigin + performance.now();
  state.eventTimes.push(at);
  const [from, to] =
    call.direction === 'Inbound' ? [call.number, ownNumber] : [ownNumber, call.number];
  post({
    type: 'rc-active-call-notify',
    call: {
      sessionId: call.sessionId,
      telephonySessionId: `s-${call.sessionId}`,
      direction: call.direction,
      telephonyStatus: call.status,
      terminationType: call.status === 'NoCall' ? 'final' : 'intermediate',
      from: { phoneNumber: from },
      to: { phoneNumber: to },
      startTime: Date.now(),
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

async function showName(number: string): Promise<void> {
  const output = testId('caller-name');
  output.textContent = 'Looking up…';
  const response = (await match([number])) as { data?: Record<string, MatchContact[]> };
  const contacts = response.data?.[number] ?? [];
  output.textContent = contacts.length ? contacts.map((c) => c.name).join(', ') : 'Unknown caller';
}

/** Starts a call; the same sessionId is reused for its answer and hang-up, as Embeddable does. */
function startCall(direction: Direction, number: string, sessionId = crypto.randomUUID()): string {
  state.call = { sessionId, direction, number, status: 'Ringing' };
  notify(state.call);
  render();
  void showName(number);
  return sessionId;
}

function setStatus(status: Status): number | null {
  if (!state.call) return null;
  state.call = { ...state.call, status };
  const at = notify(state.call);
  render();
  return at;
}

byId('incoming').addEventListener('click', () =>
  startCall('Inbound', byId<HTMLInputElement>('number').value),
);
byId('outgoing').addEventListener('click', () =>
  startCall('Outbound', byId<HTMLInputElement>('number').value),
);
byId('answer').addEventListener('click', () => setStatus('CallConnected'));
byId('hangup').addEventListener('click', () => setStatus('NoCall'));

Object.assign(window, { fakeSoftphone: { state, match, startCall, setStatus, post } });
post({ type: 'rc-adapter-pushAdapterState', rendered: true });
