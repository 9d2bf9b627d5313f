import type { CallSession } from '@/platform/storage/keys';
import type { CallFacts } from '@/features/saves/ui/log-form';

/**
 * What the log needs from the call. A call never answered is logged as missed, with no talk
 * time; an outbound one too, since nothing says whether the line was busy or went to voicemail.
 * An answered call lasts from its answer to its end, or to now while it is still going.
 */
export function callFacts(session: CallSession, now = Date.now()): CallFacts {
  const answeredAt = session.answeredAt;
  const end = session.endedAt ?? now;
  return {
    sessionId: session.sessionId,
    direction: session.direction,
    startTime: session.startTime,
    durationSeconds:
      answeredAt === undefined ? 0 : Math.max(0, Math.round((end - answeredAt) / 1000)),
    result: answeredAt === undefined ? 'missed' : 'connected',
    ...(session.ownNumber ? { ownNumber: session.ownNumber } : {}),
  };
}
