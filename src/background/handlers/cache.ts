import type { Handler } from '../messages';
import { clearCache, countEntries } from '../engine/cache';

export const cacheStatsHandler: Handler<'cache.stats'> = async () => ({
  entries: await countEntries(),
});
export const cacheClearHandler: Handler<'cache.clear'> = async () => ({
  removed: await clearCache(),
});
