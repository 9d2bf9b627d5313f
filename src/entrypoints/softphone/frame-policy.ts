/**
 * What the framed softphone may do. Everything a web phone needs (its script and origin, forms,
 * sign-in popups, dialogs, downloads; microphone and sound by `allow`), but never navigating
 * CallPop's softphone window itself: with a click in its frame, an unsandboxed softphone (or
 * whoever took over its origin) could replace the window with a look-alike page.
 */
export const FRAME_SANDBOX = [
  'allow-scripts',
  'allow-same-origin',
  'allow-forms',
  'allow-popups',
  // Sign-in windows it opens are ordinary pages, not sandboxed like the frame.
  'allow-popups-to-escape-sandbox',
  'allow-modals',
  'allow-downloads',
].join(' ');

export const FRAME_ALLOW = 'microphone; autoplay; clipboard-write';
