// Softphone URLs CallPop will host: any https page, or plain http on loopback (development, demo).
import { isLoopbackHost } from '@/features/connection/model/connection';

export type SoftphoneTarget =
  { ok: true; url: string; origin: string } | { ok: false; reason: string };

/** `app`: CallPop's own RingCentral app for the widget URL; without it the widget is a demo. */
export function softphoneTarget(
  raw: unknown,
  app: { clientId?: string; appServer?: string } = {},
): SoftphoneTarget {
  if (typeof raw !== 'string' || raw.trim() === '') {
    return { ok: false, reason: 'No softphone URL is set. Add one in CallPop options.' };
  }
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    // Not repeated back: a softphone URL can carry a client secret in its query.
    return { ok: false, reason: 'The softphone URL is not a valid web address.' };
  }
  if (url.username || url.password) {
    return { ok: false, reason: 'The softphone URL must not contain a user name or password.' };
  }
  const secure = url.protocol === 'https:';
  const loopback = url.protocol === 'http:' && isLoopbackHost(url.hostname);
  if (!secure && !loopback) {
    return {
      ok: false,
      reason:
        'The softphone URL must start with https:// (plain http is allowed only for 127.0.0.1 or localhost).',
    };
  }
  if (app.clientId) url.searchParams.set('clientId', app.clientId);
  if (app.appServer) url.searchParams.set('appServer', app.appServer);
  return { ok: true, url: url.href, origin: url.origin };
}
