import type { Locator, Page } from '@playwright/test';

/** The options page, opened as a tab. Locators go by visible labels, as a user would. */
export class OptionsPage {
  readonly saveStatus: Locator;
  readonly crm: Locator;
  readonly connectionOutcome: Locator;
  readonly connectionNotice: Locator;
  readonly connected: Locator;
  readonly defaultCountry: Locator;
  readonly extensionLookup: Locator;
  readonly incoming: Locator;
  readonly outgoing: Locator;
  readonly severalMatch: Locator;
  readonly popOpens: Locator;
  readonly fallbackUrl: Locator;
  readonly matchTtl: Locator;
  readonly noMatchTtl: Locator;
  readonly cacheCount: Locator;
  readonly cacheOutcome: Locator;
  readonly softphoneUrl: Locator;
  readonly requestTimeout: Locator;

  constructor(readonly page: Page) {
    this.saveStatus = page.getByTestId('save-status');
    this.crm = page.getByLabel('CRM', { exact: true });
    this.connectionOutcome = page.getByTestId('connection-outcome');
    this.connectionNotice = page.getByTestId('connection-notice');
    this.connected = page.getByTestId('connected');
    this.defaultCountry = page.getByLabel('Default country');
    this.extensionLookup = page.getByLabel('Look up internal extension numbers');
    this.incoming = page.getByLabel('Incoming calls');
    this.outgoing = page.getByLabel('Outgoing calls');
    this.severalMatch = page.getByLabel('When several contacts match');
    this.popOpens = page.getByLabel('A pop opens');
    this.fallbackUrl = page.getByLabel('Page to open when no contact matches (optional)');
    this.matchTtl = page.getByLabel('Keep a match for (minutes)');
    this.noMatchTtl = page.getByLabel('Keep a no-match for (minutes)');
    this.cacheCount = page.getByTestId('cache-count');
    this.cacheOutcome = page.getByTestId('cache-outcome');
    this.softphoneUrl = page.getByLabel('Softphone address');
    this.requestTimeout = page.getByLabel('Wait for the CRM for (seconds)');
  }

  static async open(page: Page, extensionUrl: (path: string) => string): Promise<OptionsPage> {
    await page.goto(extensionUrl('src/entrypoints/options/index.html'));
    const options = new OptionsPage(page);
    await options.defaultCountry.waitFor();
    await options.openAdvanced();
    return options;
  }

  /** Every setting within reach, as after opening "Advanced settings" (without moving focus). */
  async openAdvanced(): Promise<void> {
    await this.page.getByTestId('advanced').evaluate((details: HTMLDetailsElement) => {
      details.open = true;
    });
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  format(slot: 1 | 2 | 3): Locator {
    return this.page.getByLabel(`Format ${slot}`, { exact: true });
  }

  formatExample(slot: 1 | 2 | 3): Locator {
    return this.page.getByTestId(`format-example-${slot}`);
  }

  /** The error shown next to a field (tied to it by aria-describedby). */
  errorOf(field: Locator): Locator {
    return field.locator('xpath=following-sibling::p[contains(@class,"field-error")]');
  }

  resolver(label: string): Locator {
    return this.page.getByRole('radio', { name: label });
  }

  async fillConnection(values: Record<string, string>): Promise<void> {
    for (const [label, value] of Object.entries(values)) await this.field(label).fill(value);
  }

  async testConnection(): Promise<void> {
    await this.page.getByRole('button', { name: 'Test connection' }).click();
  }

  async connect(): Promise<void> {
    await this.page.getByRole('button', { name: 'Connect', exact: true }).click();
  }

  async disconnect(): Promise<void> {
    await this.page.getByRole('button', { name: 'Disconnect', exact: true }).click();
    await this.page.getByRole('button', { name: 'Yes, disconnect' }).click();
  }

  async clearCache(): Promise<void> {
    await this.page.getByRole('button', { name: 'Clear cached contacts' }).click();
  }

  /** Moves focus away so a debounced text field commits now. */
  async commit(field: Locator): Promise<void> {
    await field.blur();
  }
}
