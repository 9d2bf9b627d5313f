/** Every CRM CallPop can connect to, by platform name. Service worker only. */
import type { PlatformName } from '@/features/connection/model/connection';
import { hubspot } from './hubspot';
import { insightly } from './insightly';
import { pipedrive } from './pipedrive';
import type { Connector } from './types';

export const CONNECTORS: Record<PlatformName, Connector> = { pipedrive, insightly, hubspot };

/** The connector for a platform; a plain-words error for one CallPop does not know. */
export function getConnector(platform: string): Connector {
  if (Object.hasOwn(CONNECTORS, platform)) return CONNECTORS[platform as PlatformName];
  throw new Error(
    `CallPop cannot connect to "${platform}". Choose Pipedrive, Insightly or HubSpot.`,
  );
}
