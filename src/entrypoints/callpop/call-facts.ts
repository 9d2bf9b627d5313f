import type { CallSession } from '@/platform/storage/keys';
import type { CallFacts } from '@/features/saves/ui/log-form';

/** An unanswered call is missed with no talk time; an outbound one too, since nothing says busy or
 * voicemail. An answered call lasts from answer to end, or to now. */
export function callFacts(session: CallSession, now = Date.now()): CallFacts {
  const { answeredAt, endedAt = now } = session;
  return {
    sessionId: session.sessionId,
    direction: session.direction,
    startTime: session.startTime,
    durationSeconds:
      answeredAt === undefined ? 0 : Math.max(0, Math.round((endedAt - answeredAt) / 1000)),
    result: answeredAt === undefined ? 'missed' : 'connected',
    ...(session.ownNumber ? { ownNumber: session.ownNumber } : {}),
  };
}

const STATUS: Record<string, string> = { Ringing: 'ringing', CallConnected: 'connected' };

/** The window's heading: direction and state, and the number as people read it. */
export function callHeading(session: CallSession): { line: string; number: string } {
  const result = session.lookup.state === 'done' ? session.lookup.result : null;
  const status = STATUS[session.status] ?? 'ended';
  const kind = session.direction === 'Inbound' ? 'Incoming call' : 'Outgoing call';
  return {
    line: `${kind} · ${status}`,
    number: result?.displayNumber ?? session.displayNumber ?? session.phoneNumber,
  };
}
