import type { Locator, Page } from '@playwright/test';

/** The action popup, opened as a tab (Playwright cannot click the toolbar button). */
export class PopupPage {
  readonly version: Locator;

  constructor(readonly page: Page) {
    this.version = page.getByTestId('version');
  }

  static async open(page: Page, extensionUrl: (path: string) => string): Promise<PopupPage> {
    await page.goto(extensionUrl('src/popup/index.html'));
    return new PopupPage(page);
  }
}
