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

/** A call notice written by the test: what the fake's one simulated call cannot do. */
export interface CallNotice {
  sessionId: string;
  status: 'Ringing' | 'CallConnected' | 'OnHold' | 'NoCall';
  /** The caller's number (inbound calls). */
  from: string;
  fromName?: string;
}

/** CallPop's softphone window and the fake softphone framed in it. */
export class SoftphonePage {
  readonly status: Locator;
  readonly showCall: Locator;

  constructor(
    readonly page: Page,
    readonly softphoneOrigin: string,
  ) {
    this.status = page.getByTestId('softphone-status');
    this.showCall = page.getByRole('button', { name: 'Show call window' });
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

  /** Posts a message from the fake softphone to CallPop, as Embeddable would. */
  async post(message: unknown): Promise<void> {
    const frame = await this.frame();
    await frame.evaluate(
      (m) =>
        (window as unknown as { fakeSoftphone: { post: (m: unknown) => void } }).fakeSoftphone.post(
          m,
        ),
      message,
    );
  }

  /**
   * Posts an inbound call notice of the test's own: several calls at once, or a caller name,
   * which the fake's one simulated call does not have.
   */
  async notifyCall(call: CallNotice): Promise<void> {
    await this.post({
      type: 'rc-active-call-notify',
      call: {
        sessionId: call.sessionId,
        direction: 'Inbound',
        telephonyStatus: call.status,
        from: { phoneNumber: call.from },
        to: { phoneNumber: '+16505550100' },
        ...(call.fromName === undefined ? {} : { fromName: call.fromName }),
      },
    });
  }

  /** Posts a widget request (such as /contacts/view) CallPop answers to the fake. */
  async widgetRequest(path: string, body: unknown): Promise<void> {
    await this.post({
      type: 'rc-post-message-request',
      requestId: `test-${Math.random().toString(36).slice(2)}`,
      path,
      body,
    });
  }
}
