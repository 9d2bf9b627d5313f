import type { Frame, Locator, Page } from '@playwright/test';
import { SOFTPHONE_PAGE } from '../support/demo-setup';

interface FakeState {
  registrations: { service: Record<string, unknown> }[];
  responses: unknown[];
  eventTimes: number[];
  ringTimes: number[];
  /** The numbers of each rc-adapter-trigger-contact-match CallPop sent. */
  triggers: string[][];
}

type MatchResponse = { data: Record<string, { id: number | string; name: string }[]> };

export interface StartOptions {
  callerName?: string;
  /** Rung in this browser (default for inbound calls): a ring notice first. */
  webphone?: boolean;
  /** false: the ring notice alone, no presence notice. */
  presence?: boolean;
  telephonySessionId?: string;
}

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

  /** Calls `window.fakeSoftphone[name](...args)` in the fake softphone frame. */
  private async fake<T>(name: string, ...args: unknown[]): Promise<T> {
    const frame = await this.frame();
    return frame.evaluate(
      ([n, a]) =>
        (window as unknown as { fakeSoftphone: Record<string, (...x: unknown[]) => unknown> })
          .fakeSoftphone[n]!(...a) as T,
      [name, args] as const,
    );
  }

  async state(): Promise<FakeState> {
    const frame = await this.frame();
    return frame.evaluate(
      () => (window as unknown as { fakeSoftphone: { state: FakeState } }).fakeSoftphone.state,
    );
  }

  /** The widget's /contacts/match; `callerIds`: the carrier's names, as the widget sends them. */
  match(
    phoneNumbers: string[],
    triggerFrom?: 'manual',
    callerIds: Record<string, string> = {},
  ): Promise<MatchResponse> {
    return this.fake('match', phoneNumbers, triggerFrom, callerIds);
  }

  /**
   * Starts a call as the widget reports one: an inbound browser call with the ring notice, then
   * presence; other calls by presence only. Returns its telephony session id (CallPop's key).
   */
  startCall(direction: 'Inbound' | 'Outbound', number: string, options: StartOptions = {}) {
    return this.fake<string>('startCall', direction, number, options);
  }

  /** Posts the current call's next presence status, or repeats it. */
  async setStatus(status: 'Ringing' | 'CallConnected' | 'OnHold' | 'NoCall'): Promise<void> {
    await this.fake('setStatus', status);
  }

  /** Ends the current call by one signal only. */
  async endCall(by: 'webphone' | 'telephony' | 'presence'): Promise<void> {
    await this.fake('endCall', by);
  }

  /** Posts a message from the fake softphone to CallPop, as Embeddable would. */
  async post(message: unknown): Promise<void> {
    await this.fake('post', message);
  }

  /**
   * Posts an inbound call's presence notice of the test's own (several calls at once, or a
   * caller name), in the widget's shape: `sessionId` is the telephony session id.
   */
  async notifyCall(call: CallNotice): Promise<void> {
    await this.post({
      type: 'rc-active-call-notify',
      call: {
        direction: 'Inbound',
        from: { phoneNumber: call.from },
        to: { phoneNumber: '+16505550100' },
        startTime: Date.now(),
        telephonyStatus: call.status,
        sessionId: String(Math.floor(Math.random() * 1e12)),
        telephonySessionId: call.sessionId,
        partyId: `p-${call.sessionId}`,
        terminationType: call.status === 'NoCall' ? 'final' : 'intermediate',
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
