// Everything a web phone needs, but never top navigation: a click in a taken-over frame could
// otherwise replace CallPop's softphone window with a look-alike page.
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
