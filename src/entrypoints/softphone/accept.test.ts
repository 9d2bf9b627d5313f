import { describe, expect, it } from 'vitest';
import { isFromSoftphone } from './accept';

describe('isFromSoftphone', () => {
  const frame = { name: 'softphone frame window' };
  const origin = 'https://apps.ringcentral.com';

  it('accepts the hosted frame at its configured origin', () => {
    expect(isFromSoftphone({ source: frame, origin }, frame, origin)).toBe(true);
  });

  it('refuses the same origin from another window', () => {
    expect(isFromSoftphone({ source: { other: true }, origin }, frame, origin)).toBe(false);
    expect(isFromSoftphone({ source: null, origin }, frame, origin)).toBe(false);
  });

  it('refuses the frame once it has navigated to another origin', () => {
    expect(isFromSoftphone({ source: frame, origin: 'https://evil.test' }, frame, origin)).toBe(
      false,
    );
  });

  it('refuses everything while no frame is shown', () => {
    expect(isFromSoftphone({ source: null, origin }, null, origin)).toBe(false);
  });
});
