import type { Handler } from '../messages';
import { connectorInfo } from '../engine/connection';
import { defaultDeps } from '../engine/default-deps';

export const listConnectors: Handler<'connectors.list'> = () =>
  defaultDeps.listConnectors().map(connectorInfo);
