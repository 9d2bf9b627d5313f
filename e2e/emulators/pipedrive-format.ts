import type { EmulatorResponse } from './harness.ts';
import type { PdDeal, PdLead, PdPerson, PipedriveData } from './pipedrive-data.ts';
import { PIPEDRIVE_USER } from './pipedrive-seed.ts';

/** Response shapes of the real API (v2 ISO times, v1 'YYYY-MM-DD HH:mm:ss'). */

const ERROR_INFO =
  'Please check developers.pipedrive.com for more information about Pipedrive API.';

/** Pipedrive's error envelope; messages other than 401's are plausible, not doc-verified. */
export function pdErrorBody(status: number, error?: string): Record<string, unknown> {
  const defaults: Record<number, string> = {
    400: 'Bad request',
    401: 'unauthorized access',
    403: 'You do not have permissions to perform this action',
    404: 'Not found',
    410: 'Gone',
    429: 'Request over limit',
    500: 'Internal server error',
    502: 'Bad gateway',
    503: 'Service unavailable',
  };
  return {
    success: false,
    error: error ?? defaults[status] ?? 'Error',
    errorCode: status,
    error_info: ERROR_INFO,
  };
}

export function pdError(status: number, error?: string): EmulatorResponse {
  return { status, body: pdErrorBody(status, error) };
}

export function pdOk(data: unknown, additional_data?: unknown, status = 200): EmulatorResponse {
  return {
    status,
    body:
      additional_data === undefined
        ? { success: true, data }
        : { success: true, data, additional_data },
  };
}

export function v2Person(p: PdPerson): Record<string, unknown> {
  return {
    id: p.id,
    name: p.name,
    first_name: p.first_name,
    last_name: p.last_name,
    add_time: p.add_time,
    update_time: p.update_time,
    owner_id: p.owner_id,
    org_id: p.org_id,
    emails: p.emails,
    phones: p.phones,
    is_deleted: false,
    visible_to: p.visible_to,
    label_ids: [],
    picture_id: null,
    custom_fields: {},
  };
}

/**
 * /api/v2/persons/search item: flat string lists, no add_time and no primary_email, unlike the
 * person GET (the documented item has id, type, name, phones, emails, visible_to, owner,
 * organization, custom_fields and notes only).
 */
export function v2SearchItem(p: PdPerson, data: PipedriveData): Record<string, unknown> {
  const org = data.org(p.org_id);
  return {
    id: p.id,
    type: 'person',
    name: p.name,
    phones: p.phones.map((f) => f.value),
    emails: p.emails.map((f) => f.value),
    visible_to: p.visible_to,
    owner: { id: p.owner_id },
    organization: org ? { id: org.id, name: org.name, address: org.address } : null,
    custom_fields: [],
    notes: [],
  };
}

export function v2Deal(d: PdDeal): Record<string, unknown> {
  return {
    id: d.id,
    title: d.title,
    owner_id: PIPEDRIVE_USER.id,
    person_id: d.person_id,
    org_id: d.org_id,
    pipeline_id: 1,
    stage_id: 1,
    value: d.value,
    currency: d.currency,
    status: d.status,
    add_time: d.add_time,
    update_time: d.add_time,
    is_deleted: false,
  };
}

export function v1Lead(l: PdLead): Record<string, unknown> {
  const iso = new Date(l.add_time).toISOString(); // v1 leads use ISO with milliseconds
  return {
    id: l.id,
    title: l.title,
    owner_id: PIPEDRIVE_USER.id,
    creator_id: PIPEDRIVE_USER.id,
    label_ids: [],
    person_id: l.person_id,
    organization_id: l.organization_id,
    source_name: 'API',
    is_archived: false,
    was_seen: true,
    value: null,
    expected_close_date: null,
    next_activity_id: null,
    add_time: iso,
    update_time: iso,
    visible_to: '3',
    cc_email: null,
  };
}
