/** A call's life as one pure transition: (record, input, now) → (record, effects as plain data). */
import { withContact } from '@/features/lookup/model/lookup-result';
import type { CallEvent, CallEventReply, ContactView } from '@/platform/messages';
import type { CallSession } from '@/platform/storage/keys';
import { lookingUp, partyChange, recorded, retryAt, summarize } from './call-session';
import {
  DECIDE_WAIT_MS,
  planPop,
  SLOW_LOOKUP_PLAN,
  notPopping,
  type CallPopSettings,
  type LookupOutcome,
  type PopPlan,
} from './pop-plan';

/** What the runner knows of the world when an event arrives. */
export interface EventFacts {
  /** Why the other party cannot be looked up (withheld, no country code...), or null. */
  refused: string | null;
  /** The record's window still exists (the worker may have slept through its onRemoved). */
  windowOpen: boolean;
  /** This worker is popping the call: a claim without it was left by a worker that stopped. */
  poppingHere: boolean;
  /** This worker is running the call's lookup. */
  lookupRunning: boolean;
}

export type CallInput =
  | { type: 'event'; event: CallEvent; callPop: CallPopSettings; facts: EventFacts }
  | { type: 'lookedUp'; outcome: LookupOutcome }
  /** The pop's lookup ended, or did not in time; `windowId`: the window the pop already has. */
  | {
      type: 'decide';
      outcome: LookupOutcome | 'slow';
      callPop: CallPopSettings;
      windowId: number | null;
    }
  | { type: 'popped'; plan: PopPlan; windowId: number | null; tabsOpened: number }
  | { type: 'windowOpened'; windowId: number }
  | { type: 'windowClosed'; windowId: number }
  /** The time a `retry` effect asked for came. */
  | { type: 'retryDue' }
  | { type: 'saved'; contact: ContactView; log?: NonNullable<CallSession['lastLog']> };

export type Effect =
  /** Start the call's lookup (its end comes back as `lookedUp`). */
  | { type: 'lookup' }
  /** Pop: with `early`, show the window now; wait for the lookup (≤ `waitMs`), then `decide`. */
  | { type: 'pop'; early: boolean; waitMs: number | null }
  /** Bring the window forward, and say whether it came. */
  | { type: 'focus'; windowId: number }
  /** Open what the plan says (`show`: the call's window), then record the pop (`popped`). */
  | { type: 'open'; plan: PopPlan; show: boolean }
  /** Tell the person this, whatever the reply (a transfer). */
  | { type: 'tell'; reason: string }
  /** Look the call up again at `at` (an alarm: the worker may stop meanwhile). */
  | { type: 'retry'; at: number }
  | { type: 'reply'; reply: CallEventReply };

export interface Step {
  record: CallSession | undefined;
  effects: Effect[];
}

const reply = (action: CallEventReply['action'], reason: string): Effect => ({
  type: 'reply',
  reply: { action, reason },
});

/** A later event: a call pops once, and a window the person closed stays closed. */
function answer({ pop }: CallSession, event: CallEvent, open: number | null): Effect[] {
  if (open === null) {
    const said =
      pop.state === 'done' ? `Already popped. ${pop.reason}` : 'This call is already popping.';
    return [reply('updated', said)];
  }
  if (pop.state === 'done' && event.status === 'NoCall') {
    return [reply('updated', 'The call ended; its window stays open for logging.')];
  }
  return [{ type: 'focus', windowId: open }];
}

/** Whether this event pops the call: a pop a stopped worker left half done is finished now. */
function pops(record: CallSession, why: string | null, facts: EventFacts): boolean {
  if (record.pop.state === 'claimed') return !facts.poppingHere;
  return record.pop.state === 'none' && why === null;
}

function popEffect(reuse: number | null, callPop: CallPopSettings): Effect {
  // With "let me choose", every answer shows the window, so it opens before the lookup ends.
  const early = reuse !== null || callPop.multiple === 'choose';
  // "Do nothing" waits for the answer: a window could be what that setting asked not to get.
  const waits = !early && callPop.multiple !== 'nothing';
  return { type: 'pop', early, waitMs: waits ? DECIDE_WAIT_MS : null };
}

