/**
 * An in-memory fake of the chrome.* APIs CallPop uses, so service-worker logic is unit tested
 * without a browser. `installChromeFake()` puts a fresh one on globalThis.chrome (the vitest
 * setup does this before every test) and returns handles for driving it.
 */
import { FakeEvent } from './fake-event';
import { FakeStorageArea } from './fake-storage';

export const FAKE_EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${FAKE_EXTENSION_ID}`;

type MessageListener = (
  message: unknown,
  sender: chrome.runtime.MessageSender,
  sendResponse: (response?: unknown) => void,
) => boolean | undefined | void;

interface FakeAlarm {
  name: string;
  scheduledTime: number;
  periodInMinutes?: number;
}

interface FakeWindow {
  id: number;
  type: string;
  focused: boolean;
  state: string;
  tabs: { id: number; windowId: number; url: string }[];
}

/** The sender Chrome reports for one of this extension's own pages. */
export function extensionPageSender(
  path = '/src/entrypoints/popup/index.html',
): chrome.runtime.MessageSender {
  return { id: FAKE_EXTENSION_ID, url: `${ORIGIN}${path}`, origin: ORIGIN };
}

export function createChromeFake() {
  const storageChanged = new FakeEvent<
    (changes: Record<string, chrome.storage.StorageChange>, area: string) => void
  >();
  const local = new FakeStorageArea('local', storageChanged);
  const session = new FakeStorageArea('session', storageChanged);

  const onMessage = new FakeEvent<MessageListener>();
  const onInstalled = new FakeEvent<(details: chrome.runtime.InstalledDetails) => void>();
  const onStartup = new FakeEvent<() => void>();
  const manifest = {
    name: 'CallPop',
    version: '0.1.0',
    version_name: '0.1.0',
    manifest_version: 3,
    content_security_policy: { extension_pages: "script-src 'self'; object-src 'self'" },
  };

  /** Delivers a message to the onMessage listeners as Chrome does and resolves with the reply. */
  function dispatchMessage(
    message: unknown,
    sender: chrome.runtime.MessageSender = extensionPageSender(),
  ): Promise<unknown> {
    return new Promise((resolve) => {
      let answered = false;
      const sendResponse = (response?: unknown): void => {
        if (answered) return;
        answered = true;
        resolve(response);
      };
      const results = onMessage.dispatch(message, sender, sendResponse);
      if (!answered && !results.some((result) => result === true)) resolve(undefined);
    });
  }

  const badge = { text: '', title: '', color: '' };
  const alarms = new Map<string, FakeAlarm>();
  const onAlarm = new FakeEvent<(alarm: chrome.alarms.Alarm) => void>();

  const windows = new Map<number, FakeWindow>();
  let nextId = 1;
  const onWindowRemoved = new FakeEvent<(windowId: number) => void>();
  const grantedOrigins = new Set<string>();

  const chromeFake = {
    runtime: {
      id: FAKE_EXTENSION_ID,
      getURL: (path: string) => `${ORIGIN}/${path.replace(/^\//, '')}`,
      getManifest: () => manifest,
      sendMessage: (message: unknown) => dispatchMessage(message),
      onMessage,
      onInstalled,
      onStartup,
      lastError: undefined,
    },
    storage: { local, session, onChanged: storageChanged },
    alarms: {
      create: async (name: string, info: chrome.alarms.AlarmCreateInfo) => {
        await Promise.resolve();
        alarms.set(name, {
          name,
          scheduledTime:
            info.when ?? Date.now() + (info.delayInMinutes ?? info.periodInMinutes ?? 0) * 60_000,
          ...(info.periodInMinutes ? { periodInMinutes: info.periodInMinutes } : {}),
        });
      },
      get: async (name: string) => {
        await Promise.resolve();
        return alarms.get(name);
      },
      getAll: async () => [...alarms.values()],
      clear: async (name: string) => alarms.delete(name),
      clearAll: async () => {
        const had = alarms.size > 0;
        alarms.clear();
        return had;
      },
      onAlarm,
    },
    windows: {
      WINDOW_ID_NONE: -1,
      create: async (data: chrome.windows.CreateData) => {
        await Promise.resolve();
        const id = nextId++;
        const urls = data.url === undefined ? [] : Array.isArray(data.url) ? data.url : [data.url];
        const win: FakeWindow = {
          id,
          type: data.type ?? 'normal',
          focused: data.focused ?? true,
          state: data.state ?? 'normal',
          tabs: urls.map((url) => ({ id: nextId++, windowId: id, url })),
        };
        windows.set(id, win);
        return structuredClone(win);
      },
      get: async (id: number) => {
        await Promise.resolve();
        const win = windows.get(id);
        if (!win) throw new Error(`No window with id: ${id}.`);
        return structuredClone(win);
      },
      getAll: async () => [...windows.values()].map((win) => structuredClone(win)),
      update: async (id: number, info: chrome.windows.UpdateInfo) => {
        await Promise.resolve();
        const win = windows.get(id);
        if (!win) throw new Error(`No window with id: ${id}.`);
        if (info.focused !== undefined) win.focused = info.focused;
        if (info.state !== undefined) win.state = info.state;
        return structuredClone(win);
      },
      remove: async (id: number) => {
        await Promise.resolve();
        if (!windows.delete(id)) throw new Error(`No window with id: ${id}.`);
        onWindowRemoved.dispatch(id);
      },
      onRemoved: onWindowRemoved,
    },
    tabs: {
      query: async (query: { url?: string | string[]; windowId?: number }) => {
        await Promise.resolve();
        const tabs = [...windows.values()].flatMap((win) => win.tabs);
        return tabs.filter(
          (tab) => query.windowId === undefined || tab.windowId === query.windowId,
        );
      },
      create: async (props: { url?: string; active?: boolean }) => {
        await Promise.resolve();
        const win = await chromeFake.windows.create({ url: props.url ?? 'about:blank' });
        return win.tabs[0];
      },
      update: async (tabId: number, props: { url?: string }) => {
        await Promise.resolve();
        const tab = [...windows.values()].flatMap((win) => win.tabs).find((t) => t.id === tabId);
        if (!tab) throw new Error(`No tab with id: ${tabId}.`);
        if (props.url) tab.url = props.url;
        return tab;
      },
    },
    // The toolbar button's badge, as one record a test can read.
    action: {
      setBadgeText: async ({ text }: { text: string }) => void (badge.text = text),
      setTitle: async ({ title }: { title: string }) => void (badge.title = title),
      setBadgeBackgroundColor: async ({ color }: { color: string }) => void (badge.color = color),
    },
    permissions: {
      contains: async (permissions: { origins?: string[] }) =>
        (permissions.origins ?? []).every((origin) => grantedOrigins.has(origin)),
      request: async (permissions: { origins?: string[] }) => {
        for (const origin of permissions.origins ?? []) grantedOrigins.add(origin);
        return true;
      },
      remove: async (permissions: { origins?: string[] }) => {
        for (const origin of permissions.origins ?? []) grantedOrigins.delete(origin);
        return true;
      },
    },
  };

  return {
    chrome: chromeFake,
    local,
    session,
    dispatchMessage,
    alarms,
    windows,
    grantedOrigins,
    badge,
    /** Fires an alarm as Chrome would when it is due. */
    fireAlarm(name: string): void {
      const alarm = alarms.get(name);
      if (!alarm) throw new Error(`No alarm named ${name}`);
      onAlarm.dispatch(alarm as chrome.alarms.Alarm);
    },
  };
}

export type ChromeFake = ReturnType<typeof createChromeFake>;

let current: ChromeFake | undefined;

export function installChromeFake(): ChromeFake {
  current = createChromeFake();
  (globalThis as { chrome?: unknown }).chrome = current.chrome;
  return current;
}

/** The fake installed for the running test. */
export function chromeFake(): ChromeFake {
  if (!current) throw new Error('installChromeFake() has not run');
  return current;
}
