/** Where a number added to a record with a few fixed phone fields goes. */
import { optionalText, type JsonRecord } from './guards';
import { sameDigits } from './same-meaning';

/** The first empty one of `fields`, or null when one already holds the number; throws when all are taken. */
export function freePhoneField(
  record: JsonRecord,
  fields: readonly string[],
  phone: string,
  where: { name: string; crm: string },
): string | null {
  const filled = fields.filter((field) => optionalText(record[field]) !== undefined);
  if (filled.some((field) => sameDigits(record[field], phone))) return null;
  const free = fields.find((field) => !filled.includes(field));
  if (!free) throw new Error(`${where.name} has no free phone field in ${where.crm}.`);
  return free;
}
