/** The connection feature's worker side: testing, saving and removing the CRM connection. */
import { defaultDeps } from '@/connectors/default-deps';
import type { HandlerTable } from '@/platform/worker/listener';
import {
  connectorInfo,
  disconnect,
  getConnection,
  saveConnection,
  testConnection,
} from './connect';

export const connectionHandlers = {
  'connectors.list': () => defaultDeps.listConnectors().map(connectorInfo),
  'connection.get': () => getConnection(defaultDeps),
  'connection.test': (draft) => testConnection(draft, defaultDeps),
  'connection.save': (draft) => saveConnection(draft, defaultDeps),
  'connection.disconnect': () => disconnect(),
} satisfies Partial<HandlerTable>;
