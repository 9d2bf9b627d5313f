/** `call.event` and `call.refresh`: run the call's model and carry out its effects. */
import type { Step, Effect } from '../model/call-machine';
import { told } from '../model/call-machine';
import { lookingUp, otherParty } from '../model/call-session';
import type { CallPopSettings, LookupOutcome } from '../model/pop-plan';
import type { CallEventReply, LookupRequest, LookupResult } from '@/platform/messages';
import { withAccountCountry } from '@/features/settings/model/default-country';
import { settingsItem, type CallSession } from '@/platform/storage/keys';
import { sleep } from '@/platform/sleep';
import { inBackground } from '@/platform/worker/report';
import { shareWhileRunning } from '@/platform/worker/share-while-running';
import { readCall, requireCall, transition } from './call-record';
import type { Bounds } from '../model/window-place';
import { callWindowBounds, focusWindow, openTabs, showWindow, windowExists } from './call-window';
import { unusableCaller } from './caller-number';
import { lookups, popping } from './in-flight';
import { parseCallEvent, parseSessionId } from './validate';

interface CallEventDeps {
  /** The engine's lookup (contact.lookup's); `onFirst` gets its first contacts, provisional. */
  lookup: (
    request: LookupRequest,
    onFirst?: (first: LookupResult) => void,
  ) => Promise<LookupResult>;
  now?: () => number;
  /** Resolves after `ms` (tests pass their own clock). */
  wait?: (ms: number) => Promise<void>;
}

/** Starts (or joins) the call's lookup; its outcome is stored in the call for its window. */
function startLookup(session: CallSession, deps: CallEventDeps): Promise<LookupResult | null> {
  const { sessionId } = session;
  return shareWhileRunning(lookups, sessionId, async (hold) => {
    try {
      // Not awaited: the pop uses the answer at once; held: the lookup runs until it is stored.
      const keep = (result: LookupResult) => {
        const saving = transition(sessionId, () => ({ type: 'lookedUp', outcome: { result } }));
        hold(saving);
        inBackground('saving the call lookup', saving);
      };
      const result = await deps.lookup({ phoneNumber: session.phoneNumber }, keep);
      keep(result);
      return result;
    } catch (error) {
      const why = (error instanceof Error && error.message) || 'the CRM did not answer';
      await transition(sessionId, () => ({ type: 'lookedUp', outcome: { error: why } }));
      return null;
    }
  });
}

/** Refresh: the answer is kept in the call here, so every view shows it and no page writes. */
export async function handleRefresh(
  payload: unknown,
  lookup: CallEventDeps['lookup'],
): Promise<LookupResult> {
  const sessionId = parseSessionId(payload);
  const session = await requireCall(sessionId);
  const result = await lookup({ phoneNumber: session.phoneNumber, force: true });
  await transition(sessionId, () => ({ type: 'lookedUp', outcome: { result } }));
  return result;
}

/** The call's lookup outcome, waiting for it, or restarting it after a worker restart. */
async function lookupOutcome(sessionId: string, deps: CallEventDeps): Promise<LookupOutcome> {
  let session = await readCall(sessionId);
  if (session && lookingUp(session)) {
    const answer = await (lookups.get(sessionId) ?? startLookup(session, deps));
    if (answer) return { result: answer };
    session = await readCall(sessionId); // a failure is stored before the lookup settles
  }
  const lookup = session?.lookup;
  if (lookup?.state === 'done') return { result: lookup.result };
  return { error: lookup?.state === 'failed' ? lookup.message : 'the call was forgotten' };
}

export async function handleCallEvent(
  payload: unknown,
  deps: CallEventDeps,
): Promise<CallEventReply> {
  const event = parseCallEvent(payload);
  const now = (deps.now ?? Date.now)();
  // Read beside the call's record, not after it: all stand between the ring and the window.
  const settings = settingsItem.get().then(withAccountCountry);
  const place = callWindowBounds();
  const { record, effects } = await transition(
    event.sessionId,
    async (existing) => ({
      type: 'event',
      event,
      callPop: (await settings).callPop,
      facts: {
        // A caller is checked once, at its first event; a window, once it has one.
        refused: existing
          ? null
          : await unusableCaller(otherParty(event).number, event.direction, await settings),
        windowOpen: existing?.windowId != null && (await windowExists(existing.windowId)),
        poppingHere: popping.has(event.sessionId),
        lookupRunning: lookups.has(event.sessionId),
      },
    }),
    now,
    // Before the write: the lookup first, so its storage reads are not queued behind the
    // window's creation; the pop's mark with its claim, so no other event sees the claim first.
    (next) => {
      if (!next.record) return;
      if (find(next, 'lookup')) inBackground('the call lookup', startLookup(next.record, deps));
      if (find(next, 'pop')) popping.set(next.record.sessionId, next.record);
    },
  );
  const { callPop } = await settings;
  let reply: CallEventReply = { action: 'updated', reason: 'Call updated.' };
  for (const effect of effects) {
    if (effect.type === 'reply') reply = effect.reply;
    if (effect.type === 'focus') {
      reply = (await focusWindow(effect.windowId))
        ? { action: 'focused', reason: 'Brought the call window to the front.' }
        : { action: 'updated', reason: 'The call window could not be focused.' };
    }
    if (effect.type === 'pop' && record) {
      reply = await pop(record.sessionId, effect, { callPop, place }, deps);
    }
  }
  const tell = effects.find((effect) => effect.type === 'tell');
  return told(reply, tell?.reason ?? null);
}

const find = <T extends Effect['type']>({ effects }: Step, type: T) =>
  effects.find((e): e is Extract<Effect, { type: T }> => e.type === type);

/** A window that shows any answer opens now; otherwise the pop waits for it, at most `waitMs`. */
async function pop(
  sessionId: string,
  effect: Extract<Effect, { type: 'pop' }>,
  { callPop, place }: { callPop: CallPopSettings; place: Promise<Partial<Bounds>> },
  deps: CallEventDeps,
): Promise<CallEventReply> {
  const now = deps.now ?? Date.now;
  try {
    const early = effect.early
      ? showWindow(sessionId, place).then((shown) => shown.windowId)
      : Promise.resolve(null);
    // Awaited after the lookup; a failure before then is not an unhandled rejection.
    void early.catch(() => undefined);
    const outcome = lookupOutcome(sessionId, deps);
    const slow = () => (deps.wait ?? sleep)(effect.waitMs ?? 0).then(() => 'slow' as const);
    const decided = effect.waitMs === null ? await outcome : await Promise.race([outcome, slow()]);
    if (decided === 'slow') inBackground('the slow call lookup', outcome);
    const windowId = await early;
    const decision = await transition(
      sessionId,
      () => ({ type: 'decide', outcome: decided, callPop, windowId }),
      now(),
    );
    const open = find(decision, 'open')!;
    // The window the person opened while the pop waited (Show call window), or a new one.
    const shown = open.show ? (await showWindow(sessionId)).windowId : windowId;
    const tabsOpened = await openTabs(open.plan.tabs);
    const popped = await transition(
      sessionId,
      () => ({ type: 'popped', plan: open.plan, windowId: shown, tabsOpened }),
      now(),
    );
    return find(popped, 'reply')!.reply;
  } finally {
    popping.delete(sessionId);
  }
}

/** A retry alarm: the call's lookup again, if it still failed and someone still watches it. */
export async function lookUpAgain(sessionId: string, deps: CallEventDeps): Promise<void> {
  const due = await transition(sessionId, () => ({ type: 'retryDue' }));
  if (due.record && find(due, 'lookup')) await startLookup(due.record, deps);
}
