/** Where a number added to a record with a few fixed phone fields goes. */
import type { AddPhoneNumberArgs } from '../types';
import { optionalText, type JsonRecord } from './guards';
import { sameDigits } from './same-meaning';

/** The first empty one of `fields`; null when one holds the number; throws when all are taken. */
export function freeField(p: JsonRecord, fields: string[], args: AddPhoneNumberArgs, crm: string) {
  const filled = fields.filter((field) => optionalText(p[field]) !== undefined);
  if (filled.some((field) => sameDigits(p[field], args.phoneNumber))) return null;
  const free = fields.find((field) => !filled.includes(field));
  if (!free) throw new Error(`${args.contact.name} has no free phone field in ${crm}.`);
  return free;
}
