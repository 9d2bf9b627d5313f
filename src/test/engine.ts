/**
 * Test support for the engine: a scriptable fake connector, deps with a controllable clock, and
 * a stored connection. Used by the engine's and handlers' unit tests only.
 */
import type {
  Connector,
  CreateCallLogArgs,
  CreateContactArgs,
  FindContactArgs,
  FindHooks,
  SavedRecord,
} from '@/connectors/types';
import {
  CREATE_NEW_CONTACT,
  type Contact,
  type CreateContactResult,
  type FindContactResult,
} from '@/features/lookup/model/contact';
import type { Connection } from '@/features/connection/model/connection';
import { DEFAULT_SETTINGS, type Settings } from '@/features/settings/model/settings';
import { connectionItem, settingsItem } from '@/platform/storage/keys';
import type { EngineDeps } from '@/connectors/deps';
import { HttpError } from '@/platform/worker/http/client';

export const CONNECTION: Connection = {
  platform: 'pipedrive',
  hostname: 'acme.pipedrive.com',
  credentials: { kind: 'apiToken', token: 'secret-token-123' },
  accountId: 'acct1',
  userId: 'u1',
  userName: 'Ada',
  connectedAt: 1,
};

export type FindScript = (args: FindContactArgs, hooks?: FindHooks) => Promise<FindContactResult>;

export interface FakeConnector extends Connector {
  findCalls: FindContactArgs[];
  createCalls: CreateContactArgs[];
  logCalls: CreateCallLogArgs[];
  find: FindScript;
  create: (args: CreateContactArgs) => Promise<CreateContactResult>;
  log: (args: CreateCallLogArgs) => Promise<{ logId: string }>;
  /** What the fake CRM holds of the Saves' writes, as saveCheck finds them by content. */
  stored: { kind: SavedRecord['kind']; id: string; content: string }[];
  /** Stores a write in the fake CRM, as a CRM that answers (or times out) after storing it. */
  store: (save: SavedRecord, id: string) => void;
  /** Ids saveCheck removed. */
  removed: string[];
  /** saveCheck.find calls. */
  checks: number;
}

/** What a record says, as a CRM's saveCheck compares it (the auth and user set aside). */
function contentOf(save: SavedRecord): string {
  const { user: _user, authHeader: _auth, ...content } = save.args;
  return JSON.stringify(content);
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
    stored: [],
    removed: [],
    checks: 0,
    store: (save, id) => fake.stored.push({ kind: save.kind, id, content: contentOf(save) }),
    find: () => Promise.resolve(found([])),
    create: (args) => {
      const id = 900 + fake.stored.filter((r) => r.kind === 'contact').length;
      fake.store({ kind: 'contact', args }, String(id));
      return Promise.resolve({
        contactInfo: { id, name: args.newContactName, type: args.newContactType },
      });
    },
    log: (args) => {
      const logId = `log-${fake.stored.filter((r) => r.kind === 'callLog').length + 1}`;
      fake.store({ kind: 'callLog', args }, logId);
      return Promise.resolve({ logId });
    },
    authHeader: (credentials) =>
      credentials.kind === 'apiToken' ? `Bearer ${credentials.token}` : 'Bearer ?',
    checkConnection: () => Promise.resolve({ accountId: 'acct1', userId: 'u1', userName: 'Ada' }),
    findContact(args, hooks) {
      fake.findCalls.push(args);
      return fake.find(args, hooks);
    },
    createContact(args) {
      fake.createCalls.push(args);
      return fake.create(args);
    },
    findContactWithName: () => Promise.resolve(found([], false)),
    addPhoneNumber: () => Promise.resolve(),
    createCallLog(args) {
      fake.logCalls.push(args);
      return fake.log(args);
    },
    saveCheck: {
      find(save) {
        fake.checks += 1;
        const content = contentOf(save);
        const ids = fake.stored.filter((r) => r.kind === save.kind && r.content === content);
        return Promise.resolve(ids.map((r) => r.id));
      },
      remove(_save, id) {
        fake.removed.push(id);
        fake.stored = fake.stored.filter((r) => r.id !== id);
        return Promise.resolve();
      },
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

/** A CRM's error status, as the HTTP client rejects with it. */
export function httpError(status: number, headers: Record<string, string> = {}): Error {
  return new HttpError('status', `HTTP ${status}`, { status, headers, data: {} });
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
