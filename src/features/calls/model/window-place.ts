/** Where the call window opens: beside the softphone window, never on it, inside the screen. */
export interface Bounds {
  left: number;
  top: number;
  width: number;
  height: number;
}

export const SOFTPHONE_PAGE = 'src/entrypoints/softphone/index.html';
export const CALL_WINDOW_SIZE = { width: 380, height: 560 };
/** Narrower, the card's buttons wrap badly; a screen with less room beside the softphone is rare. */
const MIN_WIDTH = 300;

export const overlaps = (a: Bounds, b: Bounds): boolean =>
  a.left < b.left + b.width &&
  b.left < a.left + a.width &&
  a.top < b.top + b.height &&
  b.top < a.top + a.height;

const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(value, high));

/** `areas`: the screens' work areas (Chrome refuses a window mostly off them); `remembered`: where
 * the person last put a call window, kept while it is on a screen and off the softphone. */
export function placeCallWindow(
  softphone: Bounds | null,
  areas: readonly Bounds[],
  remembered: Bounds | null,
): Partial<Bounds> {
  const size = remembered
    ? { width: remembered.width, height: remembered.height }
    : CALL_WINDOW_SIZE;
  // Chrome refuses a window mostly off screen; the worker then opens it where Chrome likes.
  const onScreen = remembered !== null && areas.some((area) => overlaps(remembered, area));
  if (onScreen && !(softphone && overlaps(remembered, softphone))) return remembered;
  const area = softphone && areas.find((a) => overlaps(a, softphone));
  if (!softphone || !area) return size;
  const height = Math.min(size.height, area.height);
  const top = clamp(softphone.top, area.top, area.top + area.height - height);
  const rightRoom = area.left + area.width - (softphone.left + softphone.width);
  const leftRoom = softphone.left - area.left;
  // The right if it fits there, else the left if it fits, else the roomier side, narrowed.
  const right = rightRoom >= size.width || rightRoom >= leftRoom;
  const width = clamp(right ? rightRoom : leftRoom, MIN_WIDTH, size.width);
  const left = right
    ? Math.min(softphone.left + softphone.width, area.left + area.width - width)
    : Math.max(softphone.left - width, area.left);
  return { left, top, width, height };
}

/** A window's bounds (Chrome gives them for every open window). */
export function boundsOf(window: Partial<Bounds>): Bounds {
  const { left = 0, top = 0, width = 0, height = 0 } = window;
  return { left, top, width, height };
}
