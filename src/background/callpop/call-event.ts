/**
 * The `call.event` handler: records the call, starts its lookup at the first event (before any
 * window opens), and pops it exactly once by the call-pop settings.
 */
import type { CallEvent, CallEventReply, LookupRequest, LookupResult } from '@/shared/messages';
import { formatForDisplay } from '@/shared/phone';
import type { Settings } from '@/shared/settings';
import { callSessions, settingsItem, type CallSession } from '@/shared/storage/keys';
import { sleep } from '@/shared/sleep';
import { inBackground } from '../report';
import { focusWindow, openCallWindow, openTabs, windowExists } from './call-window';
import { saveLookup, writeCall } from './call-record';
import { runningLookup, sharedLookup, whilePopping, withSessionLock } from './in-flight';
import {
  planPop,
  slowLookupPlan,
  triggerVerdict,
  windowIsCertain,
  type TriggerVerdict,
} from './pop-rules';
import { otherParty, parseCallEvent } from './validate';

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

/** A claim older than this was left by a worker that stopped mid-pop: it may be taken again. */
export const STALE_CLAIM_MS = 30_000;

function errorText(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'the CRM did not answer';
}

/** The call as this event leaves it (not stored yet). */
function recorded(existing: CallSession | undefined, event: CallEvent, now: number): CallSession {
  const party = otherParty(event);
  return existing
    ? {
        ...existing,
        status: event.status,
        updatedAt: now,
        // After a transfer the other party can be someone else: that name is not this caller's.
        ...(party.name && party.number === existing.phoneNumber ? { callerName: party.name } : {}),
      }
    : {
        sessionId: event.sessionId,
        direction: event.direction,
        status: event.status,
        phoneNumber: party.number,
        displayNumber: formatForDisplay(party.number),
        ...(party.name ? { callerName: party.name } : {}),
        startTime: event.startTime ?? now,
        firstEventAt: now,
        updatedAt: now,
        lookup: { state: 'pending', startedAt: now },
        pop: { state: 'none' },
        windowId: null,
      };
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

type Claim = { claimed: true } | { claimed: false; reply: CallEventReply | null };

/** Whether this event pops the call; reads nothing, but checks (and focuses) an open window. */
async function decidePop(
  session: CallSession,
  event: CallEvent,
  now: number,
  popNow: boolean,
): Promise<Claim> {
  const { pop } = session;
  if (pop.state === 'claimed' && now - pop.at < STALE_CLAIM_MS) {
    return {
      claimed: false,
      reply: { action: 'updated', reason: 'This call is already popping.' },
    };
  }
  if (pop.state === 'done') {
    const open = session.windowId !== null && (await windowExists(session.windowId));
    if (open && event.status === 'NoCall') {
      return {
        claimed: false,
        reply: {
          action: 'updated',
          reason: 'The call ended; its window stays open for logging.',
        },
      };
    }
    if (open) {
      const focused = await focusWindow(session.windowId!);
      return {
        claimed: false,
        reply: focused
          ? { action: 'focused', reason: 'Brought the call window to the front.' }
          : { action: 'updated', reason: 'The call window could not be focused.' },
      };
    }
    // Reopen only when the person closed the window and the popping event came again.
    if (!(pop.opened === 'window' && popNow)) {
      return {
        claimed: false,
        reply: { action: 'updated', reason: `Already popped. ${pop.reason}` },
      };
    }
  }
  if (!popNow) return { claimed: false, reply: null };
  return { claimed: true };
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
): Promise<Recorded> {
  const settings = settingsItem.get();
  return withSessionLock(event.sessionId, async () => {
    const [existing, { callPop }] = await Promise.all([
      callSessions.get(event.sessionId),
      settings,
    ]);
    const base = recorded(existing, event, now);
    // Its result is saved under this same lock, so after the write below.
    if (!existing) inBackground('the call lookup', startLookup(base, deps));
    const verdict = triggerVerdict(event, callPop);
    const claim = await decidePop(base, event, now, verdict.pop);
    const session: CallSession = claim.claimed
      ? { ...base, pop: { state: 'claimed', at: now }, windowId: null }
      : base;
    await writeCall(session);
    return { session, isFirst: !existing, verdict, claim, callPop };
  });
}

export async function handleCallEvent(
  payload: unknown,
  deps: CallEventDeps,
): Promise<CallEventReply> {
  const event = parseCallEvent(payload);
  const now = (deps.now ?? Date.now)();
  const { session, isFirst, verdict, claim, callPop } = await recordAndClaim(event, now, deps);
  if (!claim.claimed) {
    if (claim.reply) return claim.reply;
    const reason = verdict.pop ? 'Call updated.' : verdict.reason;
    return { action: isFirst ? 'ignored' : 'updated', reason };
  }

  return whilePopping(session, () => popClaimed(session, callPop, deps));
}

/** Pops a claimed call: the window (or CRM tabs) by the settings, then marks the call popped. */
async function popClaimed(
  session: CallSession,
  callPop: Settings['callPop'],
  deps: CallEventDeps,
): Promise<CallEventReply> {
  const { sessionId } = session;
  // When the window shows whatever the lookup finds, it opens now and fills in when the answer
  // lands, instead of waiting for the CRM.
  const early = windowIsCertain(callPop) ? openCallWindow(sessionId) : null;
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
  const windowId = early ? await early : plan.window ? await openCallWindow(sessionId) : null;
  const tabsOpened = await openTabs(plan.tabs);
  const opened = plan.window ? 'window' : tabsOpened > 0 ? 'tabs' : 'nothing';
  await withSessionLock(sessionId, async () => {
    const latest = await callSessions.get(sessionId);
    if (!latest) return;
    await writeCall({
      ...latest,
      windowId,
      pop: { state: 'done', at: (deps.now ?? Date.now)(), opened, reason: plan.reason },
    });
  });
  return { action: opened === 'nothing' ? 'ignored' : 'popped', reason: plan.reason };
}
