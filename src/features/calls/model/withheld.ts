/** A withheld caller id arrives empty or as a word ("anonymous", "Private"), never with digits. */
import type { CallDirection } from '@/platform/messages';

export function isWithheld(number: string): boolean {
  return !/\d/.test(number);
}

/** Why such a call does not pop, for the softphone window's status line. */
export function withheldReason(direction: CallDirection): string {
  return direction === 'Inbound'
    ? 'No call pop: the caller withheld their number.'
    : 'No call pop: the call has no number.';
}
