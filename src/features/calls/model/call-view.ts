/**
 * The call-pop window's first view as plain data: heading, then the matched names (or what the
 * lookup is doing). Pure, so the worker renders it into the page's HTML (view-html.ts) and the
 * page builds it with DOM calls when the worker did not (callpop/first-paint-view.ts). React
 * replaces it in its first commit, so it never handles input.
 */
import { lookupProblem } from '@/features/lookup/model/lookup-problem';
import type { CallSession } from '@/platform/storage/keys';

export interface ViewNode {
  tag: 'main' | 'header' | 'p' | 'h1' | 'h3' | 'article';
  className?: string;
  /** Text content; never markup. */
  text?: string;
  attrs?: Record<string, string>;
  children?: ViewNode[];
}

/** The window's heading: direction and state, and the number as people read it. */
export function callHeading(session: CallSession): { line: string; number: string } {
  const result = session.lookup.state === 'done' ? session.lookup.result : null;
  const status =
    session.status === 'Ringing'
      ? 'ringing'
      : session.status === 'CallConnected'
        ? 'connected'
        : 'ended';
  const kind = session.direction === 'Inbound' ? 'Incoming call' : 'Outgoing call';
  return {
    line: `${kind} · ${status}`,
    number: result?.displayNumber ?? session.displayNumber ?? session.phoneNumber,
  };
}

const p = (text: string, className?: string): ViewNode => ({
  tag: 'p',
  text,
  ...(className ? { className } : {}),
});

function lookupNodes(session: CallSession, number: string): ViewNode[] {
  const { lookup } = session;
  if (lookup.state === 'pending') return [p(`Looking up ${number}…`)];
  if (lookup.state === 'failed') {
    return [p(`Could not look up this number: ${lookup.message}`, 'error')];
  }
  const problem = lookupProblem(lookup.result);
  if (problem) return [p(problem.message, problem.messageType === 'danger' ? 'error' : undefined)];
  const { contacts } = lookup.result;
  if (contacts.length === 0) return [p('No contact matches this number.', 'muted')];
  return contacts.map((contact) => ({
    tag: 'article',
    className: 'card',
    children: [{ tag: 'h3', text: contact.name }],
  }));
}

/**
 * Which state of the call a view shows, so a page served with it (data-served) can tell whether
 * the stored record has moved on since.
 */
export function viewedState(session: CallSession | undefined): string {
  return session ? `${session.updatedAt}:${session.lookup.state}` : 'none';
}

/**
 * True when `session` is newer than the state a page was served with: a later event, or a lookup
 * that has ended since. The worker may serve a lookup's answer before storing it, so a stored
 * "pending" can be older than the served view, and must not replace it.
 */
export function movedOnFrom(served: string, session: CallSession | undefined): boolean {
  if (!session) return false;
  if (served === viewedState(undefined)) return true;
  const [at, lookupState] = served.split(':');
  if (session.updatedAt !== Number(at)) return session.updatedAt > Number(at);
  return lookupState === 'pending' && session.lookup.state !== 'pending';
}

/**
 * True when `session` is older than the state a page was served with: an earlier event, or the
 * same one still "pending" while the page shows its answer (the worker serves an answer before
 * its write lands). Showing it would take the page back, so a page waits for what is newer.
 */
export function lagsBehind(served: string, session: CallSession | undefined): boolean {
  if (!session || served === viewedState(undefined)) return false;
  const [at, lookupState] = served.split(':');
  if (session.updatedAt !== Number(at)) return session.updatedAt < Number(at);
  return lookupState !== 'pending' && session.lookup.state === 'pending';
}

/** The call as it stands, or a waiting line before it is recorded. */
export function callView(session: CallSession | undefined): ViewNode {
  const main: ViewNode = {
    tag: 'main',
    className: 'callpop stack',
    attrs: { 'aria-busy': 'true' },
  };
  if (!session) return { ...main, children: [p('Opening the call…', 'muted')] };
  const heading = callHeading(session);
  return {
    ...main,
    children: [
      { tag: 'header', children: [p(heading.line, 'muted'), { tag: 'h1', text: heading.number }] },
      ...lookupNodes(session, heading.number),
    ],
  };
}
