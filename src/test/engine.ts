/**
 * Test support for the engine: a scriptable fake connector, deps with a controllable clock, and
 * a stored connection. Used by the engine's and handlers' unit tests only.
 */
import type {
  Connector,
  CreateCallLogArgs,
  CreateContactArgs,
  FindContactArgs,
} from '@/connectors/types';
import {
  CREATE_NEW_CONTACT,
  type Contact,
  type CreateContactResult,
  type CreatedContactInfo,
  type FindContactResult,
} from '@/features/lookup/model/contact';
import type { Connection } from '@/features/connection/model/connection';
import { DEFAULT_SETTINGS, type Settings } from '@/features/settings/model/settings';
import { connectionItem, settingsItem } from '@/platform/storage/keys';
import type { EngineDeps } from '@/connectors/deps';

export const CONNECTION: Connection = {
  platform: 'pipedrive',
  hostname: 'acme.pipedrive.com',
  credentials: { kind: 'apiToken', token: 'secret-token-123' },
  accountId: 'acct1',
  userId: 'u1',
  userName: 'Ada',
  connectedAt: 1,
};

export type FindScript = (args: FindContactArgs) => Promise<FindContactResult>;

export interface FakeConnector extends Connector {
  findCalls: FindContactArgs[];
  createCalls: CreateContactArgs[];
  logCalls: CreateCallLogArgs[];
  findLogCalls: CreateCallLogArgs[];
  find: FindScript;
  create: (args: CreateContactArgs) => Promise<CreateContactResult>;
  log: (args: CreateCallLogArgs) => Promise<{ logId: string }>;
  /** What findCallLog answers: by default, no earlier log. */
  findLog: (args: CreateCallLogArgs) => Promise<{ logId: string } | null>;
  findCreatedCalls: CreateContactArgs[];
  /** What findCreatedContact answers: by default, nothing created earlier. */
  findCreated: (args: CreateContactArgs) => Promise<CreatedContactInfo | null>;
}

export const found = (contacts: Contact[], placeholder = true): FindContactResult => ({
  successful: true,
  matchedContactInfo: placeholder ? [...contacts, CREATE_NEW_CONTACT] : contacts,
});

export function fakeConnector(): FakeConnector {
  const fake: FakeConnector = {
    manifest: {
      name: 'pipedrive',
      displayName: 'Pipedrive',
      contactTypes: [
        { display: 'Person', value: 'person' },
        { display: 'Lead', value: 'lead' },
      ],
      contactPageUrl: 'https://{hostname}/person/{contactId}',
      auth: { kinds: ['apiToken'] },
      settings: [],
      usesOverridingFormats: false,
    },
    findCalls: [],
    createCalls: [],
    logCalls: [],
    findLogCalls: [],
    findCreatedCalls: [],
    find: () => Promise.resolve(found([])),
    create: (args) =>
      Promise.resolve({
        contactInfo: { id: 900, name: args.newContactName, type: args.newContactType },
      }),
    log: () => Promise.resolve({ logId: 'log-1' }),
    findLog: () => Promise.resolve(null),
    findCreated: () => Promise.resolve(null),
    authHeader: (credentials) =>
      credentials.kind === 'apiToken' ? `Bearer ${credentials.token}` : 'Bearer ?',
    checkConnection: () => Promise.resolve({ accountId: 'acct1', userId: 'u1', userName: 'Ada' }),
    findContact(args) {
      fake.findCalls.push(args);
      return fake.find(args);
    },
    createContact(args) {
      fake.createCalls.push(args);
      return fake.create(args);
    },
    createCallLog(args) {
      fake.logCalls.push(args);
      return fake.log(args);
    },
    findCallLog(args) {
      fake.findLogCalls.push(args);
      return fake.findLog(args);
    },
    findCreatedContact(args) {
      fake.findCreatedCalls.push(args);
      return fake.findCreated(args);
    },
  };
  return fake;
}

export interface TestDeps extends EngineDeps {
  clock: { now: number };
  slept: number[];
}

/** Deps whose clock only moves when the test (or a sleep) moves it. */
export function testDeps(connector: Connector): TestDeps {
  const clock = { now: Date.UTC(2025, 0, 1) };
  const slept: number[] = [];
  return {
    clock,
    slept,
    getConnector: (platform) => (platform === connector.manifest.name ? connector : undefined),
    listConnectors: () => [connector],
    now: () => clock.now,
    sleep: (ms) => {
      slept.push(ms);
      clock.now += ms;
      return Promise.resolve();
    },
  };
}

export async function connect(settings: Partial<Settings> = {}): Promise<void> {
  await connectionItem.set(CONNECTION);
  await settingsItem.set({ ...DEFAULT_SETTINGS, ...settings });
}

/** A fresh fake connector and its deps, with the connection stored: each test's starting point. */
export async function connectedEngine(
  settings: Partial<Settings> = {},
): Promise<{ connector: FakeConnector; deps: TestDeps }> {
  const connector = fakeConnector();
  const deps = testDeps(connector);
  await connect(settings);
  return { connector, deps };
}

export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** An axios-like HTTP error, as classifyError reads it. */
export function httpError(status: number, headers: Record<string, string> = {}): Error {
  return Object.assign(new Error(`HTTP ${status}`), {
    isAxiosError: true,
    response: { status, headers, data: {} },
    code: status >= 500 ? 'ERR_BAD_RESPONSE' : 'ERR_BAD_REQUEST',
  });
}

/** The number most engine tests look up, its cache id under CONNECTION, and two people on it. */
export const NUMBER = '+14155550102';
export const KEY = `acct1:pipedrive:${NUMBER}`;
export const JANE = {
  id: 7,
  name: 'Jane Roe',
  type: 'person',
  phone: NUMBER,
  createdDate: '2024-01-01T00:00:00Z',
};
export const JOHN = {
  id: 8,
  name: 'John Roe',
  type: 'person',
  phone: NUMBER,
  createdDate: '2023-06-01T00:00:00Z',
};
