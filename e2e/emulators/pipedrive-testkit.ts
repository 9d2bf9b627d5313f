/** Typed fetch helpers for tests that talk to the Pipedrive emulator. */
import { PIPEDRIVE_API_TOKEN } from './pipedrive-seed.ts';

/** Pipedrive's envelope, typed loosely: the shapes themselves are asserted with expect(). */
export interface PdBody<T> {
  success: boolean;
  data: T;
  additional_data?: { next_cursor?: string | null };
  error?: string;
  errorCode?: number;
}

export type PdRecord = Record<string, unknown> & {
  id: number;
  name: string;
  add_time: string | null;
};

export interface SearchData {
  items: { result_score: number; item: PdRecord }[];
}

export function pipedriveClient(baseUrl: () => string, token = PIPEDRIVE_API_TOKEN) {
  const auth = { 'x-api-token': token };

  async function call<T = PdRecord>(path: string, init: RequestInit = {}) {
    const res = await fetch(baseUrl() + path, { ...init, headers: { ...auth, ...init.headers } });
    const text = await res.text();
    return { res, json: (text ? JSON.parse(text) : null) as PdBody<T> };
  }

  function post<T = PdRecord>(path: string, body: unknown) {
    const headers = { 'content-type': 'application/json' };
    return call<T>(path, { method: 'POST', headers, body: JSON.stringify(body) });
  }

  const search = (query: string) => call<SearchData>(`/api/v2/persons/search?${query}`);
  const searchPhone = (term: string) => search(`term=${encodeURIComponent(term)}&fields=phone`);
  const ids = (json: PdBody<SearchData>): number[] => json.data.items.map((i) => i.item.id);

  return { auth, call, post, search, searchPhone, ids };
}
