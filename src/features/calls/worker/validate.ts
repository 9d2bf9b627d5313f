/** Checks a `call.event` payload: a bad one gets a plain-words reason, never a crash. */
import type { CallEvent } from '@/platform/messages';
import { badRequest as bad } from '@/platform/worker/request-error';

const DIRECTIONS = ['Inbound', 'Outbound'] as const;
const STATUSES = ['Ringing', 'CallConnected', 'NoCall'] as const;
/** Longer text is refused, but a name (shown, not looked up) is cut to this many UTF-16 units. */
export const MAX_TEXT = 256;

/** Non-text is refused; so is long text, but a name is cut (dropped if nothing is left). */
function text(value: unknown, field: string, required: boolean, cut = false): string | undefined {
  if (value === undefined || value === null || value === '') {
    if (required) bad(`The call event has no ${field}.`);
    return undefined;
  }
  if (typeof value !== 'string') bad(`The call event's ${field} must be text.`);
  // A cut never leaves half of an emoji (a lone surrogate) at the end.
  const kept = value.slice(0, MAX_TEXT).replace(/[\uD800-\uDBFF]$/, '');
  if (cut) return kept.trimEnd() || undefined;
  if (value.length > MAX_TEXT) bad(`The call event's ${field} is too long.`);
  return value;
}

export function parseCallEvent(payload: unknown): CallEvent {
  if (typeof payload !== 'object' || payload === null) bad('The call event is empty.');
  const raw = payload as Record<string, unknown>;
  const sessionId = text(raw.sessionId, 'session id', true)!;
  const { direction, status, startTime } = raw;
  if (!DIRECTIONS.includes(direction as CallEvent['direction'])) {
    bad('The call event must say whether the call is Inbound or Outbound.');
  }
  if (!STATUSES.includes(status as CallEvent['status'])) {
    bad('The call event status must be Ringing, CallConnected or NoCall.');
  }
  const from = text(raw.from, 'caller number', direction === 'Inbound') ?? '';
  const to = text(raw.to, 'called number', direction === 'Outbound') ?? '';
  if (startTime !== undefined && (typeof startTime !== 'number' || !Number.isFinite(startTime))) {
    bad("The call event's start time must be a number of milliseconds.");
  }
  const fromName = text(raw.fromName, 'caller name', false, true);
  const toName = text(raw.toName, 'called name', false, true);
  return {
    sessionId,
    direction: direction as CallEvent['direction'],
    status: status as CallEvent['status'],
    from,
    to,
    ...(fromName ? { fromName } : {}),
    ...(toName ? { toName } : {}),
    ...(typeof startTime === 'number' ? { startTime } : {}),
  };
}

/** The call a request names (Show call window, Refresh), checked. */
export function parseSessionId(payload: unknown): string {
  const sessionId = (payload as { sessionId?: unknown } | null)?.sessionId;
  if (typeof sessionId !== 'string' || sessionId === '' || sessionId.length > MAX_TEXT) {
    bad('Which call? It has no valid session id.');
  }
  return sessionId;
}
