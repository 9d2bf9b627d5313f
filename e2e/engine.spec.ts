/**
 * The contact engine through the real service worker, against the CRM emulators: matches, the
 * cache, forced refresh, created contacts, shared in-flight requests, 429 handling, and every
 * failure said in plain words with the cache left intact.
 */
import type { Page } from '@playwright/test';
import {
  INSIGHTLY_CONTACTS,
  INSIGHTLY_NUMBERS,
  startInsightly,
  type InsightlyEmulator,
} from './emulators/insightly.ts';
import {
  PIPEDRIVE_NUMBERS,
  PIPEDRIVE_PERSONS,
  startPipedrive,
  type PipedriveEmulator,
} from './emulators/pipedrive.ts';
import type { FaultSpec } from './emulators/faults.ts';
import { expect, test } from './fixtures';
import { connect, insightlyDraft, pipedriveDraft } from './support/connect';
import { updateSettings } from './support/demo-setup';
import { sendRaw, sendRequest } from './support/requests';

const SEARCH = { method: 'GET', path: '/api/v2/persons/search' };

let pd: PipedriveEmulator;
test.beforeEach(async () => {
  pd = await startPipedrive({ rateLimit: { limit: 10_000 } });
});
test.afterEach(async () => {
  await pd.close();
});

const lookup = (page: Page, phoneNumber: string, force = false) =>
  sendRequest(page, 'contact.lookup', { phoneNumber, force });

test('one, several and no matches; a second lookup is a cache hit that asks the CRM nothing', async ({
  page,
  extensionUrl,
}) => {
  await connect(page, extensionUrl, pipedriveDraft(pd.url));
  pd.log.clear();

  const one = await lookup(page, PIPEDRIVE_NUMBERS.bob);
  expect(one.contacts.map((c) => c.name)).toEqual([PIPEDRIVE_PERSONS.bob.name]);
  expect(one).toMatchObject({ source: 'crm', stale: false, canCreate: true, returnMessage: null });
  expect(one.contacts[0]?.createdDate).toBeTruthy();
  expect(one.contacts[0]?.pageUrl).toBe(`${pd.url}/person/${PIPEDRIVE_PERSONS.bob.id}`);
  // One search and one batched persons request; deals and leads wait for the log form.
  expect(pd.log.count(SEARCH)).toBe(1);
  expect(pd.log.count({ path: '/api/v2/persons' })).toBe(1);
  expect(pd.log.count({ path: /deals|leads/ })).toBe(0);

  const again = await lookup(page, PIPEDRIVE_NUMBERS.bob);
  expect(again.source).toBe('cache');
  expect(again.contacts.map((c) => c.name)).toEqual([PIPEDRIVE_PERSONS.bob.name]);
  expect(pd.log.count(SEARCH)).toBe(1);

  // Two people share a number: earliest created first, and the page says why.
  const several = await lookup(page, PIPEDRIVE_NUMBERS.shared);
  expect(several.contacts.map((c) => c.name)).toEqual([
    PIPEDRIVE_PERSONS.carol.name,
    PIPEDRIVE_PERSONS.dan.name,
  ]);
  expect(several.resolution?.resolver).toBe('earliestCreated');

  const none = await lookup(page, PIPEDRIVE_NUMBERS.unknown);
  expect(none.contacts).toEqual([]);
  expect(none.canCreate).toBe(true);
  expect(none.returnMessage).toMatchObject({
    message: 'Contact not found',
    messageType: 'warning',
  });

  // A match without a creation date: no earliest-created pick, and a warning that says why.
  pd.data.addPerson({
    name: 'Ivan Twin',
    phones: [PIPEDRIVE_NUMBERS.noAddTime],
    add_time: '2020-01-01T00:00:00Z',
  });
  const undated = await lookup(page, PIPEDRIVE_NUMBERS.noAddTime);
  expect(undated.contacts).toHaveLength(2);
  expect(undated.resolution).toBeNull();
  expect(undated.returnMessage?.messageType).toBe('warning');
  expect(undated.returnMessage?.message).toContain(PIPEDRIVE_PERSONS.ivy.name);
});

