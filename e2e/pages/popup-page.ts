import type { Locator, Page } from '@playwright/test';

/** The action popup, opened as a tab (Playwright cannot click the toolbar button). */
export class PopupPage {
  readonly version: Locator;
  readonly number: Locator;
  readonly lookupButton: Locator;
  readonly refreshButton: Locator;
  /** "Looking up …" while a lookup runs. */
  readonly lookupStatus: Locator;
  /** The number the results shown are for. */
  readonly displayNumber: Locator;
  readonly cards: Locator;
  readonly source: Locator;
  /** What the lookup says beside its contacts (saved, not fresh; more than shown). */
  readonly note: Locator;
  readonly error: Locator;
  /** The problem with the typed number, shown under the field and tied to it. */
  readonly numberError: Locator;
  readonly connection: Locator;
  readonly openSoftphone: Locator;
  readonly softphoneError: Locator;
  readonly logCall: Locator;
  readonly createContact: Locator;
  /** Asks before a new lookup drops a form with something typed in it. */
  readonly discardConfirm: Locator;
  readonly keepEditing: Locator;
  readonly discardAndLookUp: Locator;
  /** The last calls, shown while no number is looked up. */
  readonly recentCalls: Locator;
  /** After a log: what was logged, with Done and Log another. */
  readonly logged: Locator;
  readonly done: Locator;
  readonly logAnother: Locator;

  constructor(readonly page: Page) {
    this.version = page.getByTestId('version');
    this.number = page.getByLabel('Phone number');
    this.lookupButton = page.getByRole('button', { name: 'Look up' });
    this.refreshButton = page.getByRole('button', { name: 'Refresh' });
    this.lookupStatus = page.getByTestId('lookup-status');
    this.displayNumber = page.getByTestId('display-number');
    this.cards = page.getByTestId('contact-card');
    this.source = page.getByTestId('lookup-source');
    this.note = page.getByTestId('lookup-note');
    this.error = page.getByTestId('popup-error');
    this.numberError = page.getByTestId('number-error');
    this.connection = page.getByTestId('connection');
    this.openSoftphone = page.getByRole('button', { name: /^(Open softphone|Opening…)$/ });
    this.softphoneError = page.getByTestId('softphone-error');
    this.logCall = page.getByRole('button', { name: 'Log call' });
    this.createContact = page.getByRole('button', { name: 'Create new contact...' });
    this.discardConfirm = page.getByTestId('discard-confirm');
    this.keepEditing = this.discardConfirm.getByRole('button', { name: 'Keep editing' });
    this.discardAndLookUp = this.discardConfirm.getByRole('button', {
      name: 'Discard and look up',
    });
    this.recentCalls = page.getByTestId('recent-call');
    this.logged = page.getByTestId('call-logged');
    this.done = page.getByRole('button', { name: 'Done' });
    this.logAnother = page.getByRole('button', { name: 'Log another' });
  }

  /** The popup's saved form draft, as stored in session storage (src/entrypoints/popup/draft.ts). */
  async storedDraft(): Promise<unknown> {
    return this.page.evaluate(async () => {
      const stored = await chrome.storage.session.get('popupDraft@v1');
      return stored['popupDraft@v1'] ?? null;
    });
  }

  /**
   * Closes this popup and opens it again in a new page, as clicking outside the real popup and
   * then the toolbar button does.
   */
  async reopen(extensionUrl: (path: string) => string): Promise<PopupPage> {
    const context = this.page.context();
    await this.page.close();
    return PopupPage.open(await context.newPage(), extensionUrl);
  }

  static async open(page: Page, extensionUrl: (path: string) => string): Promise<PopupPage> {
    await page.goto(extensionUrl('src/entrypoints/popup/index.html'));
    return new PopupPage(page);
  }

  async lookUp(number: string): Promise<void> {
    await this.number.fill(number);
    await this.lookupButton.click();
  }

  /** Types `number` into the field and presses Enter, as a person does. */
  async typeAndEnter(number: string): Promise<void> {
    await this.number.fill(number);
    await this.number.press('Enter');
  }

  /**
   * Starts recording every contact name the popup ever shows, so a test can tell that a name
   * never appeared, even for a moment; read them with `namesShown`.
   */
  async recordNamesShown(): Promise<void> {
    await this.page.evaluate(() => {
      const seen = new Set<string>();
      const record = () => {
        for (const card of document.querySelectorAll('[data-testid="contact-card"]')) {
          seen.add(card.getAttribute('aria-label') ?? '');
        }
      };
      record();
      new MutationObserver(record).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
      });
      (window as unknown as { namesShown: () => string[] }).namesShown = () => [...seen];
    });
  }

  namesShown(): Promise<string[]> {
    return this.page.evaluate(() =>
      (window as unknown as { namesShown: () => string[] }).namesShown(),
    );
  }

  card(name: string): Locator {
    return this.cards.filter({ has: this.page.getByRole('heading', { name }) });
  }
}
