// Contacts (phone or mobile) and companies (phone) in two searches sent at once: at most two
// requests a lookup, however many match. After a 429 only the unanswered search is sent again.
import {
  CREATE_NEW_CONTACT,
  type Contact,
  type FindContactResult,
} from '@/features/lookup/model/contact';
import { classifyError } from '@/platform/worker/http/errors';
import { optionalText, requireId, type JsonRecord } from '../shared/guards';
import { extensionNotSearched, moreMatchesThanShown } from '../shared/outcome';
import { resumableOn429 } from '../shared/resumable';
import type { FindContactArgs } from '../types';
import { HUBSPOT_TYPES, type HubSpotType } from './manifest';
import { SEARCH_LIMIT, phoneGroups, propertiesOf, searchObjects } from './search';

const TYPES: HubSpotType[] = [HUBSPOT_TYPES.contact, HUBSPOT_TYPES.company];

/** "First Last" of a contact, a company's name. */
export function hubspotName(type: HubSpotType, p: JsonRecord): string {
  const name =
    type === HUBSPOT_TYPES.company
      ? optionalText(p.name)
      : [optionalText(p.firstname), optionalText(p.lastname)].filter(Boolean).join(' ');
  return name || optionalText(p.email) || `Unnamed ${type.toLowerCase()}`;
}

function toContact(type: HubSpotType, record: JsonRecord, phoneNumber: string): Contact {
  const p = propertiesOf(record);
  const company = type === HUBSPOT_TYPES.contact ? optionalText(p.company) : undefined;
  const email = optionalText(p.email);
  const created = optionalText(p.createdate);
  const active = optionalText(p.notes_last_updated);
  return {
    id: String(requireId(record.id, `A HubSpot ${type.toLowerCase()}`)),
    name: hubspotName(type, p),
    phone: phoneNumber,
    type,
    ...(company ? { company } : {}),
    ...(email ? { email } : {}),
    ...(created ? { createdDate: created } : {}),
    ...(active ? { mostRecentActivityDate: active } : {}),
    additionalInfo: null,
  };
}

export async function findHubSpotContact(args: FindContactArgs): Promise<FindContactResult> {
  if (args.isExtension) return extensionNotSearched('HubSpot');
  const answers = new Map<HubSpotType, Awaited<ReturnType<typeof searchObjects>>>();
  const searchRemaining = async (): Promise<FindContactResult> => {
    const missing = TYPES.filter((type) => !answers.has(type));
    const settled = await Promise.allSettled(
      missing.map(async (type) => {
        answers.set(type, await searchObjects(args, type, phoneGroups(type, args.phoneNumber)));
      }),
    );
    const failures = settled.flatMap((s): unknown[] => (s.status === 'rejected' ? [s.reason] : []));
    // Any failure but a 429 ends the lookup; a 429 alone is waited out and resumed.
    const final = failures.find((e) => classifyError(e).kind !== 'rateLimited') ?? failures[0];
    if (final !== undefined) throw resumableOn429(final, searchRemaining);
    const contacts = TYPES.flatMap((type) =>
      (answers.get(type)?.records ?? []).map((r) => toContact(type, r, args.phoneNumber)),
    );
    const more = [...answers.values()].some((a) => a.more);
    return {
      successful: true,
      matchedContactInfo: [...contacts, { ...CREATE_NEW_CONTACT }],
      ...(more ? { returnMessage: moreMatchesThanShown('HubSpot', SEARCH_LIMIT) } : {}),
    };
  };
  return searchRemaining();
}