test('forced refresh shows a rename, keeps the entry when the CRM fails, and drops a deleted contact', async ({
  page,
  extensionUrl,
}) => {
  await connect(page, extensionUrl, pipedriveDraft(pd.url));
  const alice = PIPEDRIVE_PERSONS.alice;
  await lookup(page, PIPEDRIVE_NUMBERS.alice);

  pd.data.renamePerson(alice.id, 'Alice Renamed');
  expect((await lookup(page, PIPEDRIVE_NUMBERS.alice)).contacts[0]?.name).toBe(alice.name);
  expect((await lookup(page, PIPEDRIVE_NUMBERS.alice, true)).contacts[0]?.name).toBe(
    'Alice Renamed',
  );

  pd.faults.add({ ...SEARCH, kind: 'status', status: 500 });
  const failed = await lookup(page, PIPEDRIVE_NUMBERS.alice, true);
  expect(failed).toMatchObject({ stale: true, source: 'cache' });
  expect(failed.contacts[0]?.name).toBe('Alice Renamed');
  expect(failed.returnMessage?.message).toMatch(/unavailable.*saved earlier/);
  expect((await lookup(page, PIPEDRIVE_NUMBERS.alice)).source).toBe('cache');

  pd.data.deletePerson(alice.id);
  const gone = await lookup(page, PIPEDRIVE_NUMBERS.alice, true);
  expect(gone.contacts).toEqual([]);
  // The removed match is not served again from the cache.
  expect((await lookup(page, PIPEDRIVE_NUMBERS.alice)).contacts).toEqual([]);
});

test('a created contact pops at once, before the CRM indexes it; 20 identical lookups share one request', async ({
  page,
  extensionUrl,
}) => {
  await connect(page, extensionUrl, pipedriveDraft(pd.url));
  pd.data.setIndexDelay(60_000); // the CRM's search will not see new people for a minute

  const created = await sendRequest(page, 'contact.create', {
    phoneNumber: PIPEDRIVE_NUMBERS.unknown,
    newContactName: 'Nadia New',
    newContactType: 'person',
    requestId: 'create-1',
  });
  expect(created.contact.name).toBe('Nadia New');
  pd.log.clear();
  const popped = await lookup(page, PIPEDRIVE_NUMBERS.unknown);
  expect(popped.contacts.map((c) => c.name)).toEqual(['Nadia New']);
  expect(pd.log.count(SEARCH)).toBe(0);

  pd.setLatency(150);
  pd.log.clear();
  const results = await page.evaluate(async (phoneNumber) => {
    const asks = Array.from({ length: 20 }, () =>
      chrome.runtime.sendMessage({
        channel: 'callpop/v1',
        name: 'contact.lookup',
        payload: { phoneNumber },
      }),
    );
    return (await Promise.all(asks)) as { ok: boolean; value: { contacts: { name: string }[] } }[];
  }, PIPEDRIVE_NUMBERS.kevinMobile);
  expect(
    results.every((r) => r.ok && r.value.contacts[0]?.name === PIPEDRIVE_PERSONS.kevin.name),
  ).toBe(true);
  expect(pd.log.count(SEARCH)).toBe(1);
});

test('a 429 is retried after Retry-After, then the match arrives', async ({
  page,
  extensionUrl,
}) => {
  await connect(page, extensionUrl, pipedriveDraft(pd.url));
  pd.log.clear();
  pd.faults.add({ ...SEARCH, kind: 'rateLimit', retryAfterSec: 1 });
  const result = await lookup(page, PIPEDRIVE_NUMBERS.bob);
  expect(result.contacts.map((c) => c.name)).toEqual([PIPEDRIVE_PERSONS.bob.name]);
  expect(pd.log.find(SEARCH).map((e) => e.status)).toEqual([429, 200]);
});

