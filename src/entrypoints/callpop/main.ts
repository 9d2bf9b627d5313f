/**
 * The call-pop window's module entry: waits for the first paint (first-paint.ts) to be on
 * screen, then loads React, so its start-up never delays the caller's name.
 */
import './callpop.css';

const sessionId = new URLSearchParams(location.search).get('session');
const handoff = window.callPopFirstPaint;
if (handoff) await handoff.painted;
// After the next frame: the painted name reaches the screen before React's work begins.
await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
const { boot } = await import('./boot');
boot(sessionId, handoff?.takeOver());
