/**
 * Which event pops a call, and what a pop opens, from the call-pop settings. Pure functions, so
 * the rules are tested without a browser.
 */
import type { CallEvent, LookupResult } from '@/platform/messages';
import type { Settings } from '@/features/settings/model/settings';
import { httpUrl, renderUrlTemplate } from '@/platform/url-template';

export type TriggerVerdict = { pop: true } | { pop: false; reason: string };

/** `ring` pops on Ringing (or on CallConnected if the ring was missed); `answer` on CallConnected. */
export function triggerVerdict(event: CallEvent, callPop: Settings['callPop']): TriggerVerdict {
  const kind = event.direction === 'Inbound' ? 'inbound' : 'outbound';
  const trigger = callPop[kind];
  if (trigger === 'off') {
    return { pop: false, reason: `Call pop is off for ${kind} calls.` };
  }
  if (event.status === 'NoCall') return { pop: false, reason: 'The call has ended.' };
  if (trigger === 'answer' && event.status !== 'CallConnected') {
    return { pop: false, reason: `Waiting for the ${kind} call to be answered.` };
  }
  return { pop: true };
}

/** What a pop opens: the call-pop window and/or CRM pages in tabs. */
/**
 * With "let me choose" for several matches, every outcome of the lookup shows the call window,
 * so it can open before the lookup ends (planPop agrees; a test holds the two together).
 */
export function windowIsCertain(callPop: Settings['callPop']): boolean {
  return callPop.multiple === 'choose';
}

export interface PopPlan {
  window: boolean;
  tabs: string[];
  reason: string;
}

/**
 * "Open each CRM page" opens at most this many CRM pages; more (a company's main line on everyone
 * there) would bury the browser in tabs, so the window lists them to choose from instead.
 */
export const MAX_OPENED_PAGES = 10;

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The fallback URL with the number encoded into it; null when unset, with a note when unsafe. */
export function fallbackUrl(
  template: string,
  phoneNumber: string,
): { url: string | null; note: string } {
  if (template.trim() === '') return { url: null, note: '' };
  const url = template.includes('{')
    ? renderUrlTemplate(template, { phoneNumber })
    : httpUrl(template.trim());
  return url
    ? { url, note: ' Opened the fallback page.' }
    : { url: null, note: ' The fallback page was not opened: it is not an http(s) link.' };
}

/** The plan when the CRM has not answered in `waitedMs`: the window, filled in when it does. */
export function slowLookupPlan(waitedMs: number): PopPlan {
  return {
    window: true,
    tabs: [],
    reason: `The CRM had not answered after ${waitedMs / 1000} s; showing the call window, which fills in when it does.`,
  };
}

/**
 * The window always carries the card (and the Log call button), so openCrmPage opens the CRM
 * page in a tab in addition to it: the person never loses the create and log paths.
 */
// eslint-disable-next-line complexity -- being split by the calls owner
export function planPop(
  result: LookupResult | null,
  lookupError: string | null,
  callPop: Settings['callPop'],
  phoneNumber: string,
): PopPlan {
  // The engine answers a CRM failure (or a number it did not look up) with source 'none' and
  // the reason, not by throwing: that is never "no match", so no create path or fallback page.
  const unanswered = !result
    ? (lookupError ?? 'unknown error')
    : result.source === 'none' && result.contacts.length === 0
      ? (result.returnMessage?.message ?? 'the CRM was not asked')
      : null;
  if (!result || unanswered !== null) {
    return {
      window: true,
      tabs: [],
      reason: `Could not look up the caller (${unanswered}); showing the call window.`,
    };
  }
  const matches = result.contacts;
  if (matches.length === 0) {
    const fallback = fallbackUrl(callPop.fallbackUrl, result.phoneNumber || phoneNumber);
    return {
      window: true,
      tabs: fallback.url ? [fallback.url] : [],
      reason: `No contact matches this number; showing the create path.${fallback.note}`,
    };
  }
  if (matches.length === 1) {
    const page = callPop.openCrmPage ? matches[0]!.pageUrl : null;
    const safe = page ? httpUrl(page) : null;
    return {
      window: true,
      tabs: safe ? [safe] : [],
      reason: `One contact matches.${safe ? ' Opened its CRM page.' : ''}`,
    };
  }
  const count = plural(matches.length, 'contact');
  if (callPop.multiple === 'nothing') {
    return { window: false, tabs: [], reason: `${count} match; call pop is set to do nothing.` };
  }
  if (callPop.multiple === 'openAll') {
    const pages = matches.flatMap((c) => {
      const safe = c.pageUrl ? httpUrl(c.pageUrl) : null;
      return safe ? [safe] : [];
    });
    if (pages.length === 0) {
      return {
        window: true,
        tabs: [],
        reason: `${count} match but none has a CRM page; showing them.`,
      };
    }
    if (pages.length > MAX_OPENED_PAGES) {
      return {
        window: true,
        tabs: [],
        reason: `${count} match, more than the ${MAX_OPENED_PAGES} pages call pop opens at once; showing them to choose from.`,
      };
    }
    return {
      window: false,
      tabs: pages,
      reason: `${count} match; opened ${plural(pages.length, 'CRM page')}.`,
    };
  }
  return { window: true, tabs: [], reason: `${count} match; showing them to choose from.` };
}
