/** Deals and leads of one person, for the call-log form (never on the lookup path). */
import { http } from '@/platform/worker/http/client';
import type { Contact } from '@/features/lookup/model/contact';
import { optionalText, requireArray, requireId, requireRecord } from '../shared/guards';
import { buildUrl } from '../shared/wire';
import type { ConnectorUser } from '../types';
import { pipedriveHeaders } from './auth';
import { pipedriveData } from './find-contact';

type Options = { const: string | number; title: string }[];

function readOptions(body: unknown, what: string): Options {
  return requireArray(pipedriveData(body, what), what).map((entry) => {
    const record = requireRecord(entry, `One of the ${what}`);
    const id = requireId(record.id, `One of the ${what}`);
    return { const: id, title: optionalText(record.title) ?? `#${id}` };
  });
}

export async function fetchPipedriveLogFieldOptions(
  user: ConnectorUser,
  authHeader: string,
  contact: Contact,
): Promise<Record<string, Options>> {
  if (contact.isNewContact) return { deals: [], leads: [] };
  const headers = pipedriveHeaders(authHeader);
  const personId = String(contact.id);
  // Both lists at once: the form waits for the slower one, not for the sum.
  const [deals, leads] = await Promise.all([
    http.get(
      buildUrl(user.hostname, '/api/v2/deals', { person_id: personId, status: 'open', limit: 100 }),
      { headers },
    ),
    http.get(buildUrl(user.hostname, '/v1/leads', { person_id: personId, limit: 100 }), {
      headers,
    }),
  ]);
  return { deals: readOptions(deals.data, 'open deals'), leads: readOptions(leads.data, 'leads') };
}
