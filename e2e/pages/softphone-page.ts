import type { Frame, Locator, Page } from '@playwright/test';
import { SOFTPHONE_PAGE } from '../support/demo-setup';

interface FakeState {
  registrations: { service: Record<string, unknown> }[];
  responses: unknown[];
  eventTimes: number[];
  /** The numbers of each rc-adapter-trigger-contact-match CallPop sent. */
  triggers: string[][];
}

type MatchResponse = { data: Record<string, { id: number | string; name: string }[]> };

/** CallPop's softphone window and the fake softphone framed in it. */
export class SoftphonePage {
  readonly status: Locator;

  constructor(
    readonly page: Page,
    readonly softphoneOrigin: string,
  ) {
    this.status = page.getByTestId('softphone-status');
  }

  static async open(
    page: Page,
    extensionUrl: (path: string) => string,
    softphoneOrigin: string,
  ): Promise<SoftphonePage> {
    await page.goto(extensionUrl(SOFTPHONE_PAGE));
    const softphone = new SoftphonePage(page, softphoneOrigin);
    await softphone.frame();
    return softphone;
  }

  /** The fake softphone frame, once its script is running. */
  async frame(): Promise<Frame> {
    const iframe = this.page.locator('#frame-host iframe');
    await iframe.waitFor();
    const frame = await (await iframe.elementHandle()).contentFrame();
    if (!frame) throw new Error('The softphone frame did not load.');
    await frame.waitForFunction(() => 'fakeSoftphone' in window);
    return frame;
  }

  async state(): Promise<FakeState> {
    const frame = await this.frame();
    return frame.evaluate(
      () => (window as unknown as { fakeSoftphone: { state: FakeState } }).fakeSoftphone.state,
    );
  }

  async match(phoneNumbers: string[], triggerFrom?: 'manual'): Promise<MatchResponse> {
    const frame = await this.frame();
    return frame.evaluate(
      ([numbers, trigger]) =>
        (
          window as unknown as {
            fakeSoftphone: { match: (n: string[], t?: string) => Promise<MatchResponse> };
          }
        ).fakeSoftphone.match(numbers, trigger),
      [phoneNumbers, triggerFrom] as const,
    );
  }

  /** Starts a simulated call; returns its sessionId. */
  async startCall(direction: 'Inbound' | 'Outbound', number: string): Promise<string> {
    const frame = await this.frame();
    return frame.evaluate(
      ([d, n]) =>
        (
          window as unknown as { fakeSoftphone: { startCall: (d: string, n: string) => string } }
        ).fakeSoftphone.startCall(d, n),
      [direction, number] as const,
    );
  }

  /** Posts the current call's next status (CallConnected, NoCall) or repeats it. */
  async setStatus(status: 'Ringing' | 'CallConnected' | 'NoCall'): Promise<void> {
    const frame = await this.frame();
    await frame.evaluate(
      (s) =>
        (
          window as unknown as { fakeSoftphone: { setStatus: (s: string) => void } }
        ).fakeSoftphone.setStatus(s),
      status,
    );
  }
}
