/** User settings, stored once under `settings@v1` (see storage/keys.ts). */
import type { ResolverId } from '@/features/lookup/model/resolvers';

export type PopTrigger = 'off' | 'ring' | 'answer';
export type MultipleMatchBehavior = 'nothing' | 'openAll' | 'choose';

export const DEFAULT_SOFTPHONE_URL =
  'https://apps.ringcentral.com/integration/ringcentral-embeddable/latest/app.html';

export const DEFAULT_SETTINGS = {
  /** ISO country for numbers typed without a country code; '' for none. */
  defaultCountry: '',
  /** Up to three formats such as `(###) ###-####`, for CRMs that match numbers exactly. */
  overridingFormats: [] as string[],
  extensionLookup: false,
  callPop: {
    inbound: 'ring' as PopTrigger,
    outbound: 'off' as PopTrigger,
    multiple: 'choose' as MultipleMatchBehavior,
    openCrmPage: false,
    /** Opened when a popped call matches no contact; '' for none. */
    fallbackUrl: '',
  },
  resolver: 'earliestCreated' as ResolverId,
  cache: { matchTtlMinutes: 24 * 60, noMatchTtlMinutes: 5, maxEntries: 20_000 },
  requestTimeoutSeconds: 15,
  // clientId and appServer: the person's own RingCentral app, put in the widget URL;
  // accountCountry: the signed-in account's country, kept by the softphone window.
  softphone: { url: DEFAULT_SOFTPHONE_URL, clientId: '', appServer: '', accountCountry: '' },
};

export type Settings = typeof DEFAULT_SETTINGS;

/** Limits the options page validates against and the engine clamps to. */
export const SETTING_LIMITS = {
  matchTtlMinutes: { min: 1, max: 30 * 24 * 60 },
  noMatchTtlMinutes: { min: 0, max: 60 },
  maxEntries: { min: 100, max: 200_000 },
  requestTimeoutSeconds: { min: 3, max: 60 },
  overridingFormats: 3,
} as const;
