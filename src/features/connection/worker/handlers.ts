import type { Handler } from '@/platform/worker/listener';
import { disconnect, getConnection, saveConnection, testConnection } from './connect';
import { defaultDeps } from '@/connectors/default-deps';

export const getConnectionHandler: Handler<'connection.get'> = () => getConnection(defaultDeps);
export const testConnectionHandler: Handler<'connection.test'> = (draft) =>
  testConnection(draft, defaultDeps);
export const saveConnectionHandler: Handler<'connection.save'> = (draft) =>
  saveConnection(draft, defaultDeps);
export const disconnectHandler: Handler<'connection.disconnect'> = () => disconnect();
