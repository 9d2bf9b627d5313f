/** Turns the name a user typed for a new contact into the parts CRMs store. */
import { isRecord, optionalText, requireArray, type JsonRecord } from './guards';

// The form a name is saved in; a retry compares through it too, or "Ann  Lee" would never match
// the "Ann Lee" an interrupted first attempt created.
export function collapseName(input: unknown): string {
  return typeof input === 'string' ? input.replace(/\s+/g, ' ').trim() : '';
}

/** Whether two names are the same once collapsed, in any letter case. */
export function sameName(a: unknown, b: unknown): boolean {
  const left = collapseName(a);
  return left !== '' && left.toLocaleLowerCase() === collapseName(b).toLocaleLowerCase();
}

// "Mary Ann Smith" → Mary Ann / Smith. One word is a last name alone (CRMs require a last name),
// so nothing typed is dropped or replaced by a made-up word. The saves worker has checked the name.
export function splitName(input: string): { firstName: string | null; lastName: string } {
  const words = collapseName(input).split(' ');
  const lastName = words.pop() ?? '';
  return { firstName: words.length > 0 ? words.join(' ') : null, lastName };
}

/** A CRM's users (`read` gives id, first, last name, email) as id → "First Last", else email. */
export function namesById(users: unknown, read: (user: JsonRecord) => unknown[]) {
  const names: Record<string, string> = {};
  for (const user of requireArray(users, 'The CRM users').filter(isRecord)) {
    const [id, first, last, email] = read(user).map((part) => collapseName(optionalText(part)));
    const name = `${first} ${last}`.trim() || email;
    if (id && name) names[id] = name;
  }
  return names;
}
