/**
 * What the framed softphone may do to CallPop's softphone window: a compromised or hostile
 * softphone origin keeps its own frame, and never replaces the window around it.
 */
import { PIPEDRIVE_NUMBERS, PIPEDRIVE_PERSONS } from './emulators/pipedrive';
import { expect } from './fixtures';
import { test } from './softphone-fixtures';

test("the softphone cannot navigate CallPop's window away, even on a click, and still works", async ({
  softphone,
  fakeServer,
}) => {
  const windowUrl = softphone.page.url();
  const frame = await softphone.frame();
  // A click in the frame gives it user activation, which lets an unsandboxed frame navigate
  // the top window, here to a look-alike page of the softphone's own server.
  await frame.evaluate((target) => {
    document.body.addEventListener(
      'click',
      () => {
        try {
          window.top!.location.href = target;
        } catch {
          // Refused: what this test wants.
        }
      },
      { once: true },
    );
  }, `${fakeServer.origin}/look-alike`);
  await frame.locator('body').click({ position: { x: 5, y: 5 } });
  await softphone.page.waitForTimeout(1_000);
  expect(softphone.page.url()).toBe(windowUrl);

  // The sandbox keeps what the widget needs: its script, its origin and its messages.
  const answer = await softphone.match([PIPEDRIVE_NUMBERS.alice]);
  expect(answer.data[PIPEDRIVE_NUMBERS.alice]?.map((c) => c.name)).toEqual([
    PIPEDRIVE_PERSONS.alice.name,
  ]);
});
