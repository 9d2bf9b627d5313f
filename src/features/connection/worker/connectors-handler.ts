import type { Handler } from '@/platform/worker/listener';
import { connectorInfo } from './connect';
import { defaultDeps } from '@/connectors/default-deps';

export const listConnectors: Handler<'connectors.list'> = () =>
  defaultDeps.listConnectors().map(connectorInfo);
