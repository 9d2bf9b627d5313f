/**
 * The `call.event` handler: records the call, starts its lookup at the first event (before any
 * window opens), and pops it exactly once by the call-pop settings.
 */
import type { CallEvent, CallEventReply, LookupRequest, LookupResult } from '@/shared/messages';
import { formatForDisplay } from '@/shared/phone';
import { callSessions, settingsItem, type CallSession } from '@/shared/storage/keys';
import { inBackground } from '../report';
import { focusWindow, openCallWindow, openTabs, windowExists } from './call-window';
import { runningLookup, sharedLookup, withSessionLock } from './in-flight';
import { planPop, triggerVerdict, windowIsCertain } from './pop-rules';
import { otherParty, parseCallEvent } from './validate';

export interface CallEventDeps {
  /** The engine's lookup: the same function the contact.lookup handler uses. */
  lookup: (request: LookupRequest) => Promise<LookupResult>;
  now?: () => number;
}

/** A claim older than this was left by a worker that stopped mid-pop: it may be taken again. */
export const STALE_CLAIM_MS = 30_000;

function errorText(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'the CRM did not answer';
}

async function recordEvent(
  event: CallEvent,
  now: number,
): Promise<{ session: CallSession; isFirst: boolean }> {
  const existing = await callSessions.get(event.sessionId);
  const party = otherParty(event);
  const session: CallSession = existing
    ? {
        ...existing,
        status: event.status,
        updatedAt: now,
        ...(party.name ? { callerName: party.name } : {}),
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
  await callSessions.set(event.sessionId, session);
  return { session, isFirst: !existing };
}

async function saveLookup(sessionId: string, lookup: CallSession['lookup']): Promise<void> {
  await withSessionLock(sessionId, async () => {
    const latest = await callSessions.get(sessionId);
    if (latest) await callSessions.set(sessionId, { ...latest, lookup });
  });
}

/** Starts (or joins) the call's lookup and stores its outcome for the call-pop window. */
function startLookup(session: CallSession, deps: CallEventDeps): Promise<LookupResult | null> {
  return sharedLookup(session.sessionId, async () => {
    try {
      const result = await deps.lookup({ phoneNumber: session.phoneNumber });
      await saveLookup(session.sessionId, { state: 'done', result });
      return result;
    } catch (error) {
      await saveLookup(session.sessionId, { state: 'failed', message: errorText(error) });
      return null;
    }
  });
}

/** The lookup result, waiting for it if it is still running (or restarting it after a restart). */
async function lookupOutcome(
  sessionId: string,
  deps: CallEventDeps,
): Promise<{ result: LookupResult | null; error: string | null }> {
  const session = await callSessions.get(sessionId);
  if (!session) return { result: null, error: 'the call was forgotten' };
  if (session.lookup.state === 'done') return { result: session.lookup.result, error: null };
  if (session.lookup.state === 'failed') return { result: null, error: session.lookup.message };
  const result = await (runningLookup(sessionId) ?? startLookup(session, deps));
  const after = await callSessions.get(sessionId);
  return { result, error: after?.lookup.state === 'failed' ? after.lookup.message : null };
}

type Claim = { claimed: true } | { claimed: false; reply: CallEventReply | null };

/** Decides, under the call's lock, whether this event pops; marks the claim before anything opens. */
async function claimPop(event: CallEvent, now: number, popNow: boolean): Promise<Claim> {
  return withSessionLock(event.sessionId, async () => {
    const session = await callSessions.get(event.sessionId);
    if (!session) {
      return { claimed: false, reply: { action: 'ignored', reason: 'The call was forgotten.' } };
    }
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
    await callSessions.set(event.sessionId, {
      ...session,
      pop: { state: 'claimed', at: now },
      windowId: null,
    });
    return { claimed: true };
  });
}

export async function handleCallEvent(
  payload: unknown,
  deps: CallEventDeps,
): Promise<CallEventReply> {
  const event = parseCallEvent(payload);
  const now = (deps.now ?? Date.now)();
  const [{ session, isFirst }, { callPop }] = await Promise.all([
    withSessionLock(event.sessionId, () => recordEvent(event, now)),
    settingsItem.get(),
  ]);
  if (isFirst) {
    // The lookup starts now, before any window, so the pop usually finds the answer ready.
    inBackground('the call lookup', startLookup(session, deps));
  }
  const verdict = triggerVerdict(event, callPop);
  const claim = await claimPop(event, now, verdict.pop);
  if (!claim.claimed) {
    if (claim.reply) return claim.reply;
    const reason = verdict.pop ? 'Call updated.' : verdict.reason;
    return { action: isFirst ? 'ignored' : 'updated', reason };
  }

  // When the window shows whatever the lookup finds, it opens now and fills in when the answer
  // lands, instead of waiting for the CRM.
  const early = windowIsCertain(callPop) ? openCallWindow(event.sessionId) : null;
  // Awaited after the lookup; a failure before then is not an unhandled rejection.
  void early?.catch(() => undefined);
  const { result, error } = await lookupOutcome(event.sessionId, deps);
  const plan = planPop(result, error, callPop, session.phoneNumber);
  const windowId = early ? await early : plan.window ? await openCallWindow(event.sessionId) : null;
  const tabsOpened = await openTabs(plan.tabs);
  const opened = plan.window ? 'window' : tabsOpened > 0 ? 'tabs' : 'nothing';
  await withSessionLock(event.sessionId, async () => {
    const latest = await callSessions.get(event.sessionId);
    if (!latest) return;
    await callSessions.set(event.sessionId, {
      ...latest,
      windowId,
      pop: { state: 'done', at: (deps.now ?? Date.now)(), opened, reason: plan.reason },
    });
  });
  return { action: opened === 'nothing' ? 'ignored' : 'popped', reason: plan.reason };
}
