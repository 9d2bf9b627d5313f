/**
 * The `call.event` handler: records the call, starts its lookup at the first event (before any
 * window opens), and pops it exactly once by the call-pop settings.
 */
import type { CallEvent, CallEventReply, LookupRequest, LookupResult } from '@/platform/messages';
import type { Settings } from '@/features/settings/model/settings';
import { callSessions, settingsItem, type CallSession } from '@/platform/storage/keys';
import { sleep } from '@/platform/sleep';
import { inBackground } from '@/platform/worker/report';
import { focusWindow, openCallWindow, openTabs } from './call-window';
import { saveLookup, writeCall } from './call-record';
import { decidePop, type Claim } from './claim';
import { partyChange, recorded } from './event-record';
import {
  beginPop,
  endPop,
  poppingRecord,
  runningLookup,
  sharedLookup,
  whileOpening,
  withSessionLock,
} from './in-flight';
import {
  planPop,
  slowLookupPlan,
  triggerVerdict,
  windowIsCertain,
  type TriggerVerdict,
} from './pop-rules';
import { otherParty, parseCallEvent } from './validate';
import { unusableCaller } from './caller-number';

export interface CallEventDeps {
  /** The engine's lookup: the same function the contact.lookup handler uses. */
  lookup: (request: LookupRequest) => Promise<LookupResult>;
  now?: () => number;
  /** Resolves after `ms` (tests pass their own clock). */
  wait?: (ms: number) => Promise<void>;
}

/**
 * How long a pop with "open each CRM page" for several matches waits for the CRM before it
 * settles for the window. A call rings for seconds, so past this the window opens and fills in
 * when the answer lands.
 */
export const DECIDE_WAIT_MS = 3_000;

function errorText(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'the CRM did not answer';
}

/** Starts (or joins) the call's lookup and stores its outcome for the call-pop window. */
function startLookup(session: CallSession, deps: CallEventDeps): Promise<LookupResult | null> {
  return sharedLookup(session.sessionId, async (hold) => {
    try {
      const result = await deps.lookup({ phoneNumber: session.phoneNumber });
      // Queued under the call's lock now, so every later write of this call follows it; not
      // awaited, so the pop and the served page (call-page.ts) use the answer at once. Held,
      // so the lookup counts as running until it is stored.
      const saving = saveLookup(session.sessionId, { state: 'done', result });
      hold(saving);
      inBackground('saving the call lookup', saving);
      return result;
    } catch (error) {
      await saveLookup(session.sessionId, { state: 'failed', message: errorText(error) });
      return null;
    }
  });
}

/**
 * The call's lookup result, waiting for it if it is still running, or restarting it after a
 * worker restart. An answer from a lookup running here needs no storage read: the window is
 * being created meanwhile, and Chrome answers storage calls late until it is.
 */
async function lookupOutcome(
  sessionId: string,
  deps: CallEventDeps,
): Promise<{ result: LookupResult | null; error: string | null }> {
  const answer = await runningLookup(sessionId);
  if (answer) return { result: answer, error: null };
  // Not running here (the worker restarted since), or it failed: the record says how it ended.
  const session = await callSessions.get(sessionId);
  if (!session) return { result: null, error: 'the call was forgotten' };
  if (session.lookup.state === 'done') return { result: session.lookup.result, error: null };
  if (session.lookup.state === 'failed') return { result: null, error: session.lookup.message };
  const result = await (runningLookup(sessionId) ?? startLookup(session, deps));
  const after = result ? null : await callSessions.get(sessionId);
  return { result, error: after?.lookup.state === 'failed' ? after.lookup.message : null };
}

interface Recorded {
  session: CallSession;
  isFirst: boolean;
  verdict: TriggerVerdict;
  claim: Claim;
  callPop: Settings['callPop'];
}

/**
 * Records the event and, when it pops, the claim: one read and one write under the call's lock,
 * so the window opens after as few storage round trips as possible. The claim is stored before
 * anything opens, so a second event never pops again. A new call's lookup starts first, so its
 * storage reads are not queued behind the window's creation in the browser.
 */
async function recordAndClaim(
  event: CallEvent,
  now: number,
  deps: CallEventDeps,
): Promise<Recorded | { refused: CallEventReply }> {
  const settings = settingsItem.get();
  return withSessionLock(event.sessionId, async () => {
    const [existing, { callPop, defaultCountry, extensionLookup }] = await Promise.all([
      callSessions.get(event.sessionId),
      settings,
    ]);
    if (!existing) {
      const { number } = otherParty(event);
      const unusable = await unusableCaller(number, event.direction, {
        defaultCountry,
        extensionLookup,
      });
      if (unusable) return { refused: { action: 'ignored', reason: unusable, tell: true } };
    }
    const base = recorded(existing, event, now);
    // Its result is saved under this same lock, so after the write below. A lookup left
    // pending by a worker that stopped meanwhile starts again.
    if (!existing || (existing.lookup.state === 'pending' && !runningLookup(event.sessionId))) {
      inBackground('the call lookup', startLookup(base, deps));
    }
    // The call's own direction: a later event (a transfer) cannot switch its rule.
    const verdict = triggerVerdict({ ...event, direction: base.direction }, callPop);
    const claim = await decidePop(base, event, verdict.pop);
    const session: CallSession = claim.claimed
      ? { ...base, pop: { state: 'claimed', at: now }, windowId: claim.reuse ?? null }
      : base;
    if (claim.claimed) beginPop(session);
    try {
      await writeCall(session);
    } catch (error) {
      if (claim.claimed) endPop(event.sessionId);
      throw error;
    }
    return { session, isFirst: !existing, verdict, claim, callPop };
  });
}

