/** The engine's real dependencies: the connector registry and the wall clock. */
import { CONNECTORS } from './';
import { realClock, type EngineDeps } from './deps';

export const defaultDeps: EngineDeps = {
  ...realClock,
  getConnector: (platform) =>
    Object.hasOwn(CONNECTORS, platform) ? CONNECTORS[platform] : undefined,
  listConnectors: () => Object.values(CONNECTORS),
};
