/** Which event pops a call, and what a pop opens, from the call-pop settings. */
import type { CallEvent } from '@/platform/messages';
import type { CallLookup } from '@/platform/storage/keys';
import type { Settings } from '@/features/settings/model/settings';
import { httpUrl, renderUrlTemplate } from '@/platform/url-template';
import { matchCount } from './call-session';

export type CallPopSettings = Settings['callPop'];

/** Why this event does not pop, or null. `ring` also pops on CallConnected if ring was missed. */
export function notPopping(event: CallEvent, callPop: CallPopSettings): string | null {
  const kind = event.direction === 'Inbound' ? 'inbound' : 'outbound';
  const trigger = callPop[kind];
  if (trigger === 'off') return `Call pop is off for ${kind} calls.`;
  if (event.status === 'NoCall') return 'The call has ended.';
  if (trigger === 'answer' && event.status !== 'CallConnected') {
    return `Waiting for the ${kind} call to be answered.`;
  }
  return null;
}

/** How a call's lookup ended, as a pop decides by it. */
export type LookupOutcome = { result: CallLookup } | { error: string };

/** What a pop opens: the call-pop window and/or CRM pages in tabs. */
export interface PopPlan {
  window: boolean;
  tabs: string[];
  reason: string;
}

/** More (a main line's matches) would bury the browser in tabs: the window lists them instead. */
export const MAX_OPENED_PAGES = 10;

/** A call rings for seconds: past this, the window opens and fills in when the answer lands. */
export const DECIDE_WAIT_MS = 3_000;

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
const windowOnly = (reason: string): PopPlan => ({ window: true, tabs: [], reason });

/** The fallback URL with the number encoded into it; null when unset, with a note when unsafe. */
function fallbackUrl(template: string, phoneNumber: string): { url: string | null; note: string } {
  if (template.trim() === '') return { url: null, note: '' };
  const url = renderUrlTemplate(template, { phoneNumber });
  return url
    ? { url, note: ' Opened the fallback page.' }
    : { url: null, note: ' The fallback page was not opened: it is not an http(s) link.' };
}

/** The plan when the CRM has not answered in time: the window, filled in when it does. */
export const SLOW_LOOKUP_PLAN: PopPlan = windowOnly(
  `The CRM had not answered after ${DECIDE_WAIT_MS / 1000} s; showing the call window, which fills in when it does.`,
);

/** Why there is no answer to pop by, or null: a CRM failure (source 'none') is never "no match". */
function unanswered(outcome: LookupOutcome): string | null {
  if ('error' in outcome) return outcome.error;
  const { result } = outcome;
  if (result.source !== 'none' || result.contacts.length > 0) return null;
  return result.returnMessage?.message ?? 'the CRM was not asked';
}

function safePages(result: CallLookup): string[] {
  return result.contacts.flatMap((c) => {
    const safe = c.pageUrl ? httpUrl(c.pageUrl) : null;
    return safe ? [safe] : [];
  });
}

function noMatch(result: CallLookup, callPop: CallPopSettings, phoneNumber: string): PopPlan {
  const fallback = fallbackUrl(callPop.fallbackUrl, result.phoneNumber || phoneNumber);
  return {
    window: true,
    tabs: fallback.url ? [fallback.url] : [],
    reason: `No contact matches this number; showing the create path.${fallback.note}`,
  };
}

/** The window always carries the card, so openCrmPage opens the CRM page in addition to it. */
function oneMatch(result: CallLookup, callPop: CallPopSettings): PopPlan {
  const [page] = callPop.openCrmPage ? safePages(result).slice(0, 1) : [];
  return {
    window: true,
    tabs: page ? [page] : [],
    reason: `One contact matches.${page ? ' Opened its CRM page.' : ''}`,
  };
}

function severalMatches(result: CallLookup, callPop: CallPopSettings): PopPlan {
  const count = plural(matchCount(result), 'contact');
  if (callPop.multiple === 'nothing') {
    return { window: false, tabs: [], reason: `${count} match; call pop is set to do nothing.` };
  }
  if (callPop.multiple === 'choose') {
    return windowOnly(`${count} match; showing them to choose from.`);
  }
  const pages = safePages(result);
  if (pages.length === 0) {
    return windowOnly(`${count} match but none has a CRM page; showing them.`);
  }
  // Matches a record left out may have pages too.
  if (pages.length + (result.more ?? 0) > MAX_OPENED_PAGES) {
    return windowOnly(
      `${count} match, more than the ${MAX_OPENED_PAGES} pages call pop opens at once; showing them to choose from.`,
    );
  }
  return {
    window: false,
    tabs: pages,
    reason: `${count} match; opened ${plural(pages.length, 'CRM page')}.`,
  };
}

/** What a pop opens once the lookup has ended. */
export function planPop(
  outcome: LookupOutcome,
  callPop: CallPopSettings,
  phoneNumber: string,
): PopPlan {
  const failure = unanswered(outcome);
  if (failure !== null || !('result' in outcome)) {
    return windowOnly(`Could not look up the caller (${failure}); showing the call window.`);
  }
  const { result } = outcome;
  const count = matchCount(result);
  if (count === 0) return noMatch(result, callPop, phoneNumber);
  return count === 1 ? oneMatch(result, callPop) : severalMatches(result, callPop);
}
