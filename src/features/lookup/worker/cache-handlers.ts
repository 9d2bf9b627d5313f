import type { Handler } from '@/platform/worker/listener';
import { clearCache, countEntries } from './cache';

export const cacheStatsHandler: Handler<'cache.stats'> = async () => ({
  entries: await countEntries(),
});
export const cacheClearHandler: Handler<'cache.clear'> = async () => ({
  removed: await clearCache(),
});
