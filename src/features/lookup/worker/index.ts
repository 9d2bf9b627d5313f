// Message handlers, listeners, and what other features' worker code may use.
import { defaultDeps } from '@/connectors/default-deps';
import type { HandlerTable } from '@/platform/worker/listener';
import { inBackground } from '@/platform/worker/report';
import { matchCache } from '@/platform/storage/keys';
import { clearCache } from './cache';
import { addNumber, pick, searchName } from './find-caller';
import { lookupContact } from './lookup';
import { lookupMany } from './lookup-many';
import { onAlarm } from './maintenance';

export { buildUser, loadAccount, loadSettingsAndConnection, type Account } from './account';
export { addCreatedContact, cacheId, clearCache, contactsOf } from './cache';
export { pickIfShared } from './find-caller';
export { crmCall, inSlot } from './credentials-status';
export { lookupContact, parseTarget } from './lookup';
export { ensureSweepAlarm, restrictStorageAccess, SWEEP_ALARM } from './maintenance';
export { failureSentence, saveFailureSentence, type SaveTarget } from './return-messages';
export { accountKey, toView } from './views';

export const lookupHandlers = {
  'contact.lookup': (payload) => lookupContact(payload, defaultDeps),
  'contact.lookupMany': (payload) => lookupMany(payload, defaultDeps),
  'contact.searchName': (payload) => searchName(payload, defaultDeps),
  'contact.addNumber': (payload) => addNumber(payload, defaultDeps),
  'contact.pick': (payload) => pick(payload, defaultDeps),
  'cache.stats': async () => ({ entries: (await matchCache.ids()).length }),
  'cache.clear': async () => ({ removed: await clearCache() }),
} satisfies Partial<HandlerTable>;

export function registerLookup(): void {
  chrome.alarms.onAlarm.addListener((alarm) => inBackground('the cache sweep', onAlarm(alarm)));
}
