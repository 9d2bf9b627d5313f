import type { CallSession } from '@/shared/storage/keys';
import type { CallFacts } from '@/shared/ui/log-form';

/** What the log needs from the call: a ringing or unanswered call is logged as missed. */
export function callFacts(session: CallSession, now = Date.now()): CallFacts {
  const end = session.status === 'NoCall' ? session.updatedAt : now;
  return {
    direction: session.direction,
    startTime: session.startTime,
    durationSeconds: Math.max(0, Math.round((end - session.startTime) / 1000)),
    result: session.status === 'Ringing' ? 'missed' : 'connected',
  };
}
