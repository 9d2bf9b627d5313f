// The softphone's batched match: one cache read for all, misses through the bounded CRM path;
// results keyed by each input as sent.
import { MAX_LOOKUP_BATCH, type LookupManyResult } from '@/platform/messages';
import { matchCache } from '@/platform/storage/keys';
import { badRequest } from '@/platform/worker/request-error';
import { loadAccount } from './account';
import { cacheId } from './cache';
import type { EngineDeps } from '@/connectors/deps';
import { lookupWith, parseTarget, result, unanswered } from './lookup';

export async function lookupMany(
  payload: { phoneNumbers: string[]; force?: boolean },
  deps: EngineDeps,
): Promise<Record<string, LookupManyResult>> {
  const inputs = payload?.phoneNumbers;
  if (!Array.isArray(inputs)) badRequest('Send a list of phone numbers.');
  if (inputs.length > MAX_LOOKUP_BATCH) {
    badRequest(`Look up at most ${MAX_LOOKUP_BATCH} numbers at once.`);
  }
  const account = await loadAccount(deps);
  // One number is a call's own match (or a Refresh): it goes first, as a lookup does.
  const batch = inputs.length > 1 ? { ...deps, batch: true } : deps;
  const parsed = inputs.map((raw) => ({
    input: String(raw),
    target: parseTarget(raw, account.settings.defaultCountry),
  }));
  const targets = new Map(parsed.flatMap(({ target: t }) => (t.ok ? [[t.phoneNumber, t]] : [])));
  const numbers = [...targets.values()].filter((t) => !t.isExtension).map((t) => t.phoneNumber);
  const ids = new Map(numbers.map((n) => [n, cacheId(account.scope, n)]));
  const cached = await matchCache.getMany([...ids.values()]);
  const answers = new Map<string, LookupManyResult>();
  await Promise.all(
    [...targets.values()].map(async (target) => {
      const id = ids.get(target.phoneNumber);
      const preread = id === undefined ? undefined : { entry: cached.get(id) };
      const answer = await lookupWith(account, target, payload.force === true, batch, preread);
      const failed = answer.crmFailure === 'passing';
      answers.set(target.phoneNumber, failed ? { ...answer, crmFailed: true } : answer);
    }),
  );
  // No prototype: an input such as "__proto__" is a key like any other.
  const results = Object.create(null) as Record<string, LookupManyResult>;
  for (const { input, target } of parsed) {
    results[input] = target.ok
      ? answers.get(target.phoneNumber)!
      : result(
          account,
          { ok: true, phoneNumber: input, displayNumber: input, isExtension: false },
          unanswered({ message: target.message, messageType: 'danger', ttl: 5000 }),
        );
  }
  return results;
}
