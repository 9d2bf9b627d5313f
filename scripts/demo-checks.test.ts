import { describe, expect, it } from 'vitest';
import { missingDisplay } from './demo-checks';

describe('missingDisplay', () => {
  it('names xvfb-run and HEADLESS=1 on Linux without a display', () => {
    const message = missingDisplay({}, 'linux');
    expect(message).toContain('xvfb-run npm start');
    expect(message).toContain('HEADLESS=1 npm start');
  });

  it('says nothing with an X or Wayland display, or off Linux', () => {
    expect(missingDisplay({ DISPLAY: ':99' }, 'linux')).toBeUndefined();
    expect(missingDisplay({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBeUndefined();
    expect(missingDisplay({}, 'darwin')).toBeUndefined();
  });
});
