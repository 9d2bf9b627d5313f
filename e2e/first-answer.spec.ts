// The name people wait for comes with the CRM's first answer; what only orders the matches (the
// creation dates) follows and corrects the card in place.
import { expect, test } from './fixtures';
import { CallPopPage } from './pages/callpop-page';
import { ringing, sendCallEvent } from './support/connect';

const NUMBER = '+14155550191';
const PERSONS = '/api/v2/persons';
/** The lookup's requests: the account's users (owner names, at most daily) are not the lookup's. */
const lookupPaths = (log: { path: string }[]) =>
  log.map((e) => e.path).filter((path) => path !== '/v1/users');

test('names are painted from the search; the dates request then corrects the order', async ({
  pd,
  pdPage: page,
  context,
}) => {
  // The search lists Zara first (the older id); the resolver puts Adam (created earlier) first.
  pd.data.addPerson({
    name: 'Zara Late',
    phones: ['+1 415 555 0191'],
    add_time: '2024-06-01T00:00:00Z',
  });
  pd.data.addPerson({
    name: 'Adam Early',
    phones: ['+1 415 555 0191'],
    add_time: '2020-01-01T00:00:00Z',
  });
  pd.faults.add({ method: 'GET', path: PERSONS, kind: 'hold' });
  pd.log.clear();

  // "Let me choose" (the default) opens the window at once; the reply waits for the whole lookup.
  const reply = sendCallEvent(page, ringing('call-first', NUMBER));
  const pop = await CallPopPage.waitFor(context, 'call-first');
  await expect(pop.cards).toHaveCount(2);
  await expect(pop.cards.nth(0)).toContainText('Zara Late');
  await expect(pop.cards.nth(1)).toContainText('Adam Early');
  await expect(pop.resolution).toHaveText('Ordering…');
  // Painted while the dates request is still held: it was sent and has not been answered.
  expect(pd.held()).toBe(1);
  expect(pd.log.find({ path: PERSONS }).map((e) => e.status)).toEqual([0]);

  expect(pd.release()).toBe(1);
  await expect(pop.cards.nth(0)).toContainText('Adam Early');
  await expect(pop.cards.nth(1)).toContainText('Zara Late');
  await expect(pop.resolution).toContainText('Earliest created: Adam Early');
  await expect(reply).resolves.toMatchObject({ action: 'popped' });
  // Two requests for two matches, as before: the search, then one persons request.
  expect(lookupPaths(pd.log.entries)).toEqual(['/api/v2/persons/search', PERSONS]);
});

test('a number with one match asks once for its dates and pops its name', async ({
  pd,
  pdPage: page,
  context,
}) => {
  pd.data.addPerson({
    name: 'Olga Only',
    phones: ['+1 415 555 0192'],
    add_time: '2021-01-01T00:00:00Z',
  });
  pd.log.clear();
  const pop = await CallPopPage.ring(page, context, 'call-one-first', '+14155550192');
  await expect(pop.cards).toHaveCount(1);
  await expect(pop.cards.first()).toContainText('Olga Only');
  await expect(pop.resolution).toHaveCount(0);
  expect(lookupPaths(pd.log.entries)).toEqual(['/api/v2/persons/search', PERSONS]);

  pd.log.clear();
  await CallPopPage.ring(page, context, 'call-none-first', '+14155550193');
  // No match: the search alone.
  expect(lookupPaths(pd.log.entries)).toEqual(['/api/v2/persons/search']);
});
