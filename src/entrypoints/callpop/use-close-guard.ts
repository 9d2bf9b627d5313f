/** Escape closes (over unsaved typing: warns, closes at a second press); other ways ask "Leave?";
 * a window whose call is over makes way for the next call's, unless it holds unsaved typing. */
import { useEffect, useRef } from 'react';
import type { Toasts } from '@/platform/ui/toast';
import { otherWindowOpened, type Changes } from './use-call-session';

/** The person has been told, and Escape must never do nothing. */
const ESCAPE_AGAIN_MS = 5_000;

/** `keptTyping`: typing held off screen (a log draft kept after Cancel); `over`: the call's id once
 * it ended (or its CRM is no longer connected). */
export function useCloseGuard(toasts: Toasts, keptTyping: boolean, over: string | null) {
  // Unsaved only while still on screen and not empty: a form that went away (Refresh found a match)
  // or a cleared field holds nothing to lose.
  const typedInto = useRef(new Set<HTMLInputElement | HTMLTextAreaElement>());
  // When Escape last warned about unsaved typing.
  const warnedAt = useRef<number | null>(null);
  // Set when the person chose to close anyway (a second Escape): no second question then.
  const leaving = useRef(false);
  const { show } = toasts;

  useEffect(() => {
    const unsaved = () =>
      [...typedInto.current].some((field) => field.isConnected && field.value.trim() !== '') ||
      keptTyping;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      const { target } = event;
      if (target instanceof HTMLElement && target.closest('input, textarea, select')) target.blur();
      else if (!unsaved()) window.close();
      else if (warnedAt.current !== null && Date.now() - warnedAt.current < ESCAPE_AGAIN_MS) {
        leaving.current = true;
        window.close();
      } else {
        warnedAt.current = Date.now();
        // Shown exactly as long as what it offers holds.
        show({
          message:
            'What you typed is not saved yet. Save or clear it, or press Escape again to close anyway.',
          messageType: 'warning',
          ttl: ESCAPE_AGAIN_MS,
        });
      }
    };
    const onInput = ({ target }: Event) => {
      // A field the person types into (a choice in a list is not typing; the window has no boxes).
      if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) {
        typedInto.current.add(target);
      }
    };
    const onLeave = (event: BeforeUnloadEvent) => {
      if (!leaving.current && unsaved()) event.preventDefault();
    };
    const onCalls = (changes: Changes, area: string) => {
      const replaced = area === 'session' && over !== null && otherWindowOpened(changes, over);
      if (replaced && !unsaved()) window.close();
    };
    const stop = new AbortController();
    window.addEventListener('keydown', onKey, { signal: stop.signal });
    window.addEventListener('input', onInput, { signal: stop.signal, capture: true });
    window.addEventListener('beforeunload', onLeave, { signal: stop.signal });
    chrome.storage.onChanged.addListener(onCalls);
    return () => {
      stop.abort();
      chrome.storage.onChanged.removeListener(onCalls);
    };
  }, [show, keptTyping, over]);

  return { settled: () => typedInto.current.clear() };
}
