// The softphone's batched match: one cache read for all, misses through the bounded CRM path;
// results keyed by each input as sent.
import type { LookupManyResult } from '@/platform/messages';
import { ERROR_CODES, MAX_LOOKUP_BATCH } from '@/platform/messages';
import { matchCache } from '@/platform/storage/keys';
import { RequestError } from '@/platform/worker/request-error';
import { loadAccount, type Account } from './account';
import { cacheId } from './cache';
import type { EngineDeps } from '@/connectors/deps';
import { lookupWith, parseTarget, result, unanswered } from './lookup';

export async function lookupMany(
  payload: { phoneNumbers: string[]; force?: boolean },
  deps: EngineDeps,
): Promise<Record<string, LookupManyResult>> {
  const inputs = payload?.phoneNumbers;
  if (!Array.isArray(inputs)) {
    throw new RequestError(ERROR_CODES.badRequest, 'Send a list of phone numbers.');
  }
  if (inputs.length > MAX_LOOKUP_BATCH) {
    throw new RequestError(
      ERROR_CODES.badRequest,
      `Look up at most ${MAX_LOOKUP_BATCH} numbers at once.`,
    );
  }
  const account = await loadAccount(deps);
  // No prototype: an input such as "__proto__" is a key like any other.
  const results = Object.create(null) as Record<string, LookupManyResult>;
  /** Each valid input (as sent) and the number it names (E.164, or extension digits). */
  const named = new Map<string, string>();
  const targets = new Map<string, Extract<ReturnType<typeof parseTarget>, { ok: true }>>();
  for (const raw of inputs) {
    const input = String(raw);
    const target = parseTarget(raw, account.settings.defaultCountry);
    if (target.ok) {
      targets.set(target.phoneNumber, target);
      named.set(input, target.phoneNumber);
    } else {
      const why = { message: target.message, messageType: 'danger', ttl: 5000 } as const;
      const shown = {
        ok: true,
        phoneNumber: input,
        displayNumber: input,
        isExtension: false,
      } as const;
      results[input] = result(account, shown, unanswered(why));
    }
  }
  const numbers = [...targets.values()].filter((t) => !t.isExtension).map((t) => t.phoneNumber);
  const ids = new Map(numbers.map((n) => [n, cacheId(account.scope, n)]));
  const cached = await matchCache.getMany([...ids.values()]);
  const force = payload.force === true;
  const byNumber = new Map<string, LookupManyResult>();
  await Promise.all(
    [...targets.values()].map(async (target) => {
      const id = ids.get(target.phoneNumber);
      const preread = id === undefined ? undefined : { entry: cached.get(id) };
      const result = await lookupWith(account, target, force, deps, preread);
      byNumber.set(
        target.phoneNumber,
        result.crmFailure === 'passing' ? { ...result, crmFailed: true } : result,
      );
    }),
  );
  for (const [input, number] of named) {
    const result = byNumber.get(number);
    if (result) results[input] = result;
  }
  return results;
}
