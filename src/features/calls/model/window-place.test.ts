import { describe, expect, it } from 'vitest';
import { CALL_WINDOW_SIZE, overlaps, placeCallWindow, type Bounds } from './window-place';

const box = (left: number, top: number, width: number, height: number): Bounds => ({
  left,
  top,
  width,
  height,
});
const SCREEN = box(0, 0, 1920, 1040);
const { width: W, height: H } = CALL_WINDOW_SIZE;

describe('placeCallWindow', () => {
  it.each<[string, Bounds | null, Bounds[], Bounds | null, Partial<Bounds>]>([
    ['no softphone window: Chrome places it', null, [SCREEN], null, CALL_WINDOW_SIZE],
    ['room on the right: right of it', box(100, 50, 400, 680), [SCREEN], null, box(500, 50, W, H)],
    [
      'no room on the right: left of it',
      box(1600, 50, 320, 680),
      [SCREEN],
      null,
      box(1600 - W, 50, W, H),
    ],
    [
      'room on neither side: the roomier one, narrowed',
      box(300, 0, 1300, 680),
      [SCREEN],
      null,
      box(1600, 0, 320, H),
    ],
    [
      'low on the screen: raised to fit',
      box(0, 900, 400, 140),
      [SCREEN],
      null,
      box(400, 1040 - H, W, H),
    ],
    [
      'on the second screen: inside that one',
      box(2000, 0, 400, 680),
      [SCREEN, box(1920, 0, 800, 600)],
      null,
      box(2400, 0, 320, H),
    ],
    [
      'the remembered place, off the softphone',
      box(0, 0, 400, 680),
      [SCREEN],
      box(1200, 300, 500, 600),
      box(1200, 300, 500, 600),
    ],
    [
      'the remembered place on the softphone: its size, beside it',
      box(0, 0, 400, 680),
      [SCREEN],
      box(200, 0, 500, 600),
      box(400, 0, 500, 600),
    ],
    [
      'the remembered place off every screen (one unplugged): beside the softphone',
      box(0, 0, 400, 680),
      [SCREEN],
      box(2000, 0, 380, 560),
      box(400, 0, W, H),
    ],
  ])('%s', (_, softphone, areas, remembered, expected) => {
    const placed = placeCallWindow(softphone, areas, remembered);
    expect(placed).toEqual(expected);
    if (softphone && 'left' in placed) expect(overlaps(placed as Bounds, softphone)).toBe(false);
  });
});