const FAULTS: [string, FaultSpec, RegExp][] = [
  ['401', { kind: 'status', status: 401 }, /rejected the saved credentials/],
  ['403', { kind: 'status', status: 403 }, /refused access/],
  ['404', { kind: 'status', status: 404 }, /domain or API URL looks wrong/],
  ['429 past the deadline', { kind: 'rateLimit', retryAfterSec: 60 }, /rate limiting/],
  ['500', { kind: 'status', status: 500 }, /unavailable/],
  ['502', { kind: 'status', status: 502 }, /unavailable/],
  ['503', { kind: 'status', status: 503 }, /unavailable/],
  ['timeout', { kind: 'delay', delayMs: 6000 }, /did not answer in time/],
  ['dropped connection', { kind: 'drop' }, /Could not reach/],
  ['invalid JSON', { kind: 'malformed' }, /cannot read/],
  ['HTML body', { kind: 'html' }, /cannot read/],
  ['empty body', { kind: 'empty' }, /cannot read/],
];

test('every CRM failure is said in plain words, never as "not found", and the cache stays', async ({
  page,
  extensionUrl,
}) => {
  test.setTimeout(120_000);
  await connect(page, extensionUrl, pipedriveDraft(pd.url));
  await updateSettings(page, { requestTimeoutSeconds: 3 });
  await lookup(page, PIPEDRIVE_NUMBERS.bob);

  for (const [label, fault, wording] of FAULTS) {
    await test.step(label, async () => {
      pd.faults.add({ ...SEARCH, ...fault });
      const cached = await lookup(page, PIPEDRIVE_NUMBERS.bob, true);
      expect(cached.stale, label).toBe(true);
      expect(
        cached.contacts.map((c) => c.name),
        label,
      ).toEqual([PIPEDRIVE_PERSONS.bob.name]);
      expect(cached.returnMessage?.message, label).toMatch(wording);

      pd.faults.add({ ...SEARCH, ...fault });
      const fresh = await lookup(page, PIPEDRIVE_NUMBERS.unknown, true);
      expect(fresh.contacts, label).toEqual([]);
      expect(fresh.returnMessage?.messageType, label).toBe('danger');
      expect(fresh.returnMessage?.message, label).toMatch(wording);
      expect(fresh.returnMessage?.message, label).not.toMatch(/not found/i);

      expect((await lookup(page, PIPEDRIVE_NUMBERS.bob)).source, label).toBe('cache');
    });
  }

  // A refused connection: nothing listens at the CRM's address any more.
  const address = pd.url;
  await pd.close();
  const refused = await lookup(page, PIPEDRIVE_NUMBERS.bob, true);
  expect(refused.stale).toBe(true);
  expect(refused.returnMessage?.message).toMatch(/Could not reach/);
  pd = await startPipedrive({ port: Number(new URL(address).port) });
});

test('Insightly: a "+" survives the wire, overriding formats are searched, extensions are not looked up', async ({
  page,
  extensionUrl,
}) => {
  const is: InsightlyEmulator = await startInsightly();
  try {
    await connect(page, extensionUrl, insightlyDraft(is.url));
    is.log.clear();
    const found = await lookup(page, INSIGHTLY_NUMBERS.mayaNoah);
    const values = is.log.entries.map((e) => e.query.field_value);
    expect(values).toContain(INSIGHTLY_NUMBERS.mayaNoah); // '+1415…' arrived with its '+'
    expect(found.contacts.map((c) => c.name)).toContain(
      `${INSIGHTLY_CONTACTS.maya.first} ${INSIGHTLY_CONTACTS.maya.last}`,
    );

    await updateSettings(page, { overridingFormats: ['###.###.####'] });
    is.log.clear();
    await lookup(page, INSIGHTLY_NUMBERS.olivia, true);
    expect(is.log.entries.map((e) => e.query.field_value)).toContain('415.555.0155');

    is.log.clear();
    const extension = await sendRaw(page, 'contact.lookup', { phoneNumber: '204' });
    expect(extension.ok && extension.value.returnMessage?.message).toMatch(
      /Extension numbers are not looked up/,
    );
    expect(is.log.entries).toHaveLength(0);
  } finally {
    await is.close();
  }
});
