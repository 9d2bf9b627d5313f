/**
 * Call-log Saves for the engine's retry tests: an attempt left "running" by a stopped worker,
 * as the engine records it, and a call to log.
 */
import type { Connector, CreateCallLogArgs } from '@/connectors/types';
import type { CallLogRequest } from '@/platform/messages';
import { saveRequests } from '@/platform/storage/keys';
import { loadAccount } from '@/features/lookup/worker';
import type { EngineDeps } from '@/connectors/deps';

/**
 * An attempt of the Save that stopped (its record stays "running"): recorded as the engine
 * records it before sending (engine/call-log.ts), and written to the CRM unless `reached` is
 * false. Several calls stack attempts, as retries with edits in between do.
 */
export async function interruptedLog(
  request: CallLogRequest,
  connector: Connector,
  deps: EngineDeps,
  { reached = true } = {},
) {
  const contact = request.contact as { id: number; name: string; type: string };
  const key = `callLog:${request.requestId}`;
  const earlier = await saveRequests.get(key);
  await saveRequests.set(key, {
    kind: 'callLog',
    startedAt: Date.now(),
    status: 'running',
    logAttempts: [
      ...(earlier?.logAttempts ?? []),
      {
        contactId: String(contact.id),
        contactType: contact.type,
        contactName: contact.name,
        subject: request.subject,
        note: request.note,
        durationSeconds: request.durationSeconds,
        result: request.result,
        additionalSubmission: request.additionalSubmission ?? {},
      },
    ],
  });
  if (!reached) return null;
  const { user, authHeader } = await loadAccount(deps);
  const args: CreateCallLogArgs = {
    user,
    authHeader,
    contact: { id: contact.id, name: contact.name, type: contact.type },
    call: {
      direction: request.direction,
      phoneNumber: request.phoneNumber,
      startTime: request.startTime,
      durationSeconds: request.durationSeconds,
      result: request.result,
    },
    subject: request.subject,
    note: request.note,
    additionalSubmission: request.additionalSubmission ?? {},
  };
  return connector.createCallLog(args);
}

export const call = (phoneNumber: string, contact: CallLogRequest['contact']): CallLogRequest => ({
  requestId: 'log-retry-0001',
  phoneNumber,
  contact,
  direction: 'Inbound',
  startTime: Date.UTC(2025, 0, 1, 10),
  durationSeconds: 30,
  result: 'connected',
  subject: 'Inbound call',
  note: 'Wants a quote',
  additionalSubmission: {},
});
