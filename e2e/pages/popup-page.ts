import type { Locator, Page } from '@playwright/test';

/** The action popup, opened as a tab (Playwright cannot click the toolbar button). */
export class PopupPage {
  readonly version: Locator;
  readonly number: Locator;
  readonly lookupButton: Locator;
  readonly refreshButton: Locator;
  readonly cards: Locator;
  readonly source: Locator;
  /** What the lookup says beside its contacts (saved, not fresh; more than shown). */
  readonly note: Locator;
  readonly error: Locator;
  /** The problem with the typed number, shown under the field and tied to it. */
  readonly numberError: Locator;
  readonly connection: Locator;

  constructor(readonly page: Page) {
    this.version = page.getByTestId('version');
    this.number = page.getByLabel('Phone number');
    this.lookupButton = page.getByRole('button', { name: 'Look up' });
    this.refreshButton = page.getByRole('button', { name: 'Refresh' });
    this.cards = page.getByTestId('contact-card');
    this.source = page.getByTestId('lookup-source');
    this.note = page.getByTestId('lookup-note');
    this.error = page.getByTestId('popup-error');
    this.numberError = page.getByTestId('number-error');
    this.connection = page.getByTestId('connection');
  }

  static async open(page: Page, extensionUrl: (path: string) => string): Promise<PopupPage> {
    await page.goto(extensionUrl('src/popup/index.html'));
    return new PopupPage(page);
  }

  async lookUp(number: string): Promise<void> {
    await this.number.fill(number);
    await this.lookupButton.click();
  }

  card(name: string): Locator {
    return this.cards.filter({ has: this.page.getByRole('heading', { name }) });
  }
}
