/**
 * `call.show`: the person asks for a call's window again (the softphone window's "Show call
 * window"). Events never reopen a window the person closed; this explicit ask does, without
 * counting as a pop.
 */
import { showWindow } from './call-window';
import { parseSessionId } from './validate';

export async function handleShowCall(payload: unknown): Promise<{ shown: 'focused' | 'opened' }> {
  const { opened } = await showWindow(parseSessionId(payload), true);
  return { shown: opened ? 'opened' : 'focused' };
}
