import type { CallSession } from '@/platform/storage/keys';
import { mount } from '@/platform/ui/mount';
import { App } from './App';

/** Mounts the call-pop app over the first paint, starting from the call as last read. */
export function boot(sessionId: string | null, initial: CallSession | undefined): void {
  mount(<App sessionId={sessionId} initial={initial} />);
}
