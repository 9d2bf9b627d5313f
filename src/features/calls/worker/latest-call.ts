/** The keyboard shortcut's "current call": the newest call still ringing or connected. */
import { callSessions } from '@/platform/storage/keys';
import { showWindow } from './call-window';

/** Focuses that call's window, or opens it again; 'none' when no call is live. */
export async function showLatestCall(): Promise<'none' | 'focused' | 'opened'> {
  const calls = [...(await callSessions.getMany(await callSessions.ids())).values()];
  const live = calls.filter((call) => call.status !== 'NoCall');
  const latest = live.sort((a, b) => b.firstEventAt - a.firstEventAt)[0];
  if (!latest) return 'none';
  return (await showWindow(latest.sessionId)).shown;
}
