import type { BrowserContext, Locator, Page } from '@playwright/test';
import { ringing, sendCallEvent } from '../support/connect';

export const CALLPOP_PATH = '/src/entrypoints/callpop/index.html';

/** The call-pop window the worker opens for a call (a popup window: a page of the context). */
export class CallPopPage {
  readonly number: Locator;
  readonly cards: Locator;
  readonly refreshButton: Locator;
  readonly logCallButton: Locator;
  readonly resolution: Locator;
  /** The logged state: what was logged, and Log another in place of Log call. */
  readonly logged: Locator;
  readonly logAnotherButton: Locator;

  constructor(readonly page: Page) {
    this.number = page.getByTestId('call-number');
    this.cards = page.getByTestId('contact-card');
    this.refreshButton = page.getByRole('button', { name: 'Refresh' });
    this.logCallButton = page.getByRole('button', { name: 'Log call' });
    this.resolution = page.getByTestId('resolution');
    this.logged = page.getByTestId('call-logged');
    this.logAnotherButton = page.getByRole('button', { name: 'Log another' });
  }

  static windows(context: BrowserContext): Page[] {
    return context.pages().filter((p) => new URL(p.url()).pathname === CALLPOP_PATH);
  }

  /** Rings an inbound call from `from` (sent from `page`) and returns the window it pops. */
  static async ring(
    page: Page,
    context: BrowserContext,
    sessionId: string,
    from: string,
  ): Promise<CallPopPage> {
    await sendCallEvent(page, ringing(sessionId, from));
    return CallPopPage.waitFor(context, sessionId);
  }

  /** The call-pop window for `sessionId`, waiting for the worker to open it. */
  static async waitFor(context: BrowserContext, sessionId: string): Promise<CallPopPage> {
    const matches = (p: Page) => {
      const url = new URL(p.url());
      return url.pathname === CALLPOP_PATH && url.searchParams.get('session') === sessionId;
    };
    const page =
      context.pages().find(matches) ?? (await context.waitForEvent('page', { predicate: matches }));
    // The page rendered, rather than its load event: Playwright now and then attaches to a new
    // window too late to see that event, and would wait for it forever.
    await page.locator('main').waitFor();
    return new CallPopPage(page);
  }
}
