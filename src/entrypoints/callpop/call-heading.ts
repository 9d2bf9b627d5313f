import type { CallSession } from '@/platform/storage/keys';

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
