/** User settings, stored once under `settings@v1` (see storage/keys.ts). */
import type { ResolverId } from '@/features/lookup/model/resolvers';

export type PopTrigger = 'off' | 'ring' | 'answer';
export type MultipleMatchBehavior = 'nothing' | 'openAll' | 'choose';

export interface Settings {
  /** ISO country used for numbers typed without a country code; '' for none. */
  defaultCountry: string;
  /** Up to three formats such as `(###) ###-####`, for CRMs that match numbers exactly. */
  overridingFormats: string[];
  /** Turns internal extension numbers into lookups instead of ignoring them. */
  extensionLookup: boolean;
  callPop: {
    inbound: PopTrigger;
    outbound: PopTrigger;
    multiple: MultipleMatchBehavior;
    /** Open the CRM's contact page on a pop, or only show CallPop's card. */
    openCrmPage: boolean;
    /** Opened when a popped call matches no contact; '' for none. */
    fallbackUrl: string;
  };
  /** How several matches are ordered and which one is first. */
  resolver: ResolverId;
  cache: {
    matchTtlMinutes: number;
    noMatchTtlMinutes: number;
    maxEntries: number;
  };
  requestTimeoutSeconds: number;
  softphone: {
    url: string;
    /** The client id and server of the user's own RingCentral app, put in the widget URL. */
    clientId: string;
    appServer: string;
    /** The signed-in RingCentral account's country (ISO), kept by the softphone window. */
    accountCountry: string;
  };
}

export const DEFAULT_SOFTPHONE_URL =
  'https://apps.ringcentral.com/integration/ringcentral-embeddable/latest/app.html';

export const DEFAULT_SETTINGS: Settings = {
  defaultCountry: '',
  overridingFormats: [],
  extensionLookup: false,
  callPop: {
    inbound: 'ring',
    outbound: 'off',
    multiple: 'choose',
    openCrmPage: false,
    fallbackUrl: '',
  },
  resolver: 'earliestCreated',
  cache: {
    matchTtlMinutes: 24 * 60,
    noMatchTtlMinutes: 5,
    maxEntries: 20_000,
  },
  requestTimeoutSeconds: 15,
  softphone: { url: DEFAULT_SOFTPHONE_URL, clientId: '', appServer: '', accountCountry: '' },
};

/** Limits the options page validates against and the engine clamps to. */
export const SETTING_LIMITS = {
  matchTtlMinutes: { min: 1, max: 30 * 24 * 60 },
  noMatchTtlMinutes: { min: 0, max: 60 },
  maxEntries: { min: 100, max: 200_000 },
  requestTimeoutSeconds: { min: 3, max: 60 },
  overridingFormats: 3,
} as const;
