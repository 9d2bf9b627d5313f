import type { Handler } from '../messages';
import { disconnect, getConnection, saveConnection, testConnection } from '../engine/connection';
import { defaultDeps } from '../engine/default-deps';

export const getConnectionHandler: Handler<'connection.get'> = () => getConnection(defaultDeps);
export const testConnectionHandler: Handler<'connection.test'> = (draft) =>
  testConnection(draft, defaultDeps);
export const saveConnectionHandler: Handler<'connection.save'> = (draft) =>
  saveConnection(draft, defaultDeps);
export const disconnectHandler: Handler<'connection.disconnect'> = () => disconnect();
