/**
 * Test helpers that talk to the service worker from an extension page, exactly as the pages do:
 * connect to an emulated CRM and send softphone call events.
 */
import type { Page } from '@playwright/test';
import type { ConnectionDraft } from '../../src/features/connection/model/connection';
import type { CallEvent, CallEventReply } from '../../src/platform/messages';
import { sendRaw } from './requests';
import { HUBSPOT_TOKEN } from '../emulators/hubspot-seed.ts';
import { INSIGHTLY_API_KEY } from '../emulators/insightly-seed.ts';
import { PIPEDRIVE_API_TOKEN } from '../emulators/pipedrive-seed.ts';

export const pipedriveDraft = (url: string): ConnectionDraft => ({
  platform: 'pipedrive',
  hostname: url,
  credentials: { kind: 'apiToken', token: PIPEDRIVE_API_TOKEN },
});

export const insightlyDraft = (url: string): ConnectionDraft => ({
  platform: 'insightly',
  hostname: url,
  credentials: { kind: 'apiKey', apiKey: INSIGHTLY_API_KEY },
});

export const hubspotDraft = (url: string): ConnectionDraft => ({
  platform: 'hubspot',
  hostname: url,
  credentials: { kind: 'apiToken', token: HUBSPOT_TOKEN },
});

/** Saves the connection from an extension page (the popup URL is used when `page` is blank). */
export async function connect(
  page: Page,
  extensionUrl: (path: string) => string,
  draft: ConnectionDraft,
): Promise<void> {
  if (!page.url().startsWith('chrome-extension://')) {
    await page.goto(extensionUrl('src/entrypoints/popup/index.html'));
  }
  const reply = await sendRaw(page, 'connection.save', draft);
  if (!reply.ok) throw new Error(`connection.save failed: ${reply.error.message}`);
}

/** An inbound call from `from`, ringing now. */
export const ringing = (sessionId: string, from: string): CallEvent => ({
  sessionId,
  direction: 'Inbound',
  status: 'Ringing',
  from,
  to: '+14155550000',
});

export async function sendCallEvent(page: Page, event: CallEvent): Promise<CallEventReply> {
  const reply = await sendRaw(page, 'call.event', event);
  if (!reply.ok) throw new Error(`call.event failed: ${reply.error.message}`);
  return reply.value;
}
