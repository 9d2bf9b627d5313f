import { describe, expect, it } from 'vitest';
import { earlierSlotWith, layoutFor, packFormats, withSlot } from './format-slots';

describe('packFormats', () => {
  it('leaves blank slots out and keeps a repeated format once', () => {
    expect(packFormats(['', '###-###-####', ''])).toEqual(['###-###-####']);
    expect(packFormats(['(###) ###-####', ' (###) ###-#### ', '###'])).toEqual([
      '(###) ###-####',
      '###',
    ]);
  });
});

describe('layoutFor', () => {
  it('keeps a format typed into slot 2 in slot 2 while slot 1 is empty', () => {
    const layout = withSlot(layoutFor([], null, 3), 1, '###-###-####');
    expect(layout).toEqual(['', '###-###-####', '']);
    // Storage now holds the packed list; the page still shows the format in slot 2 only.
    expect(layoutFor(packFormats(layout), layout, 3)).toBe(layout);
  });

  it('shows a list changed elsewhere from the first slot on', () => {
    expect(layoutFor(['#'], ['', '##', ''], 3)).toEqual(['#', '', '']);
    expect(layoutFor(['#', '##'], null, 3)).toEqual(['#', '##', '']);
  });

  it('keeps formats beyond the slots shown', () => {
    expect(layoutFor(['1', '2', '3', '4'], null, 3)).toEqual(['1', '2', '3', '4']);
  });
});

describe('earlierSlotWith', () => {
  it('names the earlier slot holding the same format', () => {
    expect(earlierSlotWith(['###', '', ''], 2, ' ### ')).toBe(0);
    expect(earlierSlotWith(['###', '', ''], 0, '###')).toBeNull();
    expect(earlierSlotWith(['', '', ''], 1, '')).toBeNull();
  });
});