export async function handleCallEvent(
  payload: unknown,
  deps: CallEventDeps,
): Promise<CallEventReply> {
  const event = parseCallEvent(payload);
  const now = (deps.now ?? Date.now)();
  const outcome = await recordAndClaim(event, now, deps);
  // A caller with no number to look up: nothing is recorded, nothing pops.
  if ('refused' in outcome) return outcome.refused;
  const reply = await popOrUpdate(outcome, deps);
  const moved = outcome.isFirst ? null : partyChange(outcome.session, event);
  // Not 'ignored': with `tell`, that would read as a call refused, and lose Show call window.
  return moved
    ? { action: reply.action === 'ignored' ? 'updated' : reply.action, reason: moved, tell: true }
    : reply;
}

async function popOrUpdate(outcome: Recorded, deps: CallEventDeps): Promise<CallEventReply> {
  const { session, isFirst, verdict, claim, callPop } = outcome;
  if (!claim.claimed) {
    if (claim.reply) return claim.reply;
    const reason = verdict.pop ? 'Call updated.' : verdict.reason;
    return { action: isFirst ? 'ignored' : 'updated', reason };
  }

  try {
    return await popClaimed(session, claim.reuse ?? null, callPop, deps);
  } finally {
    endPop(session.sessionId);
  }
}

/**
 * Stores the window's id as soon as it is open: a later event brings it forward instead of
 * opening another, also after a worker stop before the lookup ends.
 */
function storeWindow(sessionId: string, windowId: number): Promise<void> {
  return withSessionLock(sessionId, async () => {
    // The call being popped is in memory, current with every write (writeCall).
    const latest = poppingRecord(sessionId) ?? (await callSessions.get(sessionId));
    if (latest?.pop.state === 'claimed') await writeCall({ ...latest, windowId });
  });
}

/**
 * The window the person opened (Show call window) while this pop waited for the CRM, brought
 * forward: the pop shows it rather than opening a second one.
 */
async function windowShownMeanwhile(sessionId: string): Promise<number | null> {
  const windowId = poppingRecord(sessionId)?.windowId ?? null;
  return windowId !== null && (await focusWindow(windowId)) ? windowId : null;
}

/**
 * Pops a claimed call: the window (or CRM tabs) by the settings, then marks the call popped.
 * `reuse`: the window an interrupted pop of this call had opened, brought forward instead.
 */
// eslint-disable-next-line complexity -- being split by the calls owner
async function popClaimed(
  session: CallSession,
  reuse: number | null,
  callPop: Settings['callPop'],
  deps: CallEventDeps,
): Promise<CallEventReply> {
  const { sessionId } = session;
  const openAndKeep = () =>
    whileOpening(sessionId, async () => {
      const id = await openCallWindow(sessionId);
      if (id !== null) await storeWindow(sessionId, id);
      return id;
    });
  // When the window shows whatever the lookup finds, it opens now and fills in when the answer
  // lands, instead of waiting for the CRM.
  const early =
    reuse !== null
      ? focusWindow(reuse).then(() => reuse)
      : windowIsCertain(callPop)
        ? openAndKeep()
        : null;
  // Awaited after the lookup; a failure before then is not an unhandled rejection.
  void early?.catch(() => undefined);
  const outcome = lookupOutcome(sessionId, deps);
  // "Do nothing" for several matches waits for the answer: a window could be just what that
  // setting asked not to get. Otherwise a slow CRM gets the window, filled in later.
  const decided =
    early || callPop.multiple === 'nothing'
      ? await outcome
      : await Promise.race([outcome, (deps.wait ?? sleep)(DECIDE_WAIT_MS).then(() => null)]);
  if (!decided) inBackground('the slow call lookup', outcome);
  const plan = decided
    ? planPop(decided.result, decided.error, callPop, session.phoneNumber)
    : slowLookupPlan(DECIDE_WAIT_MS);
  const windowId = early
    ? await early
    : plan.window
      ? ((await windowShownMeanwhile(sessionId)) ?? (await openAndKeep()))
      : null;
  const tabsOpened = await openTabs(plan.tabs);
  const opened = plan.window || windowId !== null ? 'window' : tabsOpened > 0 ? 'tabs' : 'nothing';
  await withSessionLock(sessionId, async () => {
    const latest = await callSessions.get(sessionId);
    if (!latest) return;
    await writeCall({
      ...latest,
      // A window the person asked for meanwhile stays the call's, even when the pop opened none.
      windowId: windowId ?? latest.windowId,
      pop: { state: 'done', at: (deps.now ?? Date.now)(), opened, reason: plan.reason },
    });
  });
  return { action: opened === 'nothing' ? 'ignored' : 'popped', reason: plan.reason };
}
