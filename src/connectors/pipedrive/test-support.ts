/** Test support: a Pipedrive emulator plus the connector arguments pointing at it. */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import {
  PIPEDRIVE_API_TOKEN,
  startPipedrive,
  type PipedriveEmulator,
} from '../../../e2e/emulators/pipedrive.ts';
import type { ConnectorUser, FindContactArgs } from '../types';
import { pipedriveAuthHeader } from './auth';

export const TOKEN_AUTH = pipedriveAuthHeader({ kind: 'apiToken', token: PIPEDRIVE_API_TOKEN });

/**
 * The file's Pipedrive emulator: started once, reset before each test, closed at the end. It is
 * used as the emulator itself (`pd.log`, `userFor(pd)`) once the tests run.
 */
export function usePipedrive(): PipedriveEmulator {
  let running: PipedriveEmulator | undefined;
  beforeAll(async () => {
    running = await startPipedrive();
  });
  afterAll(() => running?.close());
  beforeEach(() => running?.reset());
  return new Proxy({} as PipedriveEmulator, {
    get(_, key) {
      if (!running) throw new Error('The Pipedrive emulator starts with the tests.');
      const value: unknown = Reflect.get(running, key);
      return typeof value === 'function' ? (value.bind(running) as unknown) : value;
    },
  });
}

export function userFor(pd: PipedriveEmulator): ConnectorUser {
  return { id: '9001', hostname: pd.url, platform: 'pipedrive' };
}

export function findArgs(pd: PipedriveEmulator, phoneNumber: string): FindContactArgs {
  return {
    user: userFor(pd),
    authHeader: TOKEN_AUTH,
    phoneNumber,
    overridingFormat: '',
    isExtension: false,
    proxyConfig: null,
    tracer: null,
    isForceRefreshAccountData: false,
  };
}
