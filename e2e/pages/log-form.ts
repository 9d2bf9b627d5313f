import type { Locator, Page } from '@playwright/test';

/** The log form, in the call-pop window or the popup. */
export class LogFormPage {
  readonly form: Locator;
  readonly contact: Locator;
  readonly newName: Locator;
  readonly contactType: Locator;
  readonly subject: Locator;
  readonly note: Locator;
  readonly save: Locator;
  readonly error: Locator;
  /** The one deal-or-lead choice (Pipedrive). */
  readonly linkTo: Locator;
  /** The error under the new contact's name, tied to the field. */
  readonly nameError: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByTestId('log-form');
    this.contact = this.form.getByRole('combobox', { name: 'Contact', exact: true });
    this.newName = this.form.getByLabel('New contact name');
    this.contactType = this.form.getByRole('combobox', { name: 'Contact type' });
    this.subject = this.form.getByLabel('Subject');
    this.note = this.form.getByLabel('Note');
    this.save = this.form.getByRole('button', { name: /^(Save|Saving…)$/ });
    this.error = this.form.getByRole('alert');
    this.linkTo = this.form.getByRole('combobox', { name: 'Link to' });
    this.nameError = this.form.getByTestId('name-error');
  }
}

/** A Save whose outcome is unclear: what was sent, read-only, with Retry and Discard. */
export class UnclearSavePage {
  readonly view: Locator;
  readonly message: Locator;
  readonly sent: Locator;
  readonly retry: Locator;
  readonly discard: Locator;

  constructor(readonly page: Page) {
    this.view = page.getByTestId('save-unclear');
    this.message = this.view.getByRole('alert');
    this.sent = this.view.getByTestId('save-sent');
    this.retry = this.view.getByRole('button', { name: /^(Retry|Retrying…)$/ });
    this.discard = this.view.getByRole('button', { name: 'Discard' });
  }
}