function onEvent(
  existing: CallSession | undefined,
  { event, callPop, facts }: Extract<CallInput, { type: 'event' }>,
  now: number,
): Step {
  // A caller with no number to look up: nothing is recorded, nothing pops.
  if (!existing && facts.refused !== null) {
    const refused = { action: 'ignored', reason: facts.refused, tell: true } as const;
    return { record: existing, effects: [{ type: 'reply', reply: refused }] };
  }
  const record = recorded(existing, event, now);
  // A lookup a stopped worker left, or one that failed: the event is a chance to ask again.
  const again = existing !== undefined && (lookingUp(existing) || retryAt(record, now) !== null);
  const lookupLeft = again && !facts.lookupRunning;
  const effects: Effect[] = !existing || lookupLeft ? [{ type: 'lookup' }] : [];
  const moved = existing ? partyChange(existing, event) : null;
  const tell: Effect[] = moved ? [{ type: 'tell', reason: moved }] : [];
  // The call's own direction: a later event (a transfer) cannot switch its rule.
  const why = notPopping({ ...event, direction: record.direction }, callPop);
  // A window the person opened before the pop (Show call window) is the call's window.
  const open = facts.windowOpen ? record.windowId : null;
  if (!pops(record, why, facts)) {
    const said =
      record.pop.state === 'none'
        ? [reply(existing ? 'updated' : 'ignored', why ?? '')]
        : answer(record, event, open);
    return { record, effects: [...effects, ...said, ...tell] };
  }
  // Stored before anything opens, so a second event never pops again.
  const claimed: CallSession = { ...record, pop: { state: 'claimed', at: now }, windowId: open };
  return { record: claimed, effects: [...effects, popEffect(open, callPop), ...tell] };
}

/** The reply with what the person must be told instead of its reason. */
export function told(base: CallEventReply, reason: string | null): CallEventReply {
  if (reason === null) return base;
  // Not 'ignored': with `tell`, that would read as a call refused, and lose Show call window.
  return { action: base.action === 'ignored' ? 'updated' : base.action, reason, tell: true };
}

function onDecide(
  record: CallSession | undefined,
  { outcome, callPop, windowId }: Extract<CallInput, { type: 'decide' }>,
): Step {
  const plan =
    outcome === 'slow' ? SLOW_LOOKUP_PLAN : planPop(outcome, callPop, record?.phoneNumber ?? '');
  const show = plan.window && windowId === null;
  return { record, effects: [{ type: 'open', plan, show }] };
}

function onPopped(
  record: CallSession | undefined,
  { plan, windowId, tabsOpened }: Extract<CallInput, { type: 'popped' }>,
  now: number,
): Step {
  const opened = plan.window || windowId !== null ? 'window' : tabsOpened > 0 ? 'tabs' : 'nothing';
  const done: CallSession | undefined = record && {
    ...record,
    // A window the person asked for meanwhile stays the call's, even when the pop opened none.
    windowId: windowId ?? record.windowId,
    pop: { state: 'done', at: now, opened, reason: plan.reason },
  };
  return {
    record: done,
    effects: [reply(opened === 'nothing' ? 'ignored' : 'popped', plan.reason)],
  };
}

function withLookup(record: CallSession, outcome: LookupOutcome): CallSession {
  if ('result' in outcome) {
    // A first answer never replaces a complete one (a Refresh's that came sooner).
    if (outcome.result.provisional && !lookingUp(record)) return record;
    return { ...record, lookup: { state: 'done', result: summarize(outcome.result) } };
  }
  // An answer on screen (a Refresh) is not replaced by a later failure of the ring's lookup.
  if (record.lookup.state === 'done') return record;
  return { ...record, lookup: { state: 'failed', message: outcome.error } };
}

/** An answer that failed in passing is asked for again later (see retryAt). */
function onLookedUp(record: CallSession | undefined, outcome: LookupOutcome, now: number): Step {
  const next = record && withLookup(record, outcome);
  const at = next ? retryAt(next, now) : null;
  return { record: next, effects: at === null ? [] : [{ type: 'retry', at }] };
}

/** A Save from the call's window: the window may be reopened, and must not offer it again. */
function withSaved(
  record: CallSession,
  { contact, log }: { contact: ContactView; log?: NonNullable<CallSession['lastLog']> },
): CallSession {
  const { lookup } = record;
  const kept = log ? { ...record, lastLog: log } : record;
  // A lookup still pending or failed has no list to add to: its own answer comes later.
  if (lookup.state !== 'done') return kept;
  const result = summarize(withContact(lookup.result, contact));
  return { ...kept, lookup: { state: 'done', result } };
}

/** The one transition of a call's record. An input for a call not recorded changes nothing. */
export function step(record: CallSession | undefined, input: CallInput, now: number): Step {
  const same = (next: CallSession | undefined): Step => ({ record: next, effects: [] });
  switch (input.type) {
    case 'event':
      return onEvent(record, input, now);
    case 'decide':
      return onDecide(record, input);
    case 'popped':
      return onPopped(record, input, now);
    case 'lookedUp':
      return onLookedUp(record, input.outcome, now);
    case 'retryDue':
      return {
        record,
        effects: record && retryAt(record, now) !== null ? [{ type: 'lookup' }] : [],
      };
    case 'windowOpened':
      return same(record && { ...record, windowId: input.windowId });
    case 'windowClosed':
      return same(record?.windowId === input.windowId ? { ...record, windowId: null } : record);
    case 'saved':
      return same(record && withSaved(record, input));
  }
}
