/**
 * Finding the call log an earlier attempt of a Save left in the CRM, so a retry neither writes
 * a second log nor drops what the user changed since (connectors' `findCallLog`).
 */
import { isAxiosError } from 'axios';
import type { EarlierCallLog } from '../types';
import { findAtEitherEnd, type ReadPage } from './either-end';

export interface EarlierLogTest<T> {
  /** The same call: the fields no edit of the log form changes (record, start, numbers). */
  sameCall(row: T): boolean;
  /** Also everything the user typed or chose: nothing would change by saving again. */
  sameContent(row: T): boolean;
  id(row: T): string;
}

/**
 * A log of this call that already says what is being saved wins, and nothing is rewritten.
 * Otherwise one log of this call is taken to be the earlier attempt's, now outdated. With
 * several (the call was also logged from another form) there is no telling which one this
 * Save wrote, so none is reported: saving a new log beats overwriting one saved on purpose.
 */
export async function findEarlierLog<T>(
  read: ReadPage<T>,
  test: EarlierLogTest<T>,
  budget: number,
): Promise<EarlierCallLog | null> {
  const sameCall = new Set<string>();
  // Collects every log of this call on the pages read, stopping early at one that is current.
  const current = await findAtEitherEnd(
    read,
    (row) => {
      if (!test.sameCall(row)) return false;
      sameCall.add(test.id(row));
      return test.sameContent(row);
    },
    budget,
  );
  if (current !== undefined) return { logId: test.id(current) };
  const [only, ...more] = sameCall;
  return only !== undefined && more.length === 0 ? { logId: only, outdated: true } : null;
}

/** A 404 or 410 from the CRM: the record is already gone. */
export function isGone(error: unknown): boolean {
  const status = isAxiosError(error) ? error.response?.status : undefined;
  return status === 404 || status === 410;
}
