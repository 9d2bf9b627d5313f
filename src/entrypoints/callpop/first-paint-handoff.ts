/** What the first-paint script (first-paint.ts) hands to the React app (main.ts). */
import type { CallSession } from '@/platform/storage/keys';

export interface FirstPaintHandoff {
  /** Settles with the call as first read (undefined when not recorded yet) once it is painted. */
  painted: Promise<CallSession | undefined>;
  /** Stops repainting on changes; returns the call as last seen, for React's first render. */
  takeOver: () => CallSession | undefined;
}

declare global {
  interface Window {
    callPopFirstPaint?: FirstPaintHandoff;
  }
}
