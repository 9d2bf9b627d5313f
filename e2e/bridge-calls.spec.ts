/**
 * Calls the way a busy line has them, through the real bridge and worker: call waiting and
 * swapping back, a transfer to another party, and a call notice the bridge cannot read.
 */
import { PIPEDRIVE_NUMBERS, PIPEDRIVE_PERSONS } from './emulators/pipedrive';
import { expect } from './fixtures';
import { CallPopPage } from './pages/callpop-page';
import { test } from './softphone-fixtures';
import { callPopPages } from './support/demo-setup';

const a = { sessionId: 'call-a', from: PIPEDRIVE_NUMBERS.alice };
const b = { sessionId: 'call-b', from: PIPEDRIVE_NUMBERS.bob };

test('call waiting: after swapping back, "Show call window" shows the call the person is on', async ({
  softphone,
  context,
}) => {
  await softphone.notifyCall({ ...a, status: 'Ringing' });
  await softphone.notifyCall({ ...a, status: 'CallConnected' });
  const first = await CallPopPage.waitFor(context, a.sessionId);
  await softphone.notifyCall({ ...b, status: 'Ringing' });
  const second = await CallPopPage.waitFor(context, b.sessionId);
  await softphone.notifyCall({ ...a, status: 'OnHold' });
  await softphone.notifyCall({ ...b, status: 'CallConnected' });
  await softphone.notifyCall({ ...b, status: 'OnHold' });
  await softphone.notifyCall({ ...a, status: 'CallConnected' });
  await expect(second.page.getByText(PIPEDRIVE_PERSONS.bob.name).first()).toBeVisible();
  await first.page.close();
  await second.page.close();

  await expect.poll(() => callPopPages(context)).toHaveLength(0);
  await softphone.showCall.click();
  const shown = await CallPopPage.waitFor(context, a.sessionId);
  await expect(shown.page.getByText(PIPEDRIVE_PERSONS.alice.name).first()).toBeVisible();
});

test('a transfer to another party keeps the window and says who the call is with now', async ({
  softphone,
  context,
}) => {
  await softphone.notifyCall({ ...a, status: 'Ringing' });
  const window = await CallPopPage.waitFor(context, a.sessionId);
  await softphone.notifyCall({ ...a, status: 'CallConnected' });
  await softphone.notifyCall({ ...a, from: PIPEDRIVE_NUMBERS.bob, status: 'CallConnected' });
  await expect(softphone.status).toHaveText(
    'This call is now with +1 415 555 0102; CallPop still shows +1 415 555 0101, the caller it popped for.',
  );
  await expect(window.page.getByText(PIPEDRIVE_PERSONS.alice.name).first()).toBeVisible();
  expect(callPopPages(context)).toHaveLength(1);
  await expect(softphone.showCall).toBeVisible();
});

test('a call notice with a direction the bridge does not know says why it did not pop', async ({
  softphone,
  context,
}) => {
  await softphone.post({
    type: 'rc-active-call-notify',
    call: {
      telephonySessionId: 'lower-case',
      direction: 'inbound',
      telephonyStatus: 'Ringing',
      from: { phoneNumber: PIPEDRIVE_NUMBERS.alice },
    },
  });
  await expect(softphone.status).toHaveText(
    'No call pop: the softphone sent a call whose direction is "inbound", not Inbound or Outbound.',
  );
  expect(callPopPages(context)).toHaveLength(0);
});
