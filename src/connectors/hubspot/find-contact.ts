// Contacts and companies in two searches sent at once: at most two requests a lookup, however
// many match. After a 429 only the unanswered search is sent again.
import { CREATE_NEW_CONTACT, type FindContactResult } from '@/features/lookup/model/contact';
import { classifyError } from '@/platform/worker/http/errors';
import { optionalText, requireId } from '../shared/guards';
import { extensionNotSearched, moreMatchesThanShown } from '../shared/outcome';
import { resumableOn429 } from '../shared/resumable';
import type { FindContactArgs } from '../types';
import { HUBSPOT_TYPES } from './manifest';
import { SEARCH_LIMIT, hubspotName, phoneGroups, searchObjects } from './search';

const TYPES = [HUBSPOT_TYPES.contact, HUBSPOT_TYPES.company];

export async function findHubSpotContact(args: FindContactArgs): Promise<FindContactResult> {
  if (args.isExtension) return extensionNotSearched('HubSpot');
  const answers: (Awaited<ReturnType<typeof searchObjects>> | undefined)[] = [];
  const searchRemaining = async (): Promise<FindContactResult> => {
    const settled = await Promise.allSettled(
      TYPES.map(async (type, i) => {
        answers[i] ??= await searchObjects(args, type, phoneGroups(type, args.phoneNumber));
      }),
    );
    const failures = settled.flatMap((s): unknown[] => (s.status === 'rejected' ? [s.reason] : []));
    // Any failure but a 429 ends the lookup; a 429 alone is waited out, then resumed.
    const final = failures.find((e) => classifyError(e).kind !== 'rateLimited') ?? failures[0];
    if (final !== undefined) throw resumableOn429(final, searchRemaining);
    const contacts = TYPES.flatMap((type, i) =>
      (answers[i]?.records ?? []).map(({ id, p }) => {
        const company = type === HUBSPOT_TYPES.contact ? optionalText(p.company) : undefined;
        const email = optionalText(p.email);
        const created = optionalText(p.createdate);
        const active = optionalText(p.notes_last_updated);
        return {
          id: String(requireId(id, `A HubSpot ${type.toLowerCase()}`)),
          name: hubspotName(type, p),
          phone: args.phoneNumber,
          type,
          ...(company ? { company } : {}),
          ...(email ? { email } : {}),
          ...(created ? { createdDate: created } : {}),
          ...(active ? { mostRecentActivityDate: active } : {}),
          additionalInfo: null,
        };
      }),
    );
    return {
      successful: true,
      matchedContactInfo: [...contacts, { ...CREATE_NEW_CONTACT }],
      ...(answers.some((a) => a?.more)
        ? { returnMessage: moreMatchesThanShown('HubSpot', SEARCH_LIMIT) }
        : {}),
    };
  };
  return searchRemaining();
}
