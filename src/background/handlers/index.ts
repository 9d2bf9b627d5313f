import type { HandlerTable } from '../messages';
import { getStatus } from './status';

export const handlers: HandlerTable = {
  'status.get': getStatus,
};
