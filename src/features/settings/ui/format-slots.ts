// Formats are stored packed but edited in fixed slots: the page keeps its own layout so a format
// typed into slot 2 while slot 1 is empty stays in slot 2.

/** The stored list for a slot layout: blank slots left out, a repeated format kept once. */
export function packFormats(slots: readonly string[]): string[] {
  const formats: string[] = [];
  for (const slot of slots) {
    const format = slot.trim();
    if (format !== '' && !formats.includes(format)) formats.push(format);
  }
  return formats;
}

/** `current` while it still packs to `stored`, else `stored` from the first slot on. */
export function layoutFor(
  stored: readonly string[],
  current: readonly string[] | null,
  slots: number,
): readonly string[] {
  // Formats are one line each, so joined lists compare as the lists.
  if (current && packFormats(current).join('\n') === stored.join('\n')) return current;
  return Array.from({ length: Math.max(slots, stored.length) }, (_, index) => stored[index] ?? '');
}

export function withSlot(layout: readonly string[], slot: number, format: string): string[] {
  return layout.map((value, index) => (index === slot ? format : value));
}

/** The earlier slot holding the same format, if any, so the page can say it is used once. */
export function earlierSlotWith(
  layout: readonly string[],
  slot: number,
  format: string,
): number | null {
  const trimmed = format.trim();
  if (trimmed === '') return null;
  const index = layout.slice(0, slot).findIndex((value) => value.trim() === trimmed);
  return index === -1 ? null : index;
}
